import type { OverviewAgency, OverviewPlan, RegionOverview } from './region-types.ts';

/** One line of the agency table: an agency with one of its Renstra, or with none yet. */
export interface AgencyRow {
  readonly id: string;
  readonly agency: OverviewAgency;
  readonly plan: OverviewPlan | null;
  /** Position in the API's order (by agency code), the default order and the tie-breaker. */
  readonly order: number;
}

export type SortKey = 'code' | 'name' | 'errors' | 'updated';
export type SortDir = 'asc' | 'desc';
export interface Sort {
  readonly key: SortKey;
  readonly dir: SortDir;
}

export const DEFAULT_SORT: Sort = { key: 'code', dir: 'asc' };

/** The name people know an agency by: its short name when it has one. */
export const agencyLabel = (a: OverviewAgency): string => a.shortName ?? a.name;

/** Every agency with each of its Renstra on a line of its own; an agency without one gets one line. */
export const agencyRows = (overview: RegionOverview): AgencyRow[] => {
  const rows: AgencyRow[] = [];
  for (const agency of overview.agencies) {
    const plans: readonly (OverviewPlan | null)[] = agency.plans.length > 0 ? agency.plans : [null];
    for (const plan of plans)
      rows.push({ id: `${agency.agencyId}:${plan?.planId ?? '-'}`, agency, plan, order: rows.length });
  }
  return rows;
};

/** The headline figures: agencies, Renstra, Renstra with errors, agencies without a Renstra. */
export const summarise = (overview: RegionOverview) => {
  const plans = overview.agencies.flatMap((a) => a.plans);
  return {
    agencies: overview.agencies.length,
    plans: plans.length,
    withErrors: plans.filter((p) => p.findings.error > 0).length,
    withoutPlan: overview.agencies.filter((a) => a.plans.length === 0).length,
  };
};

export interface RowFilter {
  readonly text: string;
  readonly onlyErrors: boolean;
}

/** Rows whose code, names or plan title contain the text (any case), and only those with errors when asked. */
export const filterRows = (rows: readonly AgencyRow[], f: RowFilter): AgencyRow[] => {
  const q = f.text.trim().toLocaleLowerCase('id');
  return rows.filter((r) => {
    if (f.onlyErrors && !(r.plan && r.plan.findings.error > 0)) return false;
    if (!q) return true;
    const hay = [
      r.agency.code,
      r.agency.name,
      r.agency.shortName ?? '',
      r.plan?.title ?? '',
      r.plan?.key ?? '',
    ]
      .join(' ')
      .toLocaleLowerCase('id');
    return hay.includes(q);
  });
};

const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

/** Compares two rows by one key, ascending; rows without a Renstra go last whichever the direction. */
const compare = (key: SortKey, a: AgencyRow, b: AgencyRow): number => {
  switch (key) {
    case 'code':
      return a.order - b.order;
    case 'name':
      return collator.compare(agencyLabel(a.agency), agencyLabel(b.agency));
    case 'errors':
      return (a.plan?.findings.error ?? 0) - (b.plan?.findings.error ?? 0);
    case 'updated':
      return (a.plan?.updatedAt ?? '').localeCompare(b.plan?.updatedAt ?? '');
  }
};

/** The rows in the chosen order; for errors and update, agencies without a Renstra stay at the end. */
export const sortRows = (rows: readonly AgencyRow[], sort: Sort): AgencyRow[] => {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const planless = sort.key === 'errors' || sort.key === 'updated';
  return [...rows].sort((a, b) => {
    if (planless && (a.plan === null) !== (b.plan === null)) return a.plan === null ? 1 : -1;
    return sign * compare(sort.key, a, b) || a.order - b.order;
  });
};

/** Clicking a column: the same column flips direction; another starts with its natural one. */
export const nextSort = (current: Sort, key: SortKey): Sort => {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'errors' || key === 'updated' ? 'desc' : 'asc' };
};

const KINDS = new Set(['dinas', 'bappeda', 'inspektorat']);

/** The agency kinds the app names; anything else is "other". */
export const agencyKind = (kind: string): 'dinas' | 'bappeda' | 'inspektorat' | 'other' =>
  KINDS.has(kind) ? (kind as 'dinas' | 'bappeda' | 'inspektorat') : 'other';
