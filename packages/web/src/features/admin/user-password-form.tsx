import { Paper, PasswordInput, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useStoreUser } from './admin-queries.ts';
import type { PasswordSet, UserCardProps } from './admin-types.ts';
import { AdminForm, FormFooter, notifyDone, useFieldErrors } from './form-parts.tsx';
import { NewPasswordField, usePasswordProblem } from './password-rule.tsx';

/**
 * Sets the account's password. An admin sets another account's password without knowing the old
 * one; for your own account the current password is asked too. The account's other sessions end.
 */
export const UserPasswordCard = ({ user, self, regionId }: UserCardProps) => {
  const { t } = useTranslation('admin');
  const store = useStoreUser(regionId);
  const passwordProblem = usePasswordProblem();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const set = useMutation({
    mutationFn: (body: { password: string; currentPassword?: string }) =>
      api.post<PasswordSet>(`/api/users/${user.id}/password`, body),
  });
  const { at, general, check } = useFieldErrors(set.error, ['password', 'currentPassword']);
  const submit = () => {
    const problems: Record<string, string> = {};
    const pw = passwordProblem(user.username, password);
    if (pw) problems.password = pw;
    if (self && !current) problems.currentPassword = t('required');
    if (!check(problems)) return;
    set.mutate(self ? { password, currentPassword: current } : { password }, {
      onSuccess: ({ sessionsEnded, ...u }) => {
        store(u);
        notifyDone(t('password.done', { username: u.username, count: sessionsEnded }));
        setCurrent('');
        setPassword('');
        set.reset();
      },
    });
  };
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('password.heading')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {self ? t('password.selfHint') : t('password.adminHint')}
      </Text>
      <AdminForm onSubmit={submit}>
        {self && (
          <PasswordInput
            label={t('password.current')}
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            autoComplete="current-password"
            required
            error={at('currentPassword')}
          />
        )}
        <NewPasswordField
          username={user.username}
          value={password}
          onChange={setPassword}
          label={t('password.new')}
          error={at('password')}
        />
        <FormFooter problems={general} busy={set.isPending} submitLabel={t('password.set')} />
      </AdminForm>
    </Paper>
  );
};
