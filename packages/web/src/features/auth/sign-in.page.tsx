import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, api, setCsrfToken } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { registerLocale } from '../../i18n/index.ts';
import { ME_KEY } from './use-me.ts';

registerLocale('auth', {
  id: {
    title: 'Masuk ke Selaras',
    username: 'Nama pengguna',
    password: 'Kata sandi',
    submit: 'Masuk',
    wrong: 'Nama pengguna atau kata sandi salah.',
    limited: 'Terlalu banyak percobaan gagal. Coba lagi setelah {{time}}.',
    help: 'Akun dibuat oleh administrator wilayah Anda.',
  },
  en: {
    title: 'Sign in to Selaras',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    wrong: 'Wrong username or password.',
    limited: 'Too many failed attempts. Try again after {{time}}.',
    help: 'Accounts are made by your region’s administrator.',
  },
});

/** Only paths inside the app are followed after sign-in. */
const safeNext = (next: string | null): string =>
  next?.startsWith('/') && !next.startsWith('//') ? next : '/';

/** The sign-in form. */
export const SignInPage = () => {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const r = await api.post<{ user: User; csrfToken: string }>('/api/auth/sign-in', {
        username,
        password,
      });
      setCsrfToken(r.csrfToken);
      await queryClient.invalidateQueries();
      await queryClient.fetchQuery({
        queryKey: ME_KEY,
        queryFn: async () => (await api.get<{ user: User | null }>('/api/auth/me')).user,
      });
      void navigate(safeNext(params.get('next')), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'RATE_LIMITED') {
        const at = (err.details as { retryAt?: string } | undefined)?.retryAt;
        setError(t('limited', { time: at ? new Date(at).toLocaleTimeString() : '' }));
      } else if (err instanceof ApiError && err.status === 401) setError(t('wrong'));
      else if (err instanceof ApiError && err.code === 'NETWORK') setError(tc('error.network'));
      else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper
        withBorder
        shadow="sm"
        p="xl"
        w={380}
        component="form"
        onSubmit={submit}
        aria-labelledby="sign-in-title"
      >
        <Stack>
          <Group justify="space-between">
            <Title order={2} id="sign-in-title">
              {t('title')}
            </Title>
            <LanguageSwitch />
          </Group>
          <Text size="sm" c="dimmed">
            {tc('app.tagline')}
          </Text>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label={t('username')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            autoComplete="username"
            required
            autoFocus
          />
          <PasswordInput
            label={t('password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="current-password"
            required
          />
          <Button type="submit" loading={busy} fullWidth>
            {t('submit')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('help')}{' '}
            <Anchor href="/api/docs" size="xs">
              API
            </Anchor>
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
};
