import type { Finding, TargetValue } from '../../api/types.ts';
import type { Lang } from '../../i18n/index.ts';
import { formatNumber } from '../../lib/format.ts';
import type {
  AgencyGoal,
  AgencyIndicator,
  Alignment,
  AlignmentRow,
  RegionalIndicator,
} from './alignment-types.ts';

/** A table cell that may span several lines; `item` null is an empty cell. */
export interface Cell<T> {
  readonly item: T | null;
  readonly span: number;
}

/** One line of a Tabel 4.2 row; a cell is present only on the line where it starts. */
export interface SubRow {
  regionalIndicator?: Cell<RegionalIndicator>;
  agencyGoal?: Cell<AgencyGoal>;
  agencyIndicator?: Cell<AgencyIndicator>;
  /** No agency goal on the right: one cell over every line. */
  noAgency?: number;
}

/** Items one per line from `start`, the last stretched to fill `total` lines; none gives one empty cell. */
const spread = <T>(items: readonly T[], total: number): Cell<T>[] =>
  items.length === 0
    ? [{ item: null, span: total }]
    : items.map((item, i) => ({ item, span: i === items.length - 1 ? total - i : 1 }));

/**
 * The lines of one regional goal's row: its indicators on the left, and on the right each aligned
 * agency goal over as many lines as it has indicators. Both sides fill the same number of lines.
 * Without the regional indicators (hidden to save width) only the agency side decides.
 */
export const layoutRow = (
  row: AlignmentRow,
  withRegionalIndicators = true,
): { span: number; lines: SubRow[] } => {
  const right = row.agency.map((g) => Math.max(1, g.indicators.length));
  const left = withRegionalIndicators ? row.regional.indicators.length : 0;
  const span = Math.max(
    1,
    left,
    right.reduce((a, b) => a + b, 0),
  );
  const lines: SubRow[] = Array.from({ length: span }, () => ({}));
  const at = (i: number): SubRow => lines[i] as SubRow;
  let line = 0;
  if (withRegionalIndicators)
    for (const cell of spread(row.regional.indicators, span)) {
      at(line).regionalIndicator = cell;
      line += cell.span;
    }
  if (row.agency.length === 0) {
    at(0).noAgency = span;
    return { span, lines };
  }
  let offset = 0;
  row.agency.forEach((goal, gi) => {
    const own = right[gi] ?? 1;
    const goalSpan = gi === row.agency.length - 1 ? span - offset : own;
    at(offset).agencyGoal = { item: goal, span: goalSpan };
    let l = offset;
    for (const cell of spread(goal.indicators, goalSpan)) {
      at(l).agencyIndicator = cell;
      l += cell.span;
    }
    offset += own;
  });
  return { span, lines };
};

/** What a row says about the agency: a gap (expected, nothing aligned), aligned, or not its concern. */
export const rowState = (row: AlignmentRow): 'gap' | 'aligned' | 'none' =>
  row.agency.length > 0 ? 'aligned' : row.expected ? 'gap' : 'none';

/** Rows that concern the agency: expected of it, or with its goals aligned. */
export const relevantRows = (rows: readonly AlignmentRow[]): AlignmentRow[] =>
  rows.filter((r) => r.expected || r.agency.length > 0);

/** The counts shown above the table. */
export const summariseAlignment = (a: Alignment) => ({
  rows: a.rows.length,
  expected: a.rows.filter((r) => r.expected).length,
  aligned: a.rows.filter((r) => r.agency.length > 0).length,
  gaps: a.rows.filter((r) => rowState(r) === 'gap').length,
  unaligned: a.unaligned.length,
  uncovered: a.uncovered.length,
  findings: a.findings.length,
});

/** A target in the reader's number format; a range as min–max; a missing year as a dash. */
export const targetText = (v: TargetValue | undefined, lang: Lang): string => {
  if (v === undefined) return '–';
  if (typeof v === 'number') return formatNumber(v, lang, { maxDecimals: 3 });
  return `${formatNumber(v.min, lang, { maxDecimals: 3 })}–${formatNumber(v.max, lang, { maxDecimals: 3 })}`;
};

/** Names of the regional indicators by key, to say what an agency indicator contributes to. */
export const regionalIndicatorNames = (a: Alignment): Map<string, string> =>
  new Map(a.rows.flatMap((r) => r.regional.indicators.map((i) => [i.key, i.name] as const)));

/** The tree link of a finding about a node of this plan (findings about the regional plan have none). */
export const findingNodeLink = (f: Finding, planId: string, planKey: string): string | undefined =>
  f.target.node !== undefined && f.target.plan === planKey
    ? `/rencana/${planId}/pohon?node=${encodeURIComponent(f.target.node)}`
    : undefined;

/** The tree link of a node of this plan. */
export const nodeLink = (planId: string, key: string): string =>
  `/rencana/${planId}/pohon?node=${encodeURIComponent(key)}`;
