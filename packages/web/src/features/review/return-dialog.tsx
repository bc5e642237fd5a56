import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { PlanContext } from '../plan/plan-context.ts';
import { AnchorLink, useAnchorText } from './anchor-text.tsx';
import { anchorKey, unresolvedAnchors } from './review-model.ts';
import { useReviewWrite } from './review-queries.ts';
import type { ReviewFinding, ReviewSummary } from './review-types.ts';

/**
 * Kembalikan untuk perbaikan: Bappeda returns the plan; only the items of the findings still open
 * or answered unlock (the whole plan when there are none). The preview shows which.
 */
export const ReturnDialog = ({
  plan,
  summary,
  findings,
  opened,
  onClose,
}: {
  plan: PlanContext;
  summary: ReviewSummary;
  findings: readonly ReviewFinding[];
  opened: boolean;
  onClose: () => void;
}) => {
  const { t } = useTranslation('review');
  const { t: tc } = useTranslation();
  const text = useAnchorText(plan);
  const [note, setNote] = useState('');
  const anchors = unresolvedAnchors(findings);
  const send = useReviewWrite(
    plan.planId,
    (n: string) =>
      api.post(
        `/api/plans/${plan.planId}/return`,
        { ...(n.trim() && { note: n.trim() }) },
        { ifMatch: summary.etag },
      ),
    t('done.return'),
  );
  return (
    <Modal
      closeButtonProps={{ 'aria-label': tc('action.close') }}
      opened={opened}
      onClose={onClose}
      size="lg"
      title={t('actions.return')}
    >
      <Stack gap="sm">
        <Text size="sm">{t('return.intro')}</Text>
        {anchors.length === 0 ? (
          <Alert color="yellow" p="xs">
            {t('return.wholePlan')}
          </Alert>
        ) : (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('return.unlocks', { count: anchors.length })}
            </Text>
            <List size="sm" data-testid="return-preview">
              {anchors.map((a) => (
                <List.Item key={anchorKey(a)}>
                  <AnchorLink plan={plan} anchor={a} text={text} />
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
        <Textarea
          label={t('return.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tc('action.cancel')}
          </Button>
          <Button
            color="orange"
            loading={send.isPending}
            onClick={() => send.mutate(note, { onSuccess: onClose })}
          >
            {t('return.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
