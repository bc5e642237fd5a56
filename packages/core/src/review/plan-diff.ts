import { diffWords } from 'diff';
import type { Chapter, RichDoc, RichNode } from '../schema/chapter.schema.ts';
import type { Indicator } from '../schema/indicator.schema.ts';
import type { PerformanceNode } from '../schema/node.schema.ts';
import type { Plan } from '../schema/plan.schema.ts';
import { canonicalJson } from './canonical-json.ts';

/** One changed field: `statement`, `targets.2025`, `pagu.2024`, `parent`, … with both values. */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface NodeRef {
  readonly key: string;
  readonly level: string;
  readonly statement: string;
}

export interface IndicatorRef {
  readonly key: string;
  readonly node: string;
  readonly name: string;
}

/** A piece of a word diff: unchanged, inserted or deleted text. */
export interface TextPart {
  readonly op: 'equal' | 'insert' | 'delete';
  readonly text: string;
}

export interface SectionChange {
  readonly chapter: number;
  /** The section key, or null for the chapter's introduction. */
  readonly section: string | null;
  readonly title: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly text: readonly TextPart[];
}

/** What changed between two versions of a plan (two submission rounds). */
export interface PlanDiff {
  readonly nodes: {
    readonly added: readonly NodeRef[];
    readonly removed: readonly NodeRef[];
    readonly changed: readonly { readonly node: NodeRef; readonly fields: readonly FieldChange[] }[];
  };
  readonly indicators: {
    readonly added: readonly IndicatorRef[];
    readonly removed: readonly IndicatorRef[];
    readonly changed: readonly {
      readonly indicator: IndicatorRef;
      readonly fields: readonly FieldChange[];
    }[];
  };
  readonly chapters: readonly SectionChange[];
  readonly summary: Readonly<Record<string, number>>;
}

const series = (s: { toJSON(): Record<string, unknown> } | undefined): Record<string, unknown> =>
  s?.toJSON() ?? {};

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** Field-by-field changes of two records, per-year series compared year by year. */
const compare = (
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[],
  yearFields: readonly string[],
): FieldChange[] => {
  const out: FieldChange[] = [];
  for (const f of fields)
    if (!same(before[f], after[f]))
      out.push({ field: f, before: before[f] ?? null, after: after[f] ?? null });
  for (const f of yearFields) {
    const b = before[f] as Record<string, unknown>;
    const a = after[f] as Record<string, unknown>;
    for (const y of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort())
      if (!same(b[y], a[y])) out.push({ field: `${f}.${y}`, before: b[y] ?? null, after: a[y] ?? null });
  }
  return out;
};

const NODE_FIELDS = [
  'parent',
  'level',
  'statement',
  'code',
  'name',
  'owner',
  'alignsTo',
  'crosscutting',
  'cascading',
  'priority',
  'location',
  'assignedAgencies',
];
const INDICATOR_FIELDS = [
  'name',
  'unit',
  'definition',
  'formula',
  'polarity',
  'cumulative',
  'targetsAre',
  'baseline',
  'dataSource',
  'responsibleUnit',
  'contributesTo',
  'composite',
  'iku',
];

const nodeRecord = (n: PerformanceNode) =>
  ({ ...n, pagu: series(n.pagu) }) as unknown as Record<string, unknown>;
const indicatorRecord = (i: Indicator) =>
  ({ ...i, targets: series(i.targets) }) as unknown as Record<string, unknown>;

const nodeRef = (n: PerformanceNode): NodeRef => ({ key: n.id, level: n.level, statement: n.statement });

/** The plain text of rich text: blocks on their own lines, table cells separated by tabs. */
export const richText = (doc: RichDoc | RichNode | undefined): string => {
  if (!doc) return '';
  const walk = (n: RichNode | RichDoc): string => {
    if ('text' in n && typeof n.text === 'string') return n.text;
    if (n.type === 'hardBreak') return '\n';
    const inner = (n.content ?? []).map((c) => walk(c as RichNode));
    if (n.type === 'tableRow') return `${inner.join('\t')}\n`;
    if (n.type === 'paragraph' || n.type === 'heading') return `${inner.join('')}\n`;
    if (n.type === 'generatedTable') return `[${String((n as RichNode).attrs?.table ?? 'tabel')}]\n`;
    return inner.join('');
  };
  return walk(doc).replace(/\n+$/, '');
};

const wordDiff = (before: string, after: string): TextPart[] =>
  diffWords(before, after).map((p) => ({
    op: p.added ? 'insert' : p.removed ? 'delete' : 'equal',
    text: p.value,
  }));

const sectionsOf = (chapters: readonly Chapter[]) => {
  const m = new Map<string, { chapter: number; section: string | null; title: string; text: string }>();
  for (const c of chapters) {
    if (c.intro)
      m.set(`${c.number}:`, { chapter: c.number, section: null, title: c.title, text: richText(c.intro) });
    for (const s of c.sections)
      m.set(`${c.number}:${s.key}`, {
        chapter: c.number,
        section: s.key,
        title: s.title,
        text: richText(s.content),
      });
  }
  return m;
};

const chapterChanges = (before: readonly Chapter[], after: readonly Chapter[]): SectionChange[] => {
  const b = sectionsOf(before);
  const a = sectionsOf(after);
  const out: SectionChange[] = [];
  for (const [k, s] of a) {
    const old = b.get(k);
    if (!old) out.push({ ...s, change: 'added', text: s.text ? [{ op: 'insert', text: s.text }] : [] });
    else if (old.text !== s.text) out.push({ ...s, change: 'changed', text: wordDiff(old.text, s.text) });
  }
  for (const [k, s] of b)
    if (!a.has(k))
      out.push({ ...s, change: 'removed', text: s.text ? [{ op: 'delete', text: s.text }] : [] });
  return out.sort(
    (x, y) =>
      x.chapter - y.chapter || (x.section ?? '').localeCompare(y.section ?? '', 'en', { numeric: true }),
  );
};

/**
 * What changed between two versions of a plan: nodes and indicators added, removed or changed
 * (field by field, targets and pagu year by year), and chapter text added, removed or changed
 * (with a word diff). Pure; used for the diff between submission rounds.
 */
export const diffPlans = (before: Plan, after: Plan): PlanDiff => {
  const bn = new Map(before.nodes.map((n) => [n.id as string, n]));
  const an = new Map(after.nodes.map((n) => [n.id as string, n]));
  const indicatorsOf = (p: Plan) =>
    new Map(
      p.nodes.flatMap((n) => n.indicators.map((i) => [i.id as string, { i, node: n.id as string }] as const)),
    );
  const bi = indicatorsOf(before);
  const ai = indicatorsOf(after);
  const nodes = {
    added: after.nodes.filter((n) => !bn.has(n.id)).map(nodeRef),
    removed: before.nodes.filter((n) => !an.has(n.id)).map(nodeRef),
    changed: after.nodes.flatMap((n) => {
      const old = bn.get(n.id);
      const fields = old ? compare(nodeRecord(old), nodeRecord(n), NODE_FIELDS, ['pagu']) : [];
      return fields.length > 0 ? [{ node: nodeRef(n), fields }] : [];
    }),
  };
  const ref = (x: { i: Indicator; node: string }): IndicatorRef => ({
    key: x.i.id,
    node: x.node,
    name: x.i.name,
  });
  const indicators = {
    added: [...ai.values()].filter((x) => !bi.has(x.i.id)).map(ref),
    removed: [...bi.values()].filter((x) => !ai.has(x.i.id)).map(ref),
    changed: [...ai.values()].flatMap((x) => {
      const old = bi.get(x.i.id);
      if (!old) return [];
      const fields = compare(indicatorRecord(old.i), indicatorRecord(x.i), INDICATOR_FIELDS, ['targets']);
      if (old.node !== x.node) fields.unshift({ field: 'node', before: old.node, after: x.node });
      return fields.length > 0 ? [{ indicator: ref(x), fields }] : [];
    }),
  };
  const chapters = chapterChanges(
    before.format === 'selaras.renstra' ? before.chapters : [],
    after.format === 'selaras.renstra' ? after.chapters : [],
  );
  return {
    nodes,
    indicators,
    chapters,
    summary: {
      nodesAdded: nodes.added.length,
      nodesRemoved: nodes.removed.length,
      nodesChanged: nodes.changed.length,
      indicatorsAdded: indicators.added.length,
      indicatorsRemoved: indicators.removed.length,
      indicatorsChanged: indicators.changed.length,
      sectionsChanged: chapters.length,
    },
  };
};
