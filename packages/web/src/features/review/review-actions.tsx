import { Button, Group } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowRight,
  IconCheck,
  IconGavel,
  IconMessageCircle,
  IconPencilPlus,
  IconSend,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanContext } from '../plan/plan-context.ts';
import { ReturnDialog } from './return-dialog.tsx';
import type { ReviewAction } from './review-rules.ts';
import type { ReviewFinding, ReviewSummary } from './review-types.ts';
import { AdvanceDialog, AmendDialog, EnactDialog, VerdictDialog } from './stage-dialogs.tsx';
import { SubmitDialog } from './submit-dialog.tsx';
import { VerifyDialog } from './verify-dialog.tsx';

type Open = 'submit' | 'return' | 'verify' | 'advance' | 'enact' | 'amend' | 'verdict' | null;

/** The workflow steps the signed-in user may take now, each opening its form or confirmation. */
export const ReviewActions = ({
  plan,
  summary,
  findings,
  allowed,
}: {
  plan: PlanContext;
  summary: ReviewSummary;
  findings: readonly ReviewFinding[];
  allowed: ReadonlySet<ReviewAction>;
}) => {
  const { t } = useTranslation('review');
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const shown = [...allowed].filter((a) => a !== 'addFinding' && a !== 'meeting');
  if (shown.length === 0) return null;
  return (
    <>
      <Group gap="xs" data-testid="review-actions">
        {(allowed.has('submit') || allowed.has('resubmit')) && (
          <Button leftSection={<IconSend size={16} />} onClick={() => setOpen('submit')}>
            {t(allowed.has('resubmit') ? 'actions.resubmit' : 'actions.submit')}
          </Button>
        )}
        {allowed.has('verdict') && (
          <Button
            variant="light"
            leftSection={<IconMessageCircle size={16} />}
            onClick={() => setOpen('verdict')}
          >
            {t('actions.verdict')}
          </Button>
        )}
        {allowed.has('return') && (
          <Button
            color="orange"
            variant="light"
            leftSection={<IconArrowBackUp size={16} />}
            onClick={() => setOpen('return')}
          >
            {t('actions.return')}
          </Button>
        )}
        {allowed.has('verify') && (
          <Button leftSection={<IconCheck size={16} />} onClick={() => setOpen('verify')}>
            {t('actions.verify')}
          </Button>
        )}
        {allowed.has('advance') && (
          <Button leftSection={<IconArrowRight size={16} />} onClick={() => setOpen('advance')}>
            {t('actions.advance')}
          </Button>
        )}
        {allowed.has('enact') && (
          <Button leftSection={<IconGavel size={16} />} onClick={() => setOpen('enact')}>
            {t('actions.enact')}
          </Button>
        )}
        {allowed.has('amend') && (
          <Button leftSection={<IconPencilPlus size={16} />} onClick={() => setOpen('amend')}>
            {t('actions.amend')}
          </Button>
        )}
      </Group>
      <SubmitDialog plan={plan} summary={summary} opened={open === 'submit'} onClose={close} />
      <ReturnDialog
        plan={plan}
        summary={summary}
        findings={findings}
        opened={open === 'return'}
        onClose={close}
      />
      <VerifyDialog planId={plan.planId} summary={summary} opened={open === 'verify'} onClose={close} />
      <AdvanceDialog planId={plan.planId} summary={summary} opened={open === 'advance'} onClose={close} />
      <EnactDialog planId={plan.planId} summary={summary} opened={open === 'enact'} onClose={close} />
      <AmendDialog planId={plan.planId} opened={open === 'amend'} onClose={close} />
      <VerdictDialog planId={plan.planId} opened={open === 'verdict'} onClose={close} />
    </>
  );
};
