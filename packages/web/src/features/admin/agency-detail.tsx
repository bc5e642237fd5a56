import { Anchor, Badge, Breadcrumbs, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorView } from '../../components/error-view.tsx';
import { useAgency } from './admin-queries.ts';
import { AgencyEditCard } from './agency-edit.tsx';
import { UnitsPanel } from './units-panel.tsx';

/** One agency: its record to edit (left) and its units (right). */
export const AgencyDetail = () => {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { agencyId = '' } = useParams();
  const agency = useAgency(agencyId);
  return (
    <Stack gap="sm">
      <Breadcrumbs>
        <Anchor component={Link} to="/admin/perangkat-daerah" size="sm">
          {t('agencies.all')}
        </Anchor>
        <Text size="sm">{agency.data?.shortName ?? agency.data?.name ?? '…'}</Text>
      </Breadcrumbs>
      {agency.isPending && <Loader aria-label={tc('state.loading')} />}
      {agency.isError && <ErrorView error={agency.error} onRetry={() => void agency.refetch()} />}
      {agency.data && (
        <>
          <Group gap="sm" align="baseline">
            <Title order={3}>{agency.data.name}</Title>
            <Text ff="monospace" c="dimmed" size="sm">
              {agency.data.code}
            </Text>
            <Badge variant="light">{t(`kinds.${agency.data.kind}`)}</Badge>
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" style={{ alignItems: 'start' }}>
            <AgencyEditCard key={agency.data.id} agency={agency.data} />
            <UnitsPanel agency={agency.data} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
};
