import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import { MIGRATIONS } from './migrations/index.ts';

/** Brings the schema up to date; returns the migrations applied now. Throws on failure. */
export const migrateToLatest = async <DB>(db: Kysely<DB>): Promise<string[]> => {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: 'selaras_migration',
    migrationLockTableName: 'selaras_migration_lock',
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
};
