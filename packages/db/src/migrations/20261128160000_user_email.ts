import type { Kysely } from 'kysely';

// E-mail for notifications: an optional address per account, and when each notification was
// handed to the mail server (the notification table is the outbox).
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema.alterTable('app_user').addColumn('email', 'text').execute();
  await db.schema.alterTable('notification').addColumn('emailed_at', 'text').execute();
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema.alterTable('notification').dropColumn('emailed_at').execute();
  await db.schema.alterTable('app_user').dropColumn('email').execute();
};
