import type { NomenclatureReference } from '../nomenclature/reference.ts';
import { getPeriodYears } from '../period.ts';
import type { Finding } from '../schema/finding.schema.ts';
import type { Plan, RegionalPlan } from '../schema/plan.schema.ts';
import { type PlanSettings, PlanSettingsSchema } from '../schema/settings.schema.ts';
import { indexPlan, type PlanIndex } from '../tree/plan-index.ts';
import type { ValidationContext } from './context.ts';
import { checkNodeAlignment } from './rules/alignment.rules.ts';
import { checkChapters } from './rules/chapter.rules.ts';
import { checkCompositesAndFormulas } from './rules/composite.rules.ts';
import { checkCompositeCoverage } from './rules/coverage.rules.ts';
import { checkIndicators, checkNodeIndicators } from './rules/indicator.rules.ts';
import { nomenclatureChecker } from './rules/nomenclature.rules.ts';
import { paguChecker } from './rules/pagu.rules.ts';
import { checkNodeTree, checkTree } from './rules/tree.rules.ts';
import { createSink } from './sink.ts';

/** What `validatePlan` may be given besides the plan. */
export interface ValidatePlanOptions {
  /** The regional plan an agency plan derives from (its index may be passed to avoid rebuilding). */
  readonly regional?: RegionalPlan | PlanIndex | undefined;
  /** The nomenclature version the plan names; `null` when unavailable; omit to skip code checks. */
  readonly nomenclature?: NomenclatureReference | null | undefined;
  /** The region's rules; by default the regional plan's settings, else the defaults. */
  readonly settings?: PlanSettings | undefined;
  readonly index?: PlanIndex | undefined;
}

const DEFAULT_SETTINGS = PlanSettingsSchema.parse({});

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Orders findings by severity, then plan and path, so output is stable. */
export const sortFindings = (findings: Finding[]): Finding[] =>
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.target.plan.localeCompare(b.target.plan) ||
      a.code.localeCompare(b.code) ||
      a.path.localeCompare(b.path),
  );

const toIndex = (p: RegionalPlan | PlanIndex | undefined): PlanIndex | undefined =>
  p === undefined
    ? undefined
    : 'nodes' in p && 'format' in p
      ? indexPlan(p as RegionalPlan)
      : (p as PlanIndex);

/**
 * The rules that look at one node, run in a single walk over the nodes in file order (slots; a
 * node's indicators are its rows of `indicatorRows`): a node and its indicators are read while
 * they are in the processor's cache, instead of once per rule. Findings are sorted at the end,
 * so the walk's order does not show.
 */
const checkNodes = (ctx: ValidationContext) => {
  const checkCode = nomenclatureChecker(ctx);
  const pagu = paguChecker(ctx);
  const { filePositions, indicatorRows } = ctx.index;
  for (let slot = 0; slot < filePositions.length; slot++) {
    const pos = filePositions[slot] as number;
    const from = indicatorRows.start[slot] as number;
    const to = indicatorRows.start[slot + 1] as number;
    checkNodeTree(ctx, pos);
    checkNodeIndicators(ctx, pos, from, to);
    checkNodeAlignment(ctx, pos, from, to);
    checkCode?.(pos);
    pagu.node(pos);
  }
  pagu.finish();
};

/**
 * Checks one plan against the semantic rules (the zod schema has already checked its shape):
 * tree, indicators, targets and baselines, alignment and composite coverage, nomenclature,
 * composites and formulas, pagu and chapters. Returns findings; never throws on bad content.
 *
 * @example
 * const findings = validatePlan(renstra, { regional: rpd, nomenclature: ref });
 * findings.filter((f) => f.severity === 'error');
 */
export const validatePlan = (plan: Plan, options: ValidatePlanOptions = {}): Finding[] => {
  const regional = toIndex(options.regional);
  const regionalSettings =
    regional?.plan.format === 'selaras.regional-plan' ? regional.plan.settings : undefined;
  const settings =
    options.settings ??
    (plan.format === 'selaras.regional-plan' ? plan.settings : (regionalSettings ?? DEFAULT_SETTINGS));
  const years = getPeriodYears(plan.period);
  const ctx: ValidationContext = {
    index: options.index ?? indexPlan(plan),
    sink: createSink(plan.id, settings),
    settings,
    years,
    yearKeys: years.map(String),
    regional,
    nomenclature: options.nomenclature,
  };
  checkTree(ctx);
  checkIndicators(ctx);
  checkNodes(ctx);
  checkCompositeCoverage(ctx);
  checkCompositesAndFormulas(ctx);
  checkChapters(ctx);
  return sortFindings(ctx.sink.findings);
};
