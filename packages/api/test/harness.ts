import { createTestServices, DEMO_PASSWORD, type TestServices } from '@selaras/services/testing';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/auth.ts';

/** A signed-in caller: the session cookie and CSRF token of a demo account. */
export interface Caller {
  readonly username: string;
  readonly cookie: string;
  readonly csrf: string;
}

/** The API over a fresh database with the Kaltim demo, and helpers to call it as a demo user. */
export interface ApiHarness {
  readonly app: FastifyInstance;
  readonly t: TestServices;
  signIn(username: string): Promise<Caller>;
  call(caller: Caller | undefined, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export const startApi = async (kind: 'sqlite' | 'postgres', postgresUrl?: string): Promise<ApiHarness> => {
  const t = await createTestServices(kind, postgresUrl);
  const app = await buildApp({ services: t.ctx });
  const callers = new Map<string, Caller>();
  const signIn = async (username: string): Promise<Caller> => {
    const known = callers.get(username);
    if (known) return known;
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username, password: DEMO_PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`sign-in ${username}: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
    const caller = { username, cookie, csrf: (res.json() as { csrfToken: string }).csrfToken };
    callers.set(username, caller);
    return caller;
  };
  const call = (caller: Caller | undefined, opts: InjectOptions) =>
    app.inject({
      ...opts,
      headers: {
        ...(caller && { cookie: `${SESSION_COOKIE}=${caller.cookie}`, [CSRF_HEADER]: caller.csrf }),
        ...(opts.headers ?? {}),
      },
    });
  return {
    app,
    t,
    signIn,
    call,
    close: async () => {
      await app.close();
      await t.close();
    },
  };
};
