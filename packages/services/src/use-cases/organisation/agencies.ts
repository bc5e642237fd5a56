import { type Agency, AgencySchema, OrgUnitSchema, type Period, PeriodSchema } from '@selaras/core';
import {
  type AgencyRow,
  findAgency,
  findAgencyByCode,
  findRegion,
  listAgencies,
  listUnits,
  upsertAgency,
} from '@selaras/db';
import { z } from 'zod';
import { conflict, invalidInput, notFound } from '../../app-error.ts';
import { recordAudit } from '../../audit.ts';
import { requireVersion } from '../../concurrency.ts';
import { inTransaction, nowIso, type ServiceContext } from '../../context.ts';
import { parseInput } from '../../patch.ts';
import { type Actor, authorize } from '../../permissions.ts';
import { unitParentProblems } from './unit-rules.ts';

/** What an agency is to planning. */
export const AgencyKindSchema = z.enum(['dinas', 'bappeda', 'inspektorat', 'other']);

/** An agency as the API returns it. */
export const presentAgency = (a: AgencyRow) => ({
  id: a.id,
  regionId: a.regionId,
  kind: a.kind,
  version: a.version,
  ...a.agency,
});

/** The agencies of a region. */
export const listRegionAgencies = async (ctx: ServiceContext, actor: Actor | undefined, regionId: string) => {
  authorize(actor, 'region.read', { regionId, agencyId: null });
  if (!(await findRegion(ctx.db, regionId))) throw notFound('region', regionId);
  return (await listAgencies(ctx.db, regionId)).map(presentAgency);
};

/** One agency with its units. */
export const getAgency = async (ctx: ServiceContext, actor: Actor | undefined, agencyId: string) => {
  const regionId = (
    await ctx.db.selectFrom('agency').select('region_id').where('id', '=', agencyId).executeTakeFirst()
  )?.region_id;
  const a = regionId === undefined ? undefined : await findAgency(ctx.db, regionId, agencyId);
  if (!a) throw notFound('agency', agencyId);
  authorize(actor, 'region.read', { regionId: a.regionId, agencyId: a.id });
  return presentAgency(a);
};

const NewAgencySchema = z.strictObject({ agency: AgencySchema, kind: AgencyKindSchema.default('dinas') });

/** Adds an agency (with its units) to a region. Admins only. */
export const createAgency = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  regionId: string,
  input: unknown,
) => {
  const { agency, kind } = parseInput(NewAgencySchema, input, 'agency');
  return inTransaction(ctx, async (trx) => {
    const who = authorize(actor, 'agency.create', { regionId, agencyId: null });
    if (!(await findRegion(trx, regionId))) throw notFound('region', regionId);
    if (await findAgencyByCode(trx, regionId, agency.code))
      throw conflict(`agency ${agency.code}`, { code: agency.code });
    const { id } = await upsertAgency(trx, regionId, agency, kind, ctx.newId, nowIso(ctx));
    const after = presentAgency((await findAgency(trx, regionId, id)) as AgencyRow);
    await recordAudit(trx, ctx, who, {
      regionId,
      action: 'agency.create',
      entityType: 'agency',
      entityId: id,
      after,
    });
    return after;
  });
};

/**
 * Replaces an agency's record (name, head, bidang urusan, units by key). Units no longer listed
 * stay, because plans may still name them. Admins and the agency's head; the caller sends the
 * version it last read.
 */
export const updateAgency = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  agencyId: string,
  input: unknown,
  expectedVersion: number | undefined,
) => {
  const agency: Agency = parseInput(AgencySchema, input, 'agency');
  return inTransaction(ctx, async (trx) => {
    const regionId = (
      await trx.selectFrom('agency').select('region_id').where('id', '=', agencyId).executeTakeFirst()
    )?.region_id;
    const current = regionId === undefined ? undefined : await findAgency(trx, regionId, agencyId);
    if (!current) throw notFound('agency', agencyId);
    const who = authorize(actor, 'agency.update', { regionId: current.regionId, agencyId });
    if (agency.units.length > 0) authorize(actor, 'unit.write', { regionId: current.regionId, agencyId });
    const before = presentAgency(current);
    requireVersion(current, expectedVersion, 'agency', before);
    if (agency.code !== current.agency.code)
      throw invalidInput('an agency’s code cannot change', [
        { path: 'code', message: `stays ${current.agency.code}` },
      ]);
    if (agency.units.length > 0) {
      // Listed units replace stored ones with the same key; the others stay.
      const listed = new Map(agency.units.map((u) => [u.id, u]));
      const merged = [
        ...current.agency.units.map((u) => listed.get(u.id) ?? u),
        ...agency.units.filter((u) => !current.agency.units.some((c) => c.id === u.id)),
      ];
      const problems = unitParentProblems(
        merged,
        agency.units.map((unit, i) => ({ unit, path: `units.${i}.` })),
      );
      if (problems.length > 0) throw invalidInput('a unit’s parent is not possible', problems);
    }
    await upsertAgency(
      trx,
      current.regionId,
      { ...agency, units: agency.units.length > 0 ? agency.units : current.agency.units },
      current.kind,
      ctx.newId,
      nowIso(ctx),
      current.version,
    );
    const after = presentAgency((await findAgency(trx, current.regionId, agencyId)) as AgencyRow);
    await recordAudit(trx, ctx, who, {
      regionId: current.regionId,
      action: 'agency.update',
      entityType: 'agency',
      entityId: agencyId,
      before,
      after,
    });
    return after;
  });
};

/**
 * Adds or changes one unit of an agency (by its key). Admins and the agency's head. The caller may
 * send the agency's version it last read (If-Match); a stale one is a CONFLICT with the agency.
 * The parent must be another unit of the agency and not one under the unit (INVALID_INPUT at
 * `parent`). Answers the unit with its row id and the agency's new version.
 */
export const putUnit = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  agencyId: string,
  input: unknown,
  expectedVersion?: number,
) => {
  const unit = parseInput(OrgUnitSchema, input, 'unit');
  return inTransaction(ctx, async (trx) => {
    const regionId = (
      await trx.selectFrom('agency').select('region_id').where('id', '=', agencyId).executeTakeFirst()
    )?.region_id;
    const current = regionId === undefined ? undefined : await findAgency(trx, regionId, agencyId);
    if (!current) throw notFound('agency', agencyId);
    const who = authorize(actor, 'unit.write', { regionId: current.regionId, agencyId });
    if (expectedVersion !== undefined)
      requireVersion(current, expectedVersion, 'agency', presentAgency(current));
    const units = current.agency.units;
    const before = units.find((u) => u.id === unit.id);
    const next = before ? units.map((u) => (u.id === unit.id ? unit : u)) : [...units, unit];
    const problems = unitParentProblems(next, [{ unit, path: '' }]);
    if (problems.length > 0)
      throw invalidInput(`unit "${unit.id}" cannot have the parent "${unit.parent}"`, problems);
    await upsertAgency(
      trx,
      current.regionId,
      { ...current.agency, units: next },
      current.kind,
      ctx.newId,
      nowIso(ctx),
      current.version,
    );
    const stored = (await listUnits(trx, current.regionId, agencyId)).find((u) => u.id === unit.id);
    await recordAudit(trx, ctx, who, {
      regionId: current.regionId,
      action: before ? 'unit.update' : 'unit.add',
      entityType: 'unit',
      entityId: stored?.rowId ?? unit.id,
      ...(before && { before }),
      after: unit,
    });
    // The agency's version moved with the write: the next If-Match sends this one.
    return { ...unit, rowId: stored?.rowId, agencyVersion: current.version + 1 };
  });
};

/** The planning periods of a region. */
export const listPeriods = async (ctx: ServiceContext, actor: Actor | undefined, regionId: string) => {
  authorize(actor, 'region.read', { regionId, agencyId: null });
  const rows = await ctx.db
    .selectFrom('period')
    .selectAll()
    .where('region_id', '=', regionId)
    .orderBy('start_year')
    .execute();
  return rows.map((p) => ({
    id: p.id,
    kind: p.kind,
    startYear: p.start_year,
    endYear: p.end_year,
    baselineYear: p.baseline_year,
    legalBasis: JSON.parse(p.legal_basis) as string[],
    version: p.version,
  }));
};

/** Adds a planning period (RPD 2024–2026, RPJMD 2025–2029, …) to a region. Admins only. */
export const createPeriod = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  regionId: string,
  input: unknown,
) => {
  const period: Period = parseInput(PeriodSchema, input, 'period');
  return inTransaction(ctx, async (trx) => {
    const who = authorize(actor, 'period.write', { regionId, agencyId: null });
    const exists = await trx
      .selectFrom('period')
      .select('id')
      .where('region_id', '=', regionId)
      .where('kind', '=', period.kind)
      .where('start_year', '=', period.startYear)
      .where('end_year', '=', period.endYear)
      .executeTakeFirst();
    if (exists) throw conflict('period', { id: exists.id });
    const id = ctx.newId();
    await trx
      .insertInto('period')
      .values({
        region_id: regionId,
        id,
        kind: period.kind,
        start_year: period.startYear,
        end_year: period.endYear,
        baseline_year: period.baselineYear,
        legal_basis: JSON.stringify(period.legalBasis),
      })
      .execute();
    await recordAudit(trx, ctx, who, {
      regionId,
      action: 'period.create',
      entityType: 'period',
      entityId: id,
      after: period,
    });
    return { id, ...period, version: 1 };
  });
};
