import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { addIndicator, addNode, grantRole, putUnit } from '@selaras/services';
import type { InjectOptions } from 'fastify';
import type { ApiHarness, Caller } from './harness.ts';

const SYSTEM = { kind: 'system', reason: 'test fixtures' } as const;
const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/kaltim');
const fixture = (name: string) =>
  JSON.parse(readFileSync(resolve(FIXTURES, name), 'utf8')) as Record<string, unknown>;

/** Which plan (and so which agency) a request targets. */
export type Target = 'pupr' | 'dinkes' | 'regional';

/** Ids of the demo the requests need. */
export interface Fixtures {
  readonly regionId: string;
  readonly plans: Record<Target, string>;
  readonly agencies: { readonly pupr: string; readonly dinkes: string };
  readonly rootNodes: Record<Target, string>;
  readonly indicators: Record<Target, string>;
  readonly someUserId: string;
}

export const loadFixtures = async (h: ApiHarness): Promise<Fixtures> => {
  const db = h.t.ctx.db;
  const plan = async (kind: string, agencyCode?: string) => {
    let q = db
      .selectFrom('plan')
      .innerJoin('agency', (j) => j.onRef('agency.id', '=', 'plan.agency_id'))
      .select('plan.id');
    if (agencyCode) q = q.where('agency.code', '=', agencyCode);
    return kind === 'regional'
      ? (await db.selectFrom('plan').select('id').where('kind', '=', 'regional').executeTakeFirstOrThrow()).id
      : (await q.executeTakeFirstOrThrow()).id;
  };
  const plans = {
    pupr: await plan('renstra', '1.03.1.04.0.00.01.0000'),
    dinkes: await plan('renstra', '1.02.0.00.0.00.01.0000'),
    regional: await plan('regional'),
  };
  const root = async (planId: string) =>
    (
      await db
        .selectFrom('plan_node')
        .select('id')
        .where('plan_id', '=', planId)
        .where('parent_id', 'is', null)
        .orderBy('sort_order')
        .executeTakeFirstOrThrow()
    ).id;
  const indicator = async (planId: string) =>
    (await db.selectFrom('indicator').select('id').where('plan_id', '=', planId).executeTakeFirstOrThrow())
      .id;
  const agency = async (code: string) =>
    (await db.selectFrom('agency').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  return {
    regionId: (await db.selectFrom('region').select('id').executeTakeFirstOrThrow()).id,
    plans,
    agencies: {
      pupr: await agency('1.03.1.04.0.00.01.0000'),
      dinkes: await agency('1.02.0.00.0.00.01.0000'),
    },
    rootNodes: {
      pupr: await root(plans.pupr),
      dinkes: await root(plans.dinkes),
      regional: await root(plans.regional),
    },
    indicators: {
      pupr: await indicator(plans.pupr),
      dinkes: await indicator(plans.dinkes),
      regional: await indicator(plans.regional),
    },
    someUserId: (
      await db.selectFrom('app_user').select('id').where('username', '=', 'viewer').executeTakeFirstOrThrow()
    ).id,
  };
};

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}`;

/** The current version tag of a resource, read as the admin would. */
const versionTag = async (h: ApiHarness, admin: Caller, url: string) =>
  (await h.call(admin, { method: 'GET', url })).headers.etag as string;

/** A throwaway node (and indicator) in a plan, made by the system, for requests that delete or move. */
const freshNode = async (h: ApiHarness, f: Fixtures, target: Target) =>
  addNode(h.t.ctx, SYSTEM, f.plans[target], {
    id: unique('tmp-'),
    parent: null,
    level: 'tujuan',
    statement: 'sementara',
  });

/** A section (or chapter) of a Renstra's chapters, by its key (or number), with its current tag read as the admin. */
const chapterPart = async (
  h: ApiHarness,
  f: Fixtures,
  target: Target,
  admin: Caller,
): Promise<{ section: { id: string; tag: string }; chapter: { id: string; tag: string } }> => {
  const chapters = (
    await h.call(admin, { method: 'GET', url: `/api/plans/${f.plans[target]}/chapters` })
  ).json() as { id: string; version: number; sections: { id: string; version: number }[] }[];
  const chapter = chapters[0];
  const section = chapter?.sections[0];
  if (!chapter || !section) throw new Error(`the ${target} plan has no chapters`);
  return {
    section: { id: section.id, tag: `"${section.version}"` },
    chapter: { id: chapter.id, tag: `"${chapter.version}"` },
  };
};

/**
 * A throwaway account with a reader role in the region, written straight to the tables (no slow
 * password hash): the target of account routes, so that no caller of the matrix acts on themself.
 */
const freshUser = async (h: ApiHarness, f: Fixtures): Promise<string> => {
  const id = h.t.ctx.newId();
  const now = new Date().toISOString();
  await h.t.ctx.db
    .insertInto('app_user')
    .values({
      id,
      username: unique('sementara.'),
      display_name: 'Akun Sementara',
      password_hash: 'not-a-hash',
      disabled: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await h.t.ctx.db
    .insertInto('role_assignment')
    .values({
      region_id: f.regionId,
      id: h.t.ctx.newId(),
      user_id: id,
      agency_id: null,
      role: 'viewer',
      created_at: now,
    })
    .execute();
  return id;
};

const agencyOf = (f: Fixtures, t: Target) => (t === 'dinkes' ? f.agencies.dinkes : f.agencies.pupr);

const richText = (text: string) => ({
  content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
});

const renstraFile: Record<'pupr' | 'dinkes', string> = {
  pupr: 'renstra-pupr-pera-2024-2026.revised.json',
  dinkes: 'renstra-dinkes-2024-2026.json',
};

/**
 * A valid request for every writing route, aimed at a target plan or agency. A new route without
 * an entry here fails the route test: every write route is in the permission matrix.
 */
export const WRITE_REQUESTS: Record<
  string,
  (h: ApiHarness, f: Fixtures, target: Target, admin: Caller) => Promise<InjectOptions>
> = {
  'PATCH /api/regions/:id': async (h, f, _t, admin) => ({
    method: 'PATCH',
    url: `/api/regions/${f.regionId}`,
    payload: { name: 'Provinsi Kalimantan Timur' },
    headers: { 'if-match': await versionTag(h, admin, `/api/regions/${f.regionId}`) },
  }),
  'POST /api/regions/:id/agencies': async (_h, f) => ({
    method: 'POST',
    url: `/api/regions/${f.regionId}/agencies`,
    payload: { agency: { code: unique('9.99.'), name: 'Badan Uji' } },
  }),
  'POST /api/regions/:id/periods': async (_h, f) => {
    const start = 2030 + (++counter % 150);
    return {
      method: 'POST',
      url: `/api/regions/${f.regionId}/periods`,
      payload: { kind: 'RPJMD', startYear: start, endYear: start + 4, baselineYear: start - 1 },
    };
  },
  'POST /api/regions/:id/plans': async (_h, f, t) => {
    const file = fixture(renstraFile[t === 'dinkes' ? 'dinkes' : 'pupr']);
    return {
      method: 'POST',
      url: `/api/regions/${f.regionId}/plans`,
      payload: { ...file, id: unique('impor-'), title: 'Impor uji' },
    };
  },
  'POST /api/regions/:id/renstra': async (_h, f, t) => ({
    method: 'POST',
    url: `/api/regions/${f.regionId}/renstra`,
    payload: {
      key: unique('baru-'),
      title: 'Renstra baru',
      agencyId: t === 'dinkes' ? f.agencies.dinkes : f.agencies.pupr,
      regionalPlanId: f.plans.regional,
    },
  }),
  'POST /api/regions/:id/users': async (_h, f) => ({
    method: 'POST',
    url: `/api/regions/${f.regionId}/users`,
    payload: {
      username: unique('pengguna'),
      displayName: 'Pengguna Uji',
      password: 'kata-sandi-panjang-1',
      roles: [{ role: 'viewer' }],
    },
  }),
  'POST /api/regions/:id/users/:userId/roles': async (h, f) => ({
    method: 'POST',
    url: `/api/regions/${f.regionId}/users/${await freshUser(h, f)}/roles`,
    payload: { role: 'bappeda_reviewer' },
  }),
  'DELETE /api/roles/:id': async (h, f) => {
    const granted = await grantRole(h.t.ctx, SYSTEM, f.regionId, await freshUser(h, f), {
      role: 'inspektorat_reviewer',
    });
    return { method: 'DELETE', url: `/api/roles/${granted.created[0]?.id}` };
  },
  'PATCH /api/users/:id': async (h, f) => ({
    method: 'PATCH',
    url: `/api/users/${await freshUser(h, f)}`,
    payload: { displayName: 'Nama Baru' },
    headers: { 'if-match': '"1"' },
  }),
  'POST /api/users/:id/password': async (h, f) => ({
    method: 'POST',
    url: `/api/users/${await freshUser(h, f)}/password`,
    payload: { password: 'kata-sandi-baru-panjang' },
  }),
  'PATCH /api/agencies/:id': async (h, f, t, admin) => {
    const id = t === 'dinkes' ? f.agencies.dinkes : f.agencies.pupr;
    const current = (await h.call(admin, { method: 'GET', url: `/api/agencies/${id}` })).json() as Record<
      string,
      unknown
    >;
    const { id: _i, regionId: _r, kind: _k, version, ...agency } = current;
    return {
      method: 'PATCH',
      url: `/api/agencies/${id}`,
      payload: agency,
      headers: { 'if-match': `"${version}"` },
    };
  },
  'POST /api/agencies/:id/units': async (_h, f, t) => ({
    method: 'POST',
    url: `/api/agencies/${t === 'dinkes' ? f.agencies.dinkes : f.agencies.pupr}/units`,
    payload: { id: unique('seksi_'), name: 'Seksi Uji', kind: 'seksi' },
  }),
  'DELETE /api/agencies/:id/units/:unitId': async (h, f, t) => {
    const unit = await putUnit(h.t.ctx, SYSTEM, agencyOf(f, t), {
      id: unique('pensiun_'),
      name: 'Seksi Pensiun',
      kind: 'seksi',
    });
    return {
      method: 'DELETE',
      url: `/api/agencies/${agencyOf(f, t)}/units/${unit.id}`,
      headers: { 'if-match': `"${unit.agencyVersion}"` },
    };
  },
  'PATCH /api/plans/:id': async (h, f, t, admin) => ({
    method: 'PATCH',
    url: `/api/plans/${f.plans[t]}`,
    payload: { note: 'catatan uji' },
    headers: { 'if-match': await versionTag(h, admin, `/api/plans/${f.plans[t]}`) },
  }),
  'PATCH /api/plans/:id/indicators': async (h, f, t, admin) => {
    const version = Number(
      (await versionTag(h, admin, `/api/indicators/${f.indicators[t]}`)).replace(/\D/g, ''),
    );
    return {
      method: 'PATCH',
      url: `/api/plans/${f.plans[t]}/indicators`,
      payload: { changes: [{ id: f.indicators[t], version, patch: { dataSource: 'BPS' } }] },
    };
  },
  'PATCH /api/plans/:id/nodes': async (h, f, t, admin) => {
    const version = Number((await versionTag(h, admin, `/api/nodes/${f.rootNodes[t]}`)).replace(/\D/g, ''));
    return {
      method: 'PATCH',
      url: `/api/plans/${f.plans[t]}/nodes`,
      payload: { changes: [{ id: f.rootNodes[t], version, patch: { location: 'Balikpapan' } }] },
    };
  },
  'PATCH /api/plans/:id/rows': async (h, f, t, admin) => {
    const indicator = Number(
      (await versionTag(h, admin, `/api/indicators/${f.indicators[t]}`)).replace(/\D/g, ''),
    );
    const node = Number((await versionTag(h, admin, `/api/nodes/${f.rootNodes[t]}`)).replace(/\D/g, ''));
    return {
      method: 'PATCH',
      url: `/api/plans/${f.plans[t]}/rows`,
      payload: {
        indicators: [{ id: f.indicators[t], version: indicator, patch: { dataSource: 'BPS Kaltim' } }],
        nodes: [{ id: f.rootNodes[t], version: node, patch: { location: 'Samarinda' } }],
      },
    };
  },
  'PUT /api/sections/:id/content': async (h, f, t, admin) => {
    const { section } = await chapterPart(h, f, t, admin);
    return {
      method: 'PUT',
      url: `/api/sections/${section.id}/content`,
      payload: richText('Subbab uji'),
      headers: { 'if-match': section.tag },
    };
  },
  'PUT /api/chapters/:id/intro': async (h, f, t, admin) => {
    const { chapter } = await chapterPart(h, f, t, admin);
    return {
      method: 'PUT',
      url: `/api/chapters/${chapter.id}/intro`,
      payload: richText('Pengantar uji'),
      headers: { 'if-match': chapter.tag },
    };
  },
  'POST /api/plans/:id/nodes': async (_h, f, t) => ({
    method: 'POST',
    url: `/api/plans/${f.plans[t]}/nodes`,
    payload: { id: unique('N-'), parent: null, level: 'tujuan', statement: 'Tujuan uji' },
  }),
  'PATCH /api/nodes/:id': async (h, f, t, admin) => ({
    method: 'PATCH',
    url: `/api/nodes/${f.rootNodes[t]}`,
    payload: { location: 'Samarinda' },
    headers: { 'if-match': await versionTag(h, admin, `/api/nodes/${f.rootNodes[t]}`) },
  }),
  'DELETE /api/nodes/:id': async (h, f, t) => ({
    method: 'DELETE',
    url: `/api/nodes/${(await freshNode(h, f, t)).id}`,
    headers: { 'if-match': '"1"' },
  }),
  'POST /api/nodes/:id/move': async (h, f, t) => ({
    method: 'POST',
    url: `/api/nodes/${(await freshNode(h, f, t)).id}/move`,
    payload: { parent: null, position: 0 },
    headers: { 'if-match': '"1"' },
  }),
  'POST /api/nodes/:id/clone': async (h, f, t) => ({
    method: 'POST',
    url: `/api/nodes/${(await freshNode(h, f, t)).id}/clone`,
    payload: { parent: null },
  }),
  'POST /api/nodes/:id/indicators': async (_h, f, t) => ({
    method: 'POST',
    url: `/api/nodes/${f.rootNodes[t]}/indicators`,
    payload: { id: unique('ind_'), name: 'Indikator uji', unit: '%' },
  }),
  'PATCH /api/indicators/:id': async (h, f, t, admin) => ({
    method: 'PATCH',
    url: `/api/indicators/${f.indicators[t]}`,
    payload: { dataSource: 'BPS' },
    headers: { 'if-match': await versionTag(h, admin, `/api/indicators/${f.indicators[t]}`) },
  }),
  'DELETE /api/indicators/:id': async (h, f, t) => {
    const node = await freshNode(h, f, t);
    const ind = await addIndicator(h.t.ctx, SYSTEM, node.id, {
      id: unique('hapus_'),
      name: 'Hapus',
      unit: '%',
    });
    return { method: 'DELETE', url: `/api/indicators/${ind.id}`, headers: { 'if-match': '"1"' } };
  },
};
