import {
  Autocomplete,
  Button,
  Group,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { todayIso } from './review-model.ts';
import { useReviewWrite } from './review-queries.ts';
import type { ReviewSummary, VerdictKind } from './review-types.ts';

interface DialogProps {
  planId: string;
  summary: ReviewSummary;
  opened: boolean;
  onClose: () => void;
}

const Footer = ({
  onClose,
  onConfirm,
  busy,
  label,
  disabled,
}: {
  onClose: () => void;
  onConfirm: () => void;
  busy: boolean;
  label: string;
  disabled?: boolean;
}) => {
  const { t: tc } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {tc('action.cancel')}
      </Button>
      <Button onClick={onConfirm} loading={busy} disabled={disabled ?? false}>
        {label}
      </Button>
    </Group>
  );
};

/** Lanjut ke tahap berikutnya: a verified plan becomes a draft of the next stage. */
export const AdvanceDialog = ({ planId, summary, opened, onClose }: DialogProps) => {
  const { t } = useTranslation('review');
  const { t: tc } = useTranslation();
  const send = useReviewWrite(
    planId,
    () => api.post(`/api/plans/${planId}/advance`, {}, { ifMatch: summary.etag }),
    t('done.advance'),
  );
  const next = summary.stage === 'rancangan-awal' ? 'rancangan' : 'rancangan-akhir';
  return (
    <Modal
      closeButtonProps={{ 'aria-label': tc('action.close') }}
      opened={opened}
      onClose={onClose}
      title={t('actions.advance')}
    >
      <Stack>
        <Text size="sm">{t('advance.body', { stage: tc(`stage.${next}`) })}</Text>
        <Footer
          onClose={onClose}
          busy={send.isPending}
          label={t('actions.advance')}
          onConfirm={() => send.mutate(undefined, { onSuccess: onClose })}
        />
      </Stack>
    </Modal>
  );
};

/** Tetapkan: the verified rancangan akhir is set by its legal instrument. */
export const EnactDialog = ({ planId, summary, opened, onClose }: DialogProps) => {
  const { t } = useTranslation('review');
  const { t: tc } = useTranslation();
  const [kind, setKind] = useState('Peraturan Gubernur');
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(todayIso());
  const [title, setTitle] = useState('');
  const send = useReviewWrite(
    planId,
    () =>
      api.post(
        `/api/plans/${planId}/enact`,
        {
          instrument: {
            kind: kind.trim(),
            number: number.trim(),
            date,
            ...(title.trim() && { title: title.trim() }),
          },
        },
        { ifMatch: summary.etag },
      ),
    t('done.enact'),
  );
  return (
    <Modal
      closeButtonProps={{ 'aria-label': tc('action.close') }}
      opened={opened}
      onClose={onClose}
      size="lg"
      title={t('actions.enact')}
    >
      <Stack gap="sm">
        <Text size="sm">{t('enact.intro')}</Text>
        <SimpleGrid cols={3} spacing="sm">
          <Autocomplete
            label={t('enact.kind')}
            value={kind}
            onChange={setKind}
            data={['Peraturan Gubernur', 'Keputusan Gubernur', 'Peraturan Bupati', 'Peraturan Wali Kota']}
            required
          />
          <TextInput
            label={t('enact.number')}
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            required
          />
          <TextInput
            label={t('enact.date')}
            type="date"
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            required
          />
        </SimpleGrid>
        <Textarea
          label={t('enact.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Footer
          onClose={onClose}
          busy={send.isPending}
          label={t('actions.enact')}
          disabled={!kind.trim() || !number.trim() || !date}
          onConfirm={() => send.mutate(undefined, { onSuccess: onClose })}
        />
      </Stack>
    </Modal>
  );
};

/** Mulai perubahan: a set plan is amended as a new draft; the app opens it. */
export const AmendDialog = ({ planId, opened, onClose }: Omit<DialogProps, 'summary'>) => {
  const { t } = useTranslation('review');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const send = useReviewWrite(
    planId,
    () =>
      api.post<{ planId: string }>(`/api/plans/${planId}/amend`, {
        ...(title.trim() && { title: title.trim() }),
      }),
    t('done.amend'),
  );
  return (
    <Modal
      closeButtonProps={{ 'aria-label': tc('action.close') }}
      opened={opened}
      onClose={onClose}
      title={t('actions.amend')}
    >
      <Stack>
        <Text size="sm">{t('amend.body')}</Text>
        <TextInput
          label={t('amend.title')}
          description={t('amend.titleHelp')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Footer
          onClose={onClose}
          busy={send.isPending}
          label={t('actions.amend')}
          onConfirm={() =>
            send.mutate(undefined, {
              onSuccess: (r) => {
                onClose();
                void navigate(`/rencana/${r.planId}`);
              },
            })
          }
        />
      </Stack>
    </Modal>
  );
};

/** Beri pendapat: each institution's verdict on the round (agree, or revise) with a note. */
export const VerdictDialog = ({ planId, opened, onClose }: Omit<DialogProps, 'summary'>) => {
  const { t } = useTranslation('review');
  const { t: tc } = useTranslation();
  const [verdict, setVerdict] = useState<VerdictKind>('revise');
  const [note, setNote] = useState('');
  const send = useReviewWrite(
    planId,
    () => api.post(`/api/plans/${planId}/verdicts`, { verdict, ...(note.trim() && { note: note.trim() }) }),
    t('done.verdict'),
  );
  return (
    <Modal
      closeButtonProps={{ 'aria-label': tc('action.close') }}
      opened={opened}
      onClose={onClose}
      title={t('actions.verdict')}
    >
      <Stack>
        <SegmentedControl
          aria-label={t('verdict.label')}
          value={verdict}
          onChange={(v) => setVerdict(v as VerdictKind)}
          data={[
            { value: 'agree', label: t('verdict.agree') },
            { value: 'revise', label: t('verdict.revise') },
          ]}
        />
        <Textarea
          label={t('verdict.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Footer
          onClose={onClose}
          busy={send.isPending}
          label={t('actions.verdict')}
          onConfirm={() => send.mutate(undefined, { onSuccess: onClose })}
        />
      </Stack>
    </Modal>
  );
};
