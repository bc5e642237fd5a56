import type { RegionUserRow } from '@selaras/services';
import { DEMO_PASSWORD, testDatabaseKinds } from '@selaras/services/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SESSION_COOKIE } from '../src/auth.ts';
import { type ApiHarness, type Caller, startApi } from './harness.ts';

const postgresUrl = inject('postgresUrl');

type UserBody = RegionUserRow;

describe.each(testDatabaseKinds(postgresUrl))('accounts and units over HTTP on %s', (kind) => {
  let h: ApiHarness;
  let admin: Caller;
  let regionId = '';
  const users = async (query = '') =>
    (
      await h.call(admin, { method: 'GET', url: `/api/regions/${regionId}/users${query}` })
    ).json() as UserBody[];
  const userId = async (username: string) => (await users()).find((u) => u.username === username)?.id ?? '';
  /** A fresh session (not the harness's cached one), so ending sessions does not break other tests. */
  const freshSignIn = async (username: string, password = DEMO_PASSWORD): Promise<Caller> => {
    const res = await h.call(undefined, {
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username, password },
    });
    expect(res.statusCode).toBe(200);
    return {
      username,
      cookie: res.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '',
      csrf: (res.json() as { csrfToken: string }).csrfToken,
    };
  };
  const me = async (c: Caller) =>
    (
      (await h.call(c, { method: 'GET', url: '/api/auth/me' })).json() as {
        user: { username: string } | null;
      }
    ).user;

  beforeAll(async () => {
    h = await startApi(kind, postgresUrl);
    admin = await h.signIn('admin');
    regionId = h.t.regionId;
  });
  afterAll(() => h.close());

  it('reads an account with its ETag, for its admin and the user themself', async () => {
    const id = await userId('pupr.editor');
    const res = await h.call(admin, { method: 'GET', url: `/api/users/${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({
      username: 'pupr.editor',
      disabled: false,
      roles: [{ role: 'agency_editor' }],
    });
    const self = await h.signIn('pupr.editor');
    expect((await h.call(self, { method: 'GET', url: `/api/users/${id}` })).statusCode).toBe(200);
    const other = await h.signIn('dinkes.editor');
    expect((await h.call(other, { method: 'GET', url: `/api/users/${id}` })).statusCode).toBe(403);
  });

  it('disables an account: its session is gone at once and sign-in answers as for a wrong password', async () => {
    const id = await userId('pupr.kadis');
    const kadis = await freshSignIn('pupr.kadis');
    expect((await me(kadis))?.username).toBe('pupr.kadis');
    const url = `/api/users/${id}`;
    expect((await h.call(admin, { method: 'PATCH', url, payload: { disabled: true } })).statusCode).toBe(428);
    const res = await h.call(admin, {
      method: 'PATCH',
      url,
      payload: { disabled: true },
      headers: { 'if-match': '"1"' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(await me(kadis)).toBeNull();
    const refused = await h.call(undefined, {
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'pupr.kadis', password: DEMO_PASSWORD },
    });
    const wrong = await h.call(undefined, {
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'viewer', password: 'bukan-kata-sandinya' },
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toEqual(wrong.json());
    const listed = (await users()).find((u) => u.id === id);
    expect(listed).toMatchObject({ disabled: true, version: 2 });
    // Not their own account, and not with a bad field.
    const adminId = await userId('admin');
    const self = await h.call(admin, {
      method: 'PATCH',
      url: `/api/users/${adminId}`,
      payload: { disabled: true },
      headers: { 'if-match': '"1"' },
    });
    expect(self.statusCode).toBe(400);
    expect(self.json()).toMatchObject({ error: { details: { issues: [{ path: 'disabled' }] } } });
    const bad = await h.call(admin, {
      method: 'PATCH',
      url,
      payload: { disabled: 'ya' },
      headers: { 'if-match': '"2"' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { details: { issues: [{ path: 'body.disabled' }] } } });
    const enabled = await h.call(admin, {
      method: 'PATCH',
      url,
      payload: { disabled: false },
      headers: { 'if-match': '"2"' },
    });
    expect(enabled.statusCode).toBe(200);
    expect(await me(await freshSignIn('pupr.kadis'))).toMatchObject({ username: 'pupr.kadis' });
  });

  it('changes your own password with the current one, keeping this session and ending the others', async () => {
    const id = await userId('bappeda.reviewer');
    const here = await freshSignIn('bappeda.reviewer');
    const elsewhere = await freshSignIn('bappeda.reviewer');
    const url = `/api/users/${id}/password`;
    const missing = await h.call(here, { method: 'POST', url, payload: { password: 'sandi-baru-penelaah' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: { details: { issues: [{ path: 'currentPassword' }] } } });
    const res = await h.call(here, {
      method: 'POST',
      url,
      payload: { password: 'sandi-baru-penelaah', currentPassword: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ sessionsEnded: 1, username: 'bappeda.reviewer' });
    expect(await me(here)).toMatchObject({ username: 'bappeda.reviewer' });
    expect(await me(elsewhere)).toBeNull();
    await freshSignIn('bappeda.reviewer', 'sandi-baru-penelaah');
    // Someone else's password is for admins only.
    const other = await h.call(here, {
      method: 'POST',
      url: `/api/users/${await userId('viewer')}/password`,
      payload: { password: 'sandi-baru-pembaca' },
    });
    expect(other.statusCode).toBe(403);
  });

  it('refuses a role the user has with 409, answers new role ids, and lists accounts without roles when asked', async () => {
    const id = await userId('viewer');
    const url = `/api/regions/${regionId}/users/${id}/roles`;
    const again = await h.call(admin, { method: 'POST', url, payload: { role: 'viewer' } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'CONFLICT', details: { reason: 'role-held' } } });
    const given = await h.call(admin, { method: 'POST', url, payload: { role: 'bappeda_reviewer' } });
    expect(given.statusCode).toBe(201);
    const body = given.json() as {
      userId: string;
      created: { id: string; role: string }[];
      roles: unknown[];
    };
    expect(body).toMatchObject({
      userId: id,
      created: [{ role: 'bappeda_reviewer', id: expect.any(String) }],
    });
    expect(body.roles).toHaveLength(2);
    for (const r of (await users()).find((u) => u.id === id)?.roles ?? [])
      expect((await h.call(admin, { method: 'DELETE', url: `/api/roles/${r.id}` })).statusCode).toBe(204);
    expect((await users()).some((u) => u.id === id)).toBe(false);
    expect((await users('?includeWithoutRoles=true')).find((u) => u.id === id)).toMatchObject({ roles: [] });
    expect(
      (await h.call(admin, { method: 'GET', url: `/api/regions/${regionId}/users?semua=1` })).statusCode,
    ).toBe(400);
  });

  it('retires an unused unit with If-Match and refuses a unit in use with 409 and its counts', async () => {
    const agencies = (
      await h.call(admin, { method: 'GET', url: `/api/regions/${regionId}/agencies` })
    ).json() as { id: string; code: string }[];
    const agencyId = agencies.find((a) => a.code === '1.03.1.04.0.00.01.0000')?.id ?? '';
    const added = await h.call(admin, {
      method: 'POST',
      url: `/api/agencies/${agencyId}/units`,
      payload: { id: 'seksi_sementara', name: 'Seksi Sementara', kind: 'seksi', parent: 'bina_marga' },
    });
    const { agencyVersion } = added.json() as { agencyVersion: number };
    const url = `/api/agencies/${agencyId}/units/seksi_sementara`;
    expect((await h.call(admin, { method: 'DELETE', url })).statusCode).toBe(428);
    const retired = await h.call(admin, {
      method: 'DELETE',
      url,
      headers: { 'if-match': `"${agencyVersion}"` },
    });
    expect(retired.statusCode).toBe(200);
    expect(retired.headers.etag).toBe(`"${agencyVersion + 1}"`);
    expect(retired.json()).toMatchObject({ id: 'seksi_sementara', agencyVersion: agencyVersion + 1 });
    const parent = await h.call(admin, {
      method: 'DELETE',
      url: `/api/agencies/${agencyId}/units/bina_marga`,
      headers: { 'if-match': `"${agencyVersion + 1}"` },
    });
    expect(parent.statusCode).toBe(409);
    expect(parent.json()).toMatchObject({ error: { details: { reason: 'unit-has-units' } } });
    const cycle = await h.call(admin, {
      method: 'POST',
      url: `/api/agencies/${agencyId}/units`,
      payload: { id: 'kadis', name: 'Kepala Dinas', kind: 'pimpinan', parent: 'bina_marga' },
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json()).toMatchObject({ error: { details: { issues: [{ path: 'parent' }] } } });
  });
});
