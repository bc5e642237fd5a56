import { type Finding, type Plan, PlanFileSchema, validatePlan } from '@selaras/core';
import {
  deletePlanContents,
  ensurePeriod,
  findAgencyByCode,
  findPlanByKey,
  findRegion,
  insertPlan,
  listUnits,
  type PlanRow,
  planColumns,
  upsertAgency,
  writePlanContent,
} from '@selaras/db';
import { AppError, conflict, invalidInput, notFound } from '../../app-error.ts';
import { recordAudit } from '../../audit.ts';
import { inTransaction, nowIso, type ServiceContext, type Trx } from '../../context.ts';
import { type Actor, authorize, can, type Scope } from '../../permissions.ts';
import { assertEditable } from '../review/review-common.ts';
import { matchesPlanEtag, planEtag } from './plan-scope.ts';

/** Findings that make a plan impossible to store: ids must be unique, parents known, the tree acyclic. */
const STRUCTURAL = new Set([
  'tree/duplicate-node',
  'indicator/duplicate-id',
  'tree/unknown-parent',
  'tree/cycle',
]);

export interface ImportPlanInput {
  readonly regionId: string;
  /** The plan file's content (parsed JSON). */
  readonly file: unknown;
  /** Replace the stored plan with the same key (its content is rewritten). */
  readonly replace?: boolean | undefined;
  /** With `replace`: the version the caller last read (If-Match); a different one is a CONFLICT. */
  readonly expectedVersion?: string | undefined;
  /** A new plan that amends (perubahan) this set plan, whose history it keeps. */
  readonly amendsPlanId?: string | undefined;
}

export interface ImportPlanResult {
  readonly planId: string;
  readonly created: boolean;
  readonly etag: string;
  readonly nodes: number;
  readonly indicators: number;
}

const parseFile = (file: unknown): Plan => {
  const parsed = PlanFileSchema.safeParse(file);
  if (parsed.success) return parsed.data;
  throw invalidInput(
    'not a valid plan file',
    parsed.error.issues.slice(0, 50).map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
};

const refuseStructuralProblems = (plan: Plan) => {
  const problems = validatePlan(plan).filter((f: Finding) => STRUCTURAL.has(f.code));
  if (problems.length > 0) {
    throw new AppError('INVALID_PLAN', `the plan cannot be stored: ${problems[0]?.message.en}`, {
      findings: problems,
    });
  }
};

/** Units the plan refers to that the agency does not have (after any update the actor may make). */
const unknownUnits = (plan: Plan, known: ReadonlySet<string>): string[] => {
  const used = new Set<string>();
  for (const n of plan.nodes) {
    if (n.owner?.unit) used.add(n.owner.unit);
    for (const i of n.indicators) if (i.responsibleUnit) used.add(i.responsibleUnit);
  }
  return [...used].filter((u) => !known.has(u));
};

/** Agency id and unit ids for a Renstra: created or updated when the actor may, else taken as stored. */
const resolveAgency = async (trx: Trx, ctx: ServiceContext, actor: Actor, regionId: string, plan: Plan) => {
  if (plan.format !== 'selaras.renstra') {
    for (const a of plan.agencies) {
      const existing = await findAgencyByCode(trx, regionId, a.code);
      if (!existing || can(actor, 'agency.update', { regionId, agencyId: existing.id })) {
        authorize(actor, existing ? 'agency.update' : 'agency.create', {
          regionId,
          agencyId: existing?.id ?? null,
        });
        await upsertAgency(trx, regionId, a, existing?.kind ?? 'dinas', ctx.newId, nowIso(ctx));
      }
    }
    return { agencyId: null, unitIds: new Map<string, string>() };
  }
  const existing = await findAgencyByCode(trx, regionId, plan.agency.code);
  if (!existing) authorize(actor, 'agency.create', { regionId, agencyId: null });
  if (!existing || can(actor, 'agency.update', { regionId, agencyId: existing.id })) {
    const { id, unitIds } = await upsertAgency(
      trx,
      regionId,
      plan.agency,
      existing?.kind ?? 'dinas',
      ctx.newId,
      nowIso(ctx),
    );
    return { agencyId: id, unitIds };
  }
  const units = await listUnits(trx, regionId, existing.id);
  const unitIds = new Map(units.map((u) => [u.id as string, u.rowId]));
  const missing = unknownUnits(plan, new Set(unitIds.keys()));
  if (missing.length > 0) {
    throw new AppError(
      'INVALID_PLAN',
      `units not in the agency: ${missing.join(', ')}; the agency head or an admin adds units`,
      { units: missing },
    );
  }
  return { agencyId: existing.id, unitIds };
};

const regionalPlanId = async (trx: Trx, regionId: string, plan: Plan): Promise<string | null> => {
  if (plan.format !== 'selaras.renstra' || !plan.regionalPlan) return null;
  const found = await findPlanByKey(trx, regionId, plan.regionalPlan.id);
  if (found?.kind !== 'regional') {
    throw new AppError(
      'INVALID_PLAN',
      `regional plan "${plan.regionalPlan.id}" is not in this region; import it first`,
      { regionalPlan: plan.regionalPlan.id },
    );
  }
  return found.id;
};

const DRAFT_STAGES: ReadonlySet<string> = new Set(['rancangan-awal', 'rancangan', 'rancangan-akhir']);

/**
 * Stages move by the review workflow, not by files: without the right to set stages, a new
 * Renstra may start at a draft stage and a replacement must keep the stored stage.
 */
const checkStage = (actor: Actor, scope: Scope, plan: Plan, existing: PlanRow | undefined) => {
  if (plan.format !== 'selaras.renstra' || can(actor, 'plan.set-stage', scope)) return;
  const allowed = existing ? plan.stage === existing.stage : DRAFT_STAGES.has(plan.stage);
  if (!allowed)
    throw invalidInput(`the file sets stage "${plan.stage}", which only an admin may set`, [
      {
        path: 'stage',
        message: existing
          ? `keep the stored stage "${existing.stage}"; the review workflow moves stages`
          : 'start at rancangan-awal, rancangan or rancangan-akhir',
      },
    ]);
};

const count = (plan: Plan) => ({
  nodes: plan.nodes.length,
  indicators: plan.nodes.reduce((s, n) => s + n.indicators.length, 0),
});

/**
 * Imports a plan file into a region, or replaces a stored plan with the same key. Checks the
 * file's shape and storability, the actor's permissions (a Renstra belongs to its agency, a regional
 * plan to the region's admins), writes everything in one transaction with an audit entry.
 */
export const importPlan = async (
  ctx: ServiceContext,
  caller: Actor | undefined,
  input: ImportPlanInput,
): Promise<ImportPlanResult> => {
  if (!caller) throw new AppError('UNAUTHENTICATED', 'sign in first');
  const actor: Actor = caller;
  const plan = parseFile(input.file);
  refuseStructuralProblems(plan);
  return inTransaction(ctx, async (trx) => {
    const region = await findRegion(trx, input.regionId);
    if (!region) throw notFound('region', input.regionId);
    if (region.region.code !== plan.region.code) {
      throw invalidInput(`the plan is for region ${plan.region.code}, not ${region.region.code}`, [
        { path: 'region.code', message: `expected ${region.region.code}` },
      ]);
    }
    const agency =
      plan.format === 'selaras.renstra'
        ? await findAgencyByCode(trx, input.regionId, plan.agency.code)
        : undefined;
    const scope = { regionId: input.regionId, agencyId: agency?.id ?? null };
    const existing = await findPlanByKey(trx, input.regionId, plan.id);
    authorize(actor, existing ? 'plan.edit' : 'plan.create', scope);
    if (existing) await assertEditable(trx, ctx, existing, { kind: 'plan' });
    if (existing && !input.replace)
      throw new AppError(
        'CONFLICT',
        `plan "${plan.id}" already exists in this region; import it with replace (API: ?replace=true with If-Match, CLI: --replace) to overwrite it`,
        { current: { planId: existing.id, etag: planEtag(existing) } },
      );
    if (existing && input.expectedVersion === undefined && actor.kind !== 'system')
      throw new AppError(
        'PRECONDITION_REQUIRED',
        `send the entity tag of plan "${plan.id}" you last read (If-Match) to replace it`,
        { current: { planId: existing.id, etag: planEtag(existing) } },
      );
    if (
      existing &&
      input.expectedVersion !== undefined &&
      !matchesPlanEtag(input.expectedVersion, existing)
    ) {
      throw conflict(`plan "${plan.id}"`, { planId: existing.id, etag: planEtag(existing) });
    }
    checkStage(actor, scope, plan, existing);
    const { agencyId, unitIds } = await resolveAgency(trx, ctx, actor, input.regionId, plan);
    const periodId = await ensurePeriod(trx, input.regionId, plan.period, ctx.newId);
    const refs = { periodId, agencyId, regionalPlanId: await regionalPlanId(trx, input.regionId, plan) };
    const now = nowIso(ctx);
    let planId: string;
    if (existing) {
      planId = existing.id;
      const updated = await trx
        .updateTable('plan')
        .set((eb) => ({
          ...planColumns(plan, refs),
          // A replacement changes the content, not where the plan is in review.
          review_state: existing.review_state,
          version: eb('version', '+', 1),
          content_version: eb('content_version', '+', 1),
          updated_at: now,
        }))
        .where('region_id', '=', input.regionId)
        .where('id', '=', planId)
        .where('version', '=', existing.version)
        .where('content_version', '=', existing.content_version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) {
        const current = await findPlanByKey(trx, input.regionId, plan.id);
        throw conflict(`plan "${plan.id}"`, { planId: existing.id, etag: current && planEtag(current) });
      }
      await deletePlanContents(trx, input.regionId, planId);
      await writePlanContent(trx, { regionId: input.regionId, planId, unitIds, newId: ctx.newId }, plan);
    } else {
      planId = await insertPlan(
        trx,
        { regionId: input.regionId, unitIds, newId: ctx.newId },
        plan,
        refs,
        now,
      );
      if (input.amendsPlanId)
        await trx
          .updateTable('plan')
          .set({ amends_plan_id: input.amendsPlanId })
          .where('region_id', '=', input.regionId)
          .where('id', '=', planId)
          .execute();
    }
    const summary = { key: plan.id, title: plan.title, format: plan.format, ...count(plan) };
    await recordAudit(trx, ctx, actor, {
      regionId: input.regionId,
      action: existing ? 'plan.replace' : 'plan.import',
      entityType: 'plan',
      entityId: planId,
      ...(existing && {
        before: { key: existing.plan_key, title: existing.title, etag: planEtag(existing) },
      }),
      after: summary,
    });
    const row = await trx
      .selectFrom('plan')
      .select(['version', 'content_version'])
      .where('region_id', '=', input.regionId)
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    return { planId, created: !existing, etag: planEtag(row), ...count(plan) };
  });
};
