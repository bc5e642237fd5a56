import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/use-me.ts';
import type { PlanContext } from '../plan/plan-context.ts';
import { useAnchorText } from './anchor-text.tsx';
import { FindingCard, STATUS_COLOR } from './finding-card.tsx';
import { FindingForm } from './finding-form.tsx';
import { groupFindings } from './review-model.ts';
import { findingActions } from './review-rules.ts';
import type { ReviewFinding, ReviewState } from './review-types.ts';

/** The review findings by status and institution, each with its thread and the user's actions. */
export const FindingsPanel = ({
  plan,
  state,
  findings,
  canAdd,
}: {
  plan: PlanContext;
  state: ReviewState;
  findings: readonly ReviewFinding[];
  canAdd: boolean;
}) => {
  const { t } = useTranslation('review');
  const { data: user } = useMe();
  const anchorText = useAnchorText(plan);
  const [adding, setAdding] = useState(false);
  const scope = { regionId: plan.tree.regionId, agencyId: plan.tree.agencyId };
  const groups = groupFindings(findings);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('findings.intro')}
        </Text>
        {canAdd && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            {t('finding.new')}
          </Button>
        )}
      </Group>
      {groups.length === 0 && (
        <Text c="dimmed" py="md">
          {t('findings.none')}
        </Text>
      )}
      {groups.map((g) => (
        <Stack key={g.status} gap="xs" component="section" aria-label={t(`status.${g.status}`)}>
          <Group gap="xs">
            <Title order={4}>{t(`statusGroup.${g.status}`)}</Title>
            <Badge color={STATUS_COLOR[g.status]} variant="light">
              {g.count}
            </Badge>
          </Group>
          {g.institutions.map((i) => (
            <Stack key={i.institution} gap="xs" pl="xs">
              <Text size="sm" fw={600} c="dimmed" tt="uppercase">
                {t(`institution.${i.institution}`)}
              </Text>
              {i.findings.map((f) => (
                <FindingCard
                  key={f.id}
                  plan={plan}
                  finding={f}
                  anchorText={anchorText}
                  actions={findingActions(user, scope, state, f)}
                />
              ))}
            </Stack>
          ))}
        </Stack>
      ))}
      {canAdd && <FindingForm plan={plan} opened={adding} onClose={() => setAdding(false)} />}
    </Stack>
  );
};
