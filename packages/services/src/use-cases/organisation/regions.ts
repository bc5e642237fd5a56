import { type PlanSettings, PlanSettingsSchema, type Region, RegionSchema } from '@selaras/core';
import { findRegion, findRegionByCode, insertRegion, listRegions, type RegionRow } from '@selaras/db';
import { z } from 'zod';
import { AppError, conflict, notFound } from '../../app-error.ts';
import { recordAudit } from '../../audit.ts';
import { requireVersion } from '../../concurrency.ts';
import { inTransaction, nowIso, type ServiceContext } from '../../context.ts';
import { parseInput, parsePatch } from '../../patch.ts';
import { type Actor, authorize } from '../../permissions.ts';

/** A region as the API returns it. */
export const presentRegion = (r: RegionRow) => ({
  id: r.id,
  version: r.version,
  ...r.region,
  ...(r.settings && { settings: r.settings }),
});

/**
 * Creates a region. Only the system does this (the CLI, the demo seeding): a region's first admin
 * is given their role afterwards with `selaras user add`.
 */
export const createRegion = async (
  ctx: ServiceContext,
  actor: Actor,
  input: unknown,
): Promise<ReturnType<typeof presentRegion>> => {
  if (actor.kind !== 'system')
    throw new AppError('FORBIDDEN', 'regions are created by the installation’s operator (selaras CLI)');
  const region: Region = parseInput(RegionSchema, input, 'region');
  return inTransaction(ctx, async (trx) => {
    if (await findRegionByCode(trx, region.code))
      throw conflict(`region ${region.code}`, { code: region.code });
    const id = ctx.newId();
    await insertRegion(trx, id, region, nowIso(ctx));
    const created = await findRegion(trx, id);
    if (!created) throw notFound('region', id);
    await recordAudit(trx, ctx, actor, {
      regionId: id,
      action: 'region.create',
      entityType: 'region',
      entityId: id,
      after: presentRegion(created),
    });
    return presentRegion(created);
  });
};

/** The regions the actor has a role in (the system sees all). */
export const listVisibleRegions = async (ctx: ServiceContext, actor: Actor | undefined) => {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'sign in first');
  const all = await listRegions(ctx.db);
  const mine =
    actor.kind === 'system' ? all : all.filter((r) => actor.grants.some((g) => g.regionId === r.id));
  return mine.map(presentRegion);
};

/** One region, for anyone with a role in it. */
export const getRegion = async (ctx: ServiceContext, actor: Actor | undefined, regionId: string) => {
  authorize(actor, 'region.read', { regionId, agencyId: null });
  const r = await findRegion(ctx.db, regionId);
  if (!r) throw notFound('region', regionId);
  return presentRegion(r);
};

const RegionPatchSchema = z.strictObject({
  name: z.string().min(1).optional(),
  capital: z.string().nullable().optional(),
  settings: PlanSettingsSchema.optional(),
});

/** Changes a region's name, capital or rules. The caller sends the version it last read. */
export const updateRegion = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  regionId: string,
  input: unknown,
  expectedVersion: number | undefined,
) => {
  const patch = parsePatch(RegionPatchSchema, input, 'region change') as {
    name?: string;
    capital?: string | null;
    settings?: PlanSettings;
  };
  return inTransaction(ctx, async (trx) => {
    const who = authorize(actor, 'region.update', { regionId, agencyId: null });
    const current = await findRegion(trx, regionId);
    if (!current) throw notFound('region', regionId);
    const before = presentRegion(current);
    requireVersion(current, expectedVersion, 'region', before);
    const r = await trx
      .updateTable('region')
      .set((eb) => ({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.capital !== undefined && { capital: patch.capital }),
        ...(patch.settings !== undefined && { settings: JSON.stringify(patch.settings) }),
        version: eb('version', '+', 1),
        updated_at: nowIso(ctx),
      }))
      .where('id', '=', regionId)
      .where('version', '=', current.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw conflict('region', before);
    const after = presentRegion((await findRegion(trx, regionId)) ?? current);
    await recordAudit(trx, ctx, who, {
      regionId,
      action: 'region.update',
      entityType: 'region',
      entityId: regionId,
      before,
      after,
    });
    return after;
  });
};
