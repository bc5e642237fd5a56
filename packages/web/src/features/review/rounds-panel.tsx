import { Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconGitCompare, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { useMe } from '../auth/use-me.ts';
import type { PlanContext } from '../plan/plan-context.ts';
import { letterhead } from './document-words.ts';
import { LetterSheet } from './letter-print.tsx';
import { PrintView } from './print-view.tsx';
import { formatDateTime, shortHash } from './review-model.ts';
import type { Round, RoundLetter } from './review-types.ts';

const HashBadge = ({ round }: { round: Round }) => {
  const { t } = useTranslation('review');
  return (
    <Tooltip label={round.hash} multiline maw={320}>
      <Group gap={4} wrap="nowrap" data-testid="round-hash" data-intact={String(round.intact)}>
        <Text size="xs" ff="monospace">
          {shortHash(round.hash)}
        </Text>
        {round.intact ? (
          <Badge size="sm" color="teal" variant="light" leftSection={<IconCheck size={12} />}>
            {t('rounds.intact')}
          </Badge>
        ) : (
          <Badge size="sm" color="red" variant="filled" leftSection={<IconAlertTriangle size={12} />}>
            {t('rounds.altered')}
          </Badge>
        )}
      </Group>
    </Tooltip>
  );
};

/** Each submission round: its snapshot's hash (checked), its letters (printable), verdicts and verification. */
export const RoundsPanel = ({
  plan,
  rounds,
  onCompare,
}: {
  plan: PlanContext;
  rounds: readonly Round[];
  onCompare: (from: number, to: number | null) => void;
}) => {
  const { t } = useTranslation('review');
  const { t: tc } = useTranslation();
  const lang = useLang();
  const { data: user } = useMe();
  const [printing, setPrinting] = useState<{ letter: RoundLetter; hash: string } | null>(null);
  const regionName = user?.roles.find((g) => g.regionId === plan.tree.regionId)?.regionName ?? '';
  if (rounds.length === 0)
    return (
      <Text c="dimmed" py="md">
        {t('rounds.none')}
      </Text>
    );
  return (
    <Stack gap="sm">
      {rounds.map((r, i) => (
        <Paper key={r.round} withBorder p="sm" data-testid="round" data-round={r.round}>
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap">
              <Group gap="xs">
                <Text fw={700}>{t('header.round', { round: r.round })}</Text>
                <Badge variant="light">{tc(`stage.${r.stage}`, { defaultValue: r.stage })}</Badge>
                <Text size="sm" c="dimmed">
                  {formatDateTime(r.createdAt, lang)}
                </Text>
              </Group>
              <HashBadge round={r} />
            </Group>
            {!r.intact && (
              <Text size="sm" c="red" fw={600}>
                {t('rounds.alteredHelp')}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              {t('rounds.findingsAtSubmission', {
                error: r.findings.error ?? 0,
                warning: r.findings.warning ?? 0,
              })}
            </Text>
            {r.letters.map((l) => (
              <Group key={l.id} gap="xs" wrap="nowrap" data-testid="round-letter">
                <Badge size="sm" variant="outline">
                  {t(`letterKind.${l.kind}`, { defaultValue: l.kind })}
                </Badge>
                <Text size="sm" style={{ flex: 1 }} lineClamp={1}>
                  {t('rounds.letterLine', {
                    number: l.letter.number,
                    date: formatDate(l.letter.date, lang),
                    subject: l.letter.subject,
                  })}
                </Text>
                <Button
                  size="compact-xs"
                  variant="light"
                  leftSection={<IconPrinter size={12} />}
                  onClick={() => setPrinting({ letter: l, hash: l.snapshotHash ?? '' })}
                >
                  {t('print.letter')}
                </Button>
              </Group>
            ))}
            {r.verdicts.length > 0 && (
              <Group gap="md">
                {r.verdicts.map((v) => (
                  <Text key={`${v.institution}-${v.at}`} size="sm">
                    <Text span fw={600}>
                      {t(`institution.${v.institution}`)}:
                    </Text>{' '}
                    {t(`verdict.${v.verdict}`)}
                    {v.note ? ` — ${v.note}` : ''}
                  </Text>
                ))}
              </Group>
            )}
            {r.verification && (
              <Text size="sm" c="teal.8">
                {t('rounds.verified', {
                  date: formatDateTime(r.verification.at, lang),
                  passed: r.verification.checklist.filter((c) => c.pass).length,
                  total: r.verification.checklist.length,
                })}
              </Text>
            )}
            <Group gap="xs">
              {i > 0 && (
                <Button
                  size="compact-xs"
                  variant="default"
                  leftSection={<IconGitCompare size={12} />}
                  onClick={() => onCompare((rounds[i - 1] as Round).round, r.round)}
                >
                  {t('rounds.compareWithPrevious')}
                </Button>
              )}
              <Button
                size="compact-xs"
                variant="default"
                leftSection={<IconGitCompare size={12} />}
                onClick={() => onCompare(r.round, null)}
              >
                {t('rounds.compareWithNow')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ))}
      {printing && (
        <PrintView title={printing.letter.letter.subject} onClose={() => setPrinting(null)}>
          <LetterSheet
            letter={printing.letter.letter}
            letterhead={letterhead(printing.letter.kind, plan.tree.agency?.name ?? '', regionName)}
            hash={printing.hash}
          />
        </PrintView>
      )}
    </Stack>
  );
};
