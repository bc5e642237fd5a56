import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { backupSqlite, checkSqliteFile, findAgencyByCode, findRegionByCode, openDatabase } from '@selaras/db';
import { createRegion, createUser, importPlan, ROLES } from '@selaras/services';
import { EXIT, type Io, UsageError } from '../io.ts';
import { databaseConfig, openBackend, runningServerPid } from '../server.ts';

const SYSTEM = { kind: 'system', reason: 'selaras CLI' } as const;

/** `selaras migrate`: brings the database schema up to date. */
export const runMigrate = async (dataDir: string, io: Io): Promise<number> => {
  const backend = await openBackend(databaseConfig(dataDir));
  try {
    io.stdout(
      backend.migrated.length > 0
        ? `applied: ${backend.migrated.join(', ')}\n`
        : 'the schema is up to date\n',
    );
    return EXIT.ok;
  } finally {
    await backend.close();
  }
};

export interface UserAddOptions {
  readonly dataDir: string;
  readonly region: string;
  readonly role: string;
  readonly agency?: string | undefined;
  readonly name?: string | undefined;
  readonly password?: string | undefined;
}

/** `selaras user add <username>`: creates an account with a role in a region (prints a generated password). */
export const runUserAdd = async (username: string, o: UserAddOptions, io: Io): Promise<number> => {
  if (!(ROLES as readonly string[]).includes(o.role))
    throw new UsageError(`unknown role "${o.role}"`, [`roles: ${ROLES.join(', ')}`]);
  const backend = await openBackend(databaseConfig(o.dataDir));
  try {
    const region = await findRegionByCode(backend.handle.db, o.region);
    if (!region)
      throw new UsageError(
        `no region with code ${o.region}; import its regional plan first (selaras import)`,
      );
    const agency =
      o.agency === undefined ? undefined : await findAgencyByCode(backend.handle.db, region.id, o.agency);
    if (o.agency !== undefined && !agency)
      throw new UsageError(`no agency with code ${o.agency} in region ${o.region}`);
    const password = o.password ?? randomBytes(12).toString('base64url');
    await createUser(backend.services, SYSTEM, region.id, {
      username,
      displayName: o.name ?? username,
      password,
      roles: [{ role: o.role, agencyId: agency?.id ?? null }],
    });
    io.stdout(
      `created ${username} (${o.role}${o.agency ? ` of ${o.agency}` : ''} in ${o.region})${o.password ? '' : `; password: ${password}`}\n`,
    );
    return EXIT.ok;
  } finally {
    await backend.close();
  }
};

/** `selaras import <file>`: loads a plan file into the database (creating its region when new). */
export const runImport = async (
  file: string,
  o: { dataDir: string; replace: boolean },
  io: Io,
): Promise<number> => {
  let content: unknown;
  try {
    content = JSON.parse(await readFile(resolve(io.cwd, file), 'utf8'));
  } catch (e) {
    throw new UsageError(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const code = (content as { region?: { code?: unknown } } | null)?.region?.code;
  if (typeof code !== 'string') throw new UsageError(`${file}: no region.code; not a plan file`);
  const backend = await openBackend(databaseConfig(o.dataDir));
  try {
    const region =
      (await findRegionByCode(backend.handle.db, code)) ??
      (await createRegion(backend.services, SYSTEM, (content as { region: unknown }).region));
    const result = await importPlan(backend.services, SYSTEM, {
      regionId: region.id,
      file: content,
      replace: o.replace,
    });
    io.stdout(
      `${result.created ? 'imported' : 'replaced'} ${file}: ${result.nodes} nodes, ${result.indicators} indicators (plan ${result.planId})\n`,
    );
    return EXIT.ok;
  } finally {
    await backend.close();
  }
};

/** `selaras backup <file>`: a consistent copy of the embedded database, taken while it runs. */
export const runBackup = async (file: string, dataDir: string, io: Io): Promise<number> => {
  const config = databaseConfig(dataDir);
  if (config.kind !== 'sqlite') throw new UsageError('for PostgreSQL use pg_dump (see docs/operations.md)');
  const target = resolve(io.cwd, file);
  if (existsSync(target)) throw new UsageError(`${file} exists; choose a new file`);
  const backend = await openBackend(config);
  try {
    await backupSqlite(backend.handle, target);
  } finally {
    await backend.close();
  }
  const problems = checkSqliteFile(target);
  if (problems.length > 0) throw new UsageError(`the backup failed its checks: ${problems.join('; ')}`);
  io.stdout(`backup written to ${file} (checked: integrity, foreign keys)\n`);
  return EXIT.ok;
};

/** `selaras restore <file>`: replaces the embedded database with a checked backup. Stop the server first. */
export const runRestore = async (file: string, dataDir: string, io: Io): Promise<number> => {
  const config = databaseConfig(dataDir);
  if (config.kind !== 'sqlite')
    throw new UsageError('for PostgreSQL use pg_restore (see docs/operations.md)');
  const source = resolve(io.cwd, file);
  if (!existsSync(source)) throw new UsageError(`${file} does not exist`);
  const pid = runningServerPid(config.file);
  if (pid !== undefined)
    throw new UsageError(`a Selaras server (pid ${pid}) is using ${config.file}`, [
      'stop it first, then restore',
    ]);
  const problems = checkSqliteFile(source);
  if (problems.length > 0) throw new UsageError(`${file} is not a usable backup: ${problems.join('; ')}`);
  mkdirSync(dirname(config.file), { recursive: true });
  // Keep what is there now: a consistent copy next to it, so a restore can itself be undone.
  let previous: string | undefined;
  if (existsSync(config.file)) {
    previous = `${config.file}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    const current = openDatabase(config);
    try {
      await backupSqlite(current, previous);
    } finally {
      await current.close();
    }
  }
  // Copy beside the target, then swap in one rename: a crash leaves the old or the new database, never half of one.
  const staging = `${config.file}.restoring`;
  copyFileSync(source, staging);
  for (const suffix of ['-wal', '-shm']) rmSync(`${config.file}${suffix}`, { force: true });
  renameSync(staging, config.file);
  const backend = await openBackend(config);
  await backend.close();
  io.stdout(
    `restored ${file} into ${config.file}${backend.migrated.length > 0 ? ` (migrated: ${backend.migrated.join(', ')})` : ''}\n`,
  );
  if (previous) io.stdout(`the database it replaced is kept as ${previous}\n`);
  return EXIT.ok;
};
