import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
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
 * The SQLite handle Kysely sees: the same database, with prepared statements kept for reuse
 * (Kysely prepares every query anew; preparing costs more than running a small indexed query).
 * Bounded, least recently used out. Safe because Kysely runs one query at a time on the one
 * connection and better-sqlite3 re-prepares a statement itself when the schema changes.
 */
const withStatementCache = (sqlite: SqliteDatabase.Database, size = 500) => {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string): SqliteDatabase.Statement => {
      let stmt = cache.get(text);
      if (stmt) {
        cache.delete(text);
      } else {
        stmt = sqlite.prepare(text);
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      }
      cache.set(text, stmt);
      return stmt;
    },
  };
};

/**
 * Opens the database. `pg` is told to return int8 and numeric as numbers, so rows look the same
 * on both databases (Selaras stores neither beyond 2^53).
 */
export const openDatabase = (config: DatabaseConfig): DatabaseHandle => {
  if (config.kind === 'sqlite') {
    const sqlite = openSqlite(config.file);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
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
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new Error(
        'DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/db); unset it to use the embedded SQLite database',
      );
    return { kind: 'postgres', url };
  }
  return { kind: 'sqlite', file: `${dataDir.replace(/\/$/, '')}/selaras.sqlite` };
};

/**
 * Writes a consistent copy of an SQLite database to `file` while it is in use (VACUUM INTO: one
 * read transaction, so concurrent writers are neither blocked for long nor half-copied).
 * PostgreSQL is backed up with pg_dump instead (docs/operations.md).
 */
export const backupSqlite = async (handle: DatabaseHandle, file: string): Promise<void> => {
  if (handle.config.kind !== 'sqlite')
    throw new Error('backup of PostgreSQL: use pg_dump (see docs/operations.md)');
  mkdirSync(dirname(file), { recursive: true });
  await sql`VACUUM INTO ${file}`.execute(handle.db);
};

/** Checks an SQLite file: integrity, foreign keys, and that it is a Selaras database. Returns problems found. */
export const checkSqliteFile = (file: string): string[] => {
  const probe = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const problems: string[] = [];
    const integrity = probe.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const fk = probe.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) problems.push(`${fk.length} foreign key violations`);
    const migrations = probe
      .prepare("select count(*) as n from sqlite_master where name = 'selaras_migration'")
      .get() as { n: number };
    if (migrations.n === 0) problems.push('not a Selaras database (no selaras_migration table)');
    return problems;
  } finally {
    probe.close();
  }
};
