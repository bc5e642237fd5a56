import { type Database, StaleRowError } from '@selaras/db';
import type { Kysely, Transaction } from 'kysely';
import { conflict } from './app-error.ts';
import { createIdGenerator } from './ids.ts';
import { loadNomenclatureStore, type NomenclatureStore } from './reference/nomenclature-store.ts';

/** What every use-case runs with: the database, a clock, an id generator and reference data. */
export interface ServiceContext {
  readonly db: Kysely<Database>;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly nomenclature: NomenclatureStore;
  /** The request this work belongs to, recorded in audit entries. */
  readonly requestId?: string | undefined;
}

/** A transaction of the use-case. */
export type Trx = Transaction<Database>;

/** Runs `fn` in one transaction: all of it is written, or none of it. */
export const inTransaction = async <T>(ctx: ServiceContext, fn: (trx: Trx) => Promise<T>): Promise<T> => {
  try {
    return await ctx.db.transaction().execute(fn);
  } catch (e) {
    // A conditional write lost a race the use-case did not handle itself: the caller reloads.
    if (e instanceof StaleRowError) throw conflict(e.table, null);
    throw e;
  }
};

/** The current time as stored: ISO 8601 text. */
export const nowIso = (ctx: ServiceContext): string => ctx.now().toISOString();

/** A service context over a database: the real clock, time-ordered ids and the shipped (or given) reference lists. */
export const createServiceContext = (db: Kysely<Database>, referenceDir?: string): ServiceContext => ({
  db,
  now: () => new Date(),
  newId: createIdGenerator(),
  nomenclature: loadNomenclatureStore(referenceDir),
});
