import { renderComposite, renderExplanation } from '@selaras/core';
import { testDatabaseKinds } from '@selaras/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeCaller } from '../accounts/me.ts';
import { AppError } from '../app-error.ts';
import { presentScore } from '../presenters/score.presenter.ts';
import { createTestServices, type TestServices } from '../testing/index.ts';
import { updateNode } from './nodes/edit-node.ts';
import { getAgency, putUnit } from './organisation/agencies.ts';
import { getRegion } from './organisation/regions.ts';
import { getPlanAlignment } from './plans/plan-alignment.ts';
import { getPlanScores, getPlanValidation, listRegionPlans } from './plans/read-plan.ts';
import { getRegionOverview } from './plans/region-overview.ts';

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

const PUPR = '1.03.1.04.0.00.01.0000';

describe.each(testDatabaseKinds(postgresUrl))('views for the web app on %s', (kind) => {
  let t: TestServices;
  let puprPlanId = '';
  let dinkesPlanId = '';
  let rpdId = '';

  beforeAll(async () => {
    t = await createTestServices(kind, postgresUrl);
    const plans = await listRegionPlans(t.ctx, await t.actor('admin'), t.regionId);
    puprPlanId = plans.find((p) => p.key === 'kaltim-pupr-pera-renstra-2024-2026')?.planId ?? '';
    dinkesPlanId =
      plans.find((p) => p.kind === 'renstra' && p.key !== 'kaltim-pupr-pera-renstra-2024-2026')?.planId ?? '';
    rpdId = plans.find((p) => p.kind === 'regional')?.planId ?? '';
  });
  afterAll(() => t.close());

  it('describes the caller with display name, and each role with region and agency names', async () => {
    const editor = await t.actor('pupr.editor');
    const region = await getRegion(t.ctx, editor, t.regionId);
    expect(await describeCaller(t.ctx, editor)).toEqual({
      id: editor.kind === 'user' ? editor.userId : null,
      username: 'pupr.editor',
      displayName: 'Perencana Dinas PUPR PERA',
      roles: [
        {
          regionId: t.regionId,
          agencyId: expect.any(String),
          role: 'agency_editor',
          regionName: region.name,
          agencyName: 'Dinas PUPR PERA',
          agencyCode: PUPR,
        },
      ],
    });
    expect((await describeCaller(t.ctx, await t.actor('admin'))).roles).toEqual([
      {
        regionId: t.regionId,
        agencyId: null,
        role: 'admin',
        regionName: region.name,
        agencyName: null,
        agencyCode: null,
      },
    ]);
    expect(await describeCaller(t.ctx, { kind: 'system', reason: 'test' })).toMatchObject({
      id: null,
      roles: [],
    });
  });

  it('gives the region overview with the same findings counts as each plan’s validation', async () => {
    const reviewer = await t.actor('bappeda.reviewer');
    const overview = await getRegionOverview(t.ctx, reviewer, t.regionId);
    expect(overview.regionalPlans.map((p) => p.planId)).toEqual([rpdId]);
    const pupr = overview.agencies.find((a) => a.code === PUPR);
    expect(pupr).toMatchObject({
      name: expect.stringContaining('Pekerjaan Umum'),
      shortName: 'Dinas PUPR PERA',
      kind: 'dinas',
    });
    expect(pupr?.plans.map((p) => p.planId)).toEqual([puprPlanId]);
    expect(overview.agencies.find((a) => a.kind === 'bappeda')?.plans).toEqual([]);
    const all = [...overview.regionalPlans, ...overview.agencies.flatMap((a) => a.plans)];
    expect(all).toHaveLength(3);
    for (const p of all) {
      expect(p.reviewState).toBe(p.kind === 'renstra' ? 'draft' : null);
      expect(p.late).toBeNull();
      expect(p.etag).toMatch(/^"\d+\.\d+"$/);
      const { findings } = await getPlanValidation(t.ctx, reviewer, p.planId);
      const counts = { error: 0, warning: 0, info: 0 };
      for (const f of findings) counts[f.severity]++;
      expect(p.findings, p.key).toEqual(counts);
    }
    expect(pupr?.plans[0]?.findings.error).toBeGreaterThan(0);
    expect((await errorOf(getRegionOverview(t.ctx, undefined, t.regionId)))?.code).toBe('UNAUTHENTICATED');
    expect((await errorOf(getRegionOverview(t.ctx, await t.actor('admin'), 'tidak-ada')))?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('pairs regional goals with the agency’s goals aligned to them, and names what is uncovered', async () => {
    const viewer = await t.actor('viewer');
    const a = await getPlanAlignment(t.ctx, viewer, puprPlanId);
    expect(a.regionalPlan).toMatchObject({ planId: rpdId, key: 'kaltim-rpd-2024-2026' });
    expect(a.rows.map((r) => r.regional.key)).toEqual([
      'T1',
      'T1.S1',
      'T1.S2',
      'T1.S3',
      'T1.S4',
      'T2',
      'T2.S1',
      'T2.S2',
      'T2.S3',
      'T3',
      'T3.S1',
    ]);
    const t2s3 = a.rows.find((r) => r.regional.key === 'T2.S3');
    expect(t2s3).toMatchObject({
      expected: true,
      regional: { role: 'sasaran', indicators: [{ key: 'rpd_ikli' }, { key: 'rpd_kemantapan_jalan' }] },
    });
    expect(t2s3?.agency.map((g) => [g.key, g.inherited])).toEqual([
      ['TJ1', false],
      ['TJ1.SS1', false],
    ]);
    expect(t2s3?.agency[1]?.indicators[0]).toMatchObject({
      key: 'ss_kemantapan_jalan',
      id: expect.any(String),
      contributesTo: ['rpd_kemantapan_jalan'],
    });
    expect(a.unaligned).toEqual([]);
    // PUPR carries programs under T3.S1 too, but none of its goals aligns to it.
    expect(a.uncovered.map((u) => [u.key, u.programs])).toEqual([
      ['T3.S1', ['P-1.03.01', 'P-1.03.08', 'P-1.04.06']],
    ]);
    expect(a.findings.every((f) => /^(alignment|coverage)\//.test(f.code))).toBe(true);
    expect(a.findings.map((f) => f.code)).toContain('coverage/outside-composite');

    const dinkes = await getPlanAlignment(t.ctx, viewer, dinkesPlanId);
    expect(dinkes.uncovered).toEqual([]);
    expect(dinkes.rows.find((r) => r.regional.key === 'T1.S2')?.agency.map((g) => g.key)).toEqual([
      'TJ1',
      'TJ1.SS1',
      'TJ1.SS2',
    ]);
    expect((await errorOf(getPlanAlignment(t.ctx, viewer, rpdId)))?.code).toBe('INVALID_INPUT');
  });

  it('follows edits: a goal aligned to nothing is unaligned and found, and the overview counts move', async () => {
    const editor = await t.actor('pupr.editor');
    const before = await getRegionOverview(t.ctx, editor, t.regionId);
    const tj1 = await t.handle.db
      .selectFrom('plan_node')
      .select(['id', 'version'])
      .where('plan_id', '=', puprPlanId)
      .where('node_key', '=', 'TJ1')
      .executeTakeFirstOrThrow();
    await updateNode(t.ctx, editor, tj1.id, { alignsTo: [] }, tj1.version);
    const a = await getPlanAlignment(t.ctx, editor, puprPlanId);
    expect(a.unaligned.map((g) => g.key)).toEqual(['TJ1']);
    expect(a.rows.find((r) => r.regional.key === 'T2.S3')?.agency.map((g) => g.key)).toEqual(['TJ1.SS1']);
    expect(a.findings.map((f) => `${f.code} ${f.target.node}`)).toContain('alignment/unaligned-sasaran TJ1');
    const after = await getRegionOverview(t.ctx, editor, t.regionId);
    const errors = (o: typeof before) =>
      o.agencies.find((x) => x.code === PUPR)?.plans[0]?.findings.error ?? 0;
    expect(errors(after)).toBe(errors(before) + 1);
  });

  it('gives rendered explanations in both languages with explain, and none without', async () => {
    const { score } = await getPlanScores(t.ctx, await t.actor('viewer'), puprPlanId, 2024);
    const shown = presentScore(score, true);
    const composite = score.composites[0];
    if (!composite) throw new Error('no composite');
    expect(shown.composites[0]?.explanationText).toEqual({
      id: renderComposite(composite, 'id'),
      en: renderComposite(composite, 'en'),
    });
    const measured = shown.indicators.find((i) => i.realisation !== null);
    const scored = score.indicators.find((s) => s.indicator.id === measured?.id);
    if (!measured || !scored) throw new Error('nothing measured');
    expect(measured).toMatchObject({
      explanationText: {
        id: renderExplanation(scored.explanation, 'id'),
        en: renderExplanation(scored.explanation, 'en'),
      },
      realisationExplanationText: { id: renderExplanation(scored.realisation.explanation, 'id') },
    });
    expect(measured.explanationText?.id[0]).toMatch(/capaian|target/);
    expect(shown.nodes[0]?.explanationText?.en.length).toBeGreaterThan(0);
    const plain = presentScore(score, false);
    expect(plain.composites[0]).not.toHaveProperty('explanationText');
    expect(plain.indicators[0]).not.toHaveProperty('explanationText');
  });

  it('writes a unit with the agency’s version when given one, and refuses a stale one', async () => {
    const head = await t.actor('pupr.kadis');
    const agencyId = (await getRegionOverview(t.ctx, head, t.regionId)).agencies.find((a) => a.code === PUPR)
      ?.agencyId as string;
    const { version } = await getAgency(t.ctx, head, agencyId);
    const unit = { id: 'seksi_baru', name: 'Seksi Baru', kind: 'seksi' };
    const written = await putUnit(t.ctx, head, agencyId, unit, version);
    expect(written).toMatchObject({
      id: 'seksi_baru',
      rowId: expect.any(String),
      agencyVersion: version + 1,
    });
    const stale = await errorOf(putUnit(t.ctx, head, agencyId, { ...unit, name: 'Lama' }, version));
    expect(stale).toMatchObject({
      code: 'CONFLICT',
      details: { current: { id: agencyId, version: version + 1 } },
    });
    expect((await putUnit(t.ctx, head, agencyId, { ...unit, name: 'Tanpa versi' })).agencyVersion).toBe(
      version + 2,
    );
  });
});
