import { Badge, Button, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLang } from '../../i18n/index.ts';
import type { PlanContext } from '../plan/plan-context.ts';
import { AnchorLink } from './anchor-text.tsx';
import { formatDateTime } from './review-model.ts';
import { useReviewWrite } from './review-queries.ts';
import type { Anchor, ReviewerAction, ReviewFinding } from './review-types.ts';

const SEVERITY_COLOR = { major: 'red', minor: 'yellow', note: 'gray' } as const;
export const STATUS_COLOR = { open: 'red', answered: 'blue', accepted: 'teal', resolved: 'gray' } as const;
const ACTION_COLOR = { accept: 'teal', resolve: 'gray', reopen: 'orange' } as const;

/** The finding's thread: each answer and reviewer action, who and when. */
const Thread = ({ finding }: { finding: ReviewFinding }) => {
  const { t } = useTranslation('review');
  const lang = useLang();
  if (finding.replies.length === 0) return null;
  return (
    <Stack
      gap={6}
      pl="sm"
      style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}
      data-testid="finding-thread"
    >
      {finding.replies.map((r) => (
        <Stack key={r.id} gap={0} data-testid="finding-reply" data-action={r.action}>
          <Text size="xs" c="dimmed">
            <Text span fw={600} c="dark">
              {r.author ?? t(`side.${r.side}`, { defaultValue: r.side })}
            </Text>{' '}
            ({t(`side.${r.side}`, { defaultValue: r.side })}) · {t(`replyAction.${r.action}`)} ·{' '}
            {formatDateTime(r.at, lang)}
          </Text>
          {r.text && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {r.text}
            </Text>
          )}
        </Stack>
      ))}
    </Stack>
  );
};

/** One review finding: where it points, what it says, its thread, and what the user may do with it. */
export const FindingCard = ({
  plan,
  finding: f,
  anchorText,
  actions,
}: {
  plan: PlanContext;
  finding: ReviewFinding;
  anchorText: (a: Anchor) => string;
  actions: { readonly answer: boolean; readonly reviewer: readonly ReviewerAction[] };
}) => {
  const { t } = useTranslation('review');
  const lang = useLang();
  const [answer, setAnswer] = useState('');
  const [note, setNote] = useState('');
  const answerWrite = useReviewWrite(
    plan.planId,
    (text: string) => api.post(`/api/findings/${f.id}/answer`, { text }, { ifMatch: f.version }),
    t('done.answer'),
  );
  const act = useReviewWrite(
    plan.planId,
    (action: ReviewerAction) =>
      api.post(`/api/findings/${f.id}/actions`, { action, text: note.trim() }, { ifMatch: f.version }),
    (_r, action) => t(`done.${action}`),
  );
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="review-finding" data-status={f.status} data-id={f.id}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <AnchorLink plan={plan} anchor={f.anchor} text={anchorText} />
          <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
            <Badge size="sm" variant="light" color="gray">
              {t(`category.${f.category}`)}
            </Badge>
            <Badge size="sm" variant="light" color={SEVERITY_COLOR[f.severity]}>
              {t(`severity.${f.severity}`)}
            </Badge>
            <Badge size="sm" color={STATUS_COLOR[f.status]} data-testid="finding-status">
              {t(`status.${f.status}`)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {f.text}
        </Text>
        {f.recommendation && (
          <Text size="sm" c="dimmed">
            <Text span fw={600}>
              {t('finding.recommendation')}:
            </Text>{' '}
            {f.recommendation}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t(`institution.${f.institution}`)} · {t('header.round', { round: f.round })} ·{' '}
          {formatDateTime(f.createdAt, lang)}
        </Text>
        <Thread finding={f} />
        {actions.answer && (
          <Stack gap={4}>
            <Textarea
              label={t('finding.answerLabel')}
              value={answer}
              onChange={(e) => setAnswer(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Button
              size="xs"
              w="fit-content"
              disabled={answer.trim() === ''}
              loading={answerWrite.isPending}
              onClick={() => answerWrite.mutate(answer.trim(), { onSuccess: () => setAnswer('') })}
            >
              {t('finding.sendAnswer')}
            </Button>
          </Stack>
        )}
        {actions.reviewer.length > 0 && (
          <Group gap="xs" align="flex-end">
            <TextInput
              size="xs"
              label={t('finding.actionNote')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            {actions.reviewer.map((a) => (
              <Button
                key={a}
                size="xs"
                variant="light"
                color={ACTION_COLOR[a]}
                loading={act.isPending && act.variables === a}
                onClick={() => act.mutate(a, { onSuccess: () => setNote('') })}
              >
                {t(`finding.${a}`)}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
};
