import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseConfig, type DatabaseHandle, openDatabase } from '../connection.ts';
import { migrateToLatest } from '../migrate.ts';

/** The databases a suite runs against: always SQLite, and PostgreSQL when a server is available. */
export const testDatabaseKinds = (postgresUrl: string | undefined): ('sqlite' | 'postgres')[] =>
  postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];

/**
 * A fresh, migrated database for one suite: an in-memory SQLite, or a new database on the test
 * PostgreSQL server (created from the admin URL and dropped by `close`).
 */
export const createTestDatabase = async (
  kind: 'sqlite' | 'postgres',
  postgresUrl?: string,
  file = ':memory:',
): Promise<DatabaseHandle> => {
  if (kind === 'sqlite') {
    const handle = openDatabase({ kind: 'sqlite', file });
    await migrateToLatest(handle.db);
    return handle;
  }
  if (!postgresUrl) throw new Error('no PostgreSQL server for the tests');
  const name = `selaras_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const config: DatabaseConfig = { kind: 'postgres', url: url.toString(), poolSize: 20 };
  const handle = openDatabase(config);
  await migrateToLatest(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const a = new pg.Client({ connectionString: postgresUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
};
