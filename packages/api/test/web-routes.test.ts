import { testDatabaseKinds } from '@selaras/services/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiHarness, type Caller, startApi } from './harness.ts';
import { type Fixtures, loadFixtures } from './route-matrix.ts';

const postgresUrl = inject('postgresUrl');

interface Chapter {
  id: string;
  number: number;
  title: string;
  version: number;
  intro: unknown;
  sections: { id: string; key: string; title: string; version: number; content: { type: string } }[];
}

const richText = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe.each(testDatabaseKinds(postgresUrl))('routes for the web app on %s', (kind) => {
  let h: ApiHarness;
  let f: Fixtures;
  let editor: Caller;

  beforeAll(async () => {
    h = await startApi(kind, postgresUrl);
    f = await loadFixtures(h);
    editor = await h.signIn('pupr.editor');
  });
  afterAll(() => h.close());

  const chapters = async (planId = f.plans.pupr) =>
    (await h.call(editor, { method: 'GET', url: `/api/plans/${planId}/chapters` })).json() as Chapter[];

  it('names the caller, their roles, regions and agencies in /api/auth/me and at sign-in', async () => {
    const me = (await h.call(editor, { method: 'GET', url: '/api/auth/me' })).json() as {
      user: Record<string, unknown>;
      csrfToken: string;
    };
    expect(me.csrfToken).toBe(editor.csrf);
    expect(me.user).toEqual({
      id: expect.any(String),
      username: 'pupr.editor',
      displayName: 'Perencana Dinas PUPR PERA',
      roles: [
        {
          regionId: f.regionId,
          agencyId: f.agencies.pupr,
          role: 'agency_editor',
          regionName: expect.any(String),
          agencyName: 'Dinas PUPR PERA',
          agencyCode: '1.03.1.04.0.00.01.0000',
        },
      ],
    });
    const signIn = await h.call(undefined, {
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'viewer', password: 'demo-password-2024' },
    });
    expect((signIn.json() as { user: { displayName: string; roles: unknown[] } }).user).toMatchObject({
      displayName: 'Pembaca',
      roles: [{ role: 'viewer', agencyId: null, agencyName: null, agencyCode: null }],
    });
  });

  it('lists the chapters, gives a section with its ETag, and writes it with If-Match (428, 409 with the section)', async () => {
    const list = await chapters();
    expect(list.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const section = list[1]?.sections[0];
    if (!section) throw new Error('no section');
    const got = await h.call(editor, { method: 'GET', url: `/api/sections/${section.id}` });
    expect(got.headers.etag).toBe(`"${section.version}"`);
    expect(got.json()).toMatchObject({ id: section.id, key: section.key, content: section.content });

    const url = `/api/sections/${section.id}/content`;
    const none = await h.call(editor, { method: 'PUT', url, payload: { content: richText('x') } });
    expect(none.statusCode).toBe(428);
    const ok = await h.call(editor, {
      method: 'PUT',
      url,
      payload: { content: richText('Gambaran baru') },
      headers: { 'if-match': got.headers.etag as string },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe(`"${section.version + 1}"`);
    const stale = await h.call(editor, {
      method: 'PUT',
      url,
      payload: { content: richText('Terlambat') },
      headers: { 'if-match': got.headers.etag as string },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      error: {
        code: 'CONFLICT',
        details: {
          current: {
            id: section.id,
            key: section.key,
            title: section.title,
            version: section.version + 1,
            content: richText('Gambaran baru'),
          },
        },
      },
    });
    const other = await h.signIn('dinkes.editor');
    expect(
      (
        await h.call(other, {
          method: 'PUT',
          url,
          payload: { content: richText('x') },
          headers: { 'if-match': ok.headers.etag as string },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses hostile rich text with 400 and a field path, never 500', async () => {
    const section = (await chapters())[0]?.sections[0];
    if (!section) throw new Error('no section');
    const put = (content: unknown) =>
      h.call(editor, {
        method: 'PUT',
        url: `/api/sections/${section.id}/content`,
        payload: typeof content === 'string' ? `{"content":${content}}` : JSON.stringify({ content }),
        headers: { 'content-type': 'application/json', 'if-match': `"${section.version}"` },
      });
    const link = (href: string) => ({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] }],
        },
      ],
    });
    // Too deep for JSON.stringify, so written as text: 50,000 quotes around a paragraph.
    const deep = `{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(50_000)}{"type":"paragraph"}${']}'.repeat(50_000)}]}`;
    const cases: [unknown, string][] = [
      [link('javascript:alert(1)'), 'body.content.content.0.content.0.marks.0.attrs.href'],
      [link('\tJaVaScRiPt:alert(1)'), 'body.content.content.0.content.0.marks.0.attrs.href'],
      [link('data:text/html;base64,PHNjcmlwdD4='), 'body.content.content.0.content.0.marks.0.attrs.href'],
      [
        { type: 'doc', content: [{ type: 'iframe', attrs: { src: 'https://evil' } }] },
        'body.content.content.0.type',
      ],
      [
        { type: 'doc', content: [{ type: 'paragraph', attrs: { onclick: 'alert(1)' } }] },
        'body.content.content.0.attrs.onclick',
      ],
      [deep, 'body.content'],
      [
        {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(2_000_000) }] }],
        },
        'body.content',
      ],
    ];
    for (const [content, path] of cases) {
      const res = await put(content);
      expect(res.statusCode, path).toBe(400);
      const body = res.json() as { error: { code: string; details: { issues: { path: string }[] } } };
      expect(body.error.code).toBe('INVALID_INPUT');
      expect(body.error.details.issues[0]?.path.startsWith(path), body.error.details.issues[0]?.path).toBe(
        true,
      );
    }
    const text = await put(richText('<script>alert(1)</script> teks tetap teks'));
    expect(text.statusCode).toBe(200);
  });

  it('writes a chapter intro with If-Match', async () => {
    const bab5 = (await chapters()).find((c) => c.number === 5);
    if (!bab5) throw new Error('no BAB V');
    const res = await h.call(editor, {
      method: 'PUT',
      url: `/api/chapters/${bab5.id}/intro`,
      payload: { content: richText('Strategi baru') },
      headers: { 'if-match': `"${bab5.version}"` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: bab5.id,
      number: 5,
      version: bab5.version + 1,
      intro: richText('Strategi baru'),
    });
    expect(res.headers.etag).toBe(`"${bab5.version + 1}"`);
  });

  it('gives Bappeda the region overview and a Renstra’s alignment', async () => {
    const reviewer = await h.signIn('bappeda.reviewer');
    const overview = await h.call(reviewer, { method: 'GET', url: `/api/regions/${f.regionId}/overview` });
    expect(overview.statusCode).toBe(200);
    const body = overview.json() as {
      regionalPlans: { planId: string; findings: Record<string, number> }[];
      agencies: {
        agencyId: string;
        plans: { planId: string; reviewState: string | null; findings: Record<string, number> }[];
      }[];
    };
    expect(body.regionalPlans.map((p) => p.planId)).toEqual([f.plans.regional]);
    const pupr = body.agencies.find((a) => a.agencyId === f.agencies.pupr)?.plans[0];
    const validation = (
      await h.call(reviewer, { method: 'GET', url: `/api/plans/${f.plans.pupr}/validation` })
    ).json() as { summary: Record<string, number> };
    expect(pupr).toMatchObject({
      planId: f.plans.pupr,
      reviewState: 'draft',
      openFindings: 0,
      late: null,
      findings: validation.summary,
    });

    const alignment = await h.call(reviewer, { method: 'GET', url: `/api/plans/${f.plans.pupr}/alignment` });
    expect(alignment.statusCode).toBe(200);
    expect(alignment.json()).toMatchObject({
      planId: f.plans.pupr,
      regionalPlan: { planId: f.plans.regional },
      rows: expect.arrayContaining([
        expect.objectContaining({
          regional: expect.objectContaining({ key: 'T2.S3' }),
          agency: expect.arrayContaining([expect.objectContaining({ key: 'TJ1' })]),
        }),
      ]),
      unaligned: [],
      uncovered: [expect.objectContaining({ key: 'T3.S1' })],
    });
    expect(
      (await h.call(reviewer, { method: 'GET', url: `/api/plans/${f.plans.regional}/alignment` })).statusCode,
    ).toBe(400);
  });

  it('renders score explanations as text in both languages with explain=true', async () => {
    const scores = (
      await h.call(editor, { method: 'GET', url: `/api/plans/${f.plans.pupr}/scores?year=2024&explain=true` })
    ).json() as {
      composites: { explanationText: { id: string[]; en: string[] } }[];
      indicators: { explanationText: { id: string[]; en: string[] } }[];
    };
    expect(scores.composites[0]?.explanationText.id[0]).toContain('(IKLI) PUPR 2024 = 7,74 (skala 0–10)');
    expect(scores.composites[0]?.explanationText.en[0]).toContain('(IKLI) PUPR 2024 = 7.74 (scale 0–10)');
    expect(scores.indicators[0]?.explanationText.en.length).toBeGreaterThan(0);
  });

  it('edits many indicators at once; a stale one is 409 with every conflict, an invalid one 400 with its path', async () => {
    const tree = (await h.call(editor, { method: 'GET', url: `/api/plans/${f.plans.pupr}/tree` })).json() as {
      nodes: { indicators: { id: string; key: string; version: number }[] }[];
    };
    const [a, b] = tree.nodes.flatMap((n) => n.indicators);
    if (!a || !b) throw new Error('no indicators');
    const url = `/api/plans/${f.plans.pupr}/indicators`;
    const ok = await h.call(editor, {
      method: 'PATCH',
      url,
      payload: {
        changes: [
          { id: a.id, version: a.version, patch: { dataSource: 'BPS' } },
          { id: b.id, version: b.version, patch: { targets: { '2024': 1, '2025': 2, '2026': 3 } } },
        ],
      },
    });
    expect(ok.statusCode).toBe(200);
    const done = ok.json() as { etag: string; indicators: { id: string; version: number }[] };
    expect(ok.headers.etag).toBe(done.etag);
    expect(done.indicators.map((i) => i.version)).toEqual([a.version + 1, b.version + 1]);

    const stale = await h.call(editor, {
      method: 'PATCH',
      url,
      payload: { changes: [{ id: a.id, version: a.version, patch: { dataSource: 'lama' } }] },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      error: {
        code: 'CONFLICT',
        details: { conflicts: [{ id: a.id, current: { id: a.id, version: a.version + 1 } }] },
      },
    });
    const invalid = await h.call(editor, {
      method: 'PATCH',
      url,
      payload: { changes: [{ id: a.id, version: a.version + 1, patch: { targets: { '2025': 'banyak' } } }] },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({
      error: { details: { issues: [{ path: 'changes.0.targets.2025' }] } },
    });
    const shape = await h.call(editor, {
      method: 'PATCH',
      url,
      payload: { changes: [{ id: a.id, patch: {} }] },
    });
    expect(shape.json()).toMatchObject({
      error: { details: { issues: [{ path: 'body.changes.0.version' }] } },
    });
  });

  it('edits the pagu of many nodes at once', async () => {
    const tree = (await h.call(editor, { method: 'GET', url: `/api/plans/${f.plans.pupr}/tree` })).json() as {
      nodes: { id: string; version: number; level: string }[];
    };
    const programs = tree.nodes.filter((n) => n.level === 'program').slice(0, 3);
    const res = await h.call(editor, {
      method: 'PATCH',
      url: `/api/plans/${f.plans.pupr}/nodes`,
      payload: {
        changes: programs.map((n) => ({
          id: n.id,
          version: n.version,
          patch: { pagu: { '2024': 5e9, '2025': 6e9, '2026': 7e9 } },
        })),
      },
    });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { nodes: { pagu: unknown }[] }).nodes.map((n) => n.pagu)).toEqual(
      programs.map(() => ({ '2024': 5e9, '2025': 6e9, '2026': 7e9 })),
    );
  });

  it('takes an optional If-Match on unit writes', async () => {
    const head = await h.signIn('pupr.kadis');
    const agency = await h.call(head, { method: 'GET', url: `/api/agencies/${f.agencies.pupr}` });
    const url = `/api/agencies/${f.agencies.pupr}/units`;
    const payload = { id: 'seksi_uji_ifmatch', name: 'Seksi Uji', kind: 'seksi' };
    const ok = await h.call(head, {
      method: 'POST',
      url,
      payload,
      headers: { 'if-match': agency.headers.etag as string },
    });
    expect(ok.statusCode).toBe(200);
    const stale = await h.call(head, {
      method: 'POST',
      url,
      payload,
      headers: { 'if-match': agency.headers.etag as string },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { details: { current: { id: f.agencies.pupr } } } });
    expect((await h.call(head, { method: 'POST', url, payload })).statusCode).toBe(200);
  });
});
