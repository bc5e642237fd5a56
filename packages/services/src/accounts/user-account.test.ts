import { testDatabaseKinds } from '@selaras/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../permissions.ts';
import { appErrorOf, createTestServices, DEMO_PASSWORD, type TestServices } from '../testing/index.ts';
import { createRegion } from '../use-cases/organisation/regions.ts';
import { listRegionUsers } from './region-users.ts';
import { authenticateSession, signIn } from './sessions.ts';
import { getUser, setUserPassword, updateUser } from './user-account.ts';
import { createUser, grantRole, revokeRole } from './users.ts';

const postgresUrl = inject('postgresUrl');
const SYSTEM = { kind: 'system', reason: 'test' } as const;

describe.each(testDatabaseKinds(postgresUrl))('accounts on %s', (kind) => {
  let t: TestServices;
  let admin: Actor;
  const idOf = async (username: string) =>
    (
      await t.ctx.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).id;
  const versionOf = async (userId: string) => (await getUser(t.ctx, admin, userId)).version;
  let address = 0;
  const signInAs = (username: string, password = DEMO_PASSWORD) =>
    signIn(t.ctx, { username, password }, `10.0.0.${++address}`);

  beforeAll(async () => {
    t = await createTestServices(kind, postgresUrl);
    admin = await t.actor('admin');
  });
  afterAll(() => t.close());

  it('shows an account to its region’s admin and to the user, and to nobody else', async () => {
    const editorId = await idOf('pupr.editor');
    const shown = await getUser(t.ctx, admin, editorId);
    expect(shown).toMatchObject({
      id: editorId,
      username: 'pupr.editor',
      disabled: false,
      version: 1,
      roles: [{ role: 'agency_editor', regionId: t.regionId, id: expect.any(String) }],
    });
    expect((await getUser(t.ctx, await t.actor('pupr.editor'), editorId)).username).toBe('pupr.editor');
    expect(await appErrorOf(getUser(t.ctx, await t.actor('viewer'), editorId))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await appErrorOf(getUser(t.ctx, admin, 'no-such-user'))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets a user change their display name, but only an admin disables, never themself', async () => {
    const viewerId = await idOf('viewer');
    const viewer = await t.actor('viewer');
    const renamed = await updateUser(
      t.ctx,
      viewer,
      viewerId,
      { displayName: '  Pembaca Kaltim  ' },
      await versionOf(viewerId),
    );
    expect(renamed).toMatchObject({ displayName: 'Pembaca Kaltim', version: 2 });
    expect(
      await appErrorOf(updateUser(t.ctx, viewer, viewerId, { disabled: true }, renamed.version)),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const adminId = await idOf('admin');
    expect(
      await appErrorOf(updateUser(t.ctx, admin, adminId, { disabled: true }, await versionOf(adminId))),
    ).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'disabled' }] } });
    expect(await appErrorOf(updateUser(t.ctx, admin, viewerId, {}, renamed.version))).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(
      await appErrorOf(updateUser(t.ctx, admin, viewerId, { displayName: 'X' }, undefined)),
    ).toMatchObject({
      code: 'PRECONDITION_REQUIRED',
    });
    expect(await appErrorOf(updateUser(t.ctx, admin, viewerId, { displayName: 'X' }, 1))).toMatchObject({
      code: 'CONFLICT',
      details: { current: { id: viewerId, version: 2, displayName: 'Pembaca Kaltim' } },
    });
  });

  it('disables an account: its sessions end and sign-in fails as with a wrong password; enabling undoes it', async () => {
    const id = await idOf('dinkes.editor');
    const session = await signInAs('dinkes.editor');
    expect(await authenticateSession(t.ctx, session.token)).toBeDefined();
    const disabled = await updateUser(t.ctx, admin, id, { disabled: true }, await versionOf(id));
    expect(disabled.disabled).toBe(true);
    expect(await authenticateSession(t.ctx, session.token)).toBeUndefined();
    const refused = await appErrorOf(signInAs('dinkes.editor'));
    const wrong = await appErrorOf(signInAs('pupr.kadis', 'not-the-password'));
    expect(refused).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(refused?.message).toBe(wrong?.message);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_id', '=', id)
      .where('action', '=', 'user.update')
      .execute();
    expect(JSON.parse(audit.at(-1)?.after ?? '{}')).toMatchObject({ disabled: true, sessionsEnded: 1 });
    await updateUser(t.ctx, admin, id, { disabled: false }, disabled.version);
    expect((await signInAs('dinkes.editor')).actor.username).toBe('dinkes.editor');
  });

  it('never leaves a region without an enabled admin', async () => {
    const other = await createRegion(t.ctx, SYSTEM, {
      code: '65',
      name: 'Provinsi Kalimantan Utara',
      kind: 'provinsi',
    });
    const created = await createUser(t.ctx, SYSTEM, other.id, {
      username: 'kaltara.admin',
      displayName: 'Admin Kaltara',
      password: 'kata-sandi-kaltara-1',
      roles: [{ role: 'admin' }],
    });
    await grantRole(t.ctx, SYSTEM, t.regionId, created.id, { role: 'viewer' });
    // Kaltim's admin manages the account (it has a role in Kaltim), but it is Kaltara's only admin.
    const refused = await appErrorOf(updateUser(t.ctx, admin, created.id, { disabled: true }, 1));
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'last-admin', regionId: other.id },
    });
    expect(refused?.message).toContain('Provinsi Kalimantan Utara');
    const grant = (await getUser(t.ctx, SYSTEM, created.id)).roles.find((r) => r.role === 'admin');
    expect(await appErrorOf(revokeRole(t.ctx, SYSTEM, grant?.id ?? ''))).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'last-admin' },
    });
    // Kaltim's admin sees only the Kaltim role of the account.
    expect((await getUser(t.ctx, admin, created.id)).roles.map((r) => r.role)).toEqual(['viewer']);
  });

  it('lets an admin set a password (ending every session) and a user change theirs with the current one', async () => {
    const id = await idOf('bappeda.verifier');
    const old = await signInAs('bappeda.verifier');
    const policy = await appErrorOf(setUserPassword(t.ctx, admin, id, { password: 'pendek' }));
    expect(policy).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'password' }] } });
    const set = await setUserPassword(t.ctx, admin, id, { password: 'sandi-baru-verifikator' });
    expect(set).toMatchObject({ sessionsEnded: 1, version: 2 });
    expect(await authenticateSession(t.ctx, old.token)).toBeUndefined();
    const mine = await signInAs('bappeda.verifier', 'sandi-baru-verifikator');
    const other = await signInAs('bappeda.verifier', 'sandi-baru-verifikator');
    const self = mine.actor;
    expect(
      await appErrorOf(setUserPassword(t.ctx, self, id, { password: 'sandi-ketiga-verifikator' })),
    ).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'currentPassword' }] } });
    expect(
      await appErrorOf(
        setUserPassword(t.ctx, self, id, {
          password: 'sandi-ketiga-verifikator',
          currentPassword: 'salah-sekali',
        }),
      ),
    ).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'currentPassword' }] } });
    const mySession = await authenticateSession(t.ctx, mine.token);
    const changed = await setUserPassword(
      t.ctx,
      self,
      id,
      { password: 'sandi-ketiga-verifikator', currentPassword: 'sandi-baru-verifikator' },
      mySession?.sessionId,
    );
    expect(changed.sessionsEnded).toBe(1);
    expect(await authenticateSession(t.ctx, mine.token)).toBeDefined();
    expect(await authenticateSession(t.ctx, other.token)).toBeUndefined();
    expect(
      await appErrorOf(
        setUserPassword(t.ctx, await t.actor('viewer'), id, { password: 'sandi-keempat-panjang' }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a role the user already has with 409, answers the ids of new roles, refuses one listed twice', async () => {
    const id = await idOf('inspektorat');
    const held = (await getUser(t.ctx, admin, id)).roles[0];
    const again = await appErrorOf(
      grantRole(t.ctx, admin, t.regionId, id, { role: 'inspektorat_reviewer', agencyId: held?.agencyId }),
    );
    expect(again).toMatchObject({ code: 'CONFLICT', details: { reason: 'role-held' } });
    expect(again?.message).toMatch(/inspektorat already has the role inspektorat_reviewer in Inspektorat/);
    const given = await grantRole(t.ctx, admin, t.regionId, id, { role: 'viewer' });
    expect(given.created).toEqual([
      { id: expect.any(String), regionId: t.regionId, agencyId: null, role: 'viewer' },
    ]);
    expect(given.roles.map((r) => r.id)).toContain(given.created[0]?.id);
    const twice = await appErrorOf(
      createUser(t.ctx, admin, t.regionId, {
        username: 'dua.kali',
        displayName: 'Dua Kali',
        password: 'kata-sandi-panjang-2',
        roles: [{ role: 'viewer' }, { role: 'viewer' }],
      }),
    );
    expect(twice).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'roles.1' }] } });
  });

  it('keeps listing an account made in the region after its last role is taken, when asked to', async () => {
    const made = await createUser(t.ctx, admin, t.regionId, {
      username: 'tanpa.peran',
      displayName: 'Tanpa Peran',
      password: 'kata-sandi-panjang-3',
      roles: [{ role: 'viewer' }],
    });
    const grant = (await getUser(t.ctx, admin, made.id)).roles[0];
    await revokeRole(t.ctx, admin, grant?.id ?? '');
    const names = async (includeWithoutRoles: boolean) =>
      (await listRegionUsers(t.ctx, admin, t.regionId, { includeWithoutRoles })).map((u) => u.username);
    expect(await names(false)).not.toContain('tanpa.peran');
    const all = await listRegionUsers(t.ctx, admin, t.regionId, { includeWithoutRoles: true });
    expect(all.find((u) => u.username === 'tanpa.peran')).toMatchObject({ roles: [], version: 1 });
    expect(all.map((u) => u.username)).toEqual([...all.map((u) => u.username)].sort());
    // Its region's admin still manages it, and can give it a role again.
    expect((await getUser(t.ctx, admin, made.id)).roles).toEqual([]);
    await grantRole(t.ctx, admin, t.regionId, made.id, { role: 'viewer' });
    expect(await names(false)).toContain('tanpa.peran');
  });
});
