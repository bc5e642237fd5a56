import { EXIT, type Io, UsageError } from '../io.ts';
import { startServer } from '../server.ts';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

/** `SELARAS_LOG_LEVEL`: one of pino's levels, or `silent` for no request log. */
const logLevel = (value: string | undefined): (typeof LEVELS)[number] | false => {
  if (value === undefined || value === '') return 'info';
  if (value === 'silent') return false;
  const level = LEVELS.find((l) => l === value);
  if (!level)
    throw new UsageError(`SELARAS_LOG_LEVEL "${value}" is not a log level`, [
      `use one of: ${LEVELS.join(', ')}, silent`,
    ]);
  return level;
};

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly demo: boolean | undefined;
}

/**
 * `selaras serve`: the API (and later the web app) on one port. On the first start with the
 * embedded database it loads the Kaltim demo and prints the demo accounts. Stops on SIGINT/SIGTERM.
 */
export const runServe = async (o: ServeOptions, io: Io, stop: Promise<void>): Promise<number> => {
  const server = await startServer({
    port: o.port,
    host: o.host,
    dataDir: o.dataDir,
    demo: o.demo,
    demoPassword: process.env.SELARAS_DEMO_PASSWORD,
    logger: logLevel(process.env.SELARAS_LOG_LEVEL),
    secureCookies: process.env.SELARAS_SECURE_COOKIES === 'true',
    trustProxy: process.env.SELARAS_TRUST_PROXY === 'true',
    mail: process.env.SELARAS_SMTP_URL
      ? {
          smtpUrl: process.env.SELARAS_SMTP_URL,
          from: process.env.SELARAS_MAIL_FROM ?? 'Selaras <noreply@localhost>',
          publicUrl: process.env.SELARAS_PUBLIC_URL,
        }
      : undefined,
  });
  const db =
    server.backend.handle.config.kind === 'sqlite'
      ? server.backend.handle.config.file
      : 'PostgreSQL (DATABASE_URL)';
  io.stderr(
    `Selaras berjalan di / is running at ${server.url}\n  API: ${server.url}/api · dokumentasi / docs: ${server.url}/api/docs\n  basis data / database: ${db}\n`,
  );
  if (!server.servesWeb)
    io.stderr('  aplikasi web belum dibangun / the web app is not built: npm run build (API only for now)\n');
  if (server.backend.migrated.length > 0)
    io.stderr(`  migrasi / migrations: ${server.backend.migrated.join(', ')}\n`);
  if (server.demoAccounts.length > 0) {
    io.stderr(
      '\nAkun demo (hanya mode demo; simpan sekarang, tidak ditampilkan lagi) / demo accounts (demo mode only; shown once):\n',
    );
    for (const a of server.demoAccounts)
      io.stderr(`  ${a.username.padEnd(18)} ${a.password.padEnd(22)} ${a.roles}\n`);
    io.stderr('\n');
  }
  await stop;
  await server.close();
  return EXIT.ok;
};
