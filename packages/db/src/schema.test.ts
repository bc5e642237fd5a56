import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DatabaseHandle } from './connection.ts';
import { dialectOf } from './dialect.ts';
import { GLOBAL_TABLES, REGION_OWNED_TABLES } from './tables/database.ts';
import { createTestDatabase, testDatabaseKinds } from './testing/index.ts';

const postgresUrl = inject('postgresUrl');

interface UniqueKey {
  readonly table: string;
  readonly name: string;
  readonly columns: readonly string[];
}

/** Primary and unique keys of every table, read from the database's own catalogue. */
const uniqueKeys = async (h: DatabaseHandle): Promise<UniqueKey[]> => {
  if (dialectOf(h.db) === 'postgres') {
    const rows = await sql<{ table: string; name: string; columns: string[] }>`
      select c.conrelid::regclass::text as table, c.conname as name,
             array_agg(a.attname order by k.ord) as columns
      from pg_constraint c
      join lateral unnest(c.conkey) with ordinality k(attnum, ord) on true
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
      where c.contype in ('p', 'u') and c.connamespace = 'public'::regnamespace
      group by c.conrelid, c.conname`.execute(h.db);
    return rows.rows;
  }
  const keys: UniqueKey[] = [];
  for (const t of await h.db.introspection.getTables()) {
    const indexes = await sql<{
      name: string;
      unique: number;
      origin: string;
    }>`select name, "unique", origin from pragma_index_list(${t.name})`.execute(h.db);
    // Unique indexes include the automatic ones behind PRIMARY KEY and UNIQUE constraints.
    for (const ix of indexes.rows.filter((i) => i.unique === 1)) {
      const cols = await sql<{
        name: string;
      }>`select name from pragma_index_info(${ix.name}) order by seqno`.execute(h.db);
      keys.push({ table: t.name, name: ix.name, columns: cols.rows.map((c) => c.name) });
    }
  }
  return keys;
};

describe.each(testDatabaseKinds(postgresUrl))('schema on %s', (kind) => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDatabase(kind, postgresUrl);
  });
  afterAll(() => h.close());

  it('has every table, and only those', async () => {
    const names = (await h.db.introspection.getTables())
      .map((t) => t.name)
      .filter((n) => !n.startsWith('selaras_migration'))
      .sort();
    expect(names).toEqual([...REGION_OWNED_TABLES, ...GLOBAL_TABLES].sort());
  });

  it('gives every region-owned table a region_id, first in its primary key, and in every unique key', async () => {
    const tables = new Map((await h.db.introspection.getTables()).map((t) => [t.name, t]));
    const keys = await uniqueKeys(h);
    for (const name of REGION_OWNED_TABLES) {
      const cols = tables.get(name)?.columns ?? [];
      expect(cols.find((c) => c.name === 'region_id')?.isNullable, `${name}.region_id`).toBe(false);
      const own = keys.filter((k) => k.table === name);
      expect(own.length, `${name} has keys`).toBeGreaterThan(0);
      for (const k of own) expect(k.columns, `${name} key ${k.name}`).toContain('region_id');
    }
  });

  it('keeps the audit log append-only', async () => {
    const now = new Date().toISOString();
    await h.db
      .insertInto('region')
      .values({
        id: 'r1',
        code: '99',
        name: 'Uji',
        kind: 'provinsi',
        capital: null,
        settings: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await h.db
      .insertInto('audit_log')
      .values({
        region_id: 'r1',
        id: 'a1',
        at: now,
        actor_user_id: null,
        action: 'test',
        entity_type: 'region',
        entity_id: 'r1',
        before: null,
        after: null,
        request_id: null,
      })
      .execute();
    await expect(h.db.updateTable('audit_log').set({ action: 'changed' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(h.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    expect((await h.db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow()).action).toBe('test');
  });

  it('enforces foreign keys within a region', async () => {
    await expect(
      h.db
        .insertInto('plan_node')
        .values({
          region_id: 'r1',
          id: 'n1',
          plan_id: 'missing',
          node_key: 'x',
          parent_id: null,
          level: 'tujuan',
          statement: 's',
          code: null,
          name: null,
          owner_unit_id: null,
          owner_position: null,
          cascading: null,
          inherits: null,
          priority: 0,
          location: null,
          weight: 1,
          strategies: '[]',
          policies: '[]',
          sort_order: 0,
        })
        .execute(),
    ).rejects.toThrow();
  });
});
