import { Button, Group, List, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { useErrorText } from '../../components/error-view.tsx';
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
import { type PasswordProblem, passwordProblems } from './rules.ts';

const FIELDS = ['username', 'displayName', 'password', 'roles'];

const PROBLEM_TEXT: Readonly<Record<PasswordProblem, string>> = {
  short: 'users.passwordShort',
  long: 'users.passwordLong',
  containsUsername: 'users.passwordHasUsername',
};

/** The password rule, each part ticked as the password meets it. */
const PasswordRule = ({ username, password }: { username: string; password: string }) => {
  const { t } = useTranslation('admin');
  const problems = passwordProblems(username, password);
  const rows: { ok: boolean; text: string }[] = [
    { ok: password.length >= 10, text: t('users.ruleLength') },
    { ok: password !== '' && !problems.includes('containsUsername'), text: t('users.ruleNoUsername') },
  ];
  return (
    <List size="xs" spacing={2} aria-live="polite" data-testid="password-rule">
      {rows.map((r) => (
        <List.Item
          key={r.text}
          icon={
            r.ok ? (
              <IconCheck size={14} color="var(--mantine-color-teal-7)" />
            ) : (
              <IconX size={14} color="var(--mantine-color-gray-6)" />
            )
          }
        >
          <Text size="xs" c={r.ok ? 'teal.8' : 'dimmed'}>
            {r.text}
          </Text>
        </List.Item>
      ))}
    </List>
  );
};

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
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<RoleChoice>({ role: 'viewer', agencyId: null });
  const [local, setLocal] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post<RegionUser>(`/api/regions/${regionId}/users`, body),
  });
  const taken = create.error instanceof ApiError && create.error.code === 'CONFLICT';
  const errors = mergeErrors(
    local,
    taken ? { username: t('users.usernameTaken') } : {},
    fieldErrors(create.error),
  );
  const at = (k: string) => errorAt(errors, k);

  const submit = () => {
    const problems: Record<string, string> = {};
    if (!username.trim()) problems.username = t('required');
    if (!displayName.trim()) problems.displayName = t('required');
    const pw = passwordProblems(username, password);
    if (pw.length > 0) problems.password = pw.map((p) => t(PROBLEM_TEXT[p])).join(' ');
    if (AGENCY_ROLES.has(role.role) && !role.agencyId)
      problems['roles.0.agencyId'] = t('users.agencyRequired');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    create.mutate(
      { username: username.trim(), displayName: displayName.trim(), password, roles: [grantBody(role)] },
      {
        onSuccess: (u) => {
          void queryClient.invalidateQueries({ queryKey: adminKeys.users(regionId) });
          notifications.show({
            message: t('users.created', { username: u.username }),
            color: 'teal',
            autoClose: 3000,
          });
          onDone();
        },
      },
    );
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
        <PasswordInput
          label={t('users.password')}
          description={t('users.passwordRule')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          autoComplete="new-password"
          required
          error={at('password')}
        />
        <PasswordRule username={username} password={password} />
        <RoleFields
          value={role}
          onChange={setRole}
          agencies={agencies}
          roleLabel={t('users.firstRole')}
          errors={{ role: at('roles.0.role'), agencyId: at('roles.0.agencyId') }}
        />
        <FormProblems
          messages={generalMessage(create.error, otherErrors(errors, FIELDS), t('fix'), errorText)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {tc('action.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('users.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
