import { PlanMetaPatchSchema, RENSTRA_CHAPTER_TEMPLATE } from '@selaras/core';
import { findAgency, findPlan, findRegion, loadPlan } from '@selaras/db';
import { z } from 'zod';
import { AppError, conflict, invalidInput, notFound } from '../../app-error.ts';
import { recordAudit } from '../../audit.ts';
import { inTransaction, nowIso, type ServiceContext } from '../../context.ts';
import { parseInput, parsePatch } from '../../patch.ts';
import { type Actor, authorize } from '../../permissions.ts';
import { assertEditable } from '../review/review-common.ts';
import { type ImportPlanResult, importPlan } from './import-plan.ts';
import { getPlanInScope, matchesPlanEtag, planEtag } from './plan-scope.ts';

const metaOf = (p: {
  title: string;
  stage: string | null;
  revision: string | null;
  note: string | null;
}) => ({
  title: p.title,
  stage: p.stage,
  revision: p.revision,
  note: p.note,
});

/** Changes a plan's own fields (title, stage, revision label, note). The caller sends the plan's entity tag. */
export const updatePlanMeta = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
  input: unknown,
  etag: string | undefined,
) => {
  const patch = parsePatch(PlanMetaPatchSchema, input, 'plan change');
  return inTransaction(ctx, async (trx) => {
    const { plan, scope } = await getPlanInScope(trx, planId);
    const who = authorize(actor, 'plan.edit', scope);
    await assertEditable(trx, ctx, plan, { kind: 'plan' });
    if (etag === undefined)
      throw new AppError(
        'PRECONDITION_REQUIRED',
        'send the plan’s entity tag you last read (If-Match) to change it',
      );
    if (!matchesPlanEtag(etag, plan)) throw conflict('plan', { ...metaOf(plan), etag: planEtag(plan) });
    if (patch.stage !== undefined && plan.kind !== 'renstra')
      throw invalidInput('only a Renstra has a stage', [{ path: 'stage', message: 'remove it' }]);
    if (patch.stage !== undefined && patch.stage !== plan.stage) authorize(actor, 'plan.set-stage', scope);
    const r = await trx
      .updateTable('plan')
      .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: nowIso(ctx) }))
      .where('region_id', '=', plan.region_id)
      .where('id', '=', planId)
      .where('version', '=', plan.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) {
      const now = await findPlan(trx, plan.region_id, planId);
      throw conflict('plan', now ? { ...metaOf(now), etag: planEtag(now) } : null);
    }
    const after = await findPlan(trx, plan.region_id, planId);
    if (!after) throw notFound('plan', planId);
    await recordAudit(trx, ctx, who, {
      regionId: plan.region_id,
      action: 'plan.update',
      entityType: 'plan',
      entityId: planId,
      before: metaOf(plan),
      after: metaOf(after),
    });
    return { planId, etag: planEtag(after), ...metaOf(after) };
  });
};

/** What a new, empty Renstra needs: its key and title, its agency and the regional plan it derives from. */
export const NewRenstraSchema = z.strictObject({
  key: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/),
  title: z.string().min(1),
  agencyId: z.string().min(1),
  regionalPlanId: z.string().min(1),
});

/**
 * Creates an empty Renstra for an agency from its regional plan: same years, same nomenclature
 * version, chapters BAB I–VIII with their sections, and no tree yet.
 */
export const createRenstra = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  regionId: string,
  input: unknown,
): Promise<ImportPlanResult> => {
  const draft = parseInput(NewRenstraSchema, input, 'new Renstra');
  const region = await findRegion(ctx.db, regionId);
  const agency = await findAgency(ctx.db, regionId, draft.agencyId);
  const regional = await findPlan(ctx.db, regionId, draft.regionalPlanId);
  if (!region) throw notFound('region', regionId);
  if (!agency) throw notFound('agency', draft.agencyId);
  if (regional?.kind !== 'regional') throw notFound('regional plan', draft.regionalPlanId);
  const who = authorize(actor, 'plan.create', { regionId, agencyId: agency.id });
  const rpd = await loadPlan(ctx.db, regionId, regional);
  const file = {
    format: 'selaras.renstra',
    formatVersion: 1,
    id: draft.key,
    title: draft.title,
    region: region.region,
    period: { ...rpd.period, kind: 'Renstra' },
    nomenclatureVersion: rpd.nomenclatureVersion,
    regionalPlan: { id: rpd.id },
    agency: agency.agency,
    stage: 'rancangan-awal',
    chapters: RENSTRA_CHAPTER_TEMPLATE.map((c) => ({
      number: c.number,
      title: c.title.id,
      sections: c.sections.map((s) => ({ key: s.key, title: s.title.id })),
    })),
  };
  return importPlan(ctx, who, { regionId, file });
};
