import { Alert, Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../components/error-view.tsx';
import {
  errorAt,
  type FieldErrors,
  fieldErrors,
  generalMessage,
  mergeErrors,
  otherErrors,
} from './form-errors.ts';

/**
 * The pieces the administration forms share: the field-problems hook, the form with its footer,
 * and an official's three fields. The panels' pieces are in `panel-parts.tsx`.
 */

/** Monospace inputs, for codes and keys. */
export const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** Says that a write went through. */
export const notifyDone = (message: string): void => {
  notifications.show({ message, color: 'teal', autoClose: 3000 });
};

/**
 * A form's problems by field: those the browser found (kept by `check`), any the form adds
 * (`extra`, such as a taken key), and the API's field paths (with `prefixes` dropped). `general`
 * is what shows above the buttons: the problems none of `fields` shows, or the error itself.
 */
export const useFieldErrors = (
  error: unknown,
  fields: readonly string[],
  options: { prefixes?: readonly string[]; extra?: FieldErrors } = {},
) => {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const [local, setLocal] = useState<FieldErrors>({});
  const errors = mergeErrors(local, options.extra ?? {}, fieldErrors(error, options.prefixes));
  return {
    at: (field: string) => errorAt(errors, field),
    general: generalMessage(error, otherErrors(errors, fields), t('fix'), errorText),
    /** Keeps the problems the browser found; true when there are none, so the form may send. */
    check: (problems: FieldErrors): boolean => {
      setLocal(problems);
      return Object.keys(problems).length === 0;
    },
  };
};

/** The problems of a failed write that no field shows, above the form's buttons. */
export const FormProblems = ({ messages }: { messages: readonly string[] }) =>
  messages.length === 0 ? null : (
    <Alert color="red" role="alert" py="xs">
      {messages.map((m) => (
        <Text key={m} size="sm">
          {m}
        </Text>
      ))}
    </Alert>
  );

/** A form the browser does not check by itself (the app and the server do), its fields stacked. */
export const AdminForm = ({ onSubmit, children }: { onSubmit: () => void; children: ReactNode }) => (
  <form
    noValidate
    onSubmit={(e) => {
      e.preventDefault();
      onSubmit();
    }}
  >
    <Stack gap="sm">{children}</Stack>
  </form>
);

/** The end of a form: the problems no field shows, then cancel (in a dialog) and submit. */
export const FormFooter = ({
  problems,
  submitLabel,
  busy,
  onCancel,
  disabled = false,
}: {
  problems: readonly string[];
  submitLabel: string;
  busy: boolean;
  onCancel?: (() => void) | undefined;
  disabled?: boolean;
}) => {
  const { t } = useTranslation();
  return (
    <>
      <FormProblems messages={problems} />
      <Group justify="flex-end">
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            {t('action.cancel')}
          </Button>
        )}
        <Button type="submit" loading={busy} disabled={disabled}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
};

/** An official as the forms hold it: three texts, empty when left out. */
export interface OfficialInput {
  headPosition: string;
  headName: string;
  headNip: string;
}

/** The position, name and NIP of an agency's or unit's head, with the problems at `head.*`. */
export const OfficialFields = ({
  value,
  onChange,
  errorAt: at,
}: {
  value: OfficialInput;
  onChange: (field: keyof OfficialInput, v: string) => void;
  errorAt: (path: string) => string | undefined;
}) => {
  const { t } = useTranslation('admin');
  return (
    <>
      <TextInput
        label={t('agency.headPosition')}
        value={value.headPosition}
        onChange={(e) => onChange('headPosition', e.currentTarget.value)}
        error={at('head.position')}
      />
      <SimpleGrid cols={2}>
        <TextInput
          label={t('agency.headName')}
          value={value.headName}
          onChange={(e) => onChange('headName', e.currentTarget.value)}
          error={at('head.name')}
        />
        <TextInput
          label={t('agency.headNip')}
          description={t('agency.nipHint')}
          value={value.headNip}
          onChange={(e) => onChange('headNip', e.currentTarget.value)}
          inputMode="numeric"
          error={at('head.nip')}
        />
      </SimpleGrid>
    </>
  );
};
