import { Select, SimpleGrid, TagsInput, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { AGENCY_KINDS, type AgencyKind } from './admin-types.ts';
import { AGENCY_FIELD_PATHS, type AgencyFields } from './agency-fields.ts';
import { AdminForm, FormFooter, MONO, OfficialFields, useFieldErrors } from './form-parts.tsx';

/**
 * An agency's record: code (fixed once saved), name, short name, kind (chosen on create), head,
 * bidang urusan and address. The API's field problems show at their fields (a taken code, 409 on
 * create, at the code); others above the buttons.
 */
export const AgencyForm = ({
  mode,
  fields: f,
  onChange,
  error,
  busy,
  onSubmit,
  onCancel,
  notice,
  submitDisabled = false,
}: {
  mode: 'create' | 'edit';
  fields: AgencyFields;
  onChange: (f: AgencyFields) => void;
  error: unknown;
  busy: boolean;
  onSubmit: () => void;
  onCancel?: () => void;
  notice?: ReactNode;
  submitDisabled?: boolean;
}) => {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const codeTaken = mode === 'create' && error instanceof ApiError && error.code === 'CONFLICT';
  // Code and kind are fixed once saved, so the edit form has no field to show their problems at.
  const shown = Object.values(AGENCY_FIELD_PATHS).filter(
    (p) => mode === 'create' || (p !== 'code' && p !== 'kind'),
  );
  const { at, general } = useFieldErrors(codeTaken ? null : error, shown, {
    prefixes: ['agency.'],
    extra: codeTaken ? { code: t('agency.codeTaken') } : {},
  });
  const set = <K extends keyof AgencyFields>(k: K, v: AgencyFields[K]) => onChange({ ...f, [k]: v });
  return (
    <AdminForm onSubmit={onSubmit}>
      {notice}
      {mode === 'create' ? (
        <SimpleGrid cols={2}>
          <TextInput
            label={t('agency.code')}
            description={t('agency.codeHint')}
            value={f.code}
            onChange={(e) => set('code', e.currentTarget.value)}
            required
            styles={MONO}
            error={at('code')}
          />
          <Select
            label={t('agency.kind')}
            value={f.kind}
            onChange={(v) => v && set('kind', v as AgencyKind)}
            data={AGENCY_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            allowDeselect={false}
            error={at('kind')}
          />
        </SimpleGrid>
      ) : (
        <Text size="sm" c="dimmed">
          {t('agency.fixed')}
        </Text>
      )}
      <TextInput
        label={t('agency.name')}
        value={f.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        required
        error={at('name')}
      />
      <SimpleGrid cols={2}>
        <TextInput
          label={t('agency.shortName')}
          value={f.shortName}
          onChange={(e) => set('shortName', e.currentTarget.value)}
          error={at('shortName')}
        />
        <TagsInput
          label={t('agency.bidangUrusan')}
          description={t('agency.bidangUrusanHint')}
          value={f.bidangUrusan}
          onChange={(v) => set('bidangUrusan', v)}
          error={at('bidangUrusan')}
          clearable
        />
      </SimpleGrid>
      <OfficialFields value={f} onChange={set} errorAt={at} />
      <TextInput
        label={t('agency.address')}
        value={f.address}
        onChange={(e) => set('address', e.currentTarget.value)}
        error={at('address')}
      />
      <FormFooter
        problems={general}
        onCancel={onCancel}
        busy={busy}
        disabled={submitDisabled}
        submitLabel={mode === 'create' ? tc('action.add') : tc('action.save')}
      />
    </AdminForm>
  );
};
