import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Polarity } from '../../api/types.ts';

export interface IndicatorDraft {
  readonly name: string;
  readonly unit: string;
  readonly polarity: Polarity;
  readonly targets: Record<string, number>;
}

/** A new indicator: name, unit, polarity and a target for every year of the period (numbers, never text). */
export const IndicatorForm = ({
  years,
  busy,
  onSubmit,
  onCancel,
}: {
  years: readonly number[];
  busy: boolean;
  onSubmit: (d: IndicatorDraft) => void;
  onCancel: () => void;
}) => {
  const { t } = useTranslation('tree');
  const { t: tc } = useTranslation();
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [polarity, setPolarity] = useState<Polarity>('positive');
  const [targets, setTargets] = useState<Record<string, number | ''>>({});
  const complete = name.trim() !== '' && years.every((y) => typeof targets[String(y)] === 'number');
  return (
    <Stack
      gap="xs"
      component="form"
      aria-label={t('newIndicator')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!complete) return;
        onSubmit({
          name: name.trim(),
          unit: unit.trim(),
          polarity,
          targets: Object.fromEntries(years.map((y) => [String(y), targets[String(y)] as number])),
        });
      }}
    >
      <TextInput
        label={t('indicatorName')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
      />
      <Group grow>
        <TextInput
          label={t('unitLabel')}
          value={unit}
          onChange={(e) => setUnit(e.currentTarget.value)}
          placeholder="%"
        />
        <Select
          label={t('polarity')}
          value={polarity}
          onChange={(v) => setPolarity((v as Polarity | null) ?? 'positive')}
          data={(['positive', 'negative', 'range', 'stable'] as const).map((p) => ({
            value: p,
            label: t(`polarities.${p}`),
          }))}
          allowDeselect={false}
        />
      </Group>
      <SimpleGrid cols={Math.min(years.length, 3)}>
        {years.map((y) => (
          <NumberInput
            key={y}
            label={t('targetYear', { year: y })}
            decimalSeparator=","
            thousandSeparator="."
            value={targets[String(y)] ?? ''}
            onChange={(v) => setTargets((s) => ({ ...s, [String(y)]: typeof v === 'number' ? v : '' }))}
            required
            hideControls
          />
        ))}
      </SimpleGrid>
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onCancel}>
          {tc('action.cancel')}
        </Button>
        <Button type="submit" loading={busy} disabled={!complete}>
          {t('addIndicator')}
        </Button>
      </Group>
    </Stack>
  );
};
