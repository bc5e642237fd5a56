import { type RichDoc, RichDocSchema } from '@selaras/core';
import { findPlan, fromJson, type PlanRow } from '@selaras/db';
import { z } from 'zod';
import { conflict, notFound } from '../../app-error.ts';
import { recordAudit } from '../../audit.ts';
import { requireVersion } from '../../concurrency.ts';
import { inTransaction, nowIso, type ServiceContext, type Trx } from '../../context.ts';
import { parseInput } from '../../patch.ts';
import { type Actor, authorize, type Scope } from '../../permissions.ts';
import { getPlanInScope, planEtag, touchPlanContent } from '../plans/plan-scope.ts';
import { assertEditable, chapterNumber } from '../review/review-common.ts';

type Db = ServiceContext['db'] | Trx;

/** The body of a content write: the whole rich-text document (sanitised by the core's schema). */
export const RichContentSchema = z.strictObject({ content: RichDocSchema });

const EMPTY: RichDoc = { type: 'doc', content: [] };

/** A section as the API returns it: row id, number key, title, version for If-Match, and its text. */
export interface PresentedSection {
  readonly id: string;
  readonly key: string;
  readonly title: string;
  readonly version: number;
  readonly content: RichDoc;
  readonly chapterId: string;
  readonly planId: string;
}

/** A chapter (BAB) with its intro and sections, in order. */
export interface PresentedChapter {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly version: number;
  readonly intro: RichDoc | null;
  readonly sections: { id: string; key: string; title: string; version: number; content: RichDoc }[];
}

const sectionRow = (db: Db, regionId: string, id: string) =>
  db
    .selectFrom('chapter_section')
    .innerJoin('chapter', (j) =>
      j
        .onRef('chapter.region_id', '=', 'chapter_section.region_id')
        .onRef('chapter.id', '=', 'chapter_section.chapter_id'),
    )
    .select([
      'chapter_section.id',
      'chapter_section.section_key',
      'chapter_section.title',
      'chapter_section.content',
      'chapter_section.version',
      'chapter_section.chapter_id',
      'chapter.plan_id',
    ])
    .where('chapter_section.region_id', '=', regionId)
    .where('chapter_section.id', '=', id)
    .executeTakeFirst();

type SectionRow = NonNullable<Awaited<ReturnType<typeof sectionRow>>>;

const presentSection = (r: SectionRow): PresentedSection => ({
  id: r.id,
  key: r.section_key,
  title: r.title,
  version: r.version,
  content: fromJson<RichDoc>(r.content, EMPTY),
  chapterId: r.chapter_id,
  planId: r.plan_id,
});

const chapterRow = (db: Db, regionId: string, id: string) =>
  db
    .selectFrom('chapter')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();

type ChapterRow = NonNullable<Awaited<ReturnType<typeof chapterRow>>>;

/** A chapter without its sections. */
const chapterHead = (c: ChapterRow) => ({
  id: c.id,
  number: c.number,
  title: c.title,
  version: c.version,
  intro: c.intro === null ? null : fromJson<RichDoc>(c.intro, EMPTY),
});

/** A chapter without its sections, as a write of its intro returns it. */
export type PresentedChapterIntro = ReturnType<typeof chapterHead> & { readonly planId: string };

const presentChapterIntro = (c: ChapterRow): PresentedChapterIntro => ({
  ...chapterHead(c),
  planId: c.plan_id,
});

/** Finds a row of `table` by id alone (ids are unique across regions), with its plan and scope, or NOT_FOUND. */
const inScope = async <R extends { plan_id: string }>(
  db: Db,
  table: 'chapter' | 'chapter_section',
  id: string,
  load: (db: Db, regionId: string, id: string) => Promise<R | undefined>,
): Promise<{ row: R; plan: PlanRow; scope: Scope }> => {
  const what = table === 'chapter' ? 'chapter' : 'section';
  const region = await db.selectFrom(table).select('region_id').where('id', '=', id).executeTakeFirst();
  const row = region && (await load(db, region.region_id, id));
  const plan = region && row && (await findPlan(db, region.region_id, row.plan_id));
  if (!row || !plan) throw notFound(what, id);
  return { row, plan, scope: { regionId: plan.region_id, agencyId: plan.agency_id } };
};

/** The chapters BAB I–VIII of a plan with their sections, in order (none for a regional plan), and the plan's tag. */
export const listPlanChapters = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
): Promise<{ etag: string; chapters: PresentedChapter[] }> => {
  const { plan, scope } = await getPlanInScope(ctx.db, planId);
  authorize(actor, 'plan.read', scope);
  const chapters = await ctx.db
    .selectFrom('chapter')
    .selectAll()
    .where('region_id', '=', plan.region_id)
    .where('plan_id', '=', plan.id)
    .orderBy('number')
    .execute();
  const sections =
    chapters.length === 0
      ? []
      : await ctx.db
          .selectFrom('chapter_section')
          .selectAll()
          .where('region_id', '=', plan.region_id)
          .where(
            'chapter_id',
            'in',
            chapters.map((c) => c.id),
          )
          .orderBy('sort_order')
          .execute();
  return {
    etag: planEtag(plan),
    chapters: chapters.map((c) => ({
      ...chapterHead(c),
      sections: sections
        .filter((s) => s.chapter_id === c.id)
        .map((s) => ({
          id: s.id,
          key: s.section_key,
          title: s.title,
          version: s.version,
          content: fromJson<RichDoc>(s.content, EMPTY),
        })),
    })),
  };
};

/** One section with its text, for anyone who may read its plan. */
export const getSection = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  sectionId: string,
): Promise<PresentedSection> => {
  const { row, scope } = await inScope(ctx.db, 'chapter_section', sectionId, sectionRow);
  authorize(actor, 'plan.read', scope);
  return presentSection(row);
};

/**
 * Replaces a section's text. The document is checked by the core's rich-text schema (allowed
 * nodes, attributes and marks, safe links, size bounds); the caller sends the version it last read.
 */
export const updateSectionContent = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  sectionId: string,
  input: unknown,
  expectedVersion: number | undefined,
): Promise<PresentedSection> => {
  const { content } = parseInput(RichContentSchema, input, 'section content');
  return inTransaction(ctx, async (trx) => {
    const { row, plan, scope } = await inScope(trx, 'chapter_section', sectionId, sectionRow);
    const who = authorize(actor, 'plan.edit', scope);
    await assertEditable(trx, ctx, plan, {
      kind: 'section',
      chapter: await chapterNumber(trx, plan.region_id, row.chapter_id),
      section: row.section_key,
    });
    const before = presentSection(row);
    requireVersion(row, expectedVersion, 'section', before);
    const r = await trx
      .updateTable('chapter_section')
      .set((eb) => ({ content: JSON.stringify(content), version: eb('version', '+', 1) }))
      .where('region_id', '=', plan.region_id)
      .where('id', '=', sectionId)
      .where('version', '=', row.version)
      .executeTakeFirst();
    const now = await sectionRow(trx, plan.region_id, sectionId);
    if (Number(r.numUpdatedRows) !== 1 || !now) throw conflict('section', now ? presentSection(now) : null);
    const after = presentSection(now);
    await recordAudit(trx, ctx, who, {
      regionId: plan.region_id,
      action: 'section.update',
      entityType: 'section',
      entityId: sectionId,
      before,
      after,
    });
    await touchPlanContent(trx, plan, nowIso(ctx));
    return after;
  });
};

/** Replaces a chapter's intro (the text of chapters without sections: BAB V, VI, VIII). */
export const updateChapterIntro = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  chapterId: string,
  input: unknown,
  expectedVersion: number | undefined,
): Promise<PresentedChapterIntro> => {
  const { content } = parseInput(RichContentSchema, input, 'chapter intro');
  return inTransaction(ctx, async (trx) => {
    const { row, plan, scope } = await inScope(trx, 'chapter', chapterId, chapterRow);
    const who = authorize(actor, 'plan.edit', scope);
    await assertEditable(trx, ctx, plan, { kind: 'chapter-intro', chapter: row.number });
    const before = presentChapterIntro(row);
    requireVersion(row, expectedVersion, 'chapter', before);
    const r = await trx
      .updateTable('chapter')
      .set((eb) => ({ intro: JSON.stringify(content), version: eb('version', '+', 1) }))
      .where('region_id', '=', plan.region_id)
      .where('id', '=', chapterId)
      .where('version', '=', row.version)
      .executeTakeFirst();
    const now = await chapterRow(trx, plan.region_id, chapterId);
    if (Number(r.numUpdatedRows) !== 1 || !now)
      throw conflict('chapter', now ? presentChapterIntro(now) : null);
    const after = presentChapterIntro(now);
    await recordAudit(trx, ctx, who, {
      regionId: plan.region_id,
      action: 'chapter.update',
      entityType: 'chapter',
      entityId: chapterId,
      before,
      after,
    });
    await touchPlanContent(trx, plan, nowIso(ctx));
    return after;
  });
};
