import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildApp } from '@selaras/api';
import {
  configFromEnv,
  type DatabaseConfig,
  type DatabaseHandle,
  migrateToLatest,
  openDatabase,
} from '@selaras/db';
import {
  createServiceContext,
  type DemoAccount,
  type Mailer,
  purgeExpiredSessions,
  type ServiceContext,
  seedDemo,
  sendPendingMail,
} from '@selaras/services';
import nodemailer from 'nodemailer';
import { UsageError } from './io.ts';

type App = Awaited<ReturnType<typeof buildApp>>;

/** The built web app, served on the same port when it exists (`npm run build`). */
export const WEB_DIR = resolve(import.meta.dirname, '../../web/dist');

/** The web app to serve: `SELARAS_WEB_DIR` when set, else the repository's build when there is one. */
const webDir = (env: NodeJS.ProcessEnv): string | undefined => {
  const dir = env.SELARAS_WEB_DIR ? resolve(env.SELARAS_WEB_DIR) : WEB_DIR;
  return existsSync(`${dir}/index.html`) ? dir : undefined;
};

/** A mailer over SMTP (nodemailer), from the URL of the mail server. */
export const smtpMailer = (smtpUrl: string, from: string): Mailer => {
  const transport = nodemailer.createTransport(smtpUrl);
  return { send: async (m) => void (await transport.sendMail({ from, ...m })) };
};

/** The repository's demo fixtures. */
export const DEMO_DIR = resolve(import.meta.dirname, '../../../fixtures/kaltim');

/** Where the data lives: `DATABASE_URL` (PostgreSQL) or an SQLite file in the data folder. */
export const databaseConfig = (dataDir: string, env: NodeJS.ProcessEnv = process.env): DatabaseConfig => {
  try {
    return configFromEnv(env, resolve(dataDir));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
};

/** The lock file a running server keeps next to the embedded database. */
const lockFile = (sqliteFile: string): string => `${sqliteFile}.lock`;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The process id of a server running on this embedded database, if any (a stale lock is ignored). */
export const runningServerPid = (sqliteFile: string): number | undefined => {
  const file = lockFile(sqliteFile);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
};

const takeLock = (sqliteFile: string): (() => void) => {
  const pid = runningServerPid(sqliteFile);
  if (pid !== undefined)
    throw new UsageError(`another Selaras server (pid ${pid}) is using ${sqliteFile}`, [
      'stop it first, or give this one its own --data-dir',
    ]);
  mkdirSync(dirname(sqliteFile), { recursive: true });
  writeFileSync(lockFile(sqliteFile), `${process.pid}\n`);
  return () => rmSync(lockFile(sqliteFile), { force: true });
};

/** An open, migrated database with its service context. */
export interface Backend {
  readonly handle: DatabaseHandle;
  readonly services: ServiceContext;
  readonly migrated: string[];
  close(): Promise<void>;
}

/** Opens the database, brings its schema up to date and builds the service context. */
export const openBackend = async (config: DatabaseConfig, referenceDir?: string): Promise<Backend> => {
  const handle = openDatabase(config);
  try {
    const migrated = await migrateToLatest(handle.db);
    return {
      handle,
      services: createServiceContext(handle.db, referenceDir),
      migrated,
      close: () => handle.close(),
    };
  } catch (e) {
    await handle.close();
    throw e;
  }
};

export interface ServerOptions {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Load the Kaltim demo into an empty database (default: on the embedded database only). */
  readonly demo?: boolean | undefined;
  readonly demoPassword?: string | undefined;
  /** Log level of the structured (pino) request log on stdout, or false for none. Default info. */
  readonly logger?: false | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  readonly secureCookies?: boolean;
  readonly trustProxy?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /** The built web app to serve; default WEB_DIR when it has been built, none otherwise. */
  readonly webRoot?: string | null;
  /** E-mail for notifications: an SMTP URL (smtp://user:pass@host:587), the sender, the app's public address. */
  readonly mail?:
    | { readonly smtpUrl: string; readonly from: string; readonly publicUrl?: string | undefined }
    | undefined;
}

/** A running server and how to stop it. */
export interface RunningServer {
  readonly app: App;
  readonly url: string;
  readonly backend: Backend;
  /** The demo accounts made on this start (first start in demo mode only). */
  readonly demoAccounts: readonly DemoAccount[];
  /** Whether the web app is served (it has been built). */
  readonly servesWeb: boolean;
  close(): Promise<void>;
}

/** Starts Selaras: migrates, seeds the demo when asked and the database is empty, and listens. */
export const startServer = async (o: ServerOptions): Promise<RunningServer> => {
  const config = databaseConfig(o.dataDir, o.env);
  const unlock = config.kind === 'sqlite' ? takeLock(config.file) : () => {};
  let backend: Backend | undefined;
  let app: App | undefined;
  try {
    backend = await openBackend(config);
    const demo = o.demo ?? config.kind === 'sqlite';
    let demoAccounts: DemoAccount[] = [];
    if (demo) {
      const regions = await backend.handle.db.selectFrom('region').select('id').limit(1).execute();
      if (regions.length === 0)
        demoAccounts = (await seedDemo(backend.services, DEMO_DIR, o.demoPassword))?.accounts ?? [];
    }
    app = await buildApp({
      services: backend.services,
      logger: o.logger === false ? false : { level: o.logger ?? 'info' },
      secureCookies: o.secureCookies ?? false,
      trustProxy: o.trustProxy ?? false,
      webRoot: o.webRoot === null ? undefined : (o.webRoot ?? webDir(o.env ?? process.env)),
    });
    try {
      await app.listen({ port: o.port, host: o.host });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE')
        throw new UsageError(`port ${o.port} on ${o.host} is in use`, ['choose another with --port or PORT']);
      throw e;
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : o.port;
    const running = { app, backend };
    // Housekeeping: expired sessions and stale sign-in failures go now and every hour.
    const services = backend.services;
    const purge = () =>
      purgeExpiredSessions(services).catch((e: unknown) =>
        running.app.log.error({ err: e }, 'session purge failed'),
      );
    await purge();
    const timer = setInterval(purge, 3_600_000);
    timer.unref();
    // E-mail: the notification table is the outbox; pending mail goes out every half minute.
    const mailer = o.mail ? smtpMailer(o.mail.smtpUrl, o.mail.from) : undefined;
    const url = `http://${o.host === '0.0.0.0' ? '127.0.0.1' : o.host}:${typeof app.server.address() === 'object' ? (app.server.address() as { port: number }).port : o.port}`;
    const mailOut = () =>
      mailer
        ? sendPendingMail(services, mailer, { appUrl: o.mail?.publicUrl ?? url })
            .then((r) => {
              if (r.sent + r.failed > 0) running.app.log.info(r, 'notifications e-mailed');
            })
            .catch((e: unknown) => running.app.log.error({ err: e }, 'e-mail outbox failed'))
        : Promise.resolve();
    const mailTimer = setInterval(() => void mailOut(), 30_000);
    mailTimer.unref();
    return {
      ...running,
      servesWeb: app.hasRoute({ method: 'GET', url: '/*' }),
      url: `http://${o.host === '0.0.0.0' ? '127.0.0.1' : o.host}:${port}`,
      demoAccounts,
      close: async () => {
        clearInterval(timer);
        clearInterval(mailTimer);
        try {
          await running.app.close();
          await running.backend.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (e) {
    await app?.close();
    await backend?.close();
    unlock();
    throw e;
  }
};
