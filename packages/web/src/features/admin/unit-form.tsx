import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { adminKeys } from './admin-queries.ts';
import {
  type AgencyRecord,
  type AgencyUnit,
  UNIT_KINDS,
  type UnitKind,
  type UnitWritten,
} from './admin-types.ts';
import { officialOf } from './agency-fields.ts';
import { AdminForm, FormFooter, MONO, notifyDone, OfficialFields, useFieldErrors } from './form-parts.tsx';
import { StaleNotice } from './panel-parts.tsx';
import { UNIT_ID_PATTERN, unitAndDescendants, unitIdFromName, unitTree } from './rules.ts';

const FIELDS = ['name', 'id', 'kind', 'parent', 'head.position', 'head.name', 'head.nip'];

interface UnitFields {
  name: string;
  id: string;
  kind: UnitKind;
  parent: string | null;
  headPosition: string;
  headName: string;
  headNip: string;
}

const fieldsOf = (u: AgencyUnit | null): UnitFields => ({
  name: u?.name ?? '',
  id: u?.id ?? '',
  kind: u?.kind ?? 'bidang',
  parent: u?.parent ?? null,
  headPosition: u?.head?.position ?? '',
  headName: u?.head?.name ?? '',
  headNip: u?.head?.nip ?? '',
});

/** The unit with the written one in place (or added), for the agency in the cache. */
const withUnit = (a: AgencyRecord, u: UnitWritten): AgencyRecord => {
  const { rowId: _row, agencyVersion, ...unit } = u;
  const units = a.units.some((x) => x.id === unit.id)
    ? a.units.map((x) => (x.id === unit.id ? unit : x))
    : [...a.units, unit];
  return { ...a, version: agencyVersion, units };
};

/**
 * Adds a unit or changes one (its key stays). The write carries the agency's version: when someone
 * else changed the agency meanwhile, the agency is reloaded, the form keeps its input and says so.
 */
export const UnitForm = ({
  agency,
  unit,
  onDone,
}: {
  agency: AgencyRecord;
  unit: AgencyUnit | null;
  onDone: () => void;
}) => {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [f, setF] = useState(() => fieldsOf(unit));
  const [idEdited, setIdEdited] = useState(unit !== null);
  const set = <K extends keyof UnitFields>(k: K, v: UnitFields[K]) => setF((s) => ({ ...s, [k]: v }));

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post<UnitWritten>(`/api/agencies/${agency.id}/units`, body, { ifMatch: agency.version }),
  });
  const conflict = save.error instanceof ApiError && save.error.code === 'CONFLICT';
  const { at, general, check } = useFieldErrors(save.error, FIELDS);
  const excluded = unit ? unitAndDescendants(agency.units, unit.id) : new Set<string>();
  const parents = unitTree(agency.units)
    .filter((r) => !excluded.has(r.unit.id))
    .map((r) => ({ value: r.unit.id, label: `${'· '.repeat(r.depth)}${r.unit.name}` }));

  const submit = () => {
    const id = f.id.trim();
    const problems: Record<string, string> = {};
    if (!f.name.trim()) problems.name = t('required');
    if (!UNIT_ID_PATTERN.test(id)) problems.id = t('units.idFormat');
    else if (unit === null && agency.units.some((u) => u.id === id)) problems.id = t('units.idTaken');
    if (!check(problems)) return;
    const head = officialOf(f.headPosition, f.headName, f.headNip);
    const body = {
      id,
      name: f.name.trim(),
      kind: f.kind,
      ...(f.parent && { parent: f.parent }),
      ...(head && { head }),
    };
    save.mutate(body, {
      onSuccess: (written) => {
        queryClient.setQueryData<AgencyRecord>(adminKeys.agency(agency.id), (a) => a && withUnit(a, written));
        void queryClient.invalidateQueries({ queryKey: adminKeys.agency(agency.id) });
        notifyDone(t(unit ? 'units.updated' : 'units.added', { name: written.name }));
        onDone();
      },
      onError: (e) => {
        if (!(e instanceof ApiError && e.code === 'CONFLICT')) return;
        const current = e.current as AgencyRecord | undefined;
        if (current) queryClient.setQueryData(adminKeys.agency(agency.id), current);
        else void queryClient.invalidateQueries({ queryKey: adminKeys.agency(agency.id) });
      },
    });
  };

  return (
    <AdminForm onSubmit={submit}>
      {conflict && <StaleNotice title={t('agency.conflictTitle')}>{t('units.conflictBody')}</StaleNotice>}
      <TextInput
        label={t('units.name')}
        value={f.name}
        onChange={(e) => {
          const name = e.currentTarget.value;
          setF((s) => ({ ...s, name, ...(!idEdited && { id: unitIdFromName(name) }) }));
        }}
        required
        data-autofocus
        error={at('name')}
      />
      <SimpleGrid cols={2}>
        <TextInput
          label={t('units.id')}
          description={t('units.idHint')}
          value={f.id}
          onChange={(e) => {
            setIdEdited(true);
            set('id', e.currentTarget.value);
          }}
          readOnly={unit !== null}
          required
          styles={MONO}
          error={at('id')}
        />
        <Select
          label={t('units.kind')}
          value={f.kind}
          onChange={(v) => v && set('kind', v as UnitKind)}
          data={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))}
          allowDeselect={false}
          error={at('kind')}
        />
      </SimpleGrid>
      <Select
        label={t('units.parent')}
        placeholder={t('units.noParent')}
        value={f.parent}
        onChange={(v) => set('parent', v)}
        data={parents}
        clearable
        searchable
        error={at('parent')}
      />
      <OfficialFields value={f} onChange={set} errorAt={at} />
      <FormFooter
        problems={general}
        onCancel={onDone}
        busy={save.isPending}
        submitLabel={unit ? tc('action.save') : tc('action.add')}
      />
    </AdminForm>
  );
};
