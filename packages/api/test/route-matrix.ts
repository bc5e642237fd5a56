import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { VERIFICATION_CRITERIA } from '@selaras/core';
import {
  addIndicator,
  addNode,
  createFinding,
  createMeeting,
  createWindow,
  grantRole,
  proposeCrosscutting,
  putUnit,
  submitPlan,
} from '@selaras/services';
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
/** A meeting record for the meeting routes. */
const MEETING = {
  title: 'Rapat verifikasi uji',
  date: '2026-01-10',
  place: 'Balikpapan',
  chair: { name: 'Ketua Rapat' },
};

/** An official letter for submissions in the matrix. */
const LETTER = {
  number: '050/1/uji/2026',
  date: '2026-01-05',
  place: 'Samarinda',
  subject: 'Penyampaian Rancangan Renstra',
  addressee: { position: 'Kepala Bappeda' },
  signatory: { name: 'Kepala Dinas', position: 'Kepala Dinas' },
};

/**
 * Puts the target Renstra under review for the review routes: submitted by the system the first
 * time (a real submission, snapshot and letter); later, whatever earlier requests did to it
 * (returned, verified, moved on), set back under review directly, as only a test may.
 */
const underReview = async (h: ApiHarness, f: Fixtures, target: Target): Promise<void> => {
  if (target === 'regional') return;
  const db = h.t.ctx.db;
  const plan = await db
    .selectFrom('plan')
    .select(['review_state', 'review_round', 'version', 'content_version'])
    .where('id', '=', f.plans[target])
    .executeTakeFirstOrThrow();
  if (plan.review_state === 'draft' && plan.review_round === 0)
    await submitPlan(
      h.t.ctx,
      SYSTEM,
      f.plans[target],
      { letter: LETTER },
      `"${plan.version}.${plan.content_version}"`,
    );
  else if (!['submitted', 'in-review', 'resubmitted'].includes(plan.review_state))
    await db
      .updateTable('plan')
      .set({ review_state: 'in-review', review_round: Math.max(1, plan.review_round) })
      .where('id', '=', f.plans[target])
      .execute();
};

/** Sets the demo Renstra back to drafts (after review routes ran), so other requests can edit them. */
export const resetReviewState = async (h: ApiHarness, f: Fixtures): Promise<void> => {
  await h.t.ctx.db
    .updateTable('plan')
    .set({ review_state: 'draft', unlocked: null })
    .where('id', 'in', [f.plans.pupr, f.plans.dinkes])
    .execute();
};

/** A finding on the target plan (recorded by the system for Bappeda), with its tag. */
const freshFinding = async (h: ApiHarness, f: Fixtures, target: Target) => {
  await underReview(h, f, target);
  const finding = await createFinding(h.t.ctx, SYSTEM, f.plans[target], {
    anchor: { type: 'tree' },
    category: 'data',
    text: 'Temuan uji',
  });
  return { id: finding.id, tag: `"${finding.version}"` };
};

/** The plan's current entity tag. */
const planTag = async (h: ApiHarness, admin: Caller, f: Fixtures, target: Target) =>
  versionTag(h, admin, `/api/plans/${f.plans[target]}`);

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
  'POST /api/plans/:id/submit': async (h, f, t, admin) => ({
    method: 'POST',
    url: `/api/plans/${f.plans[t]}/submit`,
    payload: { letter: LETTER },
    headers: { 'if-match': await planTag(h, admin, f, t) },
  }),
  'POST /api/plans/:id/return': async (h, f, t, admin) => {
    await underReview(h, f, t);
    return {
      method: 'POST',
      url: `/api/plans/${f.plans[t]}/return`,
      payload: {},
      headers: { 'if-match': await planTag(h, admin, f, t) },
    };
  },
  'POST /api/plans/:id/verify': async (h, f, t, admin) => ({
    method: 'POST',
    url: `/api/plans/${f.plans[t]}/verify`,
    payload: { checklist: VERIFICATION_CRITERIA.map((c) => ({ key: c.key, pass: true })) },
    headers: { 'if-match': await planTag(h, admin, f, t) },
  }),
  'POST /api/plans/:id/advance': async (h, f, t, admin) => ({
    method: 'POST',
    url: `/api/plans/${f.plans[t]}/advance`,
    payload: {},
    headers: { 'if-match': await planTag(h, admin, f, t) },
  }),
  'POST /api/plans/:id/enact': async (h, f, t, admin) => ({
    method: 'POST',
    url: `/api/plans/${f.plans[t]}/enact`,
    payload: { instrument: { kind: 'Peraturan Gubernur', number: '1 Tahun 2026', date: '2026-02-01' } },
    headers: { 'if-match': await planTag(h, admin, f, t) },
  }),
  'POST /api/plans/:id/amend': async (_h, f, t) => ({
    method: 'POST',
    url: `/api/plans/${f.plans[t]}/amend`,
    payload: {},
  }),
  'POST /api/plans/:id/findings': async (h, f, t) => {
    await underReview(h, f, t);
    return {
      method: 'POST',
      url: `/api/plans/${f.plans[t]}/findings`,
      payload: { anchor: { type: 'chapter', chapter: 2 }, category: 'data', text: 'Perbarui data' },
    };
  },
  'POST /api/findings/:id/answer': async (h, f, t) => {
    const finding = await freshFinding(h, f, t);
    return {
      method: 'POST',
      url: `/api/findings/${finding.id}/answer`,
      payload: { text: 'Sudah diperbaiki' },
      headers: { 'if-match': finding.tag },
    };
  },
  'POST /api/findings/:id/actions': async (h, f, t) => {
    const finding = await freshFinding(h, f, t);
    return {
      method: 'POST',
      url: `/api/findings/${finding.id}/actions`,
      payload: { action: 'resolve', text: 'Selesai' },
      headers: { 'if-match': finding.tag },
    };
  },
  'POST /api/plans/:id/verdicts': async (h, f, t) => {
    await underReview(h, f, t);
    return {
      method: 'POST',
      url: `/api/plans/${f.plans[t]}/verdicts`,
      payload: { verdict: 'revise', note: 'Perbaiki' },
    };
  },
  'POST /api/plans/:id/meetings': async (h, f, t) => {
    await underReview(h, f, t);
    return { method: 'POST', url: `/api/plans/${f.plans[t]}/meetings`, payload: MEETING };
  },
  'PUT /api/meetings/:id': async (h, f, t) => {
    await underReview(h, f, t);
    const m = await createMeeting(h.t.ctx, SYSTEM, f.plans[t], MEETING);
    return {
      method: 'PUT',
      url: `/api/meetings/${m.id}`,
      payload: { ...MEETING, place: 'Samarinda' },
      headers: { 'if-match': `"${m.version}"` },
    };
  },
  'POST /api/regions/:id/windows': async (_h, f) => ({
    method: 'POST',
    url: `/api/regions/${f.regionId}/windows`,
    payload: { stage: 'rancangan', opensOn: '2020-01-01', closesOn: '2099-12-31' },
  }),
  'PATCH /api/windows/:id': async (h, f) => {
    const w = await createWindow(h.t.ctx, SYSTEM, f.regionId, {
      stage: 'rancangan-awal',
      opensOn: '2020-01-01',
      closesOn: '2099-12-31',
    });
    return {
      method: 'PATCH',
      url: `/api/windows/${w.id}`,
      payload: { note: 'Diperpanjang' },
      headers: { 'if-match': `"${w.version}"` },
    };
  },
  'DELETE /api/windows/:id': async (h, f) => {
    const w = await createWindow(h.t.ctx, SYSTEM, f.regionId, {
      stage: 'rancangan-awal',
      opensOn: '2020-01-01',
      closesOn: '2099-12-31',
    });
    return { method: 'DELETE', url: `/api/windows/${w.id}`, headers: { 'if-match': `"${w.version}"` } };
  },
  'POST /api/crosscutting': async (h, f, t) => {
    const partner: Target = t === 'pupr' ? 'dinkes' : 'pupr';
    const key = async (target: Target) =>
      (
        await h.t.ctx.db
          .selectFrom('plan_node')
          .select('node_key')
          .where('id', '=', f.rootNodes[target])
          .executeTakeFirstOrThrow()
      ).node_key;
    return {
      method: 'POST',
      url: '/api/crosscutting',
      payload: {
        planId: f.plans[t],
        nodeKey: await key(t),
        partnerPlanId: f.plans[partner],
        partnerNodeKey: await key(partner),
        contribution: 'Data bersama',
      },
    };
  },
  'POST /api/crosscutting/:id/decision': async (h, f, t) => {
    const from: Target = t === 'pupr' ? 'dinkes' : 'pupr';
    const key = async (target: Target) =>
      (
        await h.t.ctx.db
          .selectFrom('plan_node')
          .select('node_key')
          .where('id', '=', f.rootNodes[target])
          .executeTakeFirstOrThrow()
      ).node_key;
    const req = await proposeCrosscutting(h.t.ctx, SYSTEM, {
      planId: f.plans[from],
      nodeKey: await key(from),
      partnerPlanId: f.plans[t],
      partnerNodeKey: await key(t),
      contribution: 'Kontribusi uji',
    });
    return {
      method: 'POST',
      url: `/api/crosscutting/${req.id}/decision`,
      payload: { decision: 'accept' },
      headers: { 'if-match': `"${req.version}"` },
    };
  },
};
