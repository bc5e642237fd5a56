import { Button, Group, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useErrorText } from '../../components/error-view.tsx';
import { AGENCY_KINDS, type AgencyKind } from './admin-types.ts';
import { AGENCY_FIELD_PATHS, type AgencyFields } from './agency-fields.ts';
import { errorAt, type FieldErrors, fieldErrors, generalMessage, otherErrors } from './form-errors.ts';
import { FormProblems } from './form-problems.tsx';

const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** The problems of an agency write by field; a taken code (409 on create) is the code's problem. */
const agencyErrors = (error: unknown, mode: 'create' | 'edit', codeTaken: string): FieldErrors => {
  if (mode === 'create' && error instanceof ApiError && error.code === 'CONFLICT') return { code: codeTaken };
  return fieldErrors(error, ['agency.']);
};

/**
 * An agency's record: code (fixed once saved), name, short name, kind (chosen on create), head,
 * bidang urusan and address. The API's field problems show at their fields; others above the
 * buttons.
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
  const errorText = useErrorText();
  const errors = agencyErrors(error, mode, t('agency.codeTaken'));
  const at = (k: keyof AgencyFields) => errorAt(errors, AGENCY_FIELD_PATHS[k]);
  // Code and kind are fixed once saved, so the edit form has no field to show their problems at.
  const shown = Object.values(AGENCY_FIELD_PATHS).filter(
    (p) => mode === 'create' || (p !== 'code' && p !== 'kind'),
  );
  const rest = otherErrors(errors, shown);
  const set = <K extends keyof AgencyFields>(k: K, v: AgencyFields[K]) => onChange({ ...f, [k]: v });
  const general = generalMessage(error, rest, t('fix'), errorText);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Stack gap="sm">
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
        <TextInput
          label={t('agency.headPosition')}
          value={f.headPosition}
          onChange={(e) => set('headPosition', e.currentTarget.value)}
          error={at('headPosition')}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label={t('agency.headName')}
            value={f.headName}
            onChange={(e) => set('headName', e.currentTarget.value)}
            error={at('headName')}
          />
          <TextInput
            label={t('agency.headNip')}
            description={t('agency.nipHint')}
            value={f.headNip}
            onChange={(e) => set('headNip', e.currentTarget.value)}
            inputMode="numeric"
            error={at('headNip')}
          />
        </SimpleGrid>
        <TextInput
          label={t('agency.address')}
          value={f.address}
          onChange={(e) => set('address', e.currentTarget.value)}
          error={at('address')}
        />
        <FormProblems messages={general} />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {tc('action.cancel')}
            </Button>
          )}
          <Button type="submit" loading={busy} disabled={submitDisabled}>
            {mode === 'create' ? tc('action.add') : tc('action.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
