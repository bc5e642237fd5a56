import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Level, OrgUnit, TreeNode } from '../../api/types.ts';

const BUDGETED = new Set(['program', 'kegiatan', 'subKegiatan']);

export interface NodeFields {
  statement: string;
  code: string;
  name: string;
  unit: string | null;
  priority: boolean;
  alignsTo: string[];
  pagu: Record<string, number | ''>;
}

const fieldsOf = (n: TreeNode | undefined): NodeFields => ({
  statement: n?.statement ?? '',
  code: n?.code ?? '',
  name: n?.name ?? '',
  unit: n?.owner?.unit ?? null,
  priority: n?.priority ?? false,
  alignsTo: [...(n?.alignsTo ?? [])],
  pagu: { ...(n?.pagu ?? {}) },
});

/** Only what changed, in the API's terms (empty strings remove optional fields). */
export const patchOf = (before: TreeNode, f: NodeFields): Record<string, unknown> => {
  const p: Record<string, unknown> = {};
  if (f.statement.trim() !== before.statement) p.statement = f.statement.trim();
  if (f.code.trim() !== (before.code ?? '')) p.code = f.code.trim() || undefined;
  if (f.name.trim() !== (before.name ?? '')) p.name = f.name.trim() || undefined;
  if (f.unit !== (before.owner?.unit ?? null)) p.owner = f.unit ? { ...before.owner, unit: f.unit } : {};
  if (f.priority !== before.priority) p.priority = f.priority;
  if (f.alignsTo.join('|') !== before.alignsTo.join('|')) p.alignsTo = f.alignsTo;
  const pagu = Object.fromEntries(Object.entries(f.pagu).filter(([, v]) => typeof v === 'number'));
  if (JSON.stringify(pagu) !== JSON.stringify(before.pagu)) p.pagu = pagu;
  for (const k of Object.keys(p)) if (p[k] === undefined) delete p[k];
  return p;
};

/**
 * A node's fields: statement, code and nomenclature name and pagu per year where the level is
 * budgeted, owner unit, priority and alignment to the regional plan.
 */
export const NodeForm = ({
  node,
  level,
  years,
  units,
  alignOptions,
  readOnly,
  busy,
  submitLabel,
  onSubmit,
}: {
  node?: TreeNode | undefined;
  level: Level | undefined;
  years: readonly number[];
  units: readonly OrgUnit[];
  alignOptions: readonly { value: string; label: string }[];
  readOnly: boolean;
  busy: boolean;
  submitLabel: string;
  onSubmit: (f: NodeFields) => void;
}) => {
  const { t } = useTranslation('tree');
  const [f, setF] = useState<NodeFields>(() => fieldsOf(node));
  // A newer version of the same node (after a save or someone else's change) resets the form.
  useEffect(() => setF(fieldsOf(node)), [node]);
  const budgeted = BUDGETED.has(level?.role ?? 'other');
  const set = <K extends keyof NodeFields>(k: K, v: NodeFields[K]) => setF((s) => ({ ...s, [k]: v }));
  return (
    <Stack
      gap="xs"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(f);
      }}
    >
      <Textarea
        label={t('statement')}
        value={f.statement}
        onChange={(e) => set('statement', e.currentTarget.value)}
        autosize
        minRows={2}
        required
        readOnly={readOnly}
      />
      {budgeted && (
        <Group grow align="flex-start">
          <TextInput
            label={t('code')}
            value={f.code}
            onChange={(e) => set('code', e.currentTarget.value)}
            readOnly={readOnly}
            ff="monospace"
          />
          <TextInput
            label={t('nomenclatureName')}
            value={f.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            readOnly={readOnly}
          />
        </Group>
      )}
      <Select
        label={t('ownerUnit')}
        value={f.unit}
        onChange={(v) => set('unit', v)}
        data={units.map((u) => ({ value: u.id, label: u.name }))}
        clearable
        searchable
        readOnly={readOnly}
      />
      {alignOptions.length > 0 && (
        <MultiSelect
          label={t('alignsToLabel')}
          value={f.alignsTo}
          onChange={(v) => set('alignsTo', v)}
          data={[...alignOptions]}
          searchable
          readOnly={readOnly}
        />
      )}
      <Switch
        label={t('priority')}
        checked={f.priority}
        onChange={(e) => set('priority', e.currentTarget.checked)}
        disabled={readOnly}
      />
      {budgeted && (
        <SimpleGrid cols={Math.min(years.length, 3)}>
          {years.map((y) => (
            <NumberInput
              key={y}
              label={t('paguYear', { year: y })}
              prefix="Rp"
              decimalSeparator=","
              thousandSeparator="."
              decimalScale={0}
              hideControls
              value={f.pagu[String(y)] ?? ''}
              onChange={(v) => set('pagu', { ...f.pagu, [String(y)]: typeof v === 'number' ? v : '' })}
              readOnly={readOnly}
            />
          ))}
        </SimpleGrid>
      )}
      {!readOnly && (
        <Group justify="flex-end">
          <Button type="submit" loading={busy} disabled={f.statement.trim() === ''}>
            {submitLabel}
          </Button>
        </Group>
      )}
    </Stack>
  );
};
