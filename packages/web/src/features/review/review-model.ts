import type { Lang } from '../../i18n/index.ts';
import { formatDate, formatNumber, formatRupiah } from '../../lib/format.ts';
import {
  type Anchor,
  FINDING_STATUSES,
  type FindingStatus,
  type Institution,
  REVIEW_STATES,
  type ReviewFinding,
  type ReviewState,
  type TextPart,
} from './review-types.ts';

/** The place of a state on the stepper (draft → … → ditetapkan). */
export const stepOf = (state: ReviewState): number => REVIEW_STATES.indexOf(state);

/** Where in the workspace an anchor points, relative to the site; none for the whole plan. */
export const anchorLink = (planId: string, a: Anchor): string | undefined => {
  const base = `/rencana/${planId}`;
  switch (a.type) {
    case 'chapter':
      return `${base}/bab/${a.chapter}`;
    case 'section':
      return `${base}/bab/${a.chapter}/${encodeURIComponent(a.section)}`;
    case 'node':
      return `${base}/pohon?node=${encodeURIComponent(a.node)}`;
    case 'indicator':
      return `${base}/indikator?indicator=${encodeURIComponent(a.indicator)}`;
    case 'tree':
      return `${base}/pohon`;
    default:
      return undefined;
  }
};

/** A stable text key of an anchor, to compare and deduplicate them. */
export const anchorKey = (a: Anchor): string => {
  switch (a.type) {
    case 'plan':
    case 'tree':
      return a.type;
    case 'chapter':
      return `chapter:${a.chapter}`;
    case 'section':
      return `section:${a.chapter}:${a.section}`;
    case 'node':
      return `node:${a.node}`;
    case 'indicator':
      return `indicator:${a.indicator}`;
    case 'table-row':
      return `table-row:${a.table}:${a.row}`;
  }
};

/** The anchors of findings still open or answered, once each: what a return unlocks by default. */
export const unresolvedAnchors = (findings: readonly ReviewFinding[]): Anchor[] => {
  const seen = new Set<string>();
  const out: Anchor[] = [];
  for (const f of findings) {
    if (f.status !== 'open' && f.status !== 'answered') continue;
    const k = anchorKey(f.anchor);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f.anchor);
  }
  return out;
};

export interface FindingGroup {
  readonly status: FindingStatus;
  readonly institutions: readonly {
    readonly institution: Institution;
    readonly findings: readonly ReviewFinding[];
  }[];
  readonly count: number;
}

/** Findings by status (open, answered, accepted, resolved), then by institution; empty groups left out. */
export const groupFindings = (findings: readonly ReviewFinding[]): FindingGroup[] =>
  FINDING_STATUSES.flatMap((status) => {
    const mine = findings.filter((f) => f.status === status);
    if (mine.length === 0) return [];
    const institutions = (['bappeda', 'inspektorat'] as const)
      .map((institution) => ({
        institution,
        findings: mine.filter((f) => f.institution === institution),
      }))
      .filter((g) => g.findings.length > 0);
    return [{ status, institutions, count: mine.length }];
  });

const pad = (n: number) => String(n).padStart(2, '0');

/** A date and time as people read them: 17 Mei 2023, 14.05 (local time) / 17 May 2023, 14:05. */
export const formatDateTime = (iso: string, lang: Lang): string => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const sep = lang === 'id' ? '.' : ':';
  return `${formatDate(day, lang)}, ${pad(d.getHours())}${sep}${pad(d.getMinutes())}`;
};

/** Today as ISO text (local), e.g. 2023-05-17. */
export const todayIso = (now = new Date()): string =>
  `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

/** The first characters of a hash, for people. */
export const shortHash = (hash: string): string => hash.slice(0, 12);

/** A NIP has 18 digits; empty is allowed (it is optional). */
export const validNip = (nip: string): boolean => nip.trim() === '' || /^\d{18}$/.test(nip.trim());

/** A changed field split into its name and year: targets.2025 → { name: targets, year: 2025 }. */
export const splitField = (field: string): { name: string; year?: string } => {
  const m = /^(targets|pagu|realisations)\.(\d{4})$/.exec(field);
  return m?.[1] && m[2] ? { name: m[1], year: m[2] } : { name: field };
};

const isRange = (v: unknown): v is { min: number; max: number } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { min?: unknown }).min === 'number' &&
  typeof (v as { max?: unknown }).max === 'number';

/** A value of a field change as text: pagu in rupiah, targets as numbers or ranges, lists joined. */
export const formatValue = (field: string, v: unknown, lang: Lang): string => {
  if (v === null || v === undefined || v === '') return '–';
  const { name } = splitField(field);
  if (typeof v === 'number') return name === 'pagu' ? formatRupiah(v, lang) : formatNumber(v, lang);
  if (isRange(v)) return `${formatNumber(v.min, lang)}–${formatNumber(v.max, lang)}`;
  if (typeof v === 'boolean') return lang === 'id' ? (v ? 'ya' : 'tidak') : v ? 'yes' : 'no';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.length === 0 ? '–' : v.map((x) => formatValue(field, x, lang)).join(', ');
  if (typeof v === 'object' && 'year' in v && 'value' in v) {
    const b = v as { year: unknown; value: unknown };
    return `${formatValue('', b.value, lang)} (${String(b.year)})`;
  }
  return JSON.stringify(v);
};

/**
 * Text of a word diff made readable: table cells (separated by tabs, one per line) on one line
 * with bars between them, and no empty lines.
 */
export const tidyText = (text: string): string => text.replace(/\n?\t/g, ' | ').replace(/\n{2,}/g, '\n');

/** A piece of a word diff to show; long unchanged stretches are shortened around the changes. */
export interface ShownPart extends TextPart {
  readonly elided?: boolean;
}

/**
 * Shortens unchanged text longer than twice `context` (keeping its ends next to the changes), so
 * a one-word change in a long section stays readable.
 */
export const collapseEqual = (parts: readonly TextPart[], context = 120): ShownPart[] =>
  parts.map((raw, i) => {
    const p = { ...raw, text: tidyText(raw.text) };
    if (p.op !== 'equal' || p.text.length <= context * 2 + 40) return p;
    const first = i === 0;
    const last = i === parts.length - 1;
    const head = first ? '' : p.text.slice(0, context);
    const tail = last ? '' : p.text.slice(-context);
    return { op: 'equal', text: `${head} … ${tail}`, elided: true };
  });
