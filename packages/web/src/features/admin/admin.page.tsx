import { Alert, Box, Button, Center, Container, Group, Loader, Tabs, Text, Title } from '@mantine/core';
import { IconBuildingCommunity, IconLock, IconMap2, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ErrorView } from '../../components/error-view.tsx';
import { useMe } from '../auth/use-me.ts';
import './locale.ts';
import { AgenciesPanel } from './agencies-panel.tsx';
import { AgencyDetail } from './agency-detail.tsx';
import { RegionPanel } from './region-panel.tsx';
import { UserDetail } from './user-detail.tsx';
import { UsersPanel } from './users-panel.tsx';

const TABS = ['perangkat-daerah', 'pengguna', 'wilayah'] as const;

/** What a signed-in user without the admin role sees at /admin. */
const NotAllowed = () => {
  const { t } = useTranslation('admin');
  return (
    <Container size="sm" py="xl">
      <Alert color="orange" icon={<IconLock size={18} />} title={t('notAllowedTitle')} role="alert">
        <Text mb="sm">{t('notAllowed')}</Text>
        <Button component={Link} to="/" variant="light" color="orange" size="xs">
          {t('backHome')}
        </Button>
      </Alert>
    </Container>
  );
};

/** The tabs (synced with the URL) and the screen of the tab. */
const AdminScreens = ({ regionId, regionName }: { regionId: string; regionName: string | undefined }) => {
  const { t } = useTranslation('admin');
  const location = useLocation();
  const navigate = useNavigate();
  const tab = TABS.find((x) => location.pathname.split('/')[2] === x) ?? null;
  return (
    <Box style={{ flex: 1, overflow: 'auto' }}>
      <Container size="xl" py="md">
        <Group justify="space-between" mb="sm">
          <Title order={2}>
            {t('title')}
            {regionName && (
              <Text span c="dimmed" fz="lg" ml="sm">
                {regionName}
              </Text>
            )}
          </Title>
        </Group>
        <Tabs value={tab} onChange={(v) => v && void navigate(`/admin/${v}`)} mb="md">
          <Tabs.List>
            <Tabs.Tab value="perangkat-daerah" leftSection={<IconBuildingCommunity size={16} />}>
              {t('tabs.agencies')}
            </Tabs.Tab>
            <Tabs.Tab value="pengguna" leftSection={<IconUsers size={16} />}>
              {t('tabs.users')}
            </Tabs.Tab>
            <Tabs.Tab value="wilayah" leftSection={<IconMap2 size={16} />}>
              {t('tabs.region')}
            </Tabs.Tab>
          </Tabs.List>
        </Tabs>
        <Routes>
          <Route index element={<Navigate to="perangkat-daerah" replace />} />
          <Route path="perangkat-daerah" element={<AgenciesPanel regionId={regionId} />} />
          <Route path="perangkat-daerah/:agencyId" element={<AgencyDetail />} />
          <Route path="pengguna" element={<UsersPanel regionId={regionId} />} />
          <Route path="pengguna/:userId" element={<UserDetail regionId={regionId} />} />
          <Route path="wilayah" element={<RegionPanel regionId={regionId} />} />
          <Route path="*" element={<Text>{t('unknownTab')}</Text>} />
        </Routes>
      </Container>
    </Box>
  );
};

/**
 * The administration of the admin's region: its agencies with their units, the accounts with
 * their roles, status and passwords, and the region's own record with its planning periods. Only a region's admin gets here; anyone else is told plainly that they may not.
 */
export const AdminPage = () => {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending)
    return (
      <Center p="xl">
        <Loader aria-label={t('state.loading')} />
      </Center>
    );
  if (me.isError) return <ErrorView error={me.error} onRetry={() => void me.refetch()} />;
  const grant = me.data?.roles.find((g) => g.role === 'admin');
  if (!grant) return <NotAllowed />;
  return <AdminScreens regionId={grant.regionId} regionName={grant.regionName} />;
};
