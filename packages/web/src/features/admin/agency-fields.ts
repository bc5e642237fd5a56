import type { AgencyKind, AgencyRecord, Official } from './admin-types.ts';

/** The agency form's fields, as typed (empty strings for what is left out). */
export interface AgencyFields {
  code: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  headPosition: string;
  headName: string;
  headNip: string;
  bidangUrusan: string[];
  address: string;
}

/** The API path of each field, where its problems are reported. */
export const AGENCY_FIELD_PATHS: Readonly<Record<keyof AgencyFields, string>> = {
  code: 'code',
  name: 'name',
  shortName: 'shortName',
  kind: 'kind',
  headPosition: 'head.position',
  headName: 'head.name',
  headNip: 'head.nip',
  bidangUrusan: 'bidangUrusan',
  address: 'address',
};

export const emptyAgencyFields = (): AgencyFields => ({
  code: '',
  name: '',
  shortName: '',
  kind: 'dinas',
  headPosition: '',
  headName: '',
  headNip: '',
  bidangUrusan: [],
  address: '',
});

export const agencyFieldsOf = (a: AgencyRecord): AgencyFields => ({
  code: a.code,
  name: a.name,
  shortName: a.shortName ?? '',
  kind: a.kind,
  headPosition: a.head?.position ?? '',
  headName: a.head?.name ?? '',
  headNip: a.head?.nip ?? '',
  bidangUrusan: [...a.bidangUrusan],
  address: a.address ?? '',
});

/** An official from three fields; absent when all are empty (a name without position is sent, for the server to name it). */
export const officialOf = (position: string, name: string, nip: string): Official | undefined => {
  if (!position.trim() && !name.trim() && !nip.trim()) return undefined;
  return {
    position: position.trim(),
    ...(name.trim() && { name: name.trim() }),
    ...(nip.trim() && { nip: nip.trim() }),
  };
};

/**
 * The agency record the API takes (`POST …/agencies` wraps it in `{ agency, kind }`, `PATCH
 * /api/agencies/:id` takes it as it is). Units are left out: the PATCH keeps the stored ones then,
 * and units are written one at a time.
 */
export const agencyBody = (f: AgencyFields): Record<string, unknown> => {
  const head = officialOf(f.headPosition, f.headName, f.headNip);
  return {
    code: f.code.trim(),
    name: f.name.trim(),
    ...(f.shortName.trim() && { shortName: f.shortName.trim() }),
    bidangUrusan: f.bidangUrusan.map((b) => b.trim()).filter((b) => b !== ''),
    ...(head && { head }),
    ...(f.address.trim() && { address: f.address.trim() }),
  };
};

const comparable = (f: AgencyFields): Record<keyof AgencyFields, string> => ({
  ...f,
  code: f.code.trim(),
  name: f.name.trim(),
  shortName: f.shortName.trim(),
  headPosition: f.headPosition.trim(),
  headName: f.headName.trim(),
  headNip: f.headNip.trim(),
  address: f.address.trim(),
  bidangUrusan: f.bidangUrusan.join(', '),
});

/** The fields whose values differ between two versions of the form, with `b`'s values. */
export const differingFields = (
  a: AgencyFields,
  b: AgencyFields,
): { field: keyof AgencyFields; value: string }[] => {
  const ca = comparable(a);
  const cb = comparable(b);
  return (Object.keys(ca) as (keyof AgencyFields)[])
    .filter((k) => ca[k] !== cb[k])
    .map((k) => ({ field: k, value: cb[k] }));
};

/** Whether two records agree on everything the form shows (units and version aside). */
export const sameRecord = (a: AgencyRecord, b: AgencyRecord): boolean =>
  differingFields(agencyFieldsOf(a), agencyFieldsOf(b)).length === 0;

/** The outcome of merging the user's input with a version someone else saved meanwhile. */
export interface AgencyMerge {
  /** The user's changes on top of the stored version. */
  readonly fields: AgencyFields;
  /** Fields both changed, differently: the stored value, which the user's input would replace. */
  readonly clashes: readonly { field: keyof AgencyFields; value: string }[];
  /** Fields only the other person changed: their value is now in the form. */
  readonly taken: readonly (keyof AgencyFields)[];
}

/**
 * Three-way merge of the agency form: what the user read (`base`), what they typed (`mine`) and
 * what is stored now (`stored`). Fields the user left alone take the stored value; fields the
 * user changed keep their input, and those the other person changed too are named as clashes.
 */
export const mergeAgencyFields = (
  base: AgencyFields,
  mine: AgencyFields,
  stored: AgencyFields,
): AgencyMerge => {
  const cb = comparable(base);
  const cm = comparable(mine);
  const cs = comparable(stored);
  const fields = { ...mine, bidangUrusan: [...mine.bidangUrusan] };
  const clashes: { field: keyof AgencyFields; value: string }[] = [];
  const taken: (keyof AgencyFields)[] = [];
  for (const k of Object.keys(cb) as (keyof AgencyFields)[]) {
    const mineChanged = cm[k] !== cb[k];
    const theirsChanged = cs[k] !== cb[k];
    if (!mineChanged) {
      if (theirsChanged) {
        taken.push(k);
        Object.assign(fields, { [k]: k === 'bidangUrusan' ? [...stored.bidangUrusan] : stored[k] });
      }
    } else if (theirsChanged && cs[k] !== cm[k]) clashes.push({ field: k, value: cs[k] });
  }
  return { fields, clashes, taken };
};
