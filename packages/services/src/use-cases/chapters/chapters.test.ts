import { testDatabaseKinds } from '@selaras/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppError } from '../../app-error.ts';
import { createTestServices, type TestServices } from '../../testing/index.ts';
import { listAudit } from '../audit/list-audit.ts';
import { getPlan, getPlanValidation, listRegionPlans } from '../plans/read-plan.ts';
import { getSection, listPlanChapters, updateChapterIntro, updateSectionContent } from './chapters.ts';

const postgresUrl = inject('postgresUrl');

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return undefined;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
};

const doc = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe.each(testDatabaseKinds(postgresUrl))('chapters on %s', (kind) => {
  let t: TestServices;
  let puprPlanId = '';
  let rpdId = '';

  beforeAll(async () => {
    t = await createTestServices(kind, postgresUrl);
    const plans = await listRegionPlans(t.ctx, await t.actor('admin'), t.regionId);
    puprPlanId = plans.find((p) => p.key === 'kaltim-pupr-pera-renstra-2024-2026')?.planId ?? '';
    rpdId = plans.find((p) => p.kind === 'regional')?.planId ?? '';
  });
  afterAll(() => t.close());

  it('lists BAB I–VIII with their sections in order, for any reader of the region', async () => {
    const viewer = await t.actor('dinkes.editor');
    const { chapters, etag } = await listPlanChapters(t.ctx, viewer, puprPlanId);
    expect(etag).toMatch(/^"\d+\.\d+"$/);
    expect(chapters.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(chapters[0]?.sections.map((s) => s.key)).toEqual(['1.1', '1.2', '1.3', '1.4']);
    expect(chapters[0]).toMatchObject({ title: 'Pendahuluan', version: 1, intro: null });
    expect(chapters[4]?.intro).toMatchObject({ type: 'doc' });
    expect(Object.keys(chapters[0]?.sections[0] ?? {}).sort()).toEqual([
      'content',
      'id',
      'key',
      'title',
      'version',
    ]);
    // The stored plan file says the same.
    const file = (await getPlan(t.ctx, viewer, puprPlanId)).plan;
    expect(file.format === 'selaras.renstra' && file.chapters[1]?.sections[2]?.content).toEqual(
      chapters[1]?.sections[2]?.content,
    );
    expect((await listPlanChapters(t.ctx, viewer, rpdId)).chapters).toEqual([]);
  });

  it('writes a section’s text with its version: audited, the plan’s content moves, stale and missing versions refused', async () => {
    const editor = await t.actor('pupr.editor');
    const { chapters } = await listPlanChapters(t.ctx, editor, puprPlanId);
    const section = chapters[2]?.sections[0];
    if (!section) throw new Error('no section');
    const tagBefore = (await getPlan(t.ctx, editor, puprPlanId)).etag;
    const after = await updateSectionContent(
      t.ctx,
      editor,
      section.id,
      { content: doc('Isu strategis baru <script>alert(1)</script>') },
      section.version,
    );
    expect(after).toMatchObject({
      id: section.id,
      key: section.key,
      version: section.version + 1,
      planId: puprPlanId,
      content: doc('Isu strategis baru <script>alert(1)</script>'),
    });
    expect(await getSection(t.ctx, editor, section.id)).toEqual(after);
    expect((await getPlan(t.ctx, editor, puprPlanId)).etag).not.toBe(tagBefore);

    const stale = await errorOf(
      updateSectionContent(t.ctx, editor, section.id, { content: doc('x') }, section.version),
    );
    expect(stale).toMatchObject({
      code: 'CONFLICT',
      details: { current: { id: section.id, version: after.version } },
    });
    expect(
      (await errorOf(updateSectionContent(t.ctx, editor, section.id, { content: doc('x') }, undefined)))
        ?.code,
    ).toBe('PRECONDITION_REQUIRED');

    const audit = await listAudit(t.ctx, await t.actor('admin'), {
      regionId: t.regionId,
      entityType: 'section',
      entityId: section.id,
    });
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({
      action: 'section.update',
      before: { content: section.content },
      after: { content: after.content },
    });
  });

  it('refuses unsafe rich text with the field path, before anything is read', async () => {
    const editor = await t.actor('pupr.editor');
    const { chapters } = await listPlanChapters(t.ctx, editor, puprPlanId);
    const section = chapters[0]?.sections[0];
    if (!section) throw new Error('no section');
    const hostile = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'klik',
              marks: [{ type: 'link', attrs: { href: ' JaVaScRiPt:alert(1)' } }],
            },
          ],
        },
      ],
    };
    const refused = await errorOf(updateSectionContent(t.ctx, editor, section.id, { content: hostile }, 1));
    expect(refused).toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [{ path: 'content.content.0.content.0.marks.0.attrs.href' }] },
    });
    for (const content of [
      { type: 'doc', content: [{ type: 'iframe', attrs: { src: 'https://evil' } }] },
      { type: 'doc', content: [{ type: 'paragraph', attrs: { style: 'x', onclick: 'y' } }] },
    ])
      expect((await errorOf(updateSectionContent(t.ctx, editor, section.id, { content }, 1)))?.code).toBe(
        'INVALID_INPUT',
      );
    expect((await getSection(t.ctx, editor, section.id)).version).toBe(section.version);
  });

  it('keeps other agencies, reviewers and viewers from writing, and says NOT_FOUND for unknown ids', async () => {
    const { chapters } = await listPlanChapters(t.ctx, await t.actor('viewer'), puprPlanId);
    const section = chapters[0]?.sections[1];
    if (!section) throw new Error('no section');
    for (const who of ['dinkes.editor', 'bappeda.reviewer', 'viewer'])
      expect(
        (await errorOf(updateSectionContent(t.ctx, await t.actor(who), section.id, { content: doc('x') }, 1)))
          ?.code,
      ).toBe('FORBIDDEN');
    expect(
      (await errorOf(updateSectionContent(t.ctx, undefined, section.id, { content: doc('x') }, 1)))?.code,
    ).toBe('UNAUTHENTICATED');
    expect((await errorOf(getSection(t.ctx, await t.actor('viewer'), 'tidak-ada')))?.code).toBe('NOT_FOUND');
    expect(
      (
        await errorOf(
          updateChapterIntro(t.ctx, await t.actor('admin'), 'tidak-ada', { content: doc('x') }, 1),
        )
      )?.code,
    ).toBe('NOT_FOUND');
  });

  it('writes a chapter’s intro; an emptied section is found empty until it is written again', async () => {
    const head = await t.actor('pupr.kadis');
    const { chapters } = await listPlanChapters(t.ctx, head, puprPlanId);
    const bab8 = chapters.find((c) => c.number === 8);
    if (!bab8) throw new Error('no BAB VIII');
    const after = await updateChapterIntro(t.ctx, head, bab8.id, { content: doc('Penutup.') }, bab8.version);
    expect(after).toMatchObject({
      id: bab8.id,
      number: 8,
      version: bab8.version + 1,
      intro: doc('Penutup.'),
    });
    expect(
      (await errorOf(updateChapterIntro(t.ctx, head, bab8.id, { content: doc('lama') }, bab8.version)))
        ?.details,
    ).toMatchObject({ current: { id: bab8.id, version: after.version } });

    const empty = async () =>
      (await getPlanValidation(t.ctx, head, puprPlanId)).findings.filter(
        (f) => f.code === 'chapter/empty-section',
      ).length;
    const before = await empty();
    const target = (await listPlanChapters(t.ctx, head, puprPlanId)).chapters[6]?.sections[1];
    if (!target) throw new Error('no section 7.2');
    const emptied = await updateSectionContent(
      t.ctx,
      head,
      target.id,
      { content: { type: 'doc', content: [] } },
      target.version,
    );
    expect(await empty()).toBe(before + 1);
    await updateSectionContent(t.ctx, head, target.id, { content: doc('Terisi.') }, emptied.version);
    expect(await empty()).toBe(before);
  });
});
