import { testDatabaseKinds } from '@selaras/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppError } from '../app-error.ts';
import type { ServiceContext } from '../context.ts';
import { createTestServices, DEMO_PASSWORD, type TestServices } from '../testing/index.ts';
import { authenticateSession, purgeExpiredSessions, signIn } from './sessions.ts';

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

describe.each(testDatabaseKinds(postgresUrl))('sessions on %s', (kind) => {
  let t: TestServices;
  let clock = new Date('2026-03-02T08:00:00Z');
  let ctx: ServiceContext;
  const later = (minutes: number) => {
    clock = new Date(clock.getTime() + minutes * 60_000);
  };

  beforeAll(async () => {
    t = await createTestServices(kind, postgresUrl);
    ctx = { ...t.ctx, now: () => clock };
  });
  afterAll(() => t.close());

  it('backs off after five failures in an hour, but forgets failures older than an hour', async () => {
    const wrong = { username: 'pupr.kadis', password: 'not-the-password' };
    for (let i = 0; i < 4; i += 1)
      expect(await codeOf(signIn(ctx, wrong, '10.0.0.1'))).toBe('UNAUTHENTICATED');
    later(120);
    for (let i = 0; i < 2; i += 1)
      expect(await codeOf(signIn(ctx, wrong, '10.0.0.1'))).toBe('UNAUTHENTICATED');
    // Six failures in all, but only two recent ones: not locked.
    expect(await codeOf(signIn(ctx, { username: 'pupr.kadis', password: DEMO_PASSWORD }, '10.0.0.1'))).toBe(
      'ok',
    );

    for (let i = 0; i < 6; i += 1) await codeOf(signIn(ctx, wrong, '10.0.0.2'));
    expect(await codeOf(signIn(ctx, { username: 'pupr.kadis', password: DEMO_PASSWORD }, '10.0.0.2'))).toBe(
      'RATE_LIMITED',
    );
    later(20);
    expect(await codeOf(signIn(ctx, { username: 'pupr.kadis', password: DEMO_PASSWORD }, '10.0.0.2'))).toBe(
      'ok',
    );
  });

  it('purges sessions past their idle or absolute expiry and stale failures, keeps the rest', async () => {
    const idle = await signIn(ctx, { username: 'viewer', password: DEMO_PASSWORD }, '10.0.0.3');
    const busy = await signIn(ctx, { username: 'viewer', password: DEMO_PASSWORD }, '10.0.0.3');
    await codeOf(signIn(ctx, { username: 'viewer', password: 'wrong-password!' }, '10.0.0.9'));
    for (let i = 0; i < 11; i += 1) {
      later(55);
      expect(await authenticateSession(ctx, busy.token)).toBeDefined();
    }
    // 605 minutes later: the idle session has expired, the busy one is within its 12 hours.
    await purgeExpiredSessions(ctx);
    expect(await authenticateSession(ctx, idle.token)).toBeUndefined();
    expect(await authenticateSession(ctx, busy.token)).toBeDefined();
    const attempts = await t.handle.db.selectFrom('login_attempt').select('key').execute();
    expect(attempts.map((a) => a.key)).not.toContain('addr:10.0.0.9');
    later(120);
    await purgeExpiredSessions(ctx);
    expect(await authenticateSession(ctx, busy.token)).toBeUndefined();
    const left = await t.handle.db.selectFrom('session').select('id').execute();
    expect(left.length).toBe(0);
  });
});
