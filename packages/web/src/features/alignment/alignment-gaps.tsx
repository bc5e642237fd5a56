import { Anchor, Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconUnlink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Finding, PlanTree, Severity } from '../../api/types.ts';
import { useLang } from '../../i18n/index.ts';
import { findingNodeLink, nodeLink, targetText } from './alignment-model.ts';
import type { AgencyGoal, UncoveredGoal } from './alignment-types.ts';
import { AgencyGoalView, IndicatorView, RegionalGoalView } from './goal-parts.tsx';

const SEVERITY_COLOR: Record<Severity, string> = { error: 'red', warning: 'yellow', info: 'blue' };

/** A small table of indicators with their targets per year. */
const IndicatorTargets = ({
  indicators,
  years,
}: {
  indicators: UncoveredGoal['indicators'];
  years: readonly number[];
}) => {
  const lang = useLang();
  const { t } = useTranslation('alignment');
  if (indicators.length === 0) return null;
  return (
    <Table fz="sm" verticalSpacing={4} withRowBorders={false}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('head.indicator')}</Table.Th>
          {years.map((y) => (
            <Table.Th key={y} ta="right" w={72}>
              {y}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {indicators.map((i) => (
          <Table.Tr key={i.key}>
            <Table.Td>
              <IndicatorView indicator={i} />
            </Table.Td>
            {years.map((y) => (
              <Table.Td key={y} ta="right" className="tabular">
                {targetText(i.targets[String(y)], lang)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
};

/** Regional sasaran the agency should support but does not, with its programmes under each and where they sit in the Renstra. */
export const UncoveredSection = ({
  uncovered,
  years,
  planId,
  tree,
}: {
  uncovered: readonly UncoveredGoal[];
  years: readonly number[];
  planId: string;
  tree: PlanTree;
}) => {
  const { t } = useTranslation('alignment');
  const byKey = new Map(tree.nodes.map((n) => [n.key, n]));
  return (
    <Stack gap="xs" component="section" aria-labelledby="uncovered-title" id="alignment-uncovered">
      <Group gap="xs">
        <IconAlertTriangle size={18} color="var(--mantine-color-red-7)" aria-hidden />
        <Title order={4} id="uncovered-title" c="red.8">
          {t('uncoveredTitle')} ({uncovered.length})
        </Title>
      </Group>
      <Text size="sm">{t('uncoveredIntro')}</Text>
      {uncovered.map((u) => (
        <Paper
          key={u.key}
          withBorder
          p="sm"
          bg="red.0"
          style={{ borderColor: 'var(--mantine-color-red-4)' }}
          data-testid="uncovered"
          data-key={u.key}
        >
          <Stack gap="xs">
            <RegionalGoalView goal={u} expected />
            <IndicatorTargets indicators={u.indicators} years={years} />
            <Text size="sm" fw={600}>
              {t('programs')}
            </Text>
            <List size="sm" spacing={2}>
              {u.programs.map((key) => {
                const node = byKey.get(key);
                return (
                  <List.Item key={key}>
                    {node ? (
                      <>
                        <Anchor component={Link} to={nodeLink(planId, key)} ff="monospace" size="sm">
                          {key}
                        </Anchor>{' '}
                        {node.name ?? node.statement}{' '}
                        <Text span size="xs" c="dimmed">
                          ({t('programInRenstra', { parent: node.parentKey ?? '–' })})
                        </Text>
                      </>
                    ) : (
                      <>
                        <Text span ff="monospace" size="sm">
                          {key}
                        </Text>{' '}
                        <Text span size="xs" c="dimmed">
                          ({t('programNotInRenstra')})
                        </Text>
                      </>
                    )}
                  </List.Item>
                );
              })}
            </List>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
};

/** Agency goals aligned to nothing in the regional plan, in amber. */
export const UnalignedSection = ({ goals, planId }: { goals: readonly AgencyGoal[]; planId: string }) => {
  const { t } = useTranslation('alignment');
  return (
    <Stack gap="xs" component="section" aria-labelledby="unaligned-title" id="alignment-unaligned">
      <Group gap="xs">
        <IconUnlink size={18} color="var(--mantine-color-orange-7)" aria-hidden />
        <Title order={4} id="unaligned-title" c="orange.8">
          {t('unalignedTitle')} ({goals.length})
        </Title>
      </Group>
      <Text size="sm">{t('unalignedIntro')}</Text>
      {goals.map((g) => (
        <Paper
          key={g.id}
          withBorder
          p="sm"
          bg="yellow.0"
          style={{ borderColor: 'var(--mantine-color-yellow-5)' }}
          data-testid="unaligned"
        >
          <AgencyGoalView goal={g} planId={planId} />
        </Paper>
      ))}
    </Stack>
  );
};

/** The alignment and coverage findings, each linking to its node in the tree. */
export const FindingsSection = ({
  findings,
  planId,
  planKey,
}: {
  findings: readonly Finding[];
  planId: string;
  planKey: string;
}) => {
  const { t } = useTranslation('alignment');
  const lang = useLang();
  return (
    <Stack gap="xs" component="section" aria-labelledby="alignment-findings-title" id="alignment-findings">
      <Title order={4} id="alignment-findings-title">
        {t('findingsTitle')} ({findings.length})
      </Title>
      {findings.length === 0 ? (
        <Text size="sm" c="teal">
          {t('noFindings')}
        </Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0}>
          {findings.map((f) => {
            const link = findingNodeLink(f, planId, planKey);
            return (
              <Stack
                key={`${f.code}:${f.path}`}
                gap={2}
                component="li"
                style={{ listStyle: 'none' }}
                data-testid="alignment-finding"
                data-code={f.code}
              >
                <Group gap={6}>
                  <Badge size="xs" color={SEVERITY_COLOR[f.severity]} variant="light">
                    {f.code}
                  </Badge>
                  {link && (
                    <Anchor component={Link} to={link} size="xs">
                      {t('showInTree')} ({f.target.node})
                    </Anchor>
                  )}
                </Group>
                <Text size="sm">{f.message[lang]}</Text>
              </Stack>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
};
