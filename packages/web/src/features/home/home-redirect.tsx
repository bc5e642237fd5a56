import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { api } from '../../api/client.ts';
import type { PlanSummary } from '../../api/types.ts';
import { ErrorView } from '../../components/error-view.tsx';
import { registerLocale } from '../../i18n/index.ts';
import { useMe } from '../auth/use-me.ts';
import { CreateRenstra } from './create-renstra.tsx';

registerLocale('home', {
  id: {
    noPlan: 'Perangkat daerah Anda belum memiliki Renstra di Selaras.',
    noRole: 'Akun Anda belum memiliki peran. Hubungi administrator wilayah.',
    overview: 'Lihat semua perangkat daerah',
    create: 'Mulai Renstra dari RPD',
    regionalPlan: 'Rencana daerah acuan (RPD/RPJMD)',
    title: 'Judul Renstra',
    createHelp:
      'Renstra baru memakai tahun dan versi nomenklatur rencana daerah, dengan BAB I–VIII dan subbabnya, dan pohon kinerja yang masih kosong.',
  },
  en: {
    noPlan: 'Your agency has no Renstra in Selaras yet.',
    noRole: 'Your account has no role yet. Ask your region’s administrator.',
    overview: 'See every agency',
    create: 'Start the Renstra from the regional plan',
    regionalPlan: 'Regional plan (RPD/RPJMD)',
    title: 'Title of the Renstra',
    createHelp:
      'The new Renstra takes the regional plan’s years and nomenclature version, with chapters BAB I–VIII and their sections, and an empty performance tree.',
  },
});

const AGENCY_ROLES = new Set(['agency_editor', 'agency_head']);

/**
 * Home by role: an agency's editor or head lands on the agency's Renstra; Bappeda, the
 * Inspektorat, admins and readers land on the region's table of agencies.
 */
export const HomeRedirect = () => {
  const { t } = useTranslation('home');
  const { data: user } = useMe();
  const agencyGrant = user?.roles.find((g) => AGENCY_ROLES.has(g.role) && g.agencyId);
  const plans = useQuery({
    queryKey: ['plans', agencyGrant?.regionId, agencyGrant?.agencyId],
    queryFn: () =>
      api.get<PlanSummary[]>(`/api/regions/${agencyGrant?.regionId}/plans`, {
        query: { agencyId: agencyGrant?.agencyId ?? undefined },
      }),
    enabled: agencyGrant !== undefined,
  });
  const regionId = user?.roles[0]?.regionId;
  if (!agencyGrant) {
    if (regionId) return <Navigate to={`/wilayah/${regionId}`} replace />;
    return (
      <Center p="xl">
        <Text>{t('noRole')}</Text>
      </Center>
    );
  }
  if (plans.isPending)
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  if (plans.isError) return <ErrorView error={plans.error} onRetry={() => void plans.refetch()} />;
  const renstra = plans.data.find((p) => p.kind === 'renstra');
  if (renstra) return <Navigate to={`/rencana/${renstra.planId}`} replace />;
  return (
    <Center p="xl">
      <Stack align="center">
        <Title order={3}>{agencyGrant.agencyName}</Title>
        <Text>{t('noPlan')}</Text>
        <Text size="sm" c="dimmed" maw={480} ta="center">
          {t('createHelp')}
        </Text>
        <CreateRenstra grant={agencyGrant} />
        <Button component={Link} to={`/wilayah/${agencyGrant.regionId}`} variant="light">
          {t('overview')}
        </Button>
      </Stack>
    </Center>
  );
};
