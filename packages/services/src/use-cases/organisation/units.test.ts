import type { OrgUnit } from '@selaras/core';
import { testDatabaseKinds } from '@selaras/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../../permissions.ts';
import { appErrorOf, createTestServices, type TestServices } from '../../testing/index.ts';
import { getAgency, putUnit, updateAgency } from './agencies.ts';
import { unitParentProblems } from './unit-rules.ts';
import { retireUnit } from './units.ts';

const postgresUrl = inject('postgresUrl');
const PUPR = '1.03.1.04.0.00.01.0000';

const unit = (id: string, parent?: string) =>
  ({ id, name: id, kind: 'seksi', ...(parent !== undefined && { parent }) }) as OrgUnit;

describe('unitParentProblems', () => {
  const units = [unit('a'), unit('b', 'a'), unit('c', 'b')];
  it('accepts a parent that is another unit, not under the unit', () => {
    expect(unitParentProblems(units, [{ unit: unit('c', 'a'), path: '' }])).toEqual([]);
    expect(unitParentProblems(units, [{ unit: unit('a'), path: '' }])).toEqual([]);
  });
  it('names the unit itself, an unknown unit and a descendant at the parent path', () => {
    const problems = (u: OrgUnit) =>
      unitParentProblems(
        units.map((x) => (x.id === u.id ? u : x)),
        [{ unit: u, path: 'units.0.' }],
      );
    expect(problems(unit('a', 'a'))).toEqual([
      { path: 'units.0.parent', message: 'a unit cannot be its own parent' },
    ]);
    expect(problems(unit('a', 'x'))[0]?.message).toMatch(/"x" is not a unit of the agency/);
    expect(problems(unit('a', 'c'))[0]?.message).toMatch(/under "a"/);
  });
  it('ends on a cycle already stored elsewhere', () => {
    const stored = [unit('p', 'q'), unit('q', 'p'), unit('n')];
    expect(unitParentProblems(stored, [{ unit: unit('n', 'p'), path: '' }])).toEqual([]);
  });
});

describe.each(testDatabaseKinds(postgresUrl))('units on %s', (kind) => {
  let t: TestServices;
  let head: Actor;
  let agencyId = '';
  const version = async () => (await getAgency(t.ctx, head, agencyId)).version;

  beforeAll(async () => {
    t = await createTestServices(kind, postgresUrl);
    head = await t.actor('pupr.kadis');
    agencyId = (
      await t.ctx.db.selectFrom('agency').select('id').where('code', '=', PUPR).executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  it('refuses a parent that would make a cycle, or that is no unit, with the field path', async () => {
    const underItself = await appErrorOf(putUnit(t.ctx, head, agencyId, unit('bina_marga', 'bina_marga')));
    expect(underItself).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'parent' }] } });
    const underChild = await appErrorOf(
      putUnit(t.ctx, head, agencyId, { ...unit('bina_marga', 'seksi_pembangunan_jalan'), kind: 'bidang' }),
    );
    expect(underChild).toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [{ path: 'parent', message: expect.stringMatching(/own descendant/) }] },
    });
    const unknown = await appErrorOf(putUnit(t.ctx, head, agencyId, unit('seksi_baru', 'tidak_ada')));
    expect(unknown).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'parent' }] } });
    const current = await getAgency(t.ctx, head, agencyId);
    const { id: _i, regionId: _r, kind: _k, version: v, ...record } = current;
    const listed = await appErrorOf(
      updateAgency(t.ctx, head, agencyId, { ...record, units: [unit('kadis', 'sekretariat')] }, v),
    );
    expect(listed).toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [{ path: 'units.0.parent' }] },
    });
  });

  it('retires a unit nothing uses, with the agency’s version, and refuses one in use with the counts', async () => {
    const added = await putUnit(t.ctx, head, agencyId, unit('seksi_pensiun', 'bina_marga'));
    expect(await appErrorOf(retireUnit(t.ctx, head, agencyId, 'seksi_pensiun', undefined))).toMatchObject({
      code: 'PRECONDITION_REQUIRED',
    });
    expect(
      await appErrorOf(retireUnit(t.ctx, head, agencyId, 'seksi_pensiun', added.agencyVersion - 1)),
    ).toMatchObject({ code: 'CONFLICT', details: { current: { id: agencyId } } });
    expect(
      await appErrorOf(
        retireUnit(t.ctx, await t.actor('dinkes.editor'), agencyId, 'seksi_pensiun', added.agencyVersion),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const retired = await retireUnit(t.ctx, head, agencyId, 'seksi_pensiun', added.agencyVersion);
    expect(retired).toMatchObject({ id: 'seksi_pensiun', agencyVersion: added.agencyVersion + 1 });
    const after = await getAgency(t.ctx, head, agencyId);
    expect(after.version).toBe(added.agencyVersion + 1);
    expect(after.units.some((u) => u.id === 'seksi_pensiun')).toBe(false);
    expect(await appErrorOf(retireUnit(t.ctx, head, agencyId, 'seksi_pensiun', after.version))).toMatchObject(
      {
        code: 'NOT_FOUND',
      },
    );
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', retired.rowId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['unit.add', 'unit.retire']);

    expect(await appErrorOf(retireUnit(t.ctx, head, agencyId, 'bina_marga', await version()))).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'unit-has-units', units: expect.any(Number) },
    });
    const used = await t.ctx.db
      .selectFrom('plan_node')
      .innerJoin('org_unit', 'org_unit.id', 'plan_node.owner_unit_id')
      .select('org_unit.unit_key')
      .where('org_unit.agency_id', '=', agencyId)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('org_unit as child')
              .select('child.id')
              .whereRef('child.parent_id', '=', 'org_unit.id'),
          ),
        ),
      )
      .executeTakeFirstOrThrow();
    const inUse = await appErrorOf(retireUnit(t.ctx, head, agencyId, used.unit_key, await version()));
    expect(inUse).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'unit-in-use', nodes: expect.any(Number), indicators: expect.any(Number) },
    });
    expect((inUse?.details as { nodes: number } | undefined)?.nodes).toBeGreaterThan(0);
    expect(inUse?.message).toMatch(/still used by \d+ node\(s\) and \d+ indicator\(s\)/);
  });
});
