import { Fieldset, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NATURE_LABEL } from './document-words.ts';
import { ListInput } from './form-bits.tsx';
import type { LetterFields } from './letter-model.ts';
import { LETTER_NATURES } from './review-types.ts';

/**
 * The fields of an official letter: number, date, place, sifat, lampiran, perihal, the addressee,
 * the signatory (name, 18-digit NIP, position) and the copies. Fields with a problem are marked.
 */
export const LetterForm = ({
  value,
  onChange,
  problems,
}: {
  value: LetterFields;
  onChange: (f: LetterFields) => void;
  problems: ReadonlySet<keyof LetterFields>;
}) => {
  const { t } = useTranslation('review');
  const set = <K extends keyof LetterFields>(k: K, v: LetterFields[K]) => onChange({ ...value, [k]: v });
  const err = (k: keyof LetterFields, message = t('letter.required')) =>
    problems.has(k) ? message : undefined;
  const text = (k: Exclude<keyof LetterFields, 'copies' | 'nature'>) => ({
    value: value[k],
    onChange: (e: { currentTarget: { value: string } }) => set(k, e.currentTarget.value),
    error: err(k),
  });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={3} spacing="sm">
        <TextInput label={t('letter.number')} required {...text('number')} />
        <TextInput label={t('letter.date')} type="date" required {...text('date')} />
        <TextInput label={t('letter.place')} required {...text('place')} />
      </SimpleGrid>
      <SimpleGrid cols={2} spacing="sm">
        <Select
          label={t('letter.nature')}
          value={value.nature}
          onChange={(v) => v && set('nature', v as LetterFields['nature'])}
          data={LETTER_NATURES.map((n) => ({ value: n, label: NATURE_LABEL[n] ?? n }))}
          allowDeselect={false}
        />
        <TextInput label={t('letter.attachment')} {...text('attachment')} />
      </SimpleGrid>
      <Textarea label={t('letter.subject')} required autosize minRows={1} {...text('subject')} />
      <Fieldset legend={t('letter.addressee')} p="sm">
        <Group grow align="flex-start">
          <TextInput label={t('letter.addresseePosition')} required {...text('addresseePosition')} />
          <TextInput label={t('letter.addresseePlace')} {...text('addresseePlace')} />
        </Group>
      </Fieldset>
      <Fieldset legend={t('letter.signatory')} p="sm">
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label={t('letter.signatoryName')} required {...text('signatoryName')} />
          <TextInput
            label={t('letter.signatoryNip')}
            inputMode="numeric"
            maxLength={18}
            {...text('signatoryNip')}
            error={err('signatoryNip', t('letter.nipRule'))}
            placeholder={t('letter.nipHelp')}
          />
          <TextInput label={t('letter.signatoryPosition')} required {...text('signatoryPosition')} />
        </SimpleGrid>
      </Fieldset>
      <ListInput
        label={t('letter.copies')}
        itemLabel={t('letter.copy')}
        values={value.copies}
        onChange={(v) => set('copies', v)}
        addLabel={t('letter.addCopy')}
      />
    </Stack>
  );
};
