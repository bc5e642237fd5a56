import { Badge, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconPencil, IconPlus, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../components/error-view.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import type { PlanContext } from '../plan/plan-context.ts';
import { MeetingForm } from './meeting-form.tsx';
import { MeetingSheet } from './meeting-print.tsx';
import { PrintView } from './print-view.tsx';
import { useMeetings } from './review-queries.ts';
import type { Meeting, ReviewFinding } from './review-types.ts';

/** The review meetings of the plan: their records to read and print, and a form to record one. */
export const MeetingsPanel = ({
  plan,
  findings,
  canRecord,
}: {
  plan: PlanContext;
  findings: readonly ReviewFinding[];
  canRecord: boolean;
}) => {
  const { t } = useTranslation('review');
  const lang = useLang();
  const meetings = useMeetings(plan.planId);
  const [editing, setEditing] = useState<Meeting | 'new' | null>(null);
  const [printing, setPrinting] = useState<Meeting | null>(null);
  if (meetings.isPending) return <Loader size="sm" />;
  if (meetings.isError) return <ErrorView error={meetings.error} onRetry={() => void meetings.refetch()} />;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('meetings.intro')}
        </Text>
        {canRecord && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('meeting.new')}
          </Button>
        )}
      </Group>
      {meetings.data.length === 0 && (
        <Text c="dimmed" py="md">
          {t('meetings.none')}
        </Text>
      )}
      {meetings.data.map((m) => (
        <Paper key={m.id} withBorder p="sm" data-testid="meeting">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2}>
              <Text fw={600}>{m.record.title}</Text>
              <Text size="sm" c="dimmed">
                {formatDate(m.record.date, lang)}
                {m.record.startTime ? `, ${m.record.startTime}` : ''}
                {m.record.endTime ? `–${m.record.endTime}` : ''} · {m.record.place} ·{' '}
                {t('meetings.attendees', { count: m.record.attendees.length })}
              </Text>
              <Group gap={4}>
                <Badge size="sm" variant="light" color="gray">
                  {t('header.round', { round: m.round })}
                </Badge>
                {m.record.agreement && (
                  <Badge size="sm" variant="light">
                    {t('meetings.agreement', { number: m.record.agreement.number })}
                  </Badge>
                )}
              </Group>
            </Stack>
            <Group gap="xs" wrap="nowrap">
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPrinter size={14} />}
                onClick={() => setPrinting(m)}
              >
                {t('print.open')}
              </Button>
              {canRecord && (
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconPencil size={14} />}
                  onClick={() => setEditing(m)}
                >
                  {t('meeting.editShort')}
                </Button>
              )}
            </Group>
          </Group>
        </Paper>
      ))}
      {canRecord && (
        <MeetingForm
          plan={plan}
          findings={findings}
          meeting={editing === 'new' ? null : editing}
          opened={editing !== null}
          onClose={() => setEditing(null)}
        />
      )}
      {printing && (
        <PrintView title={printing.record.title} onClose={() => setPrinting(null)}>
          <MeetingSheet record={printing.record} findings={findings} />
        </PrintView>
      )}
    </Stack>
  );
};
