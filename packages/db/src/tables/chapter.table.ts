import type { Generated } from 'kysely';

/** A chapter (BAB) of a Renstra. */
export interface ChapterTable {
  id: string;
  region_id: string;
  plan_id: string;
  number: number;
  title: string;
  /** JSON rich text (ProseMirror). */
  intro: string | null;
  version: Generated<number>;
}

/** A section of a chapter. */
export interface ChapterSectionTable {
  id: string;
  region_id: string;
  chapter_id: string;
  section_key: string;
  title: string;
  /** JSON rich text (ProseMirror). */
  content: string;
  sort_order: number;
  version: Generated<number>;
}
