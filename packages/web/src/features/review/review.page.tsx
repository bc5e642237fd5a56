import { Badge, Center, Loader, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorView } from '../../components/error-view.tsx';
import { useMe } from '../auth/use-me.ts';
import { usePlan } from '../plan/plan-context.ts';
import { CrosscuttingPanel } from './crosscutting-panel.tsx';
import { DiffViewer } from './diff-viewer.tsx';
import { FindingsPanel } from './findings-panel.tsx';
import './locale.ts';
import { MeetingsPanel } from './meetings-panel.tsx';
import { ReviewActions } from './review-actions.tsx';
import { ReviewHeader } from './review-header.tsx';
import { useReviewFindings, useReviewSummary, useRounds } from './review-queries.ts';
import { allowedActions } from './review-rules.ts';
import { RoundsPanel } from './rounds-panel.tsx';
import { TimelinePanel } from './timeline-panel.tsx';

const TABS = ['temuan', 'rapat', 'putaran', 'linimasa', 'lintas'] as const;
type Tab = (typeof TABS)[number];

/**
 * Penelaahan: where the Renstra is in Bappeda's review and what the signed-in user may do now;
 * the findings with their threads, the meetings, the rounds with their letters and the diff
 * between them, the timeline, and the crosscutting proposals.
 */
export const ReviewPage = () => {
  const plan = usePlan();
  const { t } = useTranslation('review');
  const { data: user } = useMe();
  const [params, setParams] = useSearchParams();
  const isRenstra = plan.tree.format === 'selaras.renstra';
  const summary = useReviewSummary(plan.planId, isRenstra);
  const findings = useReviewFindings(plan.planId, isRenstra);
  const rounds = useRounds(plan.planId, isRenstra);
  const [compare, setCompare] = useState<{ from: number; to: number | null } | null>(null);
  const tabParam = params.get('tab');
  const tab: Tab = TABS.includes(tabParam as Tab) ? (tabParam as Tab) : 'temuan';
  if (!isRenstra) return <Text p="md">{t('onlyRenstra')}</Text>;
  if (summary.isPending || findings.isPending)
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  if (summary.isError) return <ErrorView error={summary.error} onRetry={() => void summary.refetch()} />;
  if (findings.isError) return <ErrorView error={findings.error} onRetry={() => void findings.refetch()} />;
  const s = summary.data;
  const scope = { regionId: plan.tree.regionId, agencyId: plan.tree.agencyId };
  const allowed = allowedActions(user, scope, s);
  const unresolved = s.findings.open + s.findings.answered;
  const roundList = rounds.data ?? [];
  const last = roundList.at(-1)?.round ?? null;
  const shown =
    compare ?? (last === null ? null : last > 1 ? { from: last - 1, to: last } : { from: last, to: null });
  const openTab = (v: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('tab', v ?? 'temuan');
        return next;
      },
      { replace: true },
    );
  return (
    <Stack p="md" gap="md" maw={1180}>
      <ReviewHeader plan={plan} summary={s} />
      <ReviewActions plan={plan} summary={s} findings={findings.data} allowed={allowed} />
      <Tabs value={tab} onChange={openTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab
            value="temuan"
            rightSection={
              unresolved > 0 ? (
                <Badge size="sm" color="red" variant="filled">
                  {unresolved}
                </Badge>
              ) : undefined
            }
          >
            {t('tabs.findings')}
          </Tabs.Tab>
          <Tabs.Tab value="rapat">{t('tabs.meetings')}</Tabs.Tab>
          <Tabs.Tab value="putaran">{t('tabs.rounds')}</Tabs.Tab>
          <Tabs.Tab value="linimasa">{t('tabs.timeline')}</Tabs.Tab>
          <Tabs.Tab value="lintas">{t('tabs.crosscutting')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="temuan" pt="md">
          <FindingsPanel
            plan={plan}
            state={s.state}
            findings={findings.data}
            canAdd={allowed.has('addFinding')}
          />
        </Tabs.Panel>
        <Tabs.Panel value="rapat" pt="md">
          <MeetingsPanel plan={plan} findings={findings.data} canRecord={allowed.has('meeting')} />
        </Tabs.Panel>
        <Tabs.Panel value="putaran" pt="md">
          {rounds.isPending ? (
            <Loader size="sm" />
          ) : rounds.isError ? (
            <ErrorView error={rounds.error} onRetry={() => void rounds.refetch()} />
          ) : (
            <Stack gap="lg">
              <RoundsPanel
                plan={plan}
                rounds={roundList}
                onCompare={(from, to) => setCompare({ from, to })}
              />
              {roundList.length > 0 && (
                <DiffViewer
                  plan={plan}
                  rounds={roundList}
                  from={shown?.from ?? null}
                  to={shown?.to ?? null}
                  onChange={(from, to) => setCompare({ from, to })}
                />
              )}
            </Stack>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="linimasa" pt="md">
          <TimelinePanel planId={plan.planId} />
        </Tabs.Panel>
        <Tabs.Panel value="lintas" pt="md">
          <CrosscuttingPanel plan={plan} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
};
