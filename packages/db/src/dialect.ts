import { type Kysely, PostgresAdapter, SqliteAdapter } from 'kysely';

/** The two databases Selaras runs on. */
export type Dialect = 'sqlite' | 'postgres';

/** Tells which database a Kysely instance talks to. The only place dialects are told apart. */
export const dialectOf = <DB>(db: Kysely<DB>): Dialect => {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) return 'sqlite';
  if (adapter instanceof PostgresAdapter) return 'postgres';
  throw new Error('Selaras supports SQLite and PostgreSQL only');
};
