import { readFileSync } from 'node:fs';
import { type Plan, PlanFileSchema } from '@selaras/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DatabaseHandle } from '../connection.ts';
import { createTestDatabase, testDatabaseKinds } from '../testing/index.ts';
import { ensurePeriod, findPlanByKey, insertPlan } from './plan.repository.ts';
import { deletePlanContents } from './plan-import.repository.ts';
import { loadPlan } from './plan-load.repository.ts';
import { insertRegion, upsertAgency } from './region.repository.ts';

const postgresUrl = inject('postgresUrl');
const load = (name: string): Plan =>
  PlanFileSchema.parse(
    JSON.parse(readFileSync(new URL(`../../../../fixtures/kaltim/${name}`, import.meta.url), 'utf8')),
  );
const rpd = load('rpd-2024-2026.json');
const revised = load('renstra-pupr-pera-2024-2026.revised.json');

let seq = 0;
const newId = () => `id-${String(++seq).padStart(8, '0')}`;
const NOW = '2026-11-28T00:00:00.000Z';

/**
 * The plan as data, for comparison: JSON form, without the editor hint. A regional plan lists the
 * region's agencies, which later imports (a Renstra's fuller agency record) may enrich: compare
 * their codes and names only.
 */
const normalise = (p: Plan) => {
  const { $schema: _, ...rest } = JSON.parse(JSON.stringify(p)) as Plan & { $schema?: string };
  if (rest.format === 'selaras.regional-plan') {
    rest.agencies = [...rest.agencies]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((a) => ({ code: a.code, name: a.name, bidangUrusan: a.bidangUrusan, units: [] }));
  }
  return rest;
};

const importPlan = async (h: DatabaseHandle, regionId: string, plan: Plan, regionalPlanId: string | null) => {
  return h.db.transaction().execute(async (trx) => {
    const unitIds = new Map<string, string>();
    let agencyId: string | null = null;
    if (plan.format === 'selaras.renstra') {
      const a = await upsertAgency(trx, regionId, plan.agency, 'dinas', newId, NOW);
      agencyId = a.id;
      for (const [k, v] of a.unitIds) unitIds.set(k, v);
    } else {
      for (const a of plan.agencies) await upsertAgency(trx, regionId, a, 'dinas', newId, NOW);
    }
    const periodId = await ensurePeriod(trx, regionId, plan.period, newId);
    return insertPlan(trx, { regionId, unitIds, newId }, plan, { periodId, agencyId, regionalPlanId }, NOW);
  });
};

describe.each(testDatabaseKinds(postgresUrl))('plans on %s', (kind) => {
  let h: DatabaseHandle;
  const regionId = 'kaltim';
  let rpdId = '';
  let renstraId = '';

  beforeAll(async () => {
    h = await createTestDatabase(kind, postgresUrl);
    await insertRegion(h.db, regionId, rpd.region, NOW);
    rpdId = await importPlan(h, regionId, rpd, null);
    renstraId = await importPlan(h, regionId, revised, rpdId);
  });
  afterAll(() => h.close());

  it('stores a regional plan and loads it back unchanged', async () => {
    const row = await findPlanByKey(h.db, regionId, rpd.id);
    expect(row?.id).toBe(rpdId);
    const back = await loadPlan(h.db, regionId, row as NonNullable<typeof row>);
    expect(normalise(back)).toEqual(normalise(rpd));
  });

  it('stores the Renstra (tree, indicators by year, pagu, composites, chapters) and loads it back unchanged', async () => {
    const row = await findPlanByKey(h.db, regionId, revised.id);
    const back = await loadPlan(h.db, regionId, row as NonNullable<typeof row>);
    expect(normalise(back)).toEqual(normalise(revised));
    expect(back.nodes).toHaveLength(revised.nodes.length);
  });

  it('keeps one row per indicator per year', async () => {
    const count = await h.db
      .selectFrom('indicator_target')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const expected = [rpd, revised].reduce(
      (s, p) => s + p.nodes.reduce((t, n) => t + n.indicators.reduce((u, i) => u + i.targets.size, 0), 0),
      0,
    );
    expect(Number(count.n)).toBe(expected);
  });

  it('removes a plan’s content, cascading through the tree', async () => {
    await h.db.transaction().execute((trx) => deletePlanContents(trx, regionId, renstraId));
    const nodes = await h.db.selectFrom('plan_node').select('id').where('plan_id', '=', renstraId).execute();
    const indicators = await h.db
      .selectFrom('indicator')
      .select('id')
      .where('plan_id', '=', renstraId)
      .execute();
    expect([nodes.length, indicators.length]).toEqual([0, 0]);
  });
});
