import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useReviewWrite } from './review-queries.ts';
import type { ReviewSummary } from './review-types.ts';

/** The verification criteria (DOMAIN §2.3), in the server's order; their texts are in the locale. */
export const CRITERIA = [
  'alignment',
  'indicators',
  'nomenclature',
  'funding',
  'cascading',
  'data',
  'structure',
  'ikk-spm',
] as const;

interface Check {
  pass: boolean | null;
  note: string;
}

const fresh = (): Record<string, Check> =>
  Object.fromEntries(CRITERIA.map((k) => [k, { pass: null, note: '' }]));

/**
 * Verifikasi: Bappeda's verifier checks each criterion (pass or fail, with a note). Only a plan
 * whose criteria all pass and whose findings are all settled is verified; otherwise return it.
 */
export const VerifyDialog = ({
  planId,
  summary,
  opened,
  onClose,
}: {
  planId: string;
  summary: ReviewSummary;
  opened: boolean;
  onClose: () => void;
}) => {
  const { t } = useTranslation('review');
  const { t: tc } = useTranslation();
  const [checks, setChecks] = useState(fresh);
  const [note, setNote] = useState('');
  const unresolved = summary.findings.open + summary.findings.answered;
  const values = Object.values(checks);
  const failed = values.some((c) => c.pass === false);
  const complete = values.every((c) => c.pass !== null);
  const send = useReviewWrite(
    planId,
    () =>
      api.post(
        `/api/plans/${planId}/verify`,
        {
          checklist: CRITERIA.map((key) => ({
            key,
            pass: checks[key]?.pass === true,
            ...(checks[key]?.note.trim() && { note: checks[key]?.note.trim() }),
          })),
          ...(note.trim() && { note: note.trim() }),
        },
        { ifMatch: summary.etag },
      ),
    t('done.verify'),
  );
  const set = (key: string, c: Partial<Check>) =>
    setChecks((s) => ({ ...s, [key]: { ...(s[key] ?? { pass: null, note: '' }), ...c } }));
  return (
    <Modal
      closeButtonProps={{ 'aria-label': tc('action.close') }}
      opened={opened}
      onClose={onClose}
      size="xl"
      title={t('actions.verify')}
    >
      <Stack gap="sm">
        <Text size="sm">{t('verify.intro')}</Text>
        {unresolved > 0 && (
          <Alert color="red" p="xs">
            {t('verify.unresolved', { count: unresolved })}
          </Alert>
        )}
        {CRITERIA.map((key, i) => (
          <Paper key={key} withBorder p="xs" data-testid="criterion" data-key={key}>
            <Stack gap={6}>
              <Text size="sm" id={`criterion-${key}`}>
                {i + 1}. {t(`criteria.${key}`)}
              </Text>
              <Group gap="xs" wrap="nowrap">
                <SegmentedControl
                  size="xs"
                  aria-labelledby={`criterion-${key}`}
                  value={checks[key]?.pass === null ? '' : String(checks[key]?.pass)}
                  onChange={(v) => set(key, { pass: v === 'true' })}
                  color={checks[key]?.pass === false ? 'red' : 'teal'}
                  data={[
                    { value: 'true', label: t('verify.pass') },
                    { value: 'false', label: t('verify.fail') },
                  ]}
                />
                <TextInput
                  size="xs"
                  aria-label={t('verify.criterionNote', { n: i + 1 })}
                  placeholder={t('verify.notePlaceholder')}
                  value={checks[key]?.note ?? ''}
                  onChange={(e) => set(key, { note: e.currentTarget.value })}
                  style={{ flex: 1 }}
                />
              </Group>
            </Stack>
          </Paper>
        ))}
        {failed && (
          <Alert color="orange" p="xs">
            {t('verify.failed')}
          </Alert>
        )}
        <Textarea
          label={t('verify.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group justify="space-between">
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() =>
              setChecks((s) =>
                Object.fromEntries(Object.entries(s).map(([k, c]) => [k, { ...c, pass: true }])),
              )
            }
          >
            {t('verify.allPass')}
          </Button>
          <Group>
            <Button variant="default" onClick={onClose}>
              {tc('action.cancel')}
            </Button>
            <Button
              loading={send.isPending}
              disabled={!complete || failed || unresolved > 0}
              onClick={() => send.mutate(undefined, { onSuccess: onClose })}
            >
              {t('verify.send')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
};
