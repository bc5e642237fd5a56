import { type CreateTableBuilder, type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.ts';

// The review workflow: submissions with letters and immutable snapshots, findings with replies,
// meetings, verification, penetapan, schedules, crosscutting requests, notifications and the
// plan timeline. Same conventions as the initial schema: region_id first in every key.

type Builder = CreateTableBuilder<string, string>;

const owned = (t: Builder, name: string): Builder =>
  t
    .addColumn('region_id', 'text', (c) => c.notNull().references('region.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${name}_pk`, ['region_id', 'id']);

const fk = (
  t: Builder,
  name: string,
  column: string,
  table: string,
  onDelete: 'cascade' | 'restrict' = 'cascade',
) =>
  t.addForeignKeyConstraint(`${name}_${column}_fk`, ['region_id', column], table, ['region_id', 'id'], (c) =>
    c.onDelete(onDelete),
  );

/** Rows nobody may change or delete once written (snapshots, letters, verifications, replies, events). */
const appendOnly = async (db: Kysely<unknown>, table: string): Promise<void> => {
  if (dialectOf(db) === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE'])
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is immutable'); END`,
        )
        .execute(db);
  } else {
    await sql
      .raw(
        `CREATE FUNCTION ${table}_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${table} is immutable'; END $$`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_immutable()`,
      )
      .execute(db);
  }
};

export const up = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema
    .alterTable('plan')
    .addColumn('review_state', 'text', (c) => c.notNull().defaultTo('draft'))
    .execute();
  await db.schema
    .alterTable('plan')
    .addColumn('review_round', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // JSON: the anchors a return unlocked (null: nothing returned).
  await db.schema.alterTable('plan').addColumn('unlocked', 'text').execute();
  // JSON: the legal instrument that set the plan (kind, number, date, title).
  await db.schema.alterTable('plan').addColumn('enactment', 'text').execute();
  // The plan this one amends (a perubahan starts a new version that keeps the history).
  await db.schema.alterTable('plan').addColumn('amends_plan_id', 'text').execute();

  await fk(
    owned(db.schema.createTable('plan_snapshot'), 'plan_snapshot')
      .addColumn('plan_id', 'text', (c) => c.notNull())
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('findings', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('plan_snapshot_round_uq', ['region_id', 'plan_id', 'round']),
    'plan_snapshot',
    'plan_id',
    'plan',
    'restrict',
  ).execute();
  await appendOnly(db, 'plan_snapshot');

  await fk(
    owned(db.schema.createTable('official_letter'), 'official_letter')
      .addColumn('plan_id', 'text', (c) => c.notNull())
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('snapshot_hash', 'text')
      .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
      .addColumn('created_at', 'text', (c) => c.notNull()),
    'official_letter',
    'plan_id',
    'plan',
    'restrict',
  ).execute();
  await appendOnly(db, 'official_letter');

  await fk(
    owned(db.schema.createTable('review_finding'), 'review_finding')
      .addColumn('plan_id', 'text', (c) => c.notNull())
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('institution', 'text', (c) => c.notNull())
      .addColumn('anchor', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('recommendation', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)),
    'review_finding',
    'plan_id',
    'plan',
    'restrict',
  ).execute();
  await db.schema
    .createIndex('review_finding_plan_ix')
    .on('review_finding')
    .columns(['region_id', 'plan_id'])
    .execute();

  await fk(
    owned(db.schema.createTable('finding_reply'), 'finding_reply')
      .addColumn('finding_id', 'text', (c) => c.notNull())
      .addColumn('author_user_id', 'text', (c) => c.references('app_user.id'))
      .addColumn('side', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull()),
    'finding_reply',
    'finding_id',
    'review_finding',
    'restrict',
  ).execute();
  await db.schema
    .createIndex('finding_reply_finding_ix')
    .on('finding_reply')
    .columns(['region_id', 'finding_id'])
    .execute();
  await appendOnly(db, 'finding_reply');

  await fk(
    owned(db.schema.createTable('review_verdict'), 'review_verdict')
      .addColumn('plan_id', 'text', (c) => c.notNull())
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('institution', 'text', (c) => c.notNull())
      .addColumn('verdict', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
      .addColumn('created_at', 'text', (c) => c.notNull()),
    'review_verdict',
    'plan_id',
    'plan',
    'restrict',
  ).execute();
  await appendOnly(db, 'review_verdict');

  await fk(
    owned(db.schema.createTable('review_meeting'), 'review_meeting')
      .addColumn('plan_id', 'text', (c) => c.notNull())
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)),
    'review_meeting',
    'plan_id',
    'plan',
    'restrict',
  ).execute();

  await fk(
    owned(db.schema.createTable('verification'), 'verification')
      .addColumn('plan_id', 'text', (c) => c.notNull())
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('checklist', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
      .addColumn('created_at', 'text', (c) => c.notNull()),
    'verification',
    'plan_id',
    'plan',
    'restrict',
  ).execute();
  await appendOnly(db, 'verification');

  await owned(db.schema.createTable('review_window'), 'review_window')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await fk(
    fk(
      owned(db.schema.createTable('crosscutting_request'), 'crosscutting_request')
        .addColumn('from_plan_id', 'text', (c) => c.notNull())
        .addColumn('from_node_key', 'text', (c) => c.notNull())
        .addColumn('to_plan_id', 'text', (c) => c.notNull())
        .addColumn('to_node_key', 'text', (c) => c.notNull())
        .addColumn('contribution', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text', (c) => c.references('app_user.id'))
        .addColumn('decided_at', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)),
      'crosscutting_request',
      'from_plan_id',
      'plan',
    ),
    'crosscutting_request',
    'to_plan_id',
    'plan',
  ).execute();

  await owned(db.schema.createTable('notification'), 'notification')
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('plan_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notification_user_ix')
    .on('notification')
    .columns(['region_id', 'user_id', 'read_at'])
    .execute();

  await fk(
    owned(db.schema.createTable('plan_event'), 'plan_event')
      .addColumn('plan_id', 'text', (c) => c.notNull())
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('actor_user_id', 'text', (c) => c.references('app_user.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull()),
    'plan_event',
    'plan_id',
    'plan',
    'restrict',
  ).execute();
  await db.schema
    .createIndex('plan_event_plan_ix')
    .on('plan_event')
    .columns(['region_id', 'plan_id', 'at'])
    .execute();
  await appendOnly(db, 'plan_event');
};

export const down = async (): Promise<void> => {
  throw new Error('The review workflow cannot be rolled back; restore a backup instead.');
};
