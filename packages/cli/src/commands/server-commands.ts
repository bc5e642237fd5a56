import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { Io } from '../io.ts';
import { runBackup, runImport, runMigrate, runRestore, runUserAdd } from './admin.ts';
import { runServe } from './serve.ts';

const parsePort = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new InvalidArgumentError('a port number 0–65535');
  return n;
};

const dataDirOption = (cmd: Command) =>
  cmd.option(
    '--data-dir <dir>',
    'folder of the embedded database / folder basis data (env SELARAS_DATA_DIR)',
    process.env.SELARAS_DATA_DIR ?? './data',
  );

/** The commands that run or administer a server: serve, migrate, user add, import, backup, restore. */
export const registerServerCommands = (program: Command, io: Io, setCode: (code: number) => void): void => {
  dataDirOption(
    program
      .command('serve')
      .description('jalankan Selaras (API, kemudian aplikasi web) / run Selaras (API, later the web app)')
      .option('--port <port>', 'port (env PORT)', parsePort, Number(process.env.PORT ?? 8080))
      .option('--host <host>', 'alamat / address to listen on (env HOST)', process.env.HOST ?? '127.0.0.1')
      .option('--demo', 'muat demo Kaltim ke basis data kosong / load the Kaltim demo into an empty database')
      .option('--no-demo', 'jangan muat demo / never load the demo'),
  ).action(async (o: { port: number; host: string; dataDir: string; demo?: boolean }) => {
    setCode(
      await runServe(
        { port: o.port, host: o.host, dataDir: o.dataDir, demo: o.demo },
        io,
        io.stop ?? new Promise(() => {}),
      ),
    );
  });

  dataDirOption(
    program
      .command('migrate')
      .description('perbarui skema basis data / bring the database schema up to date'),
  ).action(async (o: { dataDir: string }) => {
    setCode(await runMigrate(o.dataDir, io));
  });

  const user = program.command('user').description('akun / accounts');
  dataDirOption(
    user
      .command('add')
      .description('buat akun dengan peran di satu wilayah / create an account with a role in a region')
      .argument('<username>')
      .requiredOption('--region <code>', 'kode wilayah / region code, e.g. 64')
      .requiredOption(
        '--role <role>',
        'admin, agency_editor, agency_head, bappeda_reviewer, bappeda_verifier, inspektorat_reviewer, viewer',
      )
      .option('--agency <code>', 'kode perangkat daerah untuk peran dinas / agency code for agency roles')
      .option('--name <name>', 'nama tampilan / display name'),
  ).action(
    async (
      username: string,
      o: { dataDir: string; region: string; role: string; agency?: string; name?: string },
    ) => {
      setCode(await runUserAdd(username, { ...o, password: process.env.SELARAS_PASSWORD }, io));
    },
  );

  dataDirOption(
    program
      .command('import')
      .description('muat berkas rencana ke basis data / load a plan file into the database')
      .argument('<file>')
      .option('--replace', 'ganti rencana dengan id yang sama / replace the plan with the same id', false),
  ).action(async (file: string, o: { dataDir: string; replace: boolean }) => {
    setCode(await runImport(file, o, io));
  });

  dataDirOption(
    program
      .command('backup')
      .description('cadangkan basis data bawaan saat berjalan / back up the embedded database while it runs')
      .argument('<file>'),
  ).action(async (file: string, o: { dataDir: string }) => {
    setCode(await runBackup(file, o.dataDir, io));
  });
  dataDirOption(
    program
      .command('restore')
      .description('pulihkan cadangan (hentikan server dulu) / restore a backup (stop the server first)')
      .argument('<file>'),
  ).action(async (file: string, o: { dataDir: string }) => {
    setCode(await runRestore(file, o.dataDir, io));
  });
};
