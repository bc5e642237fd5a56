import { loadPlan } from '@selaras/db';
import type { ServiceContext } from '../../context.ts';
import { type Actor, authorize } from '../../permissions.ts';
import { getPlanInScope, planEtag } from './plan-scope.ts';

/**
 * A small cache of serialised plans and trees (UTF-8 bytes, ready to send), keyed by plan id and
 * entity tag. Every read still asks the database for the current tag, so several server processes
 * on one database never serve stale data; the cache only saves rebuilding an unchanged plan.
 */
class PlanCache {
  private readonly entries = new Map<string, { etag: string; json: Buffer }>();
  constructor(private readonly size: number) {}
  get(key: string, etag: string): Buffer | undefined {
    const e = this.entries.get(key);
    if (!e || e.etag !== etag) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.json;
  }
  set(key: string, etag: string, json: Buffer): void {
    this.entries.delete(key);
    this.entries.set(key, { etag, json });
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
  }
}

const cache = new PlanCache(64);

/** The whole plan as plan-file JSON (UTF-8 bytes), with its entity tag (cached by tag). */
export const getPlanJson = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
): Promise<{ etag: string; json: Buffer }> => {
  const { plan, scope } = await getPlanInScope(ctx.db, planId);
  authorize(actor, 'plan.read', scope);
  const etag = planEtag(plan);
  const key = `plan:${planId}`;
  const hit = cache.get(key, etag);
  if (hit) return { etag, json: hit };
  const json = Buffer.from(JSON.stringify(await loadPlan(ctx.db, plan.region_id, plan)));
  cache.set(key, etag, json);
  return { etag, json };
};

/**
 * The performance tree of a plan for display: every node with its row id, key, parent, level,
 * statement, code, owner, version and indicators (with targets), as JSON (UTF-8 bytes) with its entity tag.
 */
export const getPlanTreeJson = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
): Promise<{ etag: string; json: Buffer }> => {
  const { plan, scope } = await getPlanInScope(ctx.db, planId);
  authorize(actor, 'plan.read', scope);
  const etag = planEtag(plan);
  const key = `tree:${planId}`;
  const hit = cache.get(key, etag);
  if (hit) return { etag, json: hit };
  const [file, rows, indicators, links] = await Promise.all([
    loadPlan(ctx.db, plan.region_id, plan),
    ctx.db
      .selectFrom('plan_node')
      .select(['id', 'node_key', 'parent_id', 'version'])
      .where('region_id', '=', plan.region_id)
      .where('plan_id', '=', planId)
      .execute(),
    ctx.db
      .selectFrom('indicator')
      .select(['id', 'indicator_key', 'version'])
      .where('region_id', '=', plan.region_id)
      .where('plan_id', '=', planId)
      .execute(),
    // Accepted crosscutting links only: proposals count once the partner agency accepts them.
    ctx.db
      .selectFrom('crosscutting_request as c')
      .innerJoin('plan as fp', (j) =>
        j.onRef('fp.id', '=', 'c.from_plan_id').onRef('fp.region_id', '=', 'c.region_id'),
      )
      .innerJoin('plan as tp', (j) =>
        j.onRef('tp.id', '=', 'c.to_plan_id').onRef('tp.region_id', '=', 'c.region_id'),
      )
      .select([
        'c.from_plan_id',
        'c.from_node_key',
        'c.to_plan_id',
        'c.to_node_key',
        'c.contribution',
        'fp.title as from_title',
        'tp.title as to_title',
      ])
      .where('c.region_id', '=', plan.region_id)
      .where('c.state', '=', 'accepted')
      .where((eb) => eb.or([eb('c.from_plan_id', '=', planId), eb('c.to_plan_id', '=', planId)]))
      .execute(),
  ]);
  const linksOf = (key: string) =>
    links.flatMap((l) =>
      l.from_plan_id === planId && l.from_node_key === key
        ? [
            {
              direction: 'receives',
              planId: l.to_plan_id,
              planTitle: l.to_title,
              nodeKey: l.to_node_key,
              contribution: l.contribution,
            },
          ]
        : l.to_plan_id === planId && l.to_node_key === key
          ? [
              {
                direction: 'contributes',
                planId: l.from_plan_id,
                planTitle: l.from_title,
                nodeKey: l.from_node_key,
                contribution: l.contribution,
              },
            ]
          : [],
    );
  const rowOf = new Map(rows.map((r) => [r.node_key, r]));
  const indicatorOf = new Map(indicators.map((i) => [i.indicator_key, i]));
  const nodes = file.nodes.map((n) => {
    const r = rowOf.get(n.id);
    return {
      id: r?.id,
      key: n.id,
      parentId: r?.parent_id ?? null,
      parentKey: n.parent,
      version: r?.version,
      level: n.level,
      statement: n.statement,
      ...(n.code !== undefined && { code: n.code, name: n.name }),
      ...(n.owner !== undefined && { owner: n.owner }),
      alignsTo: n.alignsTo,
      crosscutting: n.crosscutting,
      crosscuttingLinks: linksOf(n.id),
      ...(n.cascading !== undefined && { cascading: n.cascading }),
      priority: n.priority,
      pagu: n.pagu,
      indicators: n.indicators.map((i) => ({
        id: indicatorOf.get(i.id)?.id,
        key: i.id,
        version: indicatorOf.get(i.id)?.version,
        name: i.name,
        unit: i.unit,
        polarity: i.polarity,
        cumulative: i.cumulative,
        targetsAre: i.targetsAre,
        baseline: i.baseline,
        targets: i.targets,
        realisations: i.realisations,
        ...(i.responsibleUnit !== undefined && { responsibleUnit: i.responsibleUnit }),
        contributesTo: i.contributesTo,
        ...(i.composite !== undefined && { composite: i.composite }),
      })),
    };
  });
  const json = Buffer.from(
    JSON.stringify({
      planId,
      regionId: plan.region_id,
      agencyId: plan.agency_id,
      review: {
        state: plan.review_state,
        round: plan.review_round,
        unlocked: plan.unlocked ? (JSON.parse(plan.unlocked) as unknown) : null,
      },
      key: file.id,
      title: file.title,
      format: file.format,
      levels: file.levels,
      period: file.period,
      ...(file.format === 'selaras.renstra' && {
        stage: file.stage,
        agency: {
          code: file.agency.code,
          name: file.agency.name,
          shortName: file.agency.shortName,
          units: file.agency.units,
        },
        regionalPlan: file.regionalPlan,
      }),
      composites: file.composites,
      nodes,
    }),
  );
  cache.set(key, etag, json);
  return { etag, json };
};
