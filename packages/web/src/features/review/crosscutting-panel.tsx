import { Badge, Button, Group, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorView } from '../../components/error-view.tsx';
import { useLang } from '../../i18n/index.ts';
import { useMe } from '../auth/use-me.ts';
import type { PlanContext } from '../plan/plan-context.ts';
import { formatDateTime } from './review-model.ts';
import { useCrosscutting, useRegionPlans, useReviewWrite } from './review-queries.ts';
import { mayCrosscut } from './review-rules.ts';
import type { CrosscuttingRequest } from './review-types.ts';

const STATE_COLOR = { proposed: 'blue', accepted: 'teal', rejected: 'red' } as const;

const Decide = ({ planId, request }: { planId: string; request: CrosscuttingRequest }) => {
  const { t } = useTranslation('review');
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const decide = useReviewWrite(
    planId,
    (d: 'accept' | 'reject') =>
      api.post(
        `/api/crosscutting/${request.id}/decision`,
        { decision: d, ...(d === 'reject' && { reason: reason.trim() }) },
        { ifMatch: request.version },
      ),
    (_r, d) => t(`done.crosscutting_${d}`),
  );
  if (rejecting)
    return (
      <Stack gap={4}>
        <Textarea
          label={t('crosscutting.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          required
        />
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => setRejecting(false)}>
            {t('crosscutting.back')}
          </Button>
          <Button
            size="xs"
            color="red"
            disabled={reason.trim() === ''}
            loading={decide.isPending}
            onClick={() => decide.mutate('reject')}
          >
            {t('crosscutting.reject')}
          </Button>
        </Group>
      </Stack>
    );
  return (
    <Group gap="xs">
      <Button size="xs" loading={decide.isPending} onClick={() => decide.mutate('accept')}>
        {t('crosscutting.accept')}
      </Button>
      <Button size="xs" color="red" variant="light" onClick={() => setRejecting(true)}>
        {t('crosscutting.reject')}
      </Button>
    </Group>
  );
};

/** Crosscutting proposals: those other agencies made to this plan (to decide) and those it made. */
export const CrosscuttingPanel = ({ plan }: { plan: PlanContext }) => {
  const { t } = useTranslation('review');
  const lang = useLang();
  const { data: user } = useMe();
  const requests = useCrosscutting(plan.planId);
  const plans = useRegionPlans(plan.tree.regionId);
  if (requests.isPending) return <Loader size="sm" />;
  if (requests.isError) return <ErrorView error={requests.error} onRetry={() => void requests.refetch()} />;
  const title = (id: string) => plans.data?.find((p) => p.planId === id)?.title ?? id;
  const statement = (key: string) => plan.tree.nodes.find((n) => n.key === key)?.statement ?? '';
  const canDecide = mayCrosscut(user, { regionId: plan.tree.regionId, agencyId: plan.tree.agencyId });
  const list = (direction: 'incoming' | 'outgoing') => {
    const mine = requests.data.filter((r) => r.direction === direction);
    if (mine.length === 0)
      return (
        <Text size="sm" c="dimmed">
          {t(`crosscutting.none_${direction}`)}
        </Text>
      );
    return mine.map((r) => (
      <Paper key={r.id} withBorder p="sm" data-testid="crosscutting" data-direction={direction}>
        <Stack gap={4}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" fw={600}>
              {direction === 'incoming'
                ? t('crosscutting.incomingLine', { plan: title(r.planId), node: r.nodeKey })
                : t('crosscutting.outgoingLine', { plan: title(r.partnerPlanId), node: r.partnerNodeKey })}
            </Text>
            <Badge color={STATE_COLOR[r.state]}>{t(`crosscutting.state.${r.state}`)}</Badge>
          </Group>
          <Text size="sm">
            {direction === 'incoming'
              ? t('crosscutting.ourNode', { node: r.partnerNodeKey, statement: statement(r.partnerNodeKey) })
              : t('crosscutting.ourNode', { node: r.nodeKey, statement: statement(r.nodeKey) })}
          </Text>
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {r.contribution}
          </Text>
          {r.reason && (
            <Text size="sm" c="red.8">
              {t('crosscutting.reasonShown', { reason: r.reason })}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {formatDateTime(r.createdAt, lang)}
            {r.decidedAt
              ? ` · ${t('crosscutting.decidedAt', { at: formatDateTime(r.decidedAt, lang) })}`
              : ''}
          </Text>
          {direction === 'incoming' && r.state === 'proposed' && canDecide && (
            <Decide planId={plan.planId} request={r} />
          )}
        </Stack>
      </Paper>
    ));
  };
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('crosscutting.intro')}
      </Text>
      <Stack gap="xs">
        <Title order={4}>{t('crosscutting.incoming')}</Title>
        {list('incoming')}
      </Stack>
      <Stack gap="xs">
        <Title order={4}>{t('crosscutting.outgoing')}</Title>
        {list('outgoing')}
      </Stack>
    </Stack>
  );
};
