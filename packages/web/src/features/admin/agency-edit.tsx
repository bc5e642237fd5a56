import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { adminKeys } from './admin-queries.ts';
import type { AgencyRecord } from './admin-types.ts';
import {
  type AgencyFields,
  type AgencyMerge,
  agencyBody,
  agencyFieldsOf,
  differingFields,
  mergeAgencyFields,
  sameRecord,
} from './agency-fields.ts';
import { AgencyForm } from './agency-form.tsx';
import { RecordCard } from './panel-parts.tsx';

const LABELS: Readonly<Record<keyof AgencyFields, string>> = {
  code: 'agency.code',
  name: 'agency.name',
  shortName: 'agency.shortName',
  kind: 'agency.kind',
  headPosition: 'agency.headPosition',
  headName: 'agency.headName',
  headNip: 'agency.headNip',
  bidangUrusan: 'agency.bidangUrusan',
  address: 'agency.address',
};

/** A version someone else saved while the user was editing, merged with the user's input. */
interface Conflict {
  readonly stored: AgencyRecord;
  readonly clashes: AgencyMerge['clashes'];
  readonly taken: AgencyMerge['taken'];
}

/** Someone else saved the agency since it was read: what was merged, what clashes, and a way back. */
const ConflictNotice = ({ conflict, onUseStored }: { conflict: Conflict; onUseStored: () => void }) => {
  const { t } = useTranslation('admin');
  const names = (fields: readonly (keyof AgencyFields)[]) => fields.map((f) => t(LABELS[f])).join(', ');
  return (
    <Alert
      color="yellow"
      icon={<IconAlertTriangle size={18} />}
      title={t('agency.conflictTitle')}
      role="alert"
      data-testid="agency-conflict"
    >
      <Stack gap={6}>
        <Text size="sm">{t('agency.conflictBody', { version: conflict.stored.version })}</Text>
        {conflict.taken.length > 0 && (
          <Text size="sm">{t('agency.conflictTaken', { fields: names(conflict.taken) })}</Text>
        )}
        {conflict.clashes.length > 0 && (
          <>
            <Text size="sm">{t('agency.conflictClashes')}</Text>
            <List size="sm">
              {conflict.clashes.map((d) => (
                <List.Item key={d.field}>
                  {t('agency.conflictField', {
                    field: t(LABELS[d.field]),
                    value: d.value || t('agency.emptyValue'),
                  })}
                </List.Item>
              ))}
            </List>
          </>
        )}
        <Text size="sm">{t('agency.conflictSaveAgain')}</Text>
        <Button size="xs" variant="light" color="yellow" w="fit-content" onClick={onUseStored}>
          {t('agency.useStored')}
        </Button>
      </Stack>
    </Alert>
  );
};

/**
 * The agency's record, edited against the version it was read at. A newer version from the
 * server replaces an untouched form. While the user is typing, or on a 409 at save, it is merged
 * instead: fields the user changed keep their input, the others take the stored values, and the
 * notice names both; fields both changed are listed with the stored value, and saving again is
 * the user's choice. Unit writes move the version without changing the record, so they pass quietly.
 */
export const AgencyEditCard = ({ agency }: { agency: AgencyRecord }) => {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const [base, setBase] = useState(agency);
  const [seen, setSeen] = useState(agency);
  const [fields, setFields] = useState(() => agencyFieldsOf(agency));
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const dirty = differingFields(fields, agencyFieldsOf(base)).length > 0;

  /** Takes a newer stored version as the base, merging the user's input into it. */
  const rebase = (stored: AgencyRecord) => {
    const merged = mergeAgencyFields(agencyFieldsOf(base), fields, agencyFieldsOf(stored));
    setBase(stored);
    setFields(merged.fields);
    setConflict({ stored, clashes: merged.clashes, taken: merged.taken });
  };

  if (agency !== seen) {
    setSeen(agency);
    if (agency.version > base.version) {
      if (sameRecord(agency, base)) setBase(agency);
      else if (dirty) rebase(agency);
      else {
        setBase(agency);
        setFields(agencyFieldsOf(agency));
      }
    }
  }

  const save = useMutation({
    mutationFn: (f: AgencyFields) =>
      api.patch<AgencyRecord>(`/api/agencies/${agency.id}`, agencyBody(f), { ifMatch: base.version }),
  });
  const submit = () =>
    save.mutate(fields, {
      onSuccess: (a) => {
        setBase(a);
        setFields(agencyFieldsOf(a));
        setConflict(null);
        queryClient.setQueryData(adminKeys.agency(a.id), a);
        void queryClient.invalidateQueries({ queryKey: adminKeys.agencies(a.regionId) });
        notifications.show({ message: t('agency.saved'), color: 'teal', autoClose: 3000 });
      },
      onError: (e) => {
        if (!(e instanceof ApiError && e.code === 'CONFLICT')) return;
        const current = e.current as AgencyRecord | undefined;
        if (current) {
          rebase(current);
          setSeen(current);
          queryClient.setQueryData(adminKeys.agency(agency.id), current);
        } else void queryClient.invalidateQueries({ queryKey: adminKeys.agency(agency.id) });
      },
    });

  return (
    <RecordCard title={t('agency.record')} version={base.version}>
      <AgencyForm
        mode="edit"
        fields={fields}
        onChange={setFields}
        error={save.error}
        busy={save.isPending}
        onSubmit={submit}
        submitDisabled={!dirty}
        notice={
          conflict && (
            <ConflictNotice
              conflict={conflict}
              onUseStored={() => {
                setFields(agencyFieldsOf(conflict.stored));
                setConflict(null);
                save.reset();
              }}
            />
          )
        }
      />
    </RecordCard>
  );
};
