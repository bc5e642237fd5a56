import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconChevronRight, IconMap2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { FindingCounts } from './plan-badges.tsx';
import type { OverviewPlan } from './region-types.ts';

/** The regional plan (RPD/RPJMD) as one card that opens it. */
export const RegionalPlanCard = ({ plan }: { plan: OverviewPlan }) => {
  const { t } = useTranslation('region');
  const { t: tc } = useTranslation();
  const lang = useLang();
  return (
    <Card
      withBorder
      padding="sm"
      component={Link}
      to={`/rencana/${plan.planId}`}
      data-testid="regional-plan"
      style={{ borderLeft: '4px solid var(--mantine-color-grape-6)' }}
    >
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Group wrap="nowrap" gap="sm" style={{ minWidth: 0 }}>
          <IconMap2 size={22} color="var(--mantine-color-grape-6)" aria-hidden />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('regionalPlans')}
            </Text>
            <Text fw={600} c="teal.8">
              {plan.title}
            </Text>
            <Group gap="xs">
              {plan.stage && (
                <Badge size="xs" variant="light">
                  {tc(`stage.${plan.stage}`, { defaultValue: plan.stage })}
                </Badge>
              )}
              <Text size="xs" c="dimmed">
                {t('updatedOn', { date: formatDate(plan.updatedAt, lang) })}
              </Text>
            </Group>
          </Stack>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <FindingCounts findings={plan.findings} />
          <IconChevronRight size={18} aria-hidden />
        </Group>
      </Group>
    </Card>
  );
};
