import { Loader, Text, Timeline } from '@mantine/core';
import {
  IconArrowBackUp,
  IconCheck,
  IconCircleDot,
  IconGavel,
  IconMessage,
  IconSend,
  IconUsers,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../components/error-view.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { formatDateTime } from './review-model.ts';
import { useTimeline } from './review-queries.ts';
import type { TimelineEvent } from './review-types.ts';

const ICON: Record<string, ReactNode> = {
  submit: <IconSend size={12} />,
  resubmit: <IconSend size={12} />,
  return: <IconArrowBackUp size={12} />,
  verify: <IconCheck size={12} />,
  enact: <IconGavel size={12} />,
  meeting: <IconUsers size={12} />,
  finding: <IconMessage size={12} />,
};

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** Every review event of the plan, oldest first: what happened, who did it and when. */
export const TimelinePanel = ({ planId }: { planId: string }) => {
  const { t } = useTranslation('review');
  const { t: tc } = useTranslation();
  const lang = useLang();
  const events = useTimeline(planId);
  if (events.isPending) return <Loader size="sm" />;
  if (events.isError) return <ErrorView error={events.error} onRetry={() => void events.refetch()} />;
  if (events.data.length === 0)
    return (
      <Text c="dimmed" py="md">
        {t('timeline.none')}
      </Text>
    );
  const params = (e: TimelineEvent) => {
    const p = e.payload;
    const letter = (p.letter ?? {}) as Record<string, unknown>;
    const instrument = (p.instrument ?? {}) as Record<string, unknown>;
    return {
      round: e.round,
      number: str(letter.number),
      date: letter.date ? formatDate(str(letter.date), lang) : '',
      institution: p.institution ? t(`institution.${str(p.institution)}`) : '',
      verdict: p.verdict ? t(`verdict.${str(p.verdict)}`) : '',
      status: p.status ? t(`status.${str(p.status)}`) : '',
      title: str(p.title),
      meetingDate: p.date ? formatDate(str(p.date), lang) : '',
      from: p.from ? tc(`stage.${str(p.from)}`, { defaultValue: str(p.from) }) : '',
      to: p.to ? tc(`stage.${str(p.to)}`, { defaultValue: str(p.to) }) : '',
      instrument: [str(instrument.kind), str(instrument.number)].filter(Boolean).join(' '),
    };
  };
  return (
    <Timeline bulletSize={22} lineWidth={2} active={events.data.length - 1} data-testid="timeline">
      {events.data.map((e) => (
        <Timeline.Item
          key={e.id}
          bullet={ICON[e.kind.split('.')[0] ?? ''] ?? <IconCircleDot size={12} />}
          title={t(`event.${e.kind.replace('.', '_')}`, { ...params(e), defaultValue: e.kind })}
          data-testid="timeline-event"
          data-kind={e.kind}
        >
          <Text size="xs" c="dimmed">
            {e.actor ?? t('timeline.system')} · {formatDateTime(e.at, lang)} ·{' '}
            {t('header.round', { round: e.round })}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
};
