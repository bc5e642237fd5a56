import { IsoDateSchema } from '@selaras/core';
import { findRegion } from '@selaras/db';
import { z } from 'zod';
import { AppError, invalidInput, notFound } from '../../app-error.ts';
import { recordAudit } from '../../audit.ts';
import { requireVersion } from '../../concurrency.ts';
import { inTransaction, nowIso, type ServiceContext } from '../../context.ts';
import { parseInput, parsePatch } from '../../patch.ts';
import { type Actor, authorize } from '../../permissions.ts';

const WindowFields = {
  stage: z.enum(['rancangan-awal', 'rancangan', 'rancangan-akhir']),
  opensOn: IsoDateSchema,
  closesOn: IsoDateSchema,
  note: z.string().trim().max(2000).optional(),
};
export const NewWindowSchema = z.strictObject(WindowFields);
export const WindowPatchSchema = z.strictObject(WindowFields).partial();

type WindowRow = {
  id: string;
  region_id: string;
  stage: string;
  opens_on: string;
  closes_on: string;
  note: string | null;
  version: number;
  created_at: string;
};
const present = (w: WindowRow) => ({
  id: w.id,
  regionId: w.region_id,
  stage: w.stage,
  opensOn: w.opens_on,
  closesOn: w.closes_on,
  note: w.note,
  version: w.version,
});

const checkDates = (opens: string, closes: string) => {
  if (closes < opens)
    throw invalidInput('a window closes on or after it opens', [
      { path: 'closesOn', message: `on or after ${opens}` },
    ]);
};

/** Bappeda's windows (jadwal) of a region: while a stage has windows, agencies edit and submit at that stage only inside one. */
export const listWindows = async (ctx: ServiceContext, actor: Actor | undefined, regionId: string) => {
  authorize(actor, 'region.read', { regionId, agencyId: null });
  if (!(await findRegion(ctx.db, regionId))) throw notFound('region', regionId);
  const rows = await ctx.db
    .selectFrom('review_window')
    .selectAll()
    .where('region_id', '=', regionId)
    .orderBy('opens_on')
    .execute();
  const today = nowIso(ctx).slice(0, 10);
  return rows.map((w) => ({ ...present(w), open: w.opens_on <= today && today <= w.closes_on }));
};

/** Opens a window for a stage. */
export const createWindow = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  regionId: string,
  input: unknown,
) => {
  const w = parseInput(NewWindowSchema, input, 'window');
  checkDates(w.opensOn, w.closesOn);
  return inTransaction(ctx, async (trx) => {
    const who = authorize(actor, 'review.schedule', { regionId, agencyId: null });
    if (!(await findRegion(trx, regionId))) throw notFound('region', regionId);
    const row = {
      region_id: regionId,
      id: ctx.newId(),
      stage: w.stage,
      opens_on: w.opensOn,
      closes_on: w.closesOn,
      note: w.note ?? null,
      created_by: who.kind === 'user' ? who.userId : null,
      created_at: nowIso(ctx),
      version: 1,
    };
    await trx.insertInto('review_window').values(row).execute();
    await recordAudit(trx, ctx, who, {
      regionId,
      action: 'window.create',
      entityType: 'review_window',
      entityId: row.id,
      after: present(row),
    });
    return present(row);
  });
};

/** Changes a window's dates or note (with its version). */
export const updateWindow = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  windowId: string,
  input: unknown,
  expectedVersion: number | undefined,
) => {
  const patch = parsePatch(WindowPatchSchema, input, 'window change');
  return inTransaction(ctx, async (trx) => {
    const w = await trx.selectFrom('review_window').selectAll().where('id', '=', windowId).executeTakeFirst();
    if (!w) throw notFound('window', windowId);
    const who = authorize(actor, 'review.schedule', { regionId: w.region_id, agencyId: null });
    const before = present(w);
    requireVersion(w, expectedVersion, 'window', before);
    const next = {
      stage: patch.stage ?? w.stage,
      opens_on: patch.opensOn ?? w.opens_on,
      closes_on: patch.closesOn ?? w.closes_on,
      note: patch.note ?? w.note,
    };
    checkDates(next.opens_on, next.closes_on);
    const r = await trx
      .updateTable('review_window')
      .set({ ...next, version: w.version + 1 })
      .where('region_id', '=', w.region_id)
      .where('id', '=', w.id)
      .where('version', '=', w.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      throw new AppError('CONFLICT', 'the window was changed by someone else', { current: before });
    const after = present({ ...w, ...next, version: w.version + 1 });
    await recordAudit(trx, ctx, who, {
      regionId: w.region_id,
      action: 'window.update',
      entityType: 'review_window',
      entityId: w.id,
      before,
      after,
    });
    return after;
  });
};

/** Removes a window (with its version). */
export const deleteWindow = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  windowId: string,
  expectedVersion: number | undefined,
) =>
  inTransaction(ctx, async (trx) => {
    const w = await trx.selectFrom('review_window').selectAll().where('id', '=', windowId).executeTakeFirst();
    if (!w) throw notFound('window', windowId);
    const who = authorize(actor, 'review.schedule', { regionId: w.region_id, agencyId: null });
    const before = present(w);
    requireVersion(w, expectedVersion, 'window', before);
    await trx
      .deleteFrom('review_window')
      .where('region_id', '=', w.region_id)
      .where('id', '=', w.id)
      .execute();
    await recordAudit(trx, ctx, who, {
      regionId: w.region_id,
      action: 'window.delete',
      entityType: 'review_window',
      entityId: w.id,
      before,
    });
  });
