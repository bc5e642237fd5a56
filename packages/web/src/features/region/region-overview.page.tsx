import {
  Center,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorView } from '../../components/error-view.tsx';
import { AgencyTable } from './agency-table.tsx';
import './locale.ts';
import {
  agencyRows,
  DEFAULT_SORT,
  filterRows,
  nextSort,
  type Sort,
  sortRows,
  summarise,
} from './region-model.ts';
import { useRegion, useRegionOverview } from './region-queries.ts';
import { RegionalPlanCard } from './regional-plan-card.tsx';
import { ScheduleSection } from './schedule-section.tsx';

const Figure = ({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: number;
  color?: string;
  testId: string;
}) => (
  <Paper withBorder px="sm" py={6} radius="sm" data-testid={testId}>
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.2} className="tabular" {...(color && { c: color })}>
        {value}
      </Text>
    </Group>
  </Paper>
);

/** Bappeda's home: the region's agencies with their Renstra, stage, findings and review at a glance. */
export const RegionOverviewPage = () => {
  const { regionId = '' } = useParams();
  const { t } = useTranslation('region');
  const region = useRegion(regionId);
  const overview = useRegionOverview(regionId);
  const [text, setText] = useState('');
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const all = useMemo(() => (overview.data ? agencyRows(overview.data) : []), [overview.data]);
  const rows = useMemo(
    () => sortRows(filterRows(all, { text, onlyErrors }), sort),
    [all, text, onlyErrors, sort],
  );
  if (overview.isPending)
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  if (overview.isError) return <ErrorView error={overview.error} onRetry={() => void overview.refetch()} />;
  const figures = summarise(overview.data);
  return (
    <Stack p="md" gap="md" maw={1440} w="100%" mx="auto">
      <Stack gap={0}>
        <Text size="sm" c="dimmed">
          {t('eyebrow')}
        </Text>
        <Title order={2} data-testid="region-name">
          {region.data?.name ?? (region.isError ? '–' : '…')}
        </Title>
      </Stack>
      <SimpleGrid cols={4} spacing="sm">
        <Figure label={t('stats.agencies')} value={figures.agencies} testId="stat-agencies" />
        <Figure label={t('stats.plans')} value={figures.plans} testId="stat-plans" />
        <Figure
          label={t('stats.withErrors')}
          value={figures.withErrors}
          testId="stat-with-errors"
          {...(figures.withErrors > 0 && { color: 'red.7' })}
        />
        <Figure
          label={t('stats.withoutPlan')}
          value={figures.withoutPlan}
          testId="stat-without-plan"
          {...(figures.withoutPlan > 0 && { color: 'dimmed' })}
        />
      </SimpleGrid>
      <Stack gap="xs" component="section" aria-label={t('regionalPlans')}>
        {overview.data.regionalPlans.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('noRegionalPlan')}
          </Text>
        ) : (
          overview.data.regionalPlans.map((p) => <RegionalPlanCard key={p.planId} plan={p} />)
        )}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="agencies-title">
        <Group justify="space-between" align="center" wrap="nowrap">
          <Title order={4} id="agencies-title">
            {t('agencies')}
          </Title>
          <Group gap="md" align="center" wrap="nowrap">
            <TextInput
              aria-label={t('search')}
              placeholder={t('searchPlaceholder')}
              leftSection={<IconSearch size={14} />}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              w={320}
              size="sm"
              type="search"
            />
            <Switch
              label={t('onlyErrors')}
              checked={onlyErrors}
              onChange={(e) => setOnlyErrors(e.currentTarget.checked)}
            />
          </Group>
        </Group>
        <Text size="xs" c="dimmed" aria-live="polite">
          {t('shown', { shown: rows.length, total: all.length })}
        </Text>
        {rows.length === 0 ? (
          <Text c="dimmed" py="md">
            {t('noMatch')}
          </Text>
        ) : (
          <AgencyTable rows={rows} sort={sort} onSort={(key) => setSort((s) => nextSort(s, key))} />
        )}
      </Stack>
      <ScheduleSection regionId={regionId} />
    </Stack>
  );
};
