import { testDatabaseKinds } from '@selaras/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppError } from '../../app-error.ts';
import { MAX_BATCH_CHANGES } from '../../patch.ts';
import { createTestServices, type TestServices } from '../../testing/index.ts';
import { listAudit } from '../audit/list-audit.ts';
import {
  addIndicator,
  getIndicator,
  updateIndicator,
  updateIndicators,
} from '../indicators/edit-indicator.ts';
import { addNode, updateNodes } from '../nodes/edit-node.ts';
import { getNode } from '../nodes/read-node.ts';
import { updatePlanValues } from './edit-values.ts';
import { getPlan, listRegionPlans } from './read-plan.ts';

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

describe.each(testDatabaseKinds(postgresUrl))('batch edits on %s', (kind) => {
  let t: TestServices;
  let puprPlanId = '';
  let dinkesPlanId = '';
  /** Indicators of the PUPR plan: row id and version, in plan order. */
  let indicators: { id: string; version: number }[] = [];

  const rows = async (planId: string, table: 'indicator' | 'plan_node') =>
    (
      await t.handle.db
        .selectFrom(table)
        .select(['id', 'version'])
        .where('plan_id', '=', planId)
        .orderBy('sort_order')
        .orderBy('id')
        .execute()
    ).map((r) => ({ id: r.id, version: r.version }));

  const auditCount = async () =>
    (await listAudit(t.ctx, await t.actor('admin'), { regionId: t.regionId, limit: 500 })).entries.length;

  beforeAll(async () => {
    t = await createTestServices(kind, postgresUrl);
    const plans = await listRegionPlans(t.ctx, await t.actor('admin'), t.regionId);
    puprPlanId = plans.find((p) => p.key === 'kaltim-pupr-pera-renstra-2024-2026')?.planId ?? '';
    dinkesPlanId =
      plans.find((p) => p.kind === 'renstra' && p.key !== 'kaltim-pupr-pera-renstra-2024-2026')?.planId ?? '';
    indicators = await rows(puprPlanId, 'indicator');
  });
  afterAll(() => t.close());

  it('changes many indicators at once: one audit entry each, the plan’s content once', async () => {
    const editor = await t.actor('pupr.editor');
    const [a, b, c] = indicators;
    if (!a || !b || !c) throw new Error('too few indicators');
    const planBefore = await getPlan(t.ctx, editor, puprPlanId);
    const audits = await auditCount();
    const result = await updateIndicators(t.ctx, editor, puprPlanId, {
      changes: [
        { id: a.id, version: a.version, patch: { targets: { '2024': 1, '2025': 2, '2026': 3 } } },
        { id: b.id, version: b.version, patch: { dataSource: 'BPS Kaltim' } },
        { id: c.id, version: c.version, patch: { realisations: { '2024': 50 }, definition: 'baru' } },
      ],
    });
    expect(result.planId).toBe(puprPlanId);
    expect(result.indicators.map((i) => [i.id, i.version])).toEqual([
      [a.id, a.version + 1],
      [b.id, b.version + 1],
      [c.id, c.version + 1],
    ]);
    expect(result.indicators[0]).toMatchObject({ targets: { '2024': 1, '2025': 2, '2026': 3 } });
    expect(await getIndicator(t.ctx, editor, c.id)).toMatchObject({
      realisations: { '2024': 50 },
      definition: 'baru',
    });
    expect(await auditCount()).toBe(audits + 3);
    const [v, cv] = planBefore.etag.replace(/"/g, '').split('.').map(Number);
    expect(result.etag).toBe(`"${v}.${(cv ?? 0) + 1}"`);
    expect((await getPlan(t.ctx, editor, puprPlanId)).etag).toBe(result.etag);
    indicators = await rows(puprPlanId, 'indicator');
  });

  it('writes nothing when one change is stale, and lists every stale indicator with its current state', async () => {
    const editor = await t.actor('pupr.editor');
    const [a, b, c] = indicators;
    if (!a || !b || !c) throw new Error('too few indicators');
    // Someone else changes b and c first.
    await updateIndicator(t.ctx, editor, b.id, { definition: 'orang lain' }, b.version);
    await updateIndicator(t.ctx, editor, c.id, { definition: 'orang lain' }, c.version);
    const audits = await auditCount();
    const tag = (await getPlan(t.ctx, editor, puprPlanId)).etag;
    const err = await errorOf(
      updateIndicators(t.ctx, editor, puprPlanId, {
        changes: [
          { id: a.id, version: a.version, patch: { definition: 'milik saya' } },
          { id: b.id, version: b.version, patch: { definition: 'milik saya' } },
          { id: c.id, version: c.version, patch: { definition: 'milik saya' } },
        ],
      }),
    );
    expect(err?.code).toBe('CONFLICT');
    expect(err?.details).toEqual({
      conflicts: [
        {
          id: b.id,
          current: expect.objectContaining({ id: b.id, version: b.version + 1, definition: 'orang lain' }),
        },
        { id: c.id, current: expect.objectContaining({ id: c.id, version: c.version + 1 }) },
      ],
    });
    expect((await getIndicator(t.ctx, editor, a.id)).version).toBe(a.version);
    expect(await auditCount()).toBe(audits);
    expect((await getPlan(t.ctx, editor, puprPlanId)).etag).toBe(tag);
    indicators = await rows(puprPlanId, 'indicator');
  });

  it('refuses invalid changes with paths into the batch, all at once, before writing', async () => {
    const editor = await t.actor('pupr.editor');
    const [a, b, c, d] = indicators;
    if (!a || !b || !c || !d) throw new Error('too few indicators');
    const err = await errorOf(
      updateIndicators(t.ctx, editor, puprPlanId, {
        changes: [
          { id: a.id, version: a.version, patch: { definition: 'ok' } },
          { id: b.id, version: b.version, patch: { targets: { '2025': 'delapan puluh' } } },
          { id: c.id, version: c.version, patch: {} },
          { id: d.id, version: d.version, patch: { warna: 'merah' } },
          { id: a.id, version: a.version, patch: { definition: 'lagi' } },
        ],
      }),
    );
    expect(err?.code).toBe('INVALID_INPUT');
    const paths = ((err?.details ?? { issues: [] }) as { issues: { path: string }[] }).issues.map(
      (i) => i.path,
    );
    expect(paths).toEqual(
      expect.arrayContaining(['changes.1.targets.2025', 'changes.2', 'changes.3', 'changes.4.id']),
    );
    expect((await getIndicator(t.ctx, editor, a.id)).version).toBe(a.version);

    const envelope = await errorOf(updateIndicators(t.ctx, editor, puprPlanId, { changes: [] }));
    expect(envelope?.details).toMatchObject({ issues: [{ path: 'changes' }] });
    const tooMany = Array.from({ length: 501 }, () => ({ id: a.id, version: 1, patch: { definition: 'x' } }));
    expect((await errorOf(updateIndicators(t.ctx, editor, puprPlanId, { changes: tooMany })))?.code).toBe(
      'INVALID_INPUT',
    );
  });

  it('refuses indicators of another plan, and a unit the agency does not have, writing nothing', async () => {
    const editor = await t.actor('pupr.editor');
    const [a, b] = indicators;
    const [other] = await rows(dinkesPlanId, 'indicator');
    if (!a || !b || !other) throw new Error('too few indicators');
    const foreign = await errorOf(
      updateIndicators(t.ctx, editor, puprPlanId, {
        changes: [
          { id: a.id, version: a.version, patch: { definition: 'x' } },
          { id: other.id, version: other.version, patch: { definition: 'x' } },
        ],
      }),
    );
    expect(foreign).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'changes.1.id' }] } });
    const unit = await errorOf(
      updateIndicators(t.ctx, editor, puprPlanId, {
        changes: [
          { id: a.id, version: a.version, patch: { definition: 'ditulis lalu dibatalkan' } },
          { id: b.id, version: b.version, patch: { responsibleUnit: 'tidak_ada' } },
        ],
      }),
    );
    expect(unit).toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [{ path: 'changes.1.responsibleUnit' }] },
    });
    expect(await getIndicator(t.ctx, editor, a.id)).toMatchObject({ version: a.version });
    const gone = await errorOf(
      updateIndicators(t.ctx, editor, puprPlanId, {
        changes: [{ id: 'sudah-dihapus', version: 1, patch: { definition: 'x' } }],
      }),
    );
    expect(gone).toMatchObject({
      code: 'CONFLICT',
      details: { conflicts: [{ id: 'sudah-dihapus', current: null }] },
    });
  });

  it('lets only those who may edit the plan change it', async () => {
    const [a] = indicators;
    if (!a) throw new Error('no indicator');
    const body = { changes: [{ id: a.id, version: a.version, patch: { definition: 'x' } }] };
    for (const who of ['dinkes.editor', 'bappeda.reviewer', 'viewer'])
      expect((await errorOf(updateIndicators(t.ctx, await t.actor(who), puprPlanId, body)))?.code).toBe(
        'FORBIDDEN',
      );
    expect((await errorOf(updateIndicators(t.ctx, await t.actor('admin'), 'tidak-ada', body)))?.code).toBe(
      'NOT_FOUND',
    );
  });

  it('changes the pagu of many nodes at once, and refuses stale ones as one conflict', async () => {
    const editor = await t.actor('pupr.kadis');
    const nodes = (await rows(puprPlanId, 'plan_node')).slice(0, 4);
    const audits = await auditCount();
    const result = await updateNodes(t.ctx, editor, puprPlanId, {
      changes: nodes.map((n, i) => ({
        id: n.id,
        version: n.version,
        patch: { pagu: { '2024': 1_000_000 * (i + 1), '2025': 2_000_000, '2026': 3_000_000 } },
      })),
    });
    expect(result.nodes).toHaveLength(4);
    expect(result.nodes[1]).toMatchObject({
      pagu: { '2024': 2_000_000, '2025': 2_000_000, '2026': 3_000_000 },
    });
    expect(await auditCount()).toBe(audits + 4);
    const [first, second] = nodes;
    if (!first || !second) throw new Error('too few nodes');
    const stale = await errorOf(
      updateNodes(t.ctx, editor, puprPlanId, {
        changes: [
          { id: first.id, version: first.version + 1, patch: { pagu: {} } },
          { id: second.id, version: second.version, patch: { pagu: {} } },
        ],
      }),
    );
    expect(stale).toMatchObject({
      code: 'CONFLICT',
      details: { conflicts: [{ id: second.id, current: { id: second.id, version: second.version + 1 } }] },
    });
    expect((await getNode(t.ctx, editor, first.id)).pagu).toEqual({
      '2024': 1_000_000,
      '2025': 2_000_000,
      '2026': 3_000_000,
    });
    const invalid = await errorOf(
      updateNodes(t.ctx, editor, puprPlanId, {
        changes: [{ id: first.id, version: first.version + 1, patch: { pagu: { '2025': '1.000.000' } } }],
      }),
    );
    expect(invalid).toMatchObject({ details: { issues: [{ path: 'changes.0.pagu.2025' }] } });
    const owner = await errorOf(
      updateNodes(t.ctx, editor, puprPlanId, {
        changes: [{ id: first.id, version: first.version + 1, patch: { owner: { unit: 'tidak_ada' } } }],
      }),
    );
    expect(owner).toMatchObject({ details: { issues: [{ path: 'changes.0.owner.unit' }] } });
  });

  it('settles two concurrent batches over the same indicators: one wins whole, the other writes nothing', async () => {
    const editor = await t.actor('pupr.editor');
    const some = (await rows(puprPlanId, 'indicator')).slice(0, 5);
    const batch = (label: string) =>
      updateIndicators(t.ctx, editor, puprPlanId, {
        changes: some.map((i) => ({ id: i.id, version: i.version, patch: { definition: label } })),
      });
    const results = await Promise.allSettled([batch('pertama'), batch('kedua')]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter(
      (r) => r.status === 'rejected' && r.reason instanceof AppError && r.reason.code === 'CONFLICT',
    );
    expect([won.length, lost.length]).toEqual([1, 1]);
    const definitions = new Set(
      await Promise.all(some.map(async (i) => (await getIndicator(t.ctx, editor, i.id)).definition)),
    );
    expect(definitions.size).toBe(1);
  });

  it('writes the largest batch, five hundred indicators, in one go', async () => {
    const admin = await t.actor('admin');
    const node = await addNode(t.ctx, admin, puprPlanId, {
      id: 'BATCH',
      parent: null,
      level: 'tujuan',
      statement: 'Banyak indikator',
    });
    const have = (await rows(puprPlanId, 'indicator')).length;
    for (let i = have; i < MAX_BATCH_CHANGES; i++)
      await addIndicator(t.ctx, admin, node.id, { id: `banyak_${i}`, name: `Banyak ${i}`, unit: '%' });
    const all = await rows(puprPlanId, 'indicator');
    expect(all).toHaveLength(MAX_BATCH_CHANGES);
    const result = await updateIndicators(t.ctx, admin, puprPlanId, {
      changes: all.map((ind, i) => ({
        id: ind.id,
        version: ind.version,
        patch: { targets: { '2024': i, '2025': i + 1, '2026': i + 2 } },
      })),
    });
    expect(result.indicators).toHaveLength(MAX_BATCH_CHANGES);
    expect(result.indicators[499]).toMatchObject({ targets: { '2024': 499, '2025': 500, '2026': 501 } });
  });

  it('changes indicators and nodes together, or neither when one of them is stale', async () => {
    const editor = await t.actor('pupr.editor');
    const [ind] = await rows(puprPlanId, 'indicator');
    const [node] = await rows(puprPlanId, 'plan_node');
    if (!ind || !node) throw new Error('no rows');
    const before = await getIndicator(t.ctx, editor, ind.id);
    const stale = await errorOf(
      updatePlanValues(t.ctx, editor, puprPlanId, {
        indicators: [{ id: ind.id, version: ind.version, patch: { dataSource: 'Survei 2025' } }],
        nodes: [{ id: node.id, version: node.version + 9, patch: { location: 'Samarinda' } }],
      }),
    );
    expect(stale?.code).toBe('CONFLICT');
    expect(
      (stale?.details as { conflicts: { id: string }[] } | undefined)?.conflicts.map((c) => c.id),
    ).toEqual([node.id]);
    expect((await getIndicator(t.ctx, editor, ind.id)).version).toBe(before.version);

    const bad = await errorOf(
      updatePlanValues(t.ctx, editor, puprPlanId, {
        indicators: [{ id: ind.id, version: ind.version, patch: { targets: { '2025': 'delapan' } } }],
        nodes: [{ id: node.id, version: node.version, patch: { pagu: { '2024': -5, '2025': 'x' } } }],
      }),
    );
    expect(bad?.code).toBe('INVALID_INPUT');
    expect((bad?.details as { issues: { path: string }[] } | undefined)?.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['indicators.0.targets.2025', 'nodes.0.pagu.2025']),
    );

    const ok = await updatePlanValues(t.ctx, editor, puprPlanId, {
      indicators: [{ id: ind.id, version: ind.version, patch: { dataSource: 'Survei 2025' } }],
      nodes: [{ id: node.id, version: node.version, patch: { location: 'Samarinda' } }],
    });
    expect([ok.indicators.length, ok.nodes.length]).toEqual([1, 1]);
    expect((await getNode(t.ctx, editor, node.id)).location).toBe('Samarinda');
    expect(await errorOf(updatePlanValues(t.ctx, editor, puprPlanId, {}))).toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
