import { Anchor, Badge, Group, Loader, ScrollArea, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Finding, Severity } from '../../api/types.ts';
import { ErrorView } from '../../components/error-view.tsx';
import { useLang } from '../../i18n/index.ts';
import { findingLink } from './finding-link.ts';
import { useValidation } from './plan-queries.ts';

const COLOR: Record<Severity, string> = { error: 'red', warning: 'yellow', info: 'blue' };
const ORDER: readonly Severity[] = ['error', 'warning', 'info'];

const FindingItem = ({ f, planId }: { f: Finding; planId: string }) => {
  const { t } = useTranslation('plan');
  const lang = useLang();
  const link = findingLink(f);
  return (
    <Stack gap={2} component="li" style={{ listStyle: 'none' }} data-testid="finding" data-code={f.code}>
      <Group gap={6} wrap="nowrap">
        <Badge size="xs" color={COLOR[f.severity]} variant="light">
          {f.code}
        </Badge>
        {link && (
          <Anchor component={Link} to={`/rencana/${planId}/${link}`} size="xs">
            {t('goTo')}
          </Anchor>
        )}
      </Group>
      <Text size="sm">{f.message[lang]}</Text>
    </Stack>
  );
};

/** The live findings of the plan, grouped by severity, each linking to what it is about. */
export const ValidationPanel = ({ planId }: { planId: string }) => {
  const { t } = useTranslation('plan');
  const { t: tc } = useTranslation();
  const lang = useLang();
  const validation = useValidation(planId);
  const [filter, setFilter] = useState('');
  const groups = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = validation.data?.findings ?? [];
    const shown = q ? all.filter((f) => `${f.code} ${f.message[lang]}`.toLowerCase().includes(q)) : all;
    return ORDER.map((s) => [s, shown.filter((f) => f.severity === s)] as const);
  }, [validation.data, filter, lang]);
  return (
    <Stack gap="xs" h="100%" p="sm" component="section" aria-labelledby="findings-title">
      <Group justify="space-between">
        <Title order={4} id="findings-title">
          {t('findings')}
        </Title>
        {validation.isFetching && <Loader size="xs" aria-label={tc('state.loading')} />}
      </Group>
      <TextInput
        size="xs"
        placeholder={t('filter')}
        aria-label={t('filter')}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
      />
      {validation.isError && <ErrorView error={validation.error} onRetry={() => void validation.refetch()} />}
      {validation.data && validation.data.findings.length === 0 && (
        <Text size="sm" c="teal" data-testid="no-findings">
          {t('noFindings')}
        </Text>
      )}
      <ScrollArea style={{ flex: 1 }} type="auto">
        <Stack gap="md">
          {groups.map(([severity, items]) =>
            items.length === 0 ? null : (
              <Stack key={severity} gap="xs">
                <Text fw={600} size="sm" c={COLOR[severity]}>
                  {tc(`severity.${severity}`)} ({items.length})
                </Text>
                <Stack gap="sm" component="ul" p={0} m={0}>
                  {items.map((f) => (
                    <FindingItem key={`${f.code}:${f.path}`} f={f} planId={planId} />
                  ))}
                </Stack>
              </Stack>
            ),
          )}
        </Stack>
      </ScrollArea>
    </Stack>
  );
};
