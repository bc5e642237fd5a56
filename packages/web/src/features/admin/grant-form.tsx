import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ME_KEY } from '../auth/use-me.ts';
import { adminKeys } from './admin-queries.ts';
import { AGENCY_ROLES, type AgencyRecord, type RegionUser } from './admin-types.ts';
import { refusalReason } from './form-errors.ts';
import { AdminForm, FormFooter, notifyDone, useFieldErrors } from './form-parts.tsx';
import { grantBody, type RoleChoice, RoleFields } from './role-fields.tsx';

/** Gives an existing account one more role in the region; a role it already has is refused at the role. */
export const GrantForm = ({
  regionId,
  user,
  agencies,
  onDone,
}: {
  regionId: string;
  user: RegionUser;
  agencies: readonly AgencyRecord[];
  onDone: () => void;
}) => {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<RoleChoice>({ role: 'agency_editor', agencyId: null });
  const grant = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post<unknown>(`/api/regions/${regionId}/users/${user.id}/roles`, body),
  });
  const held = refusalReason(grant.error) === 'role-held';
  // The service names the agency of the one grant `roles.0.agencyId`; the route names `body.role`.
  const { at, general, check } = useFieldErrors(held ? null : grant.error, ['role', 'agencyId'], {
    prefixes: ['roles.0.'],
    extra: held ? { role: t('users.duplicate') } : {},
  });

  const submit = () => {
    const body = grantBody(choice);
    const problems: Record<string, string> = {};
    if (AGENCY_ROLES.has(body.role) && !body.agencyId) problems.agencyId = t('users.agencyRequired');
    if (user.roles.some((g) => g.role === body.role && g.agencyId === body.agencyId))
      problems.role = t('users.duplicate');
    if (!check(problems)) return;
    grant.mutate(body, {
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: adminKeys.users(regionId) });
        void queryClient.invalidateQueries({ queryKey: adminKeys.user(user.id) });
        void queryClient.invalidateQueries({ queryKey: ME_KEY });
        notifyDone(t('users.granted', { name: user.displayName }));
        onDone();
      },
    });
  };

  return (
    <AdminForm onSubmit={submit}>
      <RoleFields
        value={choice}
        onChange={setChoice}
        agencies={agencies}
        roleLabel={t('users.role')}
        errors={{ role: at('role'), agencyId: at('agencyId') }}
      />
      <FormFooter
        problems={general}
        onCancel={onDone}
        busy={grant.isPending}
        submitLabel={t('users.grant')}
      />
    </AdminForm>
  );
};
