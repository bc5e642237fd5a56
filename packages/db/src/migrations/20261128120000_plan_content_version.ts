import type { Kysely } from 'kysely';

// A plan's row version covers its own fields (title, stage…); the content version counts changes
// to its tree, indicators and chapters, so a whole-plan read can carry an entity tag.
export const up = async <DB>(db: Kysely<DB>): Promise<void> => {
  await db.schema
    .alterTable('plan')
    .addColumn('content_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
};

export const down = async <DB>(db: Kysely<DB>): Promise<void> => {
  await db.schema.alterTable('plan').dropColumn('content_version').execute();
};
