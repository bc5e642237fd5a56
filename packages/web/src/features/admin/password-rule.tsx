import { List, PasswordInput, Text } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type PasswordProblem, passwordProblems } from './rules.ts';

const PROBLEM_TEXT: Readonly<Record<PasswordProblem, string>> = {
  short: 'users.passwordShort',
  long: 'users.passwordLong',
  containsUsername: 'users.passwordHasUsername',
};

/** The password's problems as one text, or undefined when it meets the rule. */
export const usePasswordProblem = () => {
  const { t } = useTranslation('admin');
  return (username: string, password: string): string | undefined => {
    const problems = passwordProblems(username, password);
    return problems.length > 0 ? problems.map((p) => t(PROBLEM_TEXT[p])).join(' ') : undefined;
  };
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

/** A new password with the rule below it, checked as the user types. */
export const NewPasswordField = ({
  username,
  value,
  onChange,
  label,
  error,
}: {
  username: string;
  value: string;
  onChange: (v: string) => void;
  label: string;
  error: string | undefined;
}) => {
  const { t } = useTranslation('admin');
  return (
    <>
      <PasswordInput
        label={label}
        description={t('users.passwordRule')}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        autoComplete="new-password"
        required
        error={error}
      />
      <PasswordRule username={username} password={value} />
    </>
  );
};
