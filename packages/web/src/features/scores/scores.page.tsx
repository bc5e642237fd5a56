import {
  Accordion,
  Badge,
  Card,
  Group,
  Loader,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { RenderedText, ScoreIndicator, Scores, TargetValue } from '../../api/types.ts';
import { ErrorView } from '../../components/error-view.tsx';
import { type Lang, useLang } from '../../i18n/index.ts';
import { formatNumber } from '../../lib/format.ts';
import { usePlan } from '../plan/plan-context.ts';
import { planKeys } from '../plan/plan-queries.ts';
import './locale.ts';

const PREDICATE_COLOR: Record<string, string> = {
  'sangat-tinggi': 'green',
  tinggi: 'lime',
  sedang: 'yellow',
  rendah: 'orange',
  'sangat-rendah': 'red',
};

const num = (v: number | null | undefined, lang: Lang, decimals?: number) =>
  v === null || v === undefined
    ? '–'
    : formatNumber(v, lang, decimals === undefined ? { maxDecimals: 2 } : { decimals });

const target = (v: TargetValue | null, lang: Lang) =>
  v === null ? '–' : typeof v === 'number' ? num(v, lang) : `${num(v.min, lang)}–${num(v.max, lang)}`;

const Explanation = ({ text }: { text: RenderedText | undefined }) => {
  const lang = useLang();
  if (!text) return null;
  return (
    <Stack gap={2}>
      {text[lang].map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one explanation have no other identity
        <Text key={i} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {line}
        </Text>
      ))}
    </Stack>
  );
};

const PredicateBadge = ({ p }: { p: string | null }) => {
  const { t } = useTranslation('scores');
  return p ? (
    <Badge color={PREDICATE_COLOR[p] ?? 'gray'}>{t(`predicates.${p}`, { defaultValue: p })}</Badge>
  ) : (
    <Text c="dimmed">–</Text>
  );
};

/** Capaian for a year: composite indices with their components and why, the overall value, bidang and every indicator. */
export const ScoresPage = () => {
  const { planId, years, tree } = usePlan();
  const { t } = useTranslation('scores');
  const lang = useLang();
  const [year, setYear] = useState(String(years[0]));
  const [onlyRealised, setOnlyRealised] = useState(true);
  const [why, setWhy] = useState<ScoreIndicator | undefined>();
  const scores = useQuery({
    queryKey: planKeys.scores(planId, Number(year)),
    queryFn: () => api.get<Scores>(`/api/plans/${planId}/scores`, { query: { year, explain: true } }),
  });
  const nodeKey = useMemo(() => new Map(tree.nodes.map((n) => [n.key, n])), [tree]);
  const indicators = (scores.data?.indicators ?? []).filter((i) => !onlyRealised || i.realisation !== null);
  return (
    <Stack p="md" gap="md">
      <Group justify="space-between">
        <Title order={3}>{t('title')}</Title>
        <Select
          label={t('year')}
          value={year}
          onChange={(v) => setYear(v ?? year)}
          data={years.map(String)}
          w={120}
          allowDeselect={false}
        />
      </Group>
      {scores.isPending && <Loader />}
      {scores.isError && <ErrorView error={scores.error} onRetry={() => void scores.refetch()} />}
      {scores.data && (
        <>
          <SimpleGrid cols={{ base: 1, xl: 2 }}>
            {scores.data.composites.map((c) => (
              <Card key={c.id} withBorder data-testid="composite-card">
                <Text fw={600}>{c.name}</Text>
                <Group align="baseline" gap="xs">
                  <Text fz={36} fw={700} className="tabular" data-testid="composite-value">
                    {num(c.value, lang, 2)}
                  </Text>
                  {c.version && (
                    <Text size="xs" c="dimmed">
                      v{c.version}
                    </Text>
                  )}
                </Group>
                <Table fz="xs" mt="xs" striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('component')}</Table.Th>
                      <Table.Th ta="right">{t('raw')}</Table.Th>
                      <Table.Th ta="right">{t('weight')}</Table.Th>
                      <Table.Th ta="right">{t('contribution')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {c.components.map((p) => (
                      <Table.Tr key={p.indicator}>
                        <Table.Td>{p.label ?? p.indicator}</Table.Td>
                        <Table.Td ta="right" className="tabular">
                          {p.missing ? t('missing') : num(p.raw, lang)}
                        </Table.Td>
                        <Table.Td ta="right" className="tabular">
                          {num(p.effectiveWeight, lang, 2)}
                        </Table.Td>
                        <Table.Td ta="right" className="tabular">
                          {num(p.contribution, lang, 3)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                {c.explanationText && (
                  <Accordion variant="contained" mt="xs">
                    <Accordion.Item value="why">
                      <Accordion.Control>{t('why')}</Accordion.Control>
                      <Accordion.Panel>
                        <Explanation text={c.explanationText} />
                      </Accordion.Panel>
                    </Accordion.Item>
                  </Accordion>
                )}
              </Card>
            ))}
            <Card withBorder>
              <Text fw={600}>{t('overall')}</Text>
              <Group align="baseline" gap="xs">
                <Text fz={36} fw={700} className="tabular">
                  {scores.data.overall.value === null ? '–' : `${num(scores.data.overall.value, lang, 2)}%`}
                </Text>
                <PredicateBadge p={scores.data.overall.predicate} />
              </Group>
              <Text fw={600} mt="sm" size="sm">
                {t('units')}
              </Text>
              <Table fz="xs">
                <Table.Tbody>
                  {scores.data.units.map((u) => (
                    <Table.Tr key={u.id}>
                      <Table.Td>{u.name}</Table.Td>
                      <Table.Td ta="right" className="tabular">
                        {u.value === null ? '–' : `${num(u.value, lang, 2)}%`}
                      </Table.Td>
                      <Table.Td>
                        <PredicateBadge p={u.predicate} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          </SimpleGrid>
          <Group justify="space-between">
            <Title order={4}>{t('indicators')}</Title>
            <Switch
              label={t('onlyWithRealisation')}
              checked={onlyRealised}
              onChange={(e) => setOnlyRealised(e.currentTarget.checked)}
            />
          </Group>
          {indicators.length === 0 && <Text c="dimmed">{t('noRealisation')}</Text>}
          <Table striped highlightOnHover fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('indicator')}</Table.Th>
                <Table.Th ta="right">{t('target')}</Table.Th>
                <Table.Th ta="right">{t('realisation')}</Table.Th>
                <Table.Th ta="right">{t('capaian')}</Table.Th>
                <Table.Th>{t('predicate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {indicators.map((i) => (
                <Table.Tr
                  key={i.id}
                  onClick={() => setWhy(i)}
                  style={{ cursor: 'pointer' }}
                  data-testid="score-row"
                >
                  <Table.Td>
                    <Text size="sm">{i.name}</Text>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {nodeKey.get(i.node)?.statement}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {target(i.target, lang)} {i.unit}
                  </Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {num(i.realisation, lang)} {i.unit}
                  </Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {i.capaian === null ? '–' : `${num(i.capaian, lang, 2)}%`}
                  </Table.Td>
                  <Table.Td>
                    <PredicateBadge p={i.predicate} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <Modal opened={why !== undefined} onClose={() => setWhy(undefined)} title={why?.name} size="lg">
        <Explanation text={why?.explanationText} />
      </Modal>
    </Stack>
  );
};
