import { SimpleGrid, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { adminKeys } from './admin-queries.ts';
import { AGENCY_ROLES, type AgencyRecord, type RegionUser } from './admin-types.ts';
import { AdminForm, FormFooter, notifyDone, useFieldErrors } from './form-parts.tsx';
import { NewPasswordField, usePasswordProblem } from './password-rule.tsx';
import { grantBody, type RoleChoice, RoleFields } from './role-fields.tsx';

const FIELDS = ['username', 'displayName', 'password', 'roles'];

/**
 * Creates an account with its first role. The password rule is shown and checked as the user
 * types; the server checks it again, and its field problems show at the fields.
 */
export const UserCreateForm = ({
  regionId,
  agencies,
  onDone,
}: {
  regionId: string;
  agencies: readonly AgencyRecord[];
  onDone: () => void;
}) => {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const passwordProblem = usePasswordProblem();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<RoleChoice>({ role: 'viewer', agencyId: null });
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post<RegionUser>(`/api/regions/${regionId}/users`, body),
  });
  const taken = create.error instanceof ApiError && create.error.code === 'CONFLICT';
  const { at, general, check } = useFieldErrors(create.error, FIELDS, {
    extra: taken ? { username: t('users.usernameTaken') } : {},
  });

  const submit = () => {
    const problems: Record<string, string> = {};
    if (!username.trim()) problems.username = t('required');
    if (!displayName.trim()) problems.displayName = t('required');
    const pw = passwordProblem(username, password);
    if (pw) problems.password = pw;
    if (AGENCY_ROLES.has(role.role) && !role.agencyId)
      problems['roles.0.agencyId'] = t('users.agencyRequired');
    if (!check(problems)) return;
    create.mutate(
      { username: username.trim(), displayName: displayName.trim(), password, roles: [grantBody(role)] },
      {
        onSuccess: (u) => {
          void queryClient.invalidateQueries({ queryKey: adminKeys.users(regionId) });
          notifyDone(t('users.created', { username: u.username }));
          onDone();
        },
      },
    );
  };

  return (
    <AdminForm onSubmit={submit}>
      <SimpleGrid cols={2}>
        <TextInput
          label={t('users.username')}
          description={t('users.usernameHint')}
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          autoComplete="off"
          required
          data-autofocus
          error={at('username')}
        />
        <TextInput
          label={t('users.displayName')}
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          required
          error={at('displayName')}
        />
      </SimpleGrid>
      <NewPasswordField
        username={username}
        value={password}
        onChange={setPassword}
        label={t('users.password')}
        error={at('password')}
      />
      <RoleFields
        value={role}
        onChange={setRole}
        agencies={agencies}
        roleLabel={t('users.firstRole')}
        errors={{ role: at('roles.0.role'), agencyId: at('roles.0.agencyId') }}
      />
      <FormFooter problems={general} onCancel={onDone} busy={create.isPending} submitLabel={t('users.add')} />
    </AdminForm>
  );
};
