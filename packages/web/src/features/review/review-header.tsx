import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import type { PlanContext } from '../plan/plan-context.ts';
import { AnchorLink, useAnchorText } from './anchor-text.tsx';
import { anchorKey } from './review-model.ts';
import type { Institution, ReviewSummary, Verdict } from './review-types.ts';
import { StateSteps } from './state-steps.tsx';

const STATE_COLOR: Record<string, string> = {
  draft: 'gray',
  submitted: 'blue',
  'in-review': 'indigo',
  returned: 'orange',
  resubmitted: 'blue',
  verified: 'teal',
  ditetapkan: 'green',
};

const latest = (verdicts: readonly Verdict[], institution: Institution): Verdict | undefined =>
  verdicts.filter((v) => v.institution === institution).at(-1);

const VerdictLine = ({
  institution,
  verdict,
}: {
  institution: Institution;
  verdict: Verdict | undefined;
}) => {
  const { t } = useTranslation('review');
  return (
    <Group gap={6} wrap="nowrap" data-testid="verdict" data-institution={institution}>
      <Text size="sm" fw={600}>
        {t(`institution.${institution}`)}:
      </Text>
      {verdict ? (
        <>
          <Badge size="sm" color={verdict.verdict === 'agree' ? 'teal' : 'orange'} variant="light">
            {t(`verdict.${verdict.verdict}`)}
          </Badge>
          {verdict.note && (
            <Text size="sm" c="dimmed" lineClamp={1} title={verdict.note}>
              {verdict.note}
            </Text>
          )}
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('header.noVerdict')}
        </Text>
      )}
    </Group>
  );
};

/** Where the plan is: the state as a stepper, the stage and round, the gate, the window, the verdicts. */
export const ReviewHeader = ({ plan, summary }: { plan: PlanContext; summary: ReviewSummary }) => {
  const { t } = useTranslation('review');
  const { t: tc } = useTranslation();
  const lang = useLang();
  const text = useAnchorText(plan);
  const e = summary.enactment;
  return (
    <Paper withBorder p="md" radius="sm">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={0}>
            <Title order={2}>{t('title')}</Title>
            <Text size="sm" c="dimmed" lineClamp={1}>
              {plan.tree.title}
            </Text>
          </Stack>
          <Badge
            size="lg"
            variant="filled"
            color={STATE_COLOR[summary.state] ?? 'gray'}
            data-testid="review-state"
            data-state={summary.state}
          >
            {t(`state.${summary.state}`)}
          </Badge>
        </Group>
        <StateSteps state={summary.state} />
        <Group gap="xs">
          {summary.stage && (
            <Badge variant="light" data-testid="review-stage">
              {t('header.stage', { stage: tc(`stage.${summary.stage}`, { defaultValue: summary.stage }) })}
            </Badge>
          )}
          <Badge variant="light" color="gray" data-testid="review-round">
            {t('header.round', { round: summary.round })}
          </Badge>
          {summary.state !== 'ditetapkan' && (
            <>
              <Badge variant="light" color={summary.gated ? 'red' : 'gray'}>
                {t(summary.gated ? 'header.gated' : 'header.notGated')}
              </Badge>
              <Badge variant="light" color={summary.windowOpen ? 'teal' : 'red'}>
                {t(summary.windowOpen ? 'header.windowOpen' : 'header.windowClosed')}
              </Badge>
            </>
          )}
        </Group>
        {summary.round > 0 && (
          <Group gap="xl">
            <VerdictLine institution="bappeda" verdict={latest(summary.verdicts, 'bappeda')} />
            <VerdictLine institution="inspektorat" verdict={latest(summary.verdicts, 'inspektorat')} />
          </Group>
        )}
        {summary.state === 'returned' && summary.unlocked && (
          <Group gap={6} data-testid="unlocked">
            <Text size="sm" fw={600}>
              {t('header.unlocked')}
            </Text>
            {summary.unlocked.map((a, i) => (
              <Group key={anchorKey(a)} gap={6} wrap="nowrap">
                <AnchorLink plan={plan} anchor={a} text={text} />
                {i < (summary.unlocked?.length ?? 0) - 1 && <Text c="dimmed">·</Text>}
              </Group>
            ))}
          </Group>
        )}
        {e && (
          <Text size="sm" data-testid="enactment">
            {t('header.enacted', {
              kind: e.kind,
              number: e.number,
              date: formatDate(e.date, lang),
            })}
            {e.title ? ` — ${e.title}` : ''}
          </Text>
        )}
        {summary.amendsPlanId && (
          <Anchor component={Link} to={`/rencana/${summary.amendsPlanId}/penelaahan`} size="sm">
            {t('header.amends')}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
};
