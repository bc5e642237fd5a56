import { type Actor, can, type PERMISSIONS } from '@selaras/services';
import { testDatabaseKinds } from '@selaras/services/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiHarness, type Caller, startApi } from './harness.ts';
import {
  type Fixtures,
  loadFixtures,
  resetReviewState,
  type Target,
  WRITE_REQUESTS,
} from './route-matrix.ts';

const postgresUrl = inject('postgresUrl');

/** One demo account per role (and a second agency's editor). */
const USERS = [
  'admin',
  'pupr.editor',
  'pupr.kadis',
  'dinkes.editor',
  'bappeda.reviewer',
  'bappeda.verifier',
  'inspektorat',
  'viewer',
];

const auditCount = async (h: ApiHarness) =>
  Number(
    (
      await h.t.ctx.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(testDatabaseKinds(postgresUrl))('routes on %s', (kind) => {
  let h: ApiHarness;
  let f: Fixtures;
  let admin: Caller;
  const actors = new Map<string, Actor>();

  beforeAll(async () => {
    h = await startApi(kind, postgresUrl);
    f = await loadFixtures(h);
    admin = await h.signIn('admin');
    for (const u of USERS) actors.set(u, await h.t.actor(u));
  });
  afterAll(() => h.close());

  const writeRoutes = () =>
    h.app.routeInfo.filter((r) => r.meta?.write && r.meta.action !== 'public' && r.meta.action !== 'self');

  it('declares a permission on every route, and the matrix has a request for every write route', () => {
    for (const r of h.app.routeInfo.filter(
      (x) => x.url.startsWith('/api/') && !x.url.startsWith('/api/docs'),
    )) {
      expect(r.meta, `${r.method} ${r.url}`).toBeDefined();
    }
    expect(
      writeRoutes()
        .map((r) => `${r.method} ${r.url}`)
        .sort(),
    ).toEqual(Object.keys(WRITE_REQUESTS).sort());
  });

  it('allows exactly what the permission table allows: every role × every write route × own, other agency and the regional plan; every accepted write is audited', async () => {
    const mismatches: string[] = [];
    let calls = 0;
    for (const route of writeRoutes()) {
      const meta = route.meta as NonNullable<typeof route.meta>;
      const action = meta.action as keyof typeof PERMISSIONS;
      // Regions and agencies have no regional plan to aim at; regional plans have no chapters and are not reviewed.
      const noRegional =
        /^\/api\/(regions|agencies|sections|chapters|findings|meetings|windows|crosscutting)(\/|$)/.test(
          route.url,
        );
      const targets: Target[] =
        meta.scope === 'agency'
          ? ['pupr', 'dinkes', ...(noRegional ? [] : (['regional'] as const))]
          : ['pupr'];
      for (const username of USERS) {
        const caller = await h.signIn(username);
        for (const target of targets) {
          const agencyId =
            meta.scope === 'agency'
              ? target === 'pupr'
                ? f.agencies.pupr
                : target === 'dinkes'
                  ? f.agencies.dinkes
                  : null
              : null;
          const allowed = can(actors.get(username) as Actor, action, { regionId: f.regionId, agencyId });
          const request = await WRITE_REQUESTS[`${route.method} ${route.url}`]?.(h, f, target, admin);
          const before = await auditCount(h);
          const res = await h.call(caller, request ?? { method: 'GET', url: '/' });
          calls++;
          const label = `${username} ${route.method} ${route.url} [${target}] → ${res.statusCode}`;
          if (res.statusCode >= 500) mismatches.push(`${label} (server error ${res.body})`);
          else if (allowed && (res.statusCode === 403 || res.statusCode === 401))
            mismatches.push(`${label}, expected allowed: ${res.body}`);
          else if (!allowed && res.statusCode !== 403) mismatches.push(`${label}, expected 403`);
          else if (res.statusCode < 300 && (await auditCount(h)) <= before)
            mismatches.push(`${label} left no audit entry`);
        }
      }
    }
    await resetReviewState(h, f);
    expect(mismatches).toEqual([]);
    expect(calls).toBeGreaterThan(300);
  });

  it('answers random and malformed bodies on every write route with 4xx, a code and field paths, never 5xx', async () => {
    const routes = writeRoutes();
    const problems: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(fc.jsonValue(), fc.object()),
        async (route, body) => {
          await resetReviewState(h, f);
          const request = await WRITE_REQUESTS[`${route.method} ${route.url}`]?.(h, f, 'pupr', admin);
          const res = await h.call(admin, {
            ...request,
            method: route.method as 'POST',
            payload: JSON.stringify(body),
            headers: { ...request?.headers, 'content-type': 'application/json' },
          });
          if (res.statusCode >= 500)
            problems.push(
              `${route.method} ${route.url} ${JSON.stringify(body).slice(0, 80)} → ${res.statusCode} ${res.body}`,
            );
          if (res.statusCode >= 400) {
            const err = (res.json() as { error?: { code?: string } }).error;
            if (!err?.code)
              problems.push(`${route.method} ${route.url} → ${res.statusCode} without an error code`);
          }
          return true;
        },
      ),
      { numRuns: 150 },
    );
    await resetReviewState(h, f);
    expect(problems).toEqual([]);
    const notJson = await h.call(admin, {
      method: 'POST',
      url: `/api/plans/${f.plans.pupr}/nodes`,
      payload: '{ not json',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.statusCode).toBe(400);
    expect((notJson.json() as { error: { code: string } }).error.code).toBe('INVALID_INPUT');
  });

  it('settles twenty concurrent updates of one indicator: one 200, nineteen 409 with the current state, one audit entry', async () => {
    const editor = await h.signIn('pupr.editor');
    const url = `/api/indicators/${f.indicators.pupr}`;
    const tag = (await h.call(editor, { method: 'GET', url })).headers.etag as string;
    const before = await h.t.ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_id', '=', f.indicators.pupr)
      .execute();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.call(editor, {
          method: 'PATCH',
          url,
          payload: { definition: `versi ${i}` },
          headers: { 'if-match': tag },
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, ...Array(19).fill(409)]);
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(r.json()).toMatchObject({
        error: { code: 'CONFLICT', details: { current: { id: f.indicators.pupr } } },
      });
    const after = await h.t.ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_id', '=', f.indicators.pupr)
      .execute();
    expect(after.length - before.length).toBe(1);
  });
});
