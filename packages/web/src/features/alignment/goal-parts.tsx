import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconArrowBarToUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { nodeLink } from './alignment-model.ts';
import type { AgencyGoal, AgencyIndicator, RegionalGoal, RegionalIndicator } from './alignment-types.ts';

const ROLE_COLOR: Record<string, string> = {
  tujuan: 'var(--selaras-tujuan)',
  sasaran: 'var(--selaras-sasaran)',
};

/** Tujuan or sasaran as a small coloured badge. */
export const RoleBadge = ({ role, level }: { role: string; level: string }) => {
  const { t } = useTranslation('alignment');
  return (
    <Badge size="xs" color={ROLE_COLOR[role] ?? 'gray'} variant="filled" radius="xs">
      {role === 'tujuan' || role === 'sasaran' ? t(`role.${role}`) : level}
    </Badge>
  );
};

/** A regional tujuan or sasaran: key, statement, and whether the agency is expected to support it. */
export const RegionalGoalView = ({ goal, expected }: { goal: RegionalGoal; expected: boolean }) => {
  const { t } = useTranslation('alignment');
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="wrap">
        <RoleBadge role={goal.role} level={goal.level} />
        <Text size="xs" ff="monospace" fw={700}>
          {goal.key}
        </Text>
        {expected && (
          <Badge size="xs" variant="outline" color="blue" title={t('expectedHint')}>
            {t('expected')}
          </Badge>
        )}
      </Group>
      <Text size="sm" fw={goal.role === 'tujuan' ? 600 : 400}>
        {goal.statement}
      </Text>
    </Stack>
  );
};

/** An agency tujuan or sasaran: its key linking to the tree, statement, and whether its alignment is inherited. */
export const AgencyGoalView = ({ goal, planId }: { goal: AgencyGoal; planId: string }) => {
  const { t } = useTranslation('alignment');
  return (
    <Stack gap={4} data-testid="agency-goal" data-key={goal.key}>
      <Group gap={6} wrap="wrap">
        <RoleBadge role={goal.role} level={goal.level} />
        <Anchor component={Link} to={nodeLink(planId, goal.key)} size="xs" ff="monospace" fw={700}>
          {goal.key}
        </Anchor>
        {goal.inherited && (
          <Badge
            size="xs"
            variant="light"
            color="violet"
            leftSection={<IconArrowBarToUp size={10} aria-hidden />}
            data-testid="inherited"
          >
            {t('inherited')}
          </Badge>
        )}
      </Group>
      <Text size="sm">{goal.statement}</Text>
      {goal.inherited && (
        <Text size="xs" c="dimmed">
          {t('inheritedHint')}
        </Text>
      )}
    </Stack>
  );
};

/** An indicator's name and unit, and for an agency indicator the regional indicators it supports. */
export const IndicatorView = ({
  indicator,
  regionalNames,
}: {
  indicator: RegionalIndicator | AgencyIndicator | null;
  regionalNames?: ReadonlyMap<string, string>;
}) => {
  const { t } = useTranslation('alignment');
  if (!indicator)
    return (
      <Text size="xs" c="dimmed" fs="italic">
        {t('noIndicator')}
      </Text>
    );
  const supports = 'contributesTo' in indicator ? (indicator.contributesTo ?? []) : [];
  return (
    <Stack gap={2}>
      <Text size="sm">
        {indicator.name}
        {indicator.unit && (
          <Text span size="xs" c="dimmed">
            {' '}
            ({indicator.unit})
          </Text>
        )}
      </Text>
      {supports.length > 0 && (
        <Text size="xs" c="teal.8">
          {t('contributesTo', { list: supports.map((k) => regionalNames?.get(k) ?? k).join('; ') })}
        </Text>
      )}
    </Stack>
  );
};
