import { Anchor, AppShell, Avatar, Button, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate } from 'react-router';
import { api, setCsrfToken } from '../api/client.ts';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { isAdmin, useMe } from '../features/auth/use-me.ts';

// The inbox loads after the frame, so the first page stays small.
const InboxBell = lazy(async () => ({
  default: (await import('../features/inbox/inbox-bell.tsx')).InboxBell,
}));

/** The frame of every signed-in screen: the header with navigation, language and account. */
export const AppLayout = () => {
  const { t } = useTranslation();
  const { data: user } = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const regionId = user?.roles[0]?.regionId;
  const regionName = user?.roles[0]?.regionName;
  const signOut = async () => {
    await api.post('/api/auth/sign-out').catch(() => undefined);
    setCsrfToken(undefined);
    queryClient.clear();
    void navigate('/masuk');
  };
  return (
    <AppShell header={{ height: 52 }} padding={0}>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Anchor component={Link} to="/" fw={700} size="lg" underline="never" c="teal.8">
              {t('app.name')}
            </Anchor>
            {regionName && (
              <Text size="sm" c="dimmed" visibleFrom="sm">
                {regionName}
              </Text>
            )}
            <nav aria-label={t('nav.home')}>
              <Group gap="xs">
                {regionId && (
                  <Button component={Link} to={`/wilayah/${regionId}`} variant="subtle" size="compact-sm">
                    {t('nav.region')}
                  </Button>
                )}
                {isAdmin(user) && (
                  <Button component={Link} to="/admin" variant="subtle" size="compact-sm">
                    {t('nav.admin')}
                  </Button>
                )}
              </Group>
            </nav>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            {user && (
              <Suspense fallback={null}>
                <InboxBell />
              </Suspense>
            )}
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={user?.displayName ?? user?.username}>
                  <Group gap={6} wrap="nowrap">
                    <Avatar size="sm" color="teal" radius="xl">
                      {(user?.displayName ?? user?.username ?? '?').slice(0, 1).toUpperCase()}
                    </Avatar>
                    <Text size="sm" visibleFrom="md">
                      {user?.displayName ?? user?.username}
                    </Text>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{user?.username}</Menu.Label>
                {user?.roles.map((g) => (
                  <Menu.Item key={`${g.role}:${g.agencyId}`} disabled>
                    {t(`role.${g.role}`)}
                    {g.agencyName ? ` · ${g.agencyName}` : ''}
                  </Menu.Item>
                ))}
                <Menu.Divider />
                <Menu.Item leftSection={<IconLogout size={14} />} onClick={() => void signOut()}>
                  {t('nav.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main h="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
};
