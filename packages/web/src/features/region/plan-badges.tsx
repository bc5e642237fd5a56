import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
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

/** Where the plan is in review; nothing yet means it has not been submitted. */
export const ReviewState = ({ state }: { state: string | null }) => {
  const { t } = useTranslation('region');
  return state === null ? (
    <Text size="sm" c="dimmed">
      {t('review.none')}
    </Text>
  ) : (
    <Badge size="sm" variant="outline">
      {t(`review.${state}`, { defaultValue: state })}
    </Badge>
  );
};
