import { Alert, Anchor, Button, Center, Group, Loader, Stack, Switch, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { ErrorView } from '../../components/error-view.tsx';
import { usePlan } from '../plan/plan-context.ts';
import { planKeys } from '../plan/plan-queries.ts';
import { FindingsSection, UnalignedSection, UncoveredSection } from './alignment-gaps.tsx';
import { regionalIndicatorNames, relevantRows, summariseAlignment } from './alignment-model.ts';
import { AlignmentTable } from './alignment-table.tsx';
import type { Alignment } from './alignment-types.ts';
import './locale.ts';

const scrollTo = (id: string) =>
  document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' });

/** The Renstra against its regional plan as Bappeda reads Tabel 4.2, with the gaps in colour. */
export const AlignmentPage = () => {
  const { planId, years, tree } = usePlan();
  const { t } = useTranslation('alignment');
  const [onlyRelevant, setOnlyRelevant] = useState(false);
  const [withRegional, setWithRegional] = useState(true);
  const alignment = useQuery({
    queryKey: planKeys.alignment(planId),
    queryFn: () => api.get<Alignment>(`/api/plans/${planId}/alignment`),
  });
  const names = useMemo(
    () => (alignment.data ? regionalIndicatorNames(alignment.data) : new Map<string, string>()),
    [alignment.data],
  );
  if (alignment.isPending)
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  if (alignment.isError)
    return <ErrorView error={alignment.error} onRetry={() => void alignment.refetch()} />;
  const a = alignment.data;
  const s = summariseAlignment(a);
  const rows = onlyRelevant ? relevantRows(a.rows) : a.rows;
  const jump = (label: string, count: number, color: string, id: string) => (
    <Button
      size="compact-sm"
      variant="light"
      color={color}
      disabled={count === 0}
      onClick={() => scrollTo(id)}
    >
      {label}
    </Button>
  );
  return (
    <Stack p="md" gap="md">
      <Stack gap={2}>
        <Title order={3}>{t('title')}</Title>
        {a.regionalPlan && (
          <Text size="sm" c="dimmed">
            {t('subtitle')}{' '}
            <Anchor component={Link} to={`/rencana/${a.regionalPlan.planId}`} size="sm">
              {a.regionalPlan.title}
            </Anchor>
          </Text>
        )}
      </Stack>
      {a.regionalPlan === null ? (
        <Alert color="yellow">{t('noRegional')}</Alert>
      ) : (
        <>
          <Group gap="xs" data-testid="alignment-summary">
            <Text size="sm">{t('summary.expected', { count: s.expected })}</Text>
            <Text size="sm" c="dimmed">
              ·
            </Text>
            <Text size="sm">{t('summary.aligned', { count: s.aligned })}</Text>
            {jump(t('summary.gaps', { count: s.gaps }), s.gaps, 'red', 'alignment-uncovered')}
            {jump(
              t('summary.unaligned', { count: s.unaligned }),
              s.unaligned,
              'orange',
              'alignment-unaligned',
            )}
            {jump(t('summary.findings', { count: s.findings }), s.findings, 'blue', 'alignment-findings')}
          </Group>
          <Group gap="xl">
            <Switch
              label={t('onlyRelevant')}
              checked={onlyRelevant}
              onChange={(e) => setOnlyRelevant(e.currentTarget.checked)}
            />
            <Switch
              label={t('withRegional')}
              checked={withRegional}
              onChange={(e) => setWithRegional(e.currentTarget.checked)}
            />
          </Group>
          <AlignmentTable
            rows={rows}
            years={years}
            planId={planId}
            regionalNames={names}
            withRegional={withRegional}
          />
        </>
      )}
      {a.uncovered.length > 0 && (
        <UncoveredSection uncovered={a.uncovered} years={years} planId={planId} tree={tree} />
      )}
      {a.unaligned.length > 0 && <UnalignedSection goals={a.unaligned} planId={planId} />}
      <FindingsSection findings={a.findings} planId={planId} planKey={a.key} />
    </Stack>
  );
};
