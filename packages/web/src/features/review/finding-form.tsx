import { Button, Group, Input, Modal, SegmentedControl, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { PlanContext } from '../plan/plan-context.ts';
import { AnchorPicker } from './anchor-picker.tsx';
import { useReviewWrite } from './review-queries.ts';
import {
  type Anchor,
  FINDING_CATEGORIES,
  FINDING_SEVERITIES,
  type FindingCategory,
  type FindingSeverity,
} from './review-types.ts';

interface Draft {
  anchor: Anchor;
  category: FindingCategory;
  severity: FindingSeverity;
  text: string;
  recommendation: string;
}

/** A reviewer records a finding: where (anchor), what kind, how serious, what and what to do. */
export const FindingForm = ({
  plan,
  opened,
  onClose,
}: {
  plan: PlanContext;
  opened: boolean;
  onClose: () => void;
}) => {
  const { t } = useTranslation('review');
  const { t: tc } = useTranslation();
  const [anchor, setAnchor] = useState<Anchor | null>({ type: 'plan' });
  const [category, setCategory] = useState<FindingCategory>('substansi');
  const [severity, setSeverity] = useState<FindingSeverity>('minor');
  const [text, setText] = useState('');
  const [recommendation, setRecommendation] = useState('');
  const send = useReviewWrite(
    plan.planId,
    (d: Draft) =>
      api.post(`/api/plans/${plan.planId}/findings`, {
        anchor: d.anchor,
        category: d.category,
        severity: d.severity,
        text: d.text.trim(),
        ...(d.recommendation.trim() && { recommendation: d.recommendation.trim() }),
      }),
    t('done.finding'),
  );
  const reset = () => {
    setAnchor({ type: 'plan' });
    setText('');
    setRecommendation('');
  };
  // The picker starts again at "whole plan" each time the form opens.
  const close = () => {
    setAnchor({ type: 'plan' });
    onClose();
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': tc('action.close') }}
      opened={opened}
      onClose={close}
      size="lg"
      title={t('finding.new')}
    >
      <Stack gap="sm">
        <AnchorPicker plan={plan} onChange={setAnchor} />
        <Group grow align="flex-start">
          <Select
            label={t('finding.category')}
            value={category}
            onChange={(v) => v && setCategory(v as FindingCategory)}
            data={FINDING_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            allowDeselect={false}
          />
          <Input.Wrapper label={t('finding.severity')}>
            <SegmentedControl
              fullWidth
              aria-label={t('finding.severity')}
              value={severity}
              onChange={(v) => setSeverity(v as FindingSeverity)}
              data={FINDING_SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
            />
          </Input.Wrapper>
        </Group>
        <Textarea
          label={t('finding.text')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={3}
          required
        />
        <Textarea
          label={t('finding.recommendation')}
          value={recommendation}
          onChange={(e) => setRecommendation(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {tc('action.cancel')}
          </Button>
          <Button
            loading={send.isPending}
            disabled={anchor === null || text.trim() === ''}
            onClick={() =>
              anchor &&
              send.mutate(
                { anchor, category, severity, text, recommendation },
                {
                  onSuccess: () => {
                    reset();
                    close();
                  },
                },
              )
            }
          >
            {t('finding.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
