import { testDatabaseKinds } from '@selaras/services/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SESSION_COOKIE } from '../src/auth.ts';
import { type ApiHarness, startApi } from './harness.ts';

const postgresUrl = inject('postgresUrl');

describe.each(testDatabaseKinds(postgresUrl))('the API on %s', (kind) => {
  let h: ApiHarness;
  let puprPlanId = '';
  beforeAll(async () => {
    h = await startApi(kind, postgresUrl);
    const admin = await h.signIn('admin');
    const regions = (await h.call(admin, { method: 'GET', url: '/api/regions' })).json() as { id: string }[];
    const plans = (
      await h.call(admin, { method: 'GET', url: `/api/regions/${regions[0]?.id}/plans` })
    ).json() as { planId: string; key: string }[];
    puprPlanId = plans.find((p) => p.key === 'kaltim-pupr-pera-renstra-2024-2026')?.planId ?? '';
  });
  afterAll(() => h.close());

  it('answers /healthz and serves the OpenAPI document and its UI', async () => {
    expect((await h.call(undefined, { method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const doc = (await h.call(undefined, { method: 'GET', url: '/api/docs/json' })).json() as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/plans/{id}/validation', '/api/plans/{id}/scores', '/api/audit']),
    );
    expect((await h.call(undefined, { method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('signs in with a rotated HttpOnly, SameSite=Lax cookie, and signs out', async () => {
    const res = await h.call(undefined, {
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'viewer', password: 'demo-password-2024' },
    });
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const again = await h.call(undefined, {
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'viewer', password: 'demo-password-2024' },
    });
    expect(again.cookies.find((c) => c.name === SESSION_COOKIE)?.value).not.toBe(cookie?.value);
    const caller = {
      username: 'viewer',
      cookie: cookie?.value ?? '',
      csrf: (res.json() as { csrfToken: string }).csrfToken,
    };
    expect(
      (
        (await h.call(caller, { method: 'GET', url: '/api/auth/me' })).json() as {
          user: { username: string };
        }
      ).user.username,
    ).toBe('viewer');
    expect((await h.call(caller, { method: 'POST', url: '/api/auth/sign-out' })).statusCode).toBe(204);
    expect(
      ((await h.call(caller, { method: 'GET', url: '/api/auth/me' })).json() as { user: null }).user,
    ).toBeNull();
  });

  it('refuses a cookie write without the CSRF token, and accepts a bearer API token without one', async () => {
    const editor = await h.signIn('pupr.editor');
    const noCsrf = await h.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'skrip' },
      headers: { cookie: `${SESSION_COOKIE}=${editor.cookie}` },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({ error: { code: 'FORBIDDEN', details: { reason: 'csrf' } } });
    const created = await h.call(editor, {
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'skrip' },
    });
    expect(created.statusCode).toBe(201);
    const token = (created.json() as { token: string }).token;
    const viaToken = await h.app.inject({
      method: 'GET',
      url: `/api/plans/${puprPlanId}/validation`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(viaToken.statusCode).toBe(200);
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: { authorization: 'Bearer slr_nope' },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('revokes a token once: it stops working, and revoking it again records nothing', async () => {
    const editor = await h.signIn('pupr.kadis');
    const created = (
      await h.call(editor, { method: 'POST', url: '/api/auth/tokens', payload: { name: 'sekali' } })
    ).json() as { id: string; token: string };
    const audits = async () =>
      (
        await h.t.handle.db
          .selectFrom('audit_log')
          .select('id')
          .where('action', '=', 'token.revoke')
          .execute()
      ).length;
    const before = await audits();
    for (const _ of [1, 2])
      expect(
        (await h.call(editor, { method: 'DELETE', url: `/api/auth/tokens/${created.id}` })).statusCode,
      ).toBe(204);
    expect(await audits()).toBe(before + 1);
    const use = await h.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${created.token}` },
    });
    expect(use.statusCode).toBe(401);
  });

  it('names unknown query fields and explains a missing year', async () => {
    const viewer = await h.signIn('viewer');
    const unknown = await h.call(viewer, {
      method: 'GET',
      url: `/api/plans/${puprPlanId}/scores?year=2024&foo=1`,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      error: {
        code: 'INVALID_INPUT',
        details: { issues: [{ path: 'querystring.foo', message: 'not a known field; remove it' }] },
      },
    });
    const noYear = await h.call(viewer, { method: 'GET', url: `/api/plans/${puprPlanId}/scores` });
    expect(noYear.json()).toMatchObject({
      error: {
        details: { issues: [{ path: 'querystring.year', message: expect.stringContaining('?year=2024') }] },
      },
    });
  });

  it('backs off repeated failed sign-ins with 429 and Retry-After', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++)
      codes.push(
        (
          await h.call(undefined, {
            method: 'POST',
            url: '/api/auth/sign-in',
            payload: { username: 'inspektorat', password: 'wrong-password-x' },
          })
        ).statusCode,
      );
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const limited = await h.call(undefined, {
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'inspektorat', password: 'demo-password-2024' },
    });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('gives the plan with an ETag, 304 when unchanged, the tree, findings and scores', async () => {
    const viewer = await h.signIn('viewer');
    const plan = await h.call(viewer, { method: 'GET', url: `/api/plans/${puprPlanId}` });
    expect(plan.statusCode).toBe(200);
    const etag = plan.headers.etag as string;
    expect(
      (
        await h.call(viewer, {
          method: 'GET',
          url: `/api/plans/${puprPlanId}`,
          headers: { 'if-none-match': etag },
        })
      ).statusCode,
    ).toBe(304);
    for (const [header, status] of [
      [`"0.0", W/${etag}`, 304],
      ['*', 304],
      ['"0.0"', 200],
    ] as const) {
      const r = await h.call(viewer, {
        method: 'GET',
        url: `/api/plans/${puprPlanId}`,
        headers: { 'if-none-match': header },
      });
      expect(r.statusCode, header).toBe(status);
    }
    const tree = (await h.call(viewer, { method: 'GET', url: `/api/plans/${puprPlanId}/tree` })).json() as {
      nodes: { id: string; key: string }[];
    };
    expect(tree.nodes.length).toBeGreaterThan(80);
    const validation = (
      await h.call(viewer, { method: 'GET', url: `/api/plans/${puprPlanId}/validation` })
    ).json() as { summary: { error: number } };
    expect(validation.summary.error).toBeGreaterThan(0);
    const scores = (
      await h.call(viewer, { method: 'GET', url: `/api/plans/${puprPlanId}/scores?year=2024&explain=true` })
    ).json() as { composites: { value: number }[] };
    expect(scores.composites[0]?.value).toBe(7.74);
    const bad = await h.call(viewer, { method: 'GET', url: `/api/plans/${puprPlanId}/scores?year=dua` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: { code: 'INVALID_INPUT', details: { issues: [{ path: expect.stringContaining('year') }] } },
    });
  });

  it('has no route that changes the audit log', async () => {
    const admin = await h.signIn('admin');
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST'] as const) {
      expect((await h.call(admin, { method, url: '/api/audit' })).statusCode).toBe(404);
    }
    const writesToAudit = h.app.routeInfo.filter((r) => r.url.startsWith('/api/audit') && r.method !== 'GET');
    expect(writesToAudit).toEqual([]);
  });
});

describe('the health check', () => {
  it('answers 503 when the database does not answer', async () => {
    const h = await startApi('sqlite');
    await h.t.handle.close();
    const r = await h.call(undefined, { method: 'GET', url: '/healthz' });
    expect(r.statusCode).toBe(503);
    expect(r.json()).toEqual({ status: 'unavailable', reason: 'database' });
    await h.app.close();
  });
});
