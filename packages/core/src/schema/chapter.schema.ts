import { z } from 'zod';

/** Marks allowed on rich text (a subset of ProseMirror/TipTap). */
export const RichMarkSchema = z.strictObject({
  type: z.enum(['bold', 'italic', 'underline', 'strike', 'superscript', 'subscript', 'link']),
  attrs: z.strictObject({ href: z.string().max(2048) }).optional(),
});

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

/** A rich-text node in ProseMirror JSON form, so the web editor reads it unchanged. */
export type RichNode = {
  type: (typeof RICH_NODE_TYPES)[number];
  attrs?: Record<string, string | number | boolean | null> | undefined;
  content?: RichNode[] | undefined;
  text?: string | undefined;
  marks?: z.infer<typeof RichMarkSchema>[] | undefined;
};

/** Validates one rich-text node and, recursively, its content. */
export const RichNodeSchema: z.ZodType<RichNode> = z.lazy(() =>
  z.strictObject({
    type: z.enum(RICH_NODE_TYPES),
    attrs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    content: z.array(RichNodeSchema).optional(),
    text: z.string().optional(),
    marks: z.array(RichMarkSchema).optional(),
  }),
);

/** A whole rich-text document. */
export const RichDocSchema = z.strictObject({
  type: z.literal('doc'),
  content: z.array(RichNodeSchema).default([]),
});
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
