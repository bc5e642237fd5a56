import type { NomenclatureReference } from '../nomenclature/reference.ts';
import type { Finding } from '../schema/finding.schema.ts';
import type { Indicator } from '../schema/indicator.schema.ts';
import { GOAL_ROLES } from '../schema/level.schema.ts';
import type { PerformanceNode } from '../schema/node.schema.ts';
import type { Plan, RegionalPlan, Renstra } from '../schema/plan.schema.ts';
import { indexPlan, type PlanIndex } from '../tree/plan-index.ts';
import { createSink, indicatorPath } from './sink.ts';
import { sortFindings, validatePlan } from './validate-plan.ts';

export interface ValidatePlanSetOptions {
  /** Returns the nomenclature version a plan names, or undefined when it is not available. */
  readonly nomenclature?: ((versionId: string) => NomenclatureReference | undefined) | undefined;
}

/** The findings of a set of plans, with each plan's index for reuse (e.g. by scoring). */
export interface PlanSetResult {
  readonly findings: Finding[];
  readonly indexes: ReadonlyMap<string, PlanIndex>;
}

/** Regional nodes an agency plan touches: the nodes its goals align to, and the programs assigned to it. */
const touchedRegionalNodes = (regional: PlanIndex, agencies: readonly PlanIndex[]): Set<string> => {
  const touched = new Set<string>();
  for (const a of agencies) {
    for (const pos of a.filePositions) {
      for (const ref of (a.all[pos] as PerformanceNode).alignsTo) {
        const r = regional.nodes.get(ref as PerformanceNode['id']);
        if (r) touched.add(r.id);
      }
    }
    const code = (a.plan as Renstra).agency.code;
    for (const r of regional.nodes.values()) if (r.assignedAgencies.includes(code)) touched.add(r.id);
  }
  return touched;
};

const checkRegionalCoverage = (regional: PlanIndex, agencies: readonly PlanIndex[], findings: Finding[]) => {
  const plan = regional.plan as RegionalPlan;
  const sink = createSink(plan.id, plan.settings, findings);
  const contributed = new Set<string>();
  for (const a of agencies) {
    const rows = a.indicatorRows;
    for (const row of rows.firstRows)
      for (const ref of (rows.indicators[row] as Indicator).contributesTo) contributed.add(ref);
  }
  const names = agencies
    .map((a) => (a.plan as Renstra).agency.shortName ?? (a.plan as Renstra).agency.name)
    .join(', ');
  for (const id of touchedRegionalNodes(regional, agencies)) {
    const node = regional.nodes.get(id as PerformanceNode['id']) as PerformanceNode;
    const role = regional.roleOf(node);
    if (!role || (!GOAL_ROLES.has(role) && role !== 'program')) continue;
    for (const ind of node.indicators) {
      if (contributed.has(ind.id)) continue;
      sink.add(
        'coverage/regional-indicator-uncovered',
        indicatorPath(node.id, ind.id),
        { node: node.id, indicator: ind.id },
        {
          id: `Indikator daerah "${ind.name}" [${ind.id}] pada ${node.id} belum didukung indikator mana pun dari renstra yang diperiksa (${names}). Tandai indikator renstra yang berkontribusi dengan "contributesTo".`,
          en: `Regional indicator "${ind.name}" [${ind.id}] of ${node.id} is supported by no indicator of the agency plans checked (${names}). Mark contributing agency indicators with "contributesTo".`,
        },
      );
    }
  }
};

/**
 * The regional plan an agency plan derives from: the one it names, or, when it names none, the
 * only regional plan of its region in the check.
 */
const findRegionalFor = (plan: Renstra, regionals: ReadonlyMap<string, PlanIndex>): PlanIndex | undefined => {
  if (plan.regionalPlan) return regionals.get(plan.regionalPlan.id);
  const sameRegion = [...regionals.values()].filter((r) => r.plan.region.code === plan.region.code);
  return sameRegion.length === 1 ? sameRegion[0] : undefined;
};

const missingRegionalMessage = (plan: Renstra, regionals: ReadonlyMap<string, PlanIndex>) => {
  if (plan.regionalPlan) {
    return {
      id: `Rencana daerah "${plan.regionalPlan.id}" tidak ikut diperiksa, sehingga keselarasan dengan RPD/RPJMD hanya diperiksa sebagian. Sertakan berkas rencana daerahnya.`,
      en: `The regional plan "${plan.regionalPlan.id}" is not part of this check, so alignment with the RPD/RPJMD is only partly checked. Include its file.`,
    };
  }
  if (regionals.size > 1) {
    return {
      id: 'Renstra ini tidak menyebut rencana daerah yang menjadi acuannya, dan pemeriksaan memuat lebih dari satu. Isi "regionalPlan": { "id": … }.',
      en: 'This Renstra does not name the regional plan it derives from, and the check holds more than one. Set "regionalPlan": { "id": … }.',
    };
  }
  return {
    id: 'Renstra ini tidak menyebut rencana daerah yang menjadi acuannya dan tidak ada rencana daerah wilayahnya dalam pemeriksaan, sehingga keselarasan dengan RPD/RPJMD hanya diperiksa sebagian. Isi "regionalPlan" dan sertakan berkasnya.',
    en: 'This Renstra names no regional plan and none of its region is in the check, so alignment with the RPD/RPJMD is only partly checked. Set "regionalPlan" and include its file.',
  };
};

const samePeriod = (a: Plan, b: Plan) =>
  a.period.startYear === b.period.startYear && a.period.endYear === b.period.endYear;

/**
 * Checks a regional plan and agency plans together: each plan's own rules (agency plans against
 * the regional plan they name, under the region's settings), duplicate plan ids, periods that do
 * not match, and regional indicators no agency indicator contributes to.
 */
export const validatePlanSet = (
  plans: readonly Plan[],
  options: ValidatePlanSetOptions = {},
): PlanSetResult => {
  const findings: Finding[] = [];
  const indexes = new Map<string, PlanIndex>();
  for (const p of plans) {
    if (indexes.has(p.id)) {
      createSink(p.id, { rules: {} }, findings).add(
        'plan/duplicate-id',
        'id',
        {},
        {
          id: `Ada lebih dari satu rencana dengan id "${p.id}". Setiap berkas rencana perlu id yang unik.`,
          en: `More than one plan has id "${p.id}". Every plan file needs a unique id.`,
        },
      );
      continue;
    }
    indexes.set(p.id, indexPlan(p));
  }
  const regionals = new Map<string, PlanIndex>();
  for (const ix of indexes.values())
    if (ix.plan.format === 'selaras.regional-plan') regionals.set(ix.plan.id, ix);
  const agenciesOf = new Map<string, PlanIndex[]>();
  for (const ix of indexes.values()) {
    const plan = ix.plan;
    const nomenclature = options.nomenclature
      ? (options.nomenclature(plan.nomenclatureVersion) ?? null)
      : undefined;
    if (plan.format === 'selaras.regional-plan') {
      findings.push(...validatePlan(plan, { index: ix, nomenclature }));
      continue;
    }
    const regional = findRegionalFor(plan, regionals);
    const sink = createSink(
      plan.id,
      (regional?.plan as RegionalPlan | undefined)?.settings ?? { rules: {} },
      findings,
    );
    if (!regional) {
      sink.add('plan/regional-plan-missing', 'regionalPlan', {}, missingRegionalMessage(plan, regionals));
    } else {
      agenciesOf.set(regional.plan.id, [...(agenciesOf.get(regional.plan.id) ?? []), ix]);
      if (!samePeriod(plan, regional.plan)) {
        sink.add(
          'plan/period-mismatch',
          'period',
          {},
          {
            id: `Periode renstra ${plan.period.startYear}–${plan.period.endYear} tidak sama dengan periode ${regional.plan.title} (${regional.plan.period.startYear}–${regional.plan.period.endYear}).`,
            en: `The Renstra period ${plan.period.startYear}–${plan.period.endYear} differs from that of ${regional.plan.title} (${regional.plan.period.startYear}–${regional.plan.period.endYear}).`,
          },
        );
      }
    }
    findings.push(...validatePlan(plan, { index: ix, regional, nomenclature }));
  }
  for (const [id, agencies] of agenciesOf)
    checkRegionalCoverage(regionals.get(id) as PlanIndex, agencies, findings);
  return { findings: sortFindings(findings), indexes };
};
