import { type Finding, indexPlan, type PlanIndex, validatePlan } from '@selaras/core';
import { loadPlan, type PlanRow } from '@selaras/db';
import type { ServiceContext } from '../../context.ts';
import { planEtag } from './plan-scope.ts';

/**
 * A small least-recently-used map whose entries are valid only for one key (entity tags): a
 * lookup with another key misses. Like the plan cache, it never decides freshness: callers read
 * the current tags from the database first.
 */
export class TaggedCache<T> {
  private readonly entries = new Map<string, { tag: string; value: T }>();
  constructor(private readonly size: number) {}
  get(id: string, tag: string): T | undefined {
    const e = this.entries.get(id);
    if (!e || e.tag !== tag) return undefined;
    this.entries.delete(id);
    this.entries.set(id, e);
    return e.value;
  }
  set(id: string, tag: string, value: T): void {
    this.entries.delete(id);
    this.entries.set(id, { tag, value });
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/** Findings by plan, valid for the plan's tag and its regional plan's tag (whose settings decide severities). */
const findingsCache = new TaggedCache<readonly Finding[]>(512);
/** Indexed regional plans by tag, shared by the validation of every Renstra derived from them. */
const regionalCache = new TaggedCache<PlanIndex>(16);

/** The index of a stored regional plan (cached by its tag). */
export const loadRegionalIndex = async (ctx: ServiceContext, row: PlanRow): Promise<PlanIndex> => {
  const tag = planEtag(row);
  const hit = regionalCache.get(row.id, tag);
  if (hit) return hit;
  const index = indexPlan(await loadPlan(ctx.db, row.region_id, row));
  regionalCache.set(row.id, tag, index);
  return index;
};

/**
 * The findings of a stored plan, as `GET /api/plans/:id/validation` gives them: a Renstra is
 * checked against its regional plan (`regional`, when it has one) under the region's rules, with
 * the nomenclature version it names. Cached by the tags of both plans; the returned list is
 * shared, so callers must not change it.
 */
export const validateStoredPlan = async (
  ctx: ServiceContext,
  row: PlanRow,
  regional: PlanRow | null | undefined,
): Promise<readonly Finding[]> => {
  const useRegional = regional?.kind === 'regional' ? regional : undefined;
  const tag = `${planEtag(row)}|${useRegional ? planEtag(useRegional) : '-'}`;
  const hit = findingsCache.get(row.id, tag);
  if (hit) return hit;
  const [plan, regionalIndex] = await Promise.all([
    loadPlan(ctx.db, row.region_id, row),
    useRegional && loadRegionalIndex(ctx, useRegional),
  ]);
  const findings = validatePlan(plan, {
    ...(regionalIndex && { regional: regionalIndex }),
    nomenclature: ctx.nomenclature.get(plan.nomenclatureVersion) ?? null,
  });
  findingsCache.set(row.id, tag, findings);
  return findings;
};

/** Counts findings by severity. */
export const countFindings = (findings: readonly Finding[]) => {
  const summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  return summary;
};
