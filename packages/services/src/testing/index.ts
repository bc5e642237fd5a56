import { resolve } from 'node:path';
import type { DatabaseHandle } from '@selaras/db';
import { createTestDatabase } from '@selaras/db/testing';
import { actorForUser } from '../accounts/users.ts';
import { AppError } from '../app-error.ts';
import type { ServiceContext } from '../context.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { createIdGenerator } from '../ids.ts';
import type { Actor } from '../permissions.ts';
import { loadNomenclatureStore, type NomenclatureStore } from '../reference/nomenclature-store.ts';

/** The Kaltim demo fixtures. */
export const DEMO_DIR = resolve(import.meta.dirname, '../../../../fixtures/kaltim');

/** The password of every account of the test demo. */
export const DEMO_PASSWORD = 'demo-password-2024';

let store: NomenclatureStore | undefined;

/** A migrated database with the Kaltim demo loaded, a service context, and the demo's actors by username. */
export interface TestServices {
  readonly handle: DatabaseHandle;
  readonly ctx: ServiceContext;
  readonly regionId: string;
  actor(username: string): Promise<Actor>;
  close(): Promise<void>;
}

/** Builds a service context over a database handle, with the shipped nomenclature. */
export const serviceContextFor = (
  handle: DatabaseHandle,
  extra: Partial<ServiceContext> = {},
): ServiceContext => {
  store ??= loadNomenclatureStore();
  return { db: handle.db, now: () => new Date(), newId: createIdGenerator(), nomenclature: store, ...extra };
};

/** A fresh database of `kind` with the demo seeded. */
export const createTestServices = async (
  kind: 'sqlite' | 'postgres',
  postgresUrl?: string,
): Promise<TestServices> => {
  const handle = await createTestDatabase(kind, postgresUrl);
  const ctx = serviceContextFor(handle);
  const seeded = await seedDemo(ctx, DEMO_DIR, DEMO_PASSWORD);
  if (!seeded) throw new Error('demo already seeded');
  return {
    handle,
    ctx,
    regionId: seeded.regionId,
    actor: async (username) => {
      const u = await handle.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow();
      const a = await actorForUser(handle.db, u.id);
      if (!a) throw new Error(`no actor ${username}`);
      return a;
    },
    close: () => handle.close(),
  };
};
/** The AppError a use-case failed with, or undefined when it succeeded (other errors are thrown on). */
export const appErrorOf = async (p: Promise<unknown>): Promise<AppError | undefined> => {
  try {
    await p;
    return undefined;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
};

export { testDatabaseKinds } from '@selaras/db/testing';
