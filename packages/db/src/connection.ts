import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './tables/database.ts';

/** Where the data lives: an SQLite file (the embedded default) or a PostgreSQL URL. */
export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly poolSize?: number };

/** A connected database with a way to close it. */
export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly config: DatabaseConfig;
  close(): Promise<void>;
}

/** SQLite as Selaras uses it: WAL, foreign keys on, a busy timeout so writers wait rather than fail. */
const openSqlite = (file: string): SqliteDatabase.Database => {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return sqlite;
};

/**
 * Opens the database. `pg` is told to return int8 and numeric as numbers, so rows look the same
 * on both databases (Selaras stores neither beyond 2^53).
 */
export const openDatabase = (config: DatabaseConfig): DatabaseHandle => {
  if (config.kind === 'sqlite') {
    const sqlite = openSqlite(config.file);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { db, config, close: () => db.destroy() };
  }
  pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
  const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
  // An idle connection can be closed by the server (restart, failover, pg_terminate_backend):
  // the pool drops it and makes a new one when needed. Without a listener, Node would crash.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, config, close: () => db.destroy() };
};

/** The configuration from the environment: `DATABASE_URL` for PostgreSQL, else an SQLite file in `dataDir`. */
export const configFromEnv = (env: NodeJS.ProcessEnv, dataDir: string): DatabaseConfig => {
  const url = env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  return { kind: 'sqlite', file: `${dataDir.replace(/\/$/, '')}/selaras.sqlite` };
};
