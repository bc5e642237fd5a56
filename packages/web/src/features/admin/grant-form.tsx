import { Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useErrorText } from '../../components/error-view.tsx';
import { ME_KEY } from '../auth/use-me.ts';
import { adminKeys } from './admin-queries.ts';
import { AGENCY_ROLES, type AgencyRecord, type RegionUser } from './admin-types.ts';
import {
  errorAt,
  type FieldErrors,
  fieldErrors,
  generalMessage,
  mergeErrors,
  otherErrors,
} from './form-errors.ts';
import { FormProblems } from './form-problems.tsx';
import { grantBody, type RoleChoice, RoleFields } from './role-fields.tsx';

/** Gives an existing account one more role in the region. */
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
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<RoleChoice>({ role: 'agency_editor', agencyId: null });
  const [local, setLocal] = useState<FieldErrors>({});
  const grant = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post<unknown>(`/api/regions/${regionId}/users/${user.id}/roles`, body),
  });
  // The service names the agency of the one grant `roles.0.agencyId`; the route names `body.role`.
  const errors = mergeErrors(local, fieldErrors(grant.error, ['roles.0.']));
  const at = (k: string) => errorAt(errors, k);

  const submit = () => {
    const body = grantBody(choice);
    const problems: Record<string, string> = {};
    if (AGENCY_ROLES.has(body.role) && !body.agencyId) problems.agencyId = t('users.agencyRequired');
    if (user.roles.some((g) => g.role === body.role && g.agencyId === body.agencyId))
      problems.role = t('users.duplicate');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    grant.mutate(body, {
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: adminKeys.users(regionId) });
        void queryClient.invalidateQueries({ queryKey: ME_KEY });
        notifications.show({
          message: t('users.granted', { name: user.displayName }),
          color: 'teal',
          autoClose: 3000,
        });
        onDone();
      },
    });
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <RoleFields
          value={choice}
          onChange={setChoice}
          agencies={agencies}
          roleLabel={t('users.role')}
          errors={{ role: at('role'), agencyId: at('agencyId') }}
        />
        <FormProblems
          messages={generalMessage(
            grant.error,
            otherErrors(errors, ['role', 'agencyId']),
            t('fix'),
            errorText,
          )}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {tc('action.cancel')}
          </Button>
          <Button type="submit" loading={grant.isPending}>
            {t('users.grant')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
