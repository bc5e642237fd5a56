import { z } from 'zod';

/**
 * Bounds of a rich-text document, so a hostile or broken body is refused with a field path
 * instead of exhausting the parser: nesting depth below the document, characters per text node,
 * and the size of the whole document as JSON (counted approximately: strings, numbers and
 * punctuation, without escapes).
 */
export const RICH_TEXT_LIMITS = {
  maxDepth: 50,
  maxTextLength: 100_000,
  maxDocChars: 1_000_000,
  maxHrefLength: 2048,
} as const;

/** The tables a `generatedTable` node may embed: generated from the plan's data when rendered. */
export const GENERATED_TABLES = [
  'T-C.23',
  'T-C.24',
  'T-C.25',
  'T-C.26',
  'T-C.27',
  'T-C.28',
  'cascading',
] as const;

/** Schemes a link may use; anything else with a scheme (`javascript:`, `data:`, `vbscript:`, …) is refused. */
const SAFE_SCHEME = /^(?:https?|mailto):/i;
/** Whitespace, control and invisible format characters: browsers drop some of them inside URLs. */
const UNSAFE_CHAR = /[\s\p{Cc}\p{Cf}]/u;

/**
 * Whether a link target is safe to render: `http:`, `https:` or `mailto:` (any case), or relative
 * to the site (`/…`) or the page (`#…`), with no whitespace or control characters anywhere. Only
 * these forms are allowed, so schemes hidden by case, spaces, tabs, entities (`javascript&#58;`)
 * or percent-encoding never pass.
 *
 * @example
 * isSafeHref('https://kaltimprov.go.id'); // true
 * isSafeHref(' JavaScript:alert(1)');     // false
 */
export const isSafeHref = (href: string): boolean =>
  !UNSAFE_CHAR.test(href) && (SAFE_SCHEME.test(href) || href.startsWith('/') || href.startsWith('#'));

const HREF_MESSAGE =
  'a link must start with http://, https://, mailto:, / or # and contain no spaces or control characters; javascript:, data: and other schemes are refused';

/** A link's attributes: the target, and what TipTap writes besides it (`target`, `rel`, `class`, `title`). */
const LinkAttrsSchema = z.strictObject({
  href: z.string().min(1).max(RICH_TEXT_LIMITS.maxHrefLength).refine(isSafeHref, HREF_MESSAGE),
  target: z.enum(['_blank']).nullable().optional(),
  rel: z
    .string()
    .regex(
      /^(?:noopener|noreferrer|nofollow)(?: (?:noopener|noreferrer|nofollow))*$/,
      'noopener, noreferrer or nofollow',
    )
    .nullable()
    .optional(),
  class: z.null().optional(),
  title: z.string().max(500).nullable().optional(),
});

/** Marks allowed on rich text (a subset of ProseMirror/TipTap); only `link` has attributes. */
export const RichMarkSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.enum(['bold', 'italic', 'underline', 'strike', 'superscript', 'subscript']) }),
    z.strictObject({ type: z.literal('link'), attrs: LinkAttrsSchema }),
  ],
  { error: 'a mark: bold, italic, underline, strike, superscript, subscript or link' },
);
export type RichMark = z.infer<typeof RichMarkSchema>;

/** Node types allowed in rich text; `generatedTable` embeds a table generated from plan data. */
export const RICH_NODE_TYPES = [
  'doc',
  'paragraph',
  'heading',
  'text',
  'hardBreak',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'generatedTable',
] as const;

/** The value of a node attribute (column widths of table cells are lists of numbers). */
export type RichAttrValue = string | number | boolean | null | readonly number[] | undefined;

/** A rich-text node in ProseMirror JSON form, so the web editor reads it unchanged. */
export type RichNode = {
  type: (typeof RICH_NODE_TYPES)[number];
  attrs?: Record<string, RichAttrValue> | undefined;
  content?: RichNode[] | undefined;
  text?: string | undefined;
  marks?: RichMark[] | undefined;
};

const BLOCK_TYPES = 'paragraph, heading, bulletList, orderedList, blockquote, table or generatedTable';

const textAlign = z.enum(['left', 'center', 'right', 'justify']).nullable().optional();
const marks = z.array(RichMarkSchema).max(20).optional();

/** Block content (of the document, list items, quotes and table cells). */
const blocks: z.ZodType<RichNode[]> = z.lazy(() => z.array(BlockNodeSchema));

const TextNodeSchema = z.strictObject({
  type: z.literal('text'),
  text: z
    .string()
    .min(1, 'a text node is not empty; leave it out')
    .max(
      RICH_TEXT_LIMITS.maxTextLength,
      `a text node holds at most ${RICH_TEXT_LIMITS.maxTextLength} characters; split it into paragraphs`,
    ),
  marks,
});

/** Inline content (of paragraphs and headings): text and line breaks. */
const InlineNodeSchema = z.discriminatedUnion(
  'type',
  [TextNodeSchema, z.strictObject({ type: z.literal('hardBreak'), marks })],
  { error: 'inline content: text or hardBreak' },
);

const listItems = z.array(z.strictObject({ type: z.literal('listItem'), content: blocks.optional() }));

const cellAttrs = z
  .strictObject({
    colspan: z.number().int().min(1).max(1000).optional(),
    rowspan: z.number().int().min(1).max(1000).optional(),
    colwidth: z.array(z.number().min(0).max(100_000)).max(1000).nullable().optional(),
    /** TipTap's table cells carry an alignment (null when none). */
    align: z.enum(['left', 'center', 'right']).nullable().optional(),
  })
  .optional();

const cells = z.array(
  z.discriminatedUnion(
    'type',
    [
      z.strictObject({ type: z.literal('tableCell'), attrs: cellAttrs, content: blocks.optional() }),
      z.strictObject({ type: z.literal('tableHeader'), attrs: cellAttrs, content: blocks.optional() }),
    ],
    { error: 'a table row holds tableCell or tableHeader nodes' },
  ),
);

/**
 * A block node with only the attributes its type has: `textAlign` on paragraphs and headings,
 * `level` (1–6) on headings, `start` and `type` on ordered lists, `colspan`, `rowspan`,
 * `colwidth` and `align` on table cells, `table` on generated tables. Anything else (`style`, `onclick`,
 * `class`, unknown node types such as `iframe` or `image`) is refused.
 */
const BlockNodeSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('paragraph'),
      attrs: z.strictObject({ textAlign }).optional(),
      content: z.array(InlineNodeSchema).optional(),
    }),
    z.strictObject({
      type: z.literal('heading'),
      attrs: z.strictObject({ level: z.number().int().min(1).max(6), textAlign }).optional(),
      content: z.array(InlineNodeSchema).optional(),
    }),
    z.strictObject({ type: z.literal('bulletList'), content: listItems.optional() }),
    z.strictObject({
      type: z.literal('orderedList'),
      attrs: z
        .strictObject({
          start: z.number().int().min(0).max(1_000_000).optional(),
          type: z.enum(['1', 'a', 'A', 'i', 'I']).nullable().optional(),
        })
        .optional(),
      content: listItems.optional(),
    }),
    z.strictObject({ type: z.literal('blockquote'), content: blocks.optional() }),
    z.strictObject({
      type: z.literal('table'),
      content: z.array(z.strictObject({ type: z.literal('tableRow'), content: cells.optional() })).optional(),
    }),
    z.strictObject({
      type: z.literal('generatedTable'),
      attrs: z.strictObject({ table: z.enum(GENERATED_TABLES) }),
    }),
  ],
  { error: `a block: ${BLOCK_TYPES}` },
);

/** Validates one block node and, recursively, its content (without the document's size bounds). */
export const RichNodeSchema: z.ZodType<RichNode> = BlockNodeSchema;

/** Where a document breaks a bound, or undefined when it keeps them all. */
const findBoundBreach = (doc: unknown): { path: (string | number)[]; message: string } | undefined => {
  // Iterative, so a document nested a million levels deep cannot exhaust the stack.
  const stack: { value: unknown; path: (string | number)[]; depth: number }[] = [
    { value: doc, path: [], depth: 0 },
  ];
  let chars = 0;
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as (typeof stack)[number];
    if (typeof value === 'string') chars += value.length + 3;
    else if (typeof value === 'number' || typeof value === 'boolean' || value === null) chars += 8;
    else if (Array.isArray(value)) {
      chars += 2;
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i], depth });
    } else if (typeof value === 'object') {
      chars += 2;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        chars += k.length + 4;
        // Only `content` nests nodes; any other key's value is checked by the schema without recursion.
        const nested = k === 'content' ? depth + 1 : depth;
        if (k === 'content' && nested > RICH_TEXT_LIMITS.maxDepth)
          return {
            path: [...path, k],
            message: `rich text is nested more than ${RICH_TEXT_LIMITS.maxDepth} levels deep; flatten it`,
          };
        stack.push({ value: v, path: [...path, k], depth: nested });
      }
    }
    if (chars > RICH_TEXT_LIMITS.maxDocChars)
      return {
        path: [],
        message: `rich text is larger than about ${RICH_TEXT_LIMITS.maxDocChars / 1_000_000} MB as JSON; split it into sections`,
      };
  }
  return undefined;
};

const RichDocShape = z.strictObject({
  type: z.literal('doc'),
  content: blocks.default([]),
});

/**
 * A whole rich-text document: blocks with their allowed attributes and marks, safe link targets,
 * and the bounds of `RICH_TEXT_LIMITS` (checked first, without recursion).
 */
export const RichDocSchema = z.preprocess((value, ctx) => {
  const breach = findBoundBreach(value);
  if (breach) ctx.addIssue({ code: 'custom', message: breach.message, path: breach.path, input: value });
  return value;
}, RichDocShape);
export type RichDoc = z.infer<typeof RichDocSchema>;

/** A section of a chapter, e.g. `2.3 Kinerja Pelayanan Perangkat Daerah`. */
export const ChapterSectionSchema = z.strictObject({
  key: z.string().regex(/^\d+(\.\d+)*$/, 'a section number such as "2.3"'),
  title: z.string().min(1),
  content: RichDocSchema.default({ type: 'doc', content: [] }),
});
export type ChapterSection = z.infer<typeof ChapterSectionSchema>;

/** A chapter (BAB) of the Renstra with its sections. */
export const ChapterSchema = z.strictObject({
  number: z.number().int().min(1).max(20),
  title: z.string().min(1),
  intro: RichDocSchema.optional(),
  sections: z.array(ChapterSectionSchema).default([]),
});
export type Chapter = z.infer<typeof ChapterSchema>;
