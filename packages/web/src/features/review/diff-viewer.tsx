import { Badge, Group, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../components/error-view.tsx';
import { useLang } from '../../i18n/index.ts';
import type { PlanContext } from '../plan/plan-context.ts';
import { AddedRemoved, FieldChanges, TextDiff } from './diff-parts.tsx';
import './diff.css';
import { useDiff } from './review-queries.ts';
import type { Round } from './review-types.ts';

const NOW = 'now';

/**
 * What changed between two rounds, or between a round and the plan as it is now: nodes and
 * indicators added, removed and changed field by field, and the chapters' text word by word.
 */
export const DiffViewer = ({
  plan,
  rounds,
  from,
  to,
  onChange,
}: {
  plan: PlanContext;
  rounds: readonly Round[];
  from: number | null;
  to: number | null;
  onChange: (from: number, to: number | null) => void;
}) => {
  const { t } = useTranslation('review');
  const lang = useLang();
  const diff = useDiff(plan.planId, from, to);
  const levelName = (key: string) => plan.tree.levels.find((l) => l.key === key)?.label[lang] ?? key;
  const options = rounds.map((r) => ({
    value: String(r.round),
    label: t('header.round', { round: r.round }),
  }));
  const d = diff.data?.diff;
  const empty = d !== undefined && Object.values(d.summary).every((n) => n === 0);
  return (
    <Stack gap="sm" component="section" aria-labelledby="diff-title" data-testid="diff-viewer">
      <Group justify="space-between" align="flex-end">
        <Title order={4} id="diff-title">
          {t('diff.title')}
        </Title>
        <Group gap="xs">
          <Select
            size="xs"
            w={150}
            label={t('diff.from')}
            value={from === null ? null : String(from)}
            onChange={(v) => v && onChange(Number(v), to)}
            data={options}
            allowDeselect={false}
          />
          <Select
            size="xs"
            w={190}
            label={t('diff.to')}
            value={to === null ? NOW : String(to)}
            onChange={(v) => from !== null && onChange(from, v === NOW || v === null ? null : Number(v))}
            data={[...options, { value: NOW, label: t('diff.now') }]}
            allowDeselect={false}
          />
        </Group>
      </Group>
      {from === null && <Text c="dimmed">{t('diff.choose')}</Text>}
      {diff.isPending && from !== null && <Loader size="sm" />}
      {diff.isError && <ErrorView error={diff.error} onRetry={() => void diff.refetch()} />}
      {d && (
        <>
          <Group gap={6} data-testid="diff-summary">
            {Object.entries(d.summary)
              .filter(([, n]) => n > 0)
              .map(([k, n]) => (
                <Badge key={k} variant="light" color="blue">
                  {t(`diff.summary.${k}`, { count: n, defaultValue: `${k}: ${n}` })}
                </Badge>
              ))}
          </Group>
          {empty && <Text c="dimmed">{t('diff.noChanges')}</Text>}
          {(d.nodes.added.length > 0 || d.nodes.removed.length > 0 || d.nodes.changed.length > 0) && (
            <Paper withBorder p="sm">
              <Stack gap={6}>
                <Text fw={600}>{t('diff.nodes')}</Text>
                {d.nodes.added.map((n) => (
                  <AddedRemoved
                    key={n.key}
                    kind="added"
                    code={n.key}
                    text={n.statement}
                    detail={levelName(n.level)}
                    testId="diff-node-added"
                  />
                ))}
                {d.nodes.removed.map((n) => (
                  <AddedRemoved
                    key={n.key}
                    kind="removed"
                    code={n.key}
                    text={n.statement}
                    detail={levelName(n.level)}
                    testId="diff-node-removed"
                  />
                ))}
                {d.nodes.changed.map((c) => (
                  <Stack key={c.node.key} gap={4} data-testid="diff-node-changed" data-key={c.node.key}>
                    <Text size="sm">
                      <Text span ff="monospace" c="dimmed">
                        {c.node.key}
                      </Text>{' '}
                      {c.node.statement}
                    </Text>
                    <FieldChanges fields={c.fields} />
                  </Stack>
                ))}
              </Stack>
            </Paper>
          )}
          {(d.indicators.added.length > 0 ||
            d.indicators.removed.length > 0 ||
            d.indicators.changed.length > 0) && (
            <Paper withBorder p="sm">
              <Stack gap={6}>
                <Text fw={600}>{t('diff.indicators')}</Text>
                {d.indicators.added.map((i) => (
                  <AddedRemoved
                    key={i.key}
                    kind="added"
                    code={i.key}
                    text={i.name}
                    detail={i.node}
                    testId="diff-indicator-added"
                  />
                ))}
                {d.indicators.removed.map((i) => (
                  <AddedRemoved
                    key={i.key}
                    kind="removed"
                    code={i.key}
                    text={i.name}
                    detail={i.node}
                    testId="diff-indicator-removed"
                  />
                ))}
                {d.indicators.changed.map((c) => (
                  <Stack
                    key={c.indicator.key}
                    gap={4}
                    data-testid="diff-indicator-changed"
                    data-key={c.indicator.key}
                  >
                    <Text size="sm">
                      {c.indicator.name}{' '}
                      <Text span ff="monospace" c="dimmed" size="xs">
                        ({c.indicator.key})
                      </Text>
                    </Text>
                    <FieldChanges fields={c.fields} />
                  </Stack>
                ))}
              </Stack>
            </Paper>
          )}
          {d.chapters.length > 0 && (
            <Stack gap={6}>
              <Text fw={600}>{t('diff.chapters')}</Text>
              {d.chapters.map((c) => (
                <TextDiff key={`${c.chapter}:${c.section ?? ''}`} change={c} />
              ))}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
};
