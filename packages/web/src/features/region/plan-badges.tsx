import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { agencyKind } from './region-model.ts';
import type { OverviewPlan } from './region-types.ts';

const KIND_COLOR = { dinas: 'blue', bappeda: 'teal', inspektorat: 'grape', other: 'gray' } as const;

/** The agency's kind as a coloured badge. */
export const KindBadge = ({ kind }: { kind: string }) => {
  const { t } = useTranslation('region');
  const k = agencyKind(kind);
  return (
    <Badge size="sm" variant="light" color={KIND_COLOR[k]} data-testid="agency-kind">
      {k === 'other' && kind !== 'other' ? kind : t(`kind.${k}`)}
    </Badge>
  );
};

/** Error and warning counts as badges: red and yellow when there are any, quiet grey when none. */
export const FindingCounts = ({ findings }: { findings: OverviewPlan['findings'] }) => {
  const { t } = useTranslation('region');
  return (
    <Group gap={4} wrap="nowrap">
      <Badge
        size="md"
        color={findings.error > 0 ? 'red' : 'gray'}
        variant={findings.error > 0 ? 'filled' : 'light'}
        className="tabular"
        title={t('errors', { count: findings.error })}
        aria-label={t('errors', { count: findings.error })}
        data-testid="agency-errors"
      >
        {findings.error}
      </Badge>
      <Badge
        size="md"
        color={findings.warning > 0 ? 'yellow' : 'gray'}
        variant="light"
        className="tabular"
        title={t('warnings', { count: findings.warning })}
        aria-label={t('warnings', { count: findings.warning })}
        data-testid="agency-warnings"
      >
        {findings.warning}
      </Badge>
    </Group>
  );
};

const STATE_COLOR: Record<string, string> = {
  draft: 'gray',
  submitted: 'blue',
  'in-review': 'indigo',
  returned: 'orange',
  resubmitted: 'blue',
  verified: 'teal',
  ditetapkan: 'green',
};

/**
 * Where the plan is in review: a draft never submitted reads "not submitted"; otherwise the state
 * with its round and the findings still open; a plan past Bappeda's window is flagged in red with
 * the date it closed.
 */
export const ReviewState = ({
  plan,
}: {
  plan: Pick<OverviewPlan, 'reviewState' | 'round' | 'openFindings' | 'late'>;
}) => {
  const { t } = useTranslation('region');
  const lang = useLang();
  const state = plan.reviewState;
  const round = plan.round ?? 0;
  const open = plan.openFindings ?? 0;
  const late = plan.late ? (
    <Text size="xs" c="red.7" fw={600} data-testid="review-late">
      {t('review.late', { date: formatDate(plan.late.closedOn, lang) })}
    </Text>
  ) : null;
  if (state === null || (state === 'draft' && round === 0))
    return (
      <Stack gap={2}>
        <Text size="sm" c="dimmed" data-testid="review-state" data-state={state ?? ''}>
          {t('review.none')}
        </Text>
        {late}
      </Stack>
    );
  return (
    <Stack gap={2} align="flex-start">
      <Badge
        size="sm"
        variant="light"
        color={STATE_COLOR[state] ?? 'gray'}
        data-testid="review-state"
        data-state={state}
      >
        {t(`review.${state}`, { defaultValue: state })}
      </Badge>
      <Group gap={6} wrap="wrap">
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('review.round', { round })}
        </Text>
        {open > 0 && (
          <Text size="xs" c="red.7" fw={600} data-testid="review-open-findings">
            {t('review.openFindings', { count: open })}
          </Text>
        )}
      </Group>
      {late}
    </Stack>
  );
};
