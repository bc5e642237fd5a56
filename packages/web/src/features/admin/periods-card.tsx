import {
  Button,
  Group,
  List,
  Loader,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Table,
  TagsInput,
  Text,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { ErrorView } from '../../components/error-view.tsx';
import { adminKeys, usePeriods } from './admin-queries.ts';
import { PERIOD_KINDS, type PeriodKind, type PeriodRecord } from './admin-types.ts';
import { AdminForm, FormFooter, notifyDone, useFieldErrors } from './form-parts.tsx';
import { type PeriodFields, periodProblems } from './rules.ts';

const FIELDS = ['kind', 'startYear', 'endYear', 'baselineYear', 'legalBasis'];

const yearOf = (v: string | number): number | '' =>
  typeof v === 'number' ? v : v.trim() === '' ? '' : Number(v);

/**
 * Adds a planning period. The form checks the years as the server does (order, length, baseline);
 * the server's refusals show at their fields, a period that already exists at its kind.
 */
const PeriodForm = ({ regionId, onDone }: { regionId: string; onDone: () => void }) => {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [f, setF] = useState<PeriodFields>({
    kind: 'RPJMD',
    startYear: '',
    endYear: '',
    baselineYear: '',
    legalBasis: [],
  });
  const set = <K extends keyof PeriodFields>(k: K, v: PeriodFields[K]) => setF((s) => ({ ...s, [k]: v }));
  const create = useMutation({
    mutationFn: (body: Omit<PeriodRecord, 'id' | 'version'>) =>
      api.post<PeriodRecord>(`/api/regions/${regionId}/periods`, body),
  });
  const exists = create.error instanceof ApiError && create.error.code === 'CONFLICT';
  const { at, general, check } = useFieldErrors(exists ? null : create.error, FIELDS, {
    extra: exists ? { kind: t('periods.exists', { kind: f.kind, start: f.startYear, end: f.endYear }) } : {},
  });
  const submit = () => {
    const problems = Object.fromEntries(
      Object.entries(periodProblems(f)).map(([k, p]) => [k, t(`periods.problems.${p}`)]),
    );
    if (!check(problems) || f.startYear === '' || f.endYear === '' || f.baselineYear === '') return;
    const body = {
      kind: f.kind,
      startYear: f.startYear,
      endYear: f.endYear,
      baselineYear: f.baselineYear,
      legalBasis: f.legalBasis.map((b) => b.trim()).filter((b) => b !== ''),
    };
    create.mutate(body, {
      onSuccess: (p) => {
        void queryClient.invalidateQueries({ queryKey: adminKeys.periods(regionId) });
        notifyDone(t('periods.added', { kind: p.kind, start: p.startYear, end: p.endYear }));
        onDone();
      },
    });
  };
  const year = (k: 'startYear' | 'endYear' | 'baselineYear', label: string, description?: string) => (
    <NumberInput
      label={label}
      description={description}
      value={f[k]}
      onChange={(v) => set(k, yearOf(v))}
      min={1945}
      max={2200}
      allowDecimal={false}
      allowNegative={false}
      thousandSeparator=""
      required
      error={at(k)}
    />
  );
  return (
    <AdminForm onSubmit={submit}>
      <Select
        label={t('periods.kind')}
        value={f.kind}
        onChange={(v) => v && set('kind', v as PeriodKind)}
        data={PERIOD_KINDS.map((k) => ({ value: k, label: k }))}
        allowDeselect={false}
        data-autofocus
        error={at('kind')}
      />
      <SimpleGrid cols={3}>
        {year('startYear', t('periods.start'))}
        {year('endYear', t('periods.end'))}
        {year('baselineYear', t('periods.baseline'))}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={-6}>
        {t('periods.baselineHint')}
      </Text>
      <TagsInput
        label={t('periods.legalBasis')}
        description={t('periods.legalBasisHint')}
        value={f.legalBasis}
        onChange={(v) => set('legalBasis', v)}
        error={at('legalBasis')}
        clearable
      />
      <FormFooter
        problems={general}
        onCancel={onDone}
        busy={create.isPending}
        submitLabel={tc('action.add')}
      />
    </AdminForm>
  );
};

/** The region's planning periods (RPJMD, RPD, Renstra, Renja), oldest first; add one. */
export const PeriodsCard = ({ regionId }: { regionId: string }) => {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const periods = usePeriods(regionId);
  const [adding, setAdding] = useState(false);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('periods.heading')}</Title>
        <Button leftSection={<IconPlus size={16} />} size="xs" onClick={() => setAdding(true)}>
          {t('periods.add')}
        </Button>
      </Group>
      {periods.isPending && <Loader aria-label={tc('state.loading')} />}
      {periods.isError && <ErrorView error={periods.error} onRetry={() => void periods.refetch()} />}
      {periods.data && periods.data.length === 0 && <Text c="dimmed">{t('periods.empty')}</Text>}
      {periods.data && periods.data.length > 0 && (
        <Table verticalSpacing={6} aria-label={t('periods.heading')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={100}>{t('periods.kind')}</Table.Th>
              <Table.Th w={110}>{t('periods.years')}</Table.Th>
              <Table.Th w={100}>{t('periods.baseline')}</Table.Th>
              <Table.Th>{t('periods.legalBasis')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {periods.data.map((p) => (
              <Table.Tr key={p.id} data-testid="period-row">
                <Table.Td fw={500}>{p.kind}</Table.Td>
                <Table.Td>
                  {p.startYear}–{p.endYear}
                </Table.Td>
                <Table.Td>{p.baselineYear}</Table.Td>
                <Table.Td fz="sm">
                  {p.legalBasis.length === 0 ? (
                    '—'
                  ) : (
                    <List size="sm">
                      {p.legalBasis.map((b) => (
                        <List.Item key={b}>{b}</List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('periods.add')} size="lg">
        {adding && <PeriodForm regionId={regionId} onDone={() => setAdding(false)} />}
      </Modal>
    </Paper>
  );
};
