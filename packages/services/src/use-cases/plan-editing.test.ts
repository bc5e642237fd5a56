import { testDatabaseKinds } from '@selaras/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppError } from '../app-error.ts';
import { createTestServices, type TestServices } from '../testing/index.ts';
import { listAudit } from './audit/list-audit.ts';
import { addIndicator, deleteIndicator, getIndicator, updateIndicator } from './indicators/edit-indicator.ts';
import { addNode, updateNode } from './nodes/edit-node.ts';
import { getNode } from './nodes/read-node.ts';
import { cloneSubtree, deleteNode, moveNode } from './nodes/restructure-node.ts';
import { getAgency, updateAgency } from './organisation/agencies.ts';
import { updatePlanMeta } from './plans/edit-plan.ts';
import { importPlan } from './plans/import-plan.ts';
import { getPlan, getPlanScores, getPlanValidation, listRegionPlans } from './plans/read-plan.ts';

const postgresUrl = inject('postgresUrl');

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

describe.each(testDatabaseKinds(postgresUrl))('plan editing on %s', (kind) => {
  let t: TestServices;
  let puprPlanId = '';
  let dinkesPlanId = '';

  beforeAll(async () => {
    t = await createTestServices(kind, postgresUrl);
    const admin = await t.actor('admin');
    const plans = await listRegionPlans(t.ctx, admin, t.regionId);
    puprPlanId = plans.find((p) => p.key === 'kaltim-pupr-pera-renstra-2024-2026')?.planId ?? '';
    dinkesPlanId =
      plans.find((p) => p.kind === 'renstra' && p.key !== 'kaltim-pupr-pera-renstra-2024-2026')?.planId ?? '';
  });
  afterAll(() => t.close());

  it('has the demo: the RPD and two Renstra, readable by a viewer', async () => {
    const viewer = await t.actor('viewer');
    const plans = await listRegionPlans(t.ctx, viewer, t.regionId);
    expect(plans.map((p) => p.kind).sort()).toEqual(['regional', 'renstra', 'renstra']);
    const doc = await getPlan(t.ctx, viewer, puprPlanId);
    expect(doc.plan.nodes.length).toBe(85);
    expect(doc.etag).toMatch(/^"\d+\.\d+"$/);
  });

  it('validates a stored plan against its regional plan, and scores it', async () => {
    const editor = await t.actor('pupr.editor');
    const { findings } = await getPlanValidation(t.ctx, editor, puprPlanId);
    expect(findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['coverage/outside-composite', 'data/stale-baseline']),
    );
    const { score } = await getPlanScores(t.ctx, editor, puprPlanId, 2024);
    expect(score.composites[0]?.value).toBe(7.74);
    expect(await codeOf(getPlanScores(t.ctx, editor, puprPlanId, 2030))).toBe('INVALID_INPUT');
  });

  it('lets the agency’s editor add, change, move, copy and delete nodes, each audited', async () => {
    const editor = await t.actor('pupr.editor');
    const added = await addNode(t.ctx, editor, puprPlanId, {
      id: 'TJ9',
      parent: null,
      level: 'tujuan',
      statement: 'Tujuan baru',
      alignsTo: ['T2.S3'],
    });
    expect(added).toMatchObject({ key: 'TJ9', version: 1, alignsTo: ['T2.S3'] });
    const sasaran = await addNode(t.ctx, editor, puprPlanId, {
      id: 'TJ9.SS1',
      parent: 'TJ9',
      level: 'sasaran',
      statement: 'Sasaran baru',
      owner: { unit: 'penataan_ruang' },
    });
    const changed = await updateNode(t.ctx, editor, sasaran.id, { statement: 'Sasaran diubah', pagu: {} }, 1);
    expect(changed).toMatchObject({
      statement: 'Sasaran diubah',
      version: 2,
      owner: { unit: 'penataan_ruang' },
    });
    expect(await codeOf(updateNode(t.ctx, editor, sasaran.id, { statement: 'stale' }, 1))).toBe('CONFLICT');
    expect(await codeOf(updateNode(t.ctx, editor, sasaran.id, { statement: 'no version' }, undefined))).toBe(
      'PRECONDITION_REQUIRED',
    );
    expect(await codeOf(updateNode(t.ctx, editor, sasaran.id, { owner: { unit: 'nope' } }, 2))).toBe(
      'INVALID_INPUT',
    );
    expect(await codeOf(moveNode(t.ctx, editor, added.id, { parent: 'TJ9.SS1' }, 1))).toBe('INVALID_INPUT');
    const moved = await moveNode(t.ctx, editor, sasaran.id, { parent: 'TJ1', position: 0 }, 2);
    expect(moved.parentKey).toBe('TJ1');
    const copy = await cloneSubtree(t.ctx, editor, await nodeRowId(t, puprPlanId, 'P-1.03.12'), {
      parent: 'TJ9',
    });
    expect(copy.key).toBe('P-1.03.12-salinan');
    const plan = (await getPlan(t.ctx, editor, puprPlanId)).plan;
    const copies = plan.nodes.filter((n) => n.id.endsWith('-salinan'));
    const originals = plan.nodes.filter(
      (n) =>
        !n.id.endsWith('-salinan') &&
        (n.id === 'P-1.03.12' || n.id.startsWith('K-1.03.12') || n.id.startsWith('SK-1.03.12')),
    );
    expect(copies.length).toBe(originals.length);
    expect(copies.every((n) => n.indicators.every((i) => i.id.endsWith('-salinan')))).toBe(true);
    const removed = await deleteNode(t.ctx, editor, copy.id, copy.version);
    expect(removed.deleted).toBeGreaterThan(1);
    expect(await codeOf(getNode(t.ctx, editor, copy.id))).toBe('NOT_FOUND');
    const audit = await listAudit(t.ctx, await t.actor('admin'), { regionId: t.regionId, limit: 500 });
    const actions = audit.entries.map((e) => e.action);
    for (const a of ['node.add', 'node.update', 'node.move', 'node.clone', 'node.delete'])
      expect(actions).toContain(a);
  });

  it('keeps other agencies and reviewers out of a Renstra, and agency roles out of the RPD', async () => {
    const other = await t.actor('dinkes.editor');
    const reviewer = await t.actor('bappeda.reviewer');
    const viewer = await t.actor('viewer');
    const nodeId = await nodeRowId(t, puprPlanId, 'TJ1');
    for (const actor of [other, reviewer, viewer]) {
      expect(
        await codeOf(
          addNode(t.ctx, actor, puprPlanId, { id: 'X1', parent: null, level: 'tujuan', statement: 'x' }),
        ),
      ).toBe('FORBIDDEN');
      expect(await codeOf(updateNode(t.ctx, actor, nodeId, { statement: 'x' }, 1))).toBe('FORBIDDEN');
    }
    expect(
      await codeOf(
        addNode(t.ctx, other, dinkesPlanId, { id: 'X1', parent: null, level: 'tujuan', statement: 'x' }),
      ),
    ).toBe('ok');
    const rpdId =
      (await listRegionPlans(t.ctx, viewer, t.regionId)).find((p) => p.kind === 'regional')?.planId ?? '';
    expect(
      await codeOf(
        addNode(t.ctx, await t.actor('pupr.editor'), rpdId, {
          id: 'X2',
          parent: null,
          level: 'tujuan',
          statement: 'x',
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(
        addNode(t.ctx, undefined, puprPlanId, { id: 'X3', parent: null, level: 'tujuan', statement: 'x' }),
      ),
    ).toBe('UNAUTHENTICATED');
  });

  it('edits indicators with their targets by year', async () => {
    const editor = await t.actor('pupr.editor');
    const nodeId = await nodeRowId(t, puprPlanId, 'TJ9');
    const ind = await addIndicator(t.ctx, editor, nodeId, {
      id: 'tj9_i',
      name: 'Indikator baru',
      unit: '%',
      baseline: { year: 2022, value: 10 },
      targets: { '2024': 20, '2025': 30, '2026': 40 },
    });
    expect(ind.targets).toEqual({ '2024': 20, '2025': 30, '2026': 40 });
    const changed = await updateIndicator(
      t.ctx,
      editor,
      ind.id,
      { targets: { '2024': 25, '2025': 30, '2026': 45 } },
      ind.version,
    );
    expect(changed).toMatchObject({
      targets: { '2024': 25, '2025': 30, '2026': 45 },
      name: 'Indikator baru',
      version: 2,
    });
    expect(
      await codeOf(updateIndicator(t.ctx, editor, ind.id, { targets: { '2024': 'dua puluh' } }, 2)),
    ).toBe('INVALID_INPUT');
    expect(await codeOf(addIndicator(t.ctx, editor, nodeId, { id: 'tj9_i', name: 'dup' }))).toBe('CONFLICT');
    await deleteIndicator(t.ctx, editor, ind.id, 2);
    expect(await codeOf(getIndicator(t.ctx, editor, ind.id))).toBe('NOT_FOUND');
  });

  it('answers twenty concurrent updates of one indicator with one success and nineteen conflicts', async () => {
    const editor = await t.actor('pupr.editor');
    const nodeId = await nodeRowId(t, puprPlanId, 'TJ9');
    const ind = await addIndicator(t.ctx, editor, nodeId, {
      id: 'race',
      name: 'Balapan',
      unit: '%',
      targets: { '2024': 1, '2025': 2, '2026': 3 },
    });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        updateIndicator(
          t.ctx,
          editor,
          ind.id,
          { targets: { '2024': 100 + i, '2025': 2, '2026': 3 } },
          ind.version,
        ),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const conflicts = results.filter(
      (r) => r.status === 'rejected' && r.reason instanceof AppError && r.reason.code === 'CONFLICT',
    );
    expect([ok.length, conflicts.length]).toEqual([1, 19]);
    const current = await getIndicator(t.ctx, editor, ind.id);
    for (const c of conflicts)
      expect(((c as PromiseRejectedResult).reason as AppError).details).toMatchObject({
        current: { id: ind.id },
      });
    const audit = await listAudit(t.ctx, await t.actor('admin'), {
      regionId: t.regionId,
      entityType: 'indicator',
      entityId: ind.id,
    });
    expect(audit.entries.filter((e) => e.action === 'indicator.update')).toHaveLength(1);
    expect(current.version).toBe(2);
  });

  it('changes a plan’s title with its entity tag, and refuses re-imports that would clash', async () => {
    const editor = await t.actor('pupr.editor');
    const doc = await getPlan(t.ctx, editor, puprPlanId);
    const changed = await updatePlanMeta(
      t.ctx,
      editor,
      puprPlanId,
      { title: 'Renstra PUPR PERA (judul baru)' },
      doc.etag,
    );
    expect(changed.title).toBe('Renstra PUPR PERA (judul baru)');
    expect(await codeOf(updatePlanMeta(t.ctx, editor, puprPlanId, { title: 'x' }, doc.etag))).toBe(
      'CONFLICT',
    );
    const file = JSON.parse(JSON.stringify(doc.plan));
    expect(await codeOf(importPlan(t.ctx, editor, { regionId: t.regionId, file }))).toBe('CONFLICT');
    expect(
      await codeOf(
        importPlan(t.ctx, editor, { regionId: t.regionId, file, replace: true, expectedVersion: doc.etag }),
      ),
    ).toBe('CONFLICT');
    expect(
      await codeOf(
        importPlan(t.ctx, editor, {
          regionId: t.regionId,
          file: { ...file, nodes: [...file.nodes, file.nodes[0]] },
          replace: true,
        }),
      ),
    ).toBe('INVALID_PLAN');
    expect(
      await codeOf(
        importPlan(t.ctx, editor, {
          regionId: t.regionId,
          file: { ...file, region: { ...file.region, code: '63' } },
          replace: true,
        }),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      await codeOf(
        importPlan(t.ctx, await t.actor('dinkes.editor'), { regionId: t.regionId, file, replace: true }),
      ),
    ).toBe('FORBIDDEN');
    const replaced = await importPlan(t.ctx, editor, {
      regionId: t.regionId,
      file,
      replace: true,
      expectedVersion: (await getPlan(t.ctx, editor, puprPlanId)).etag,
    });
    expect(replaced.created).toBe(false);
  });

  it('lets every role read the whole region, and only admins set a stage, by hand or by file', async () => {
    const pupr = await t.actor('pupr.editor');
    const plans = await listRegionPlans(t.ctx, pupr, t.regionId);
    expect(plans.length).toBe(3);
    for (const p of plans) expect((await getPlan(t.ctx, pupr, p.planId)).planId).toBe(p.planId);

    const doc = await getPlan(t.ctx, pupr, puprPlanId);
    expect(await codeOf(updatePlanMeta(t.ctx, pupr, puprPlanId, { stage: 'ditetapkan' }, doc.etag))).toBe(
      'FORBIDDEN',
    );
    // The same stage is no change; a weak or unquoted tag is the same tag.
    const bare = doc.etag.replace(/"/g, '');
    const stage = doc.plan.format === 'selaras.renstra' ? doc.plan.stage : undefined;
    const same = await updatePlanMeta(t.ctx, pupr, puprPlanId, { stage }, `W/${doc.etag}`);
    expect(same.stage).toBe(stage);
    expect(await codeOf(updatePlanMeta(t.ctx, pupr, puprPlanId, { note: 'x' }, bare))).toBe('CONFLICT');

    const current = await getPlan(t.ctx, pupr, puprPlanId);
    const file = { ...JSON.parse(JSON.stringify(current.plan)), stage: 'ditetapkan' };
    const refused = importPlan(t.ctx, pupr, {
      regionId: t.regionId,
      file,
      replace: true,
      expectedVersion: current.etag,
    });
    await expect(refused).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [{ path: 'stage' }] },
    });
    expect(await codeOf(importPlan(t.ctx, pupr, { regionId: t.regionId, file, replace: true }))).toBe(
      'PRECONDITION_REQUIRED',
    );
    const admin = await t.actor('admin');
    const set = await updatePlanMeta(t.ctx, admin, puprPlanId, { stage: 'rancangan-akhir' }, current.etag);
    expect(set.stage).toBe('rancangan-akhir');
  });

  it('refuses an empty indicator change, and lets one of ten concurrent agency updates win', async () => {
    const editor = await t.actor('pupr.editor');
    const id = await indicatorRowId(t, puprPlanId, 'bm_kemantapan_jalan');
    const before = await getIndicator(t.ctx, editor, id);
    expect(await codeOf(updateIndicator(t.ctx, editor, id, {}, before.version))).toBe('INVALID_INPUT');
    expect((await getIndicator(t.ctx, editor, id)).version).toBe(before.version);

    const head = await t.actor('pupr.kadis');
    const agencyId = (await getPlan(t.ctx, head, puprPlanId)).agencyId ?? '';
    const agency = await getAgency(t.ctx, head, agencyId);
    const { id: _id, regionId: _region, version, kind: _kind, ...record } = agency;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        codeOf(
          updateAgency(t.ctx, head, agencyId, { ...record, address: `Jl. Tengkawang No. ${i}` }, version),
        ),
      ),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'CONFLICT')).toHaveLength(9);
  });
});

const nodeRowId = async (t: TestServices, planId: string, key: string) =>
  (
    await t.handle.db
      .selectFrom('plan_node')
      .select('id')
      .where('plan_id', '=', planId)
      .where('node_key', '=', key)
      .executeTakeFirstOrThrow()
  ).id;

const indicatorRowId = async (t: TestServices, planId: string, key: string) =>
  (
    await t.handle.db
      .selectFrom('indicator')
      .select('id')
      .where('plan_id', '=', planId)
      .where('indicator_key', '=', key)
      .executeTakeFirstOrThrow()
  ).id;
