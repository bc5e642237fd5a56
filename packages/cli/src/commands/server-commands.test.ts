import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DRAFT, REVISED, ROOT, RPD, runCli, runCliWith } from '../../test/io.ts';
import { startServer } from '../server.ts';

const DINKES = 'fixtures/kaltim/renstra-dinkes-2024-2026.json';

/** Every row of every table, in key order: what "the same data" means for a backup. */
const dump = (file: string): Record<string, unknown[]> => {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [name, db.prepare(`select * from "${name}" order by 1, 2`).all()]),
    );
  } finally {
    db.close();
  }
};

let dir: string;
let dataDir: string;
const dbFile = () => join(dataDir, 'selaras.sqlite');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'selaras-cli-'));
  dataDir = join(dir, 'data');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('selaras migrate, import, user add', () => {
  it('migrates once, then reports the schema up to date', async () => {
    const first = await runCli('migrate', '--data-dir', dataDir);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^applied: \d+_initial_schema/);
    const second = await runCli('migrate', '--data-dir', dataDir);
    expect(second).toMatchObject({ code: 0, stdout: 'the schema is up to date\n' });
  });

  it('imports the regional plan and a Renstra, refuses a second import without --replace, adds a user', async () => {
    expect((await runCli('import', RPD, '--data-dir', dataDir)).stdout).toMatch(/^imported .*: 22 nodes/);
    const renstra = await runCli('import', DRAFT, '--data-dir', dataDir);
    expect(renstra.code).toBe(0);
    expect(renstra.stdout).toMatch(/: 85 nodes/);
    const again = await runCli('import', DRAFT, '--data-dir', dataDir);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists|replace/i);
    const replaced = await runCli('import', REVISED, '--replace', '--data-dir', dataDir);
    expect(replaced).toMatchObject({ code: 0 });
    expect(replaced.stdout).toMatch(/^replaced .*: 87 nodes/);

    const user = await runCli(
      'user',
      'add',
      'budi',
      '--region',
      '64',
      '--role',
      'agency_editor',
      '--agency',
      '1.03.1.04.0.00.01.0000',
      '--data-dir',
      dataDir,
    );
    expect(user.stderr).toBe('');
    expect(user.code).toBe(0);
    expect(user.stdout).toMatch(/^created budi \(agency_editor of .*\); password: \S{12,}/);
  });

  it('explains what is wrong: unknown role, region or agency, a file that is not a plan', async () => {
    const role = await runCli('user', 'add', 'x', '--region', '64', '--role', 'boss', '--data-dir', dataDir);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('unknown role "boss"');
    const region = await runCli(
      'user',
      'add',
      'x',
      '--region',
      '99',
      '--role',
      'viewer',
      '--data-dir',
      dataDir,
    );
    expect(region.code).toBe(2);
    expect(region.stderr).toContain('no region with code 99');
    await runCli('import', RPD, '--data-dir', dataDir);
    const agency = await runCli(
      'user',
      'add',
      'x',
      '--region',
      '64',
      '--role',
      'agency_editor',
      '--agency',
      '9.99',
      '--data-dir',
      dataDir,
    );
    expect(agency.stderr).toContain('no agency with code 9.99 in region 64');
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, '{"region": {"code": "64"}, "nodes": 3}');
    const notPlan = await runCli('import', junk, '--data-dir', dataDir);
    expect(notPlan.code).toBe(2);
    expect(notPlan.stderr).toMatch(/format: .*selaras.renstra/);
  });

  it('refuses a DATABASE_URL that is not PostgreSQL, saying how to fix it', async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = 'mysql://localhost/selaras';
    try {
      const r = await runCli('migrate', '--data-dir', dataDir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('DATABASE_URL must be a PostgreSQL URL');
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });
});

describe('selaras backup and restore', () => {
  it('restores into a fresh database the same data, row for row', async () => {
    await runCli('import', RPD, '--data-dir', dataDir);
    await runCli('import', DRAFT, '--data-dir', dataDir);
    await runCli('user', 'add', 'sari', '--region', '64', '--role', 'viewer', '--data-dir', dataDir);
    const before = dump(dbFile());
    const backup = join(dir, 'backups', 'selaras-2026-11-28.sqlite');
    const b = await runCli('backup', backup, '--data-dir', dataDir);
    expect(b.stderr).toBe('');
    expect(b.stdout).toContain('checked: integrity, foreign keys');

    const fresh = join(dir, 'fresh');
    const r = await runCli('restore', backup, '--data-dir', fresh);
    expect(r.code).toBe(0);
    expect(dump(join(fresh, 'selaras.sqlite'))).toEqual(before);
    expect(Object.values(before).reduce((n, rows) => n + rows.length, 0)).toBeGreaterThan(500);
  });

  it('restores over a changed database and keeps the replaced one beside it', async () => {
    await runCli('import', RPD, '--data-dir', dataDir);
    await runCli('import', DRAFT, '--data-dir', dataDir);
    const before = dump(dbFile());
    const backup = join(dir, 'b.sqlite');
    await runCli('backup', backup, '--data-dir', dataDir);
    await runCli('import', DINKES, '--data-dir', dataDir);
    const changed = dump(dbFile());
    expect(changed).not.toEqual(before);

    const r = await runCli('restore', backup, '--data-dir', dataDir);
    expect(r.code).toBe(0);
    expect(dump(dbFile())).toEqual(before);
    const kept = readdirSync(dataDir).find((f) => f.includes('.before-restore-'));
    expect(kept).toBeDefined();
    expect(dump(join(dataDir, kept ?? ''))).toEqual(changed);
  });

  it('refuses to overwrite a file, to restore something that is not a Selaras backup', async () => {
    await runCli('migrate', '--data-dir', dataDir);
    const backup = join(dir, 'b.sqlite');
    await runCli('backup', backup, '--data-dir', dataDir);
    const twice = await runCli('backup', backup, '--data-dir', dataDir);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('exists');

    const other = join(dir, 'other.sqlite');
    new SqliteDatabase(other).exec('create table t (x)').close();
    const r = await runCli('restore', other, '--data-dir', dataDir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a Selaras database');
    const missing = await runCli('restore', join(dir, 'nope.sqlite'), '--data-dir', dataDir);
    expect(missing.stderr).toContain('does not exist');
  });
});

describe('selaras serve', () => {
  it('on first start migrates, loads the demo, prints its accounts, serves the API; stops on signal', async () => {
    let stop: () => void = () => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    let url = '';
    const running = runCliWith(stopped, (stderr) => {
      const m = /running at (http:\/\/\S+)/.exec(stderr);
      if (m?.[1]) url = m[1];
    })('serve', '--port', '0', '--data-dir', dataDir);
    for (let i = 0; i < 200 && url === ''; i += 1) await new Promise((r) => setTimeout(r, 50));
    expect(url).not.toBe('');
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    stop();
    const result = await running;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Akun demo');
    const manifest = JSON.parse(readFileSync(join(ROOT, 'fixtures/kaltim/demo.json'), 'utf8')) as {
      users: { username: string }[];
    };
    expect(manifest.users.length).toBeGreaterThanOrEqual(7);
    for (const { username: u } of manifest.users) expect(result.stderr).toContain(u);
  });

  it('backs up while running, refuses a restore and a second server until it stops, keeps the demo once', async () => {
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      logger: false,
      demoPassword: 'demo-password-2024',
    });
    try {
      expect(server.demoAccounts).toHaveLength(8);
      const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'pupr.editor', password: 'demo-password-2024' }),
      });
      expect(signIn.status).toBe(200);
      const backup = join(dir, 'live.sqlite');
      expect((await runCli('backup', backup, '--data-dir', dataDir)).code).toBe(0);
      const restore = await runCli('restore', backup, '--data-dir', dataDir);
      expect(restore.code).toBe(2);
      expect(restore.stderr).toMatch(/server \(pid \d+\) is using/);
      await expect(startServer({ port: 0, host: '127.0.0.1', dataDir, logger: false })).rejects.toThrow(
        /another Selaras server/,
      );
    } finally {
      await server.close();
    }
    const again = await startServer({ port: 0, host: '127.0.0.1', dataDir, logger: false });
    expect(again.demoAccounts).toHaveLength(0);
    await again.close();
    expect((await runCli('restore', join(dir, 'live.sqlite'), '--data-dir', dataDir)).code).toBe(0);
  });
});
