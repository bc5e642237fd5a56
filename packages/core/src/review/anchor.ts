import { z } from 'zod';

/**
 * What a review finding is about, and so what a selective return unlocks: the whole plan, the
 * whole pohon kinerja, a chapter (BAB) or one of its sections, a node (with its subtree), an
 * indicator, or a row of a generated table.
 */
export const AnchorSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('plan') }),
    z.strictObject({ type: z.literal('tree') }),
    z.strictObject({ type: z.literal('chapter'), chapter: z.number().int().min(1).max(20) }),
    z.strictObject({
      type: z.literal('section'),
      chapter: z.number().int().min(1).max(20),
      section: z.string().min(1).max(20),
    }),
    z.strictObject({ type: z.literal('node'), node: z.string().min(1).max(128) }),
    z.strictObject({ type: z.literal('indicator'), indicator: z.string().min(1).max(128) }),
    z.strictObject({
      type: z.literal('table-row'),
      table: z.string().min(1).max(40),
      row: z.string().min(1).max(128),
    }),
  ],
  { error: 'an anchor: plan, tree, chapter, section, node, indicator or table-row' },
);
export type Anchor = z.infer<typeof AnchorSchema>;

/** What an edit touches, for the lock check of a plan returned with only some items unlocked. */
export type EditTarget =
  /** Changing, moving, copying or deleting a node (and what is under it). */
  | { readonly kind: 'node'; readonly node: string }
  /** Adding a node under `parent` (null: a new root such as a tujuan). */
  | { readonly kind: 'add-node'; readonly parent: string | null }
  /** Changing an indicator of `node`, or adding one to it. */
  | { readonly kind: 'indicator'; readonly indicator: string | null; readonly node: string }
  | { readonly kind: 'section'; readonly chapter: number; readonly section: string }
  | { readonly kind: 'chapter-intro'; readonly chapter: number }
  /** The plan's own fields and anything not covered above. */
  | { readonly kind: 'plan' };

/**
 * Whether the unlocked anchors allow an edit. The plan anchor unlocks everything; the tree anchor
 * every node and indicator (adding roots included); a node anchor that node, its subtree and
 * their indicators (and adding under them); an indicator anchor that indicator; a chapter anchor
 * its intro and sections; a section anchor that section. Table rows point at data whose node or
 * indicator is anchored separately, so they unlock nothing themselves.
 *
 * `parentOf` gives a node's parent key (null for a root), to walk up from an edited node.
 */
export const anchorsAllow = (
  unlocked: readonly Anchor[],
  target: EditTarget,
  parentOf: (node: string) => string | null | undefined,
): boolean => {
  if (unlocked.some((a) => a.type === 'plan')) return true;
  const tree = unlocked.some((a) => a.type === 'tree');
  const nodes = new Set(unlocked.flatMap((a) => (a.type === 'node' ? [a.node] : [])));
  const underUnlocked = (start: string | null): boolean => {
    const seen = new Set<string>();
    for (let k = start; k !== null && k !== undefined && !seen.has(k); k = parentOf(k) ?? null) {
      if (nodes.has(k)) return true;
      seen.add(k);
    }
    return false;
  };
  switch (target.kind) {
    case 'node':
      return tree || underUnlocked(target.node);
    case 'add-node':
      return tree || (target.parent !== null && underUnlocked(target.parent));
    case 'indicator':
      return (
        tree ||
        underUnlocked(target.node) ||
        (target.indicator !== null &&
          unlocked.some((a) => a.type === 'indicator' && a.indicator === target.indicator))
      );
    case 'section':
      return unlocked.some(
        (a) =>
          (a.type === 'chapter' && a.chapter === target.chapter) ||
          (a.type === 'section' && a.chapter === target.chapter && a.section === target.section),
      );
    case 'chapter-intro':
      return unlocked.some((a) => a.type === 'chapter' && a.chapter === target.chapter);
    case 'plan':
      return false;
  }
};

/** The anchor as people read it: "BAB II 2.3", "node TJ1.SS1", "indikator bm_kemantapan_jalan". */
export const describeAnchor = (a: Anchor): { id: string; en: string } => {
  switch (a.type) {
    case 'plan':
      return { id: 'seluruh rencana', en: 'the whole plan' };
    case 'tree':
      return { id: 'pohon kinerja (cascading)', en: 'the performance tree (cascading)' };
    case 'chapter':
      return { id: `BAB ${a.chapter}`, en: `chapter ${a.chapter}` };
    case 'section':
      return { id: `subbab ${a.section}`, en: `section ${a.section}` };
    case 'node':
      return { id: `node ${a.node}`, en: `node ${a.node}` };
    case 'indicator':
      return { id: `indikator ${a.indicator}`, en: `indicator ${a.indicator}` };
    case 'table-row':
      return { id: `tabel ${a.table}, baris ${a.row}`, en: `table ${a.table}, row ${a.row}` };
  }
};
