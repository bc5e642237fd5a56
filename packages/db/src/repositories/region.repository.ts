import type { Agency, OrgUnit, PlanSettings, Region } from '@selaras/core';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { StaleRowError } from '../errors.ts';
import type { Database } from '../tables/database.ts';
import type { AgencyTable, RegionTable } from '../tables/region.table.ts';
import { fromJson, toJson } from '../values.ts';

/** A connection or a transaction: repositories take either; the use-case owns the transaction. */
export type Db = Kysely<Database> | Transaction<Database>;

export interface RegionRow {
  readonly id: string;
  readonly region: Region;
  readonly settings?: PlanSettings | undefined;
  readonly version: number;
}

/** Finds a region by its Kemendagri code. */
export const findRegionByCode = async (db: Db, code: string): Promise<RegionRow | undefined> => {
  const r = await db.selectFrom('region').selectAll().where('code', '=', code).executeTakeFirst();
  return r && toRegionRow(r);
};

/** Finds a region by id. */
export const findRegion = async (db: Db, id: string): Promise<RegionRow | undefined> => {
  const r = await db.selectFrom('region').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toRegionRow(r);
};

/** Every region, by code. */
export const listRegions = async (db: Db): Promise<RegionRow[]> =>
  (await db.selectFrom('region').selectAll().orderBy('code').execute()).map(toRegionRow);

const toRegionRow = (r: Selectable<RegionTable>): RegionRow => ({
  id: r.id,
  region: {
    code: r.code,
    name: r.name,
    kind: r.kind as Region['kind'],
    ...(r.capital !== null && { capital: r.capital }),
  },
  settings: fromJson<PlanSettings | undefined>(r.settings, undefined),
  version: r.version,
});

/** Creates a region. */
export const insertRegion = async (db: Db, id: string, region: Region, now: string): Promise<void> => {
  await db
    .insertInto('region')
    .values({
      id,
      code: region.code,
      name: region.name,
      kind: region.kind,
      capital: region.capital ?? null,
      settings: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
};

export interface AgencyRow {
  readonly id: string;
  readonly regionId: string;
  readonly agency: Agency;
  readonly kind: string;
  readonly version: number;
}

const selectAgencies = (db: Db, regionId: string) =>
  db.selectFrom('agency').selectAll().where('region_id', '=', regionId);

const toAgency = (a: Selectable<AgencyTable>, units: OrgUnit[]): AgencyRow => ({
  id: a.id,
  regionId: a.region_id,
  kind: a.kind,
  version: a.version,
  agency: {
    code: a.code,
    name: a.name,
    ...(a.short_name !== null && { shortName: a.short_name }),
    bidangUrusan: fromJson<string[]>(a.bidang_urusan, []),
    ...(a.head_position !== null && {
      head: {
        position: a.head_position,
        ...(a.head_name !== null && { name: a.head_name }),
        ...(a.head_nip !== null && { nip: a.head_nip }),
      },
    }),
    ...(a.address !== null && { address: a.address }),
    units,
  },
});

/** The units of an agency, with unit keys as their ids (as in plan files). */
export const listUnits = async (
  db: Db,
  regionId: string,
  agencyId: string,
): Promise<(OrgUnit & { rowId: string })[]> => {
  const rows = await db
    .selectFrom('org_unit')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('agency_id', '=', agencyId)
    .orderBy('sort_order')
    .execute();
  const keyOf = new Map(rows.map((r) => [r.id, r.unit_key]));
  return rows.map((u) => ({
    rowId: u.id,
    id: u.unit_key as OrgUnit['id'],
    name: u.name,
    kind: u.kind as OrgUnit['kind'],
    ...(u.parent_id !== null && { parent: keyOf.get(u.parent_id) as OrgUnit['id'] }),
    ...(u.head_position !== null && {
      head: {
        position: u.head_position,
        ...(u.head_name !== null && { name: u.head_name }),
        ...(u.head_nip !== null && { nip: u.head_nip }),
      },
    }),
  }));
};

/** Finds an agency of a region by code, with its units. */
export const findAgencyByCode = async (
  db: Db,
  regionId: string,
  code: string,
): Promise<AgencyRow | undefined> => {
  const a = await selectAgencies(db, regionId).where('code', '=', code).executeTakeFirst();
  if (!a) return undefined;
  return toAgency(
    a,
    (await listUnits(db, regionId, a.id)).map(({ rowId: _, ...u }) => u),
  );
};

/** Finds an agency by id, with its units. */
export const findAgency = async (db: Db, regionId: string, id: string): Promise<AgencyRow | undefined> => {
  const a = await selectAgencies(db, regionId).where('id', '=', id).executeTakeFirst();
  if (!a) return undefined;
  return toAgency(
    a,
    (await listUnits(db, regionId, a.id)).map(({ rowId: _, ...u }) => u),
  );
};

/** The agencies of a region, without units. */
export const listAgencies = async (db: Db, regionId: string): Promise<AgencyRow[]> =>
  (await selectAgencies(db, regionId).orderBy('code').execute()).map((a) => toAgency(a, []));

/**
 * Creates an agency or brings an existing one (same code) up to date, with its units: units are
 * matched by key; new ones are added, changed ones updated. Units no longer listed are kept (nodes
 * may still refer to them). Returns the agency id and unit ids by key. With `expectedVersion`,
 * an existing agency at another version is a StaleRowError (the caller built `agency` from that
 * version, and would otherwise overwrite a change made since).
 */
export const upsertAgency = async (
  db: Db,
  regionId: string,
  agency: Agency,
  kind: string,
  newId: () => string,
  now: string,
  expectedVersion?: number,
): Promise<{ id: string; unitIds: Map<string, string> }> => {
  const existing = await selectAgencies(db, regionId).where('code', '=', agency.code).executeTakeFirst();
  if (existing && expectedVersion !== undefined && existing.version !== expectedVersion)
    throw new StaleRowError('agency', existing.id);
  const values = {
    name: agency.name,
    short_name: agency.shortName ?? null,
    bidang_urusan: toJson(agency.bidangUrusan),
    head_position: agency.head?.position ?? null,
    head_name: agency.head?.name ?? null,
    head_nip: agency.head?.nip ?? null,
    address: agency.address ?? null,
    updated_at: now,
  };
  let id: string;
  if (existing) {
    id = existing.id;
    const r = await db
      .updateTable('agency')
      .set({ ...values, version: existing.version + 1 })
      .where('region_id', '=', regionId)
      .where('id', '=', id)
      .where('version', '=', existing.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new StaleRowError('agency', id);
  } else {
    id = newId();
    await db
      .insertInto('agency')
      .values({ region_id: regionId, id, code: agency.code, kind, created_at: now, ...values })
      .execute();
  }
  const unitIds = await upsertUnits(db, regionId, id, agency.units, newId);
  return { id, unitIds };
};

const upsertUnits = async (
  db: Db,
  regionId: string,
  agencyId: string,
  units: readonly OrgUnit[],
  newId: () => string,
) => {
  const rows = await db
    .selectFrom('org_unit')
    .select(['id', 'unit_key'])
    .where('region_id', '=', regionId)
    .where('agency_id', '=', agencyId)
    .execute();
  const ids = new Map(rows.map((r) => [r.unit_key, r.id]));
  for (const u of units) if (!ids.has(u.id)) ids.set(u.id, newId());
  // Parents may come after children in the list: insert without parents first, then link.
  for (const [i, u] of units.entries()) {
    const values = {
      name: u.name,
      kind: u.kind,
      head_position: u.head?.position ?? null,
      head_name: u.head?.name ?? null,
      head_nip: u.head?.nip ?? null,
      sort_order: i,
    };
    const id = ids.get(u.id) as string;
    if (rows.some((r) => r.id === id))
      await db
        .updateTable('org_unit')
        .set(values)
        .where('region_id', '=', regionId)
        .where('id', '=', id)
        .execute();
    else
      await db
        .insertInto('org_unit')
        .values({ region_id: regionId, id, agency_id: agencyId, unit_key: u.id, parent_id: null, ...values })
        .execute();
  }
  for (const u of units) {
    const parent = u.parent === undefined ? null : (ids.get(u.parent) ?? null);
    await db
      .updateTable('org_unit')
      .set({ parent_id: parent })
      .where('region_id', '=', regionId)
      .where('id', '=', ids.get(u.id) as string)
      .execute();
  }
  return ids;
};
