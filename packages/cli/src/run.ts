import { type Lang, LangSchema, type RegionKind } from '@selaras/core';
import { AppError, loadNomenclatureStore, type NomenclatureStore } from '@selaras/services';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { runCheck } from './commands/check.ts';
import { runNomenclatureShow, runNomenclatureVersions } from './commands/nomenclature.ts';
import { runScore } from './commands/score.ts';
import { registerServerCommands } from './commands/server-commands.ts';
import { EXIT, type Io, UsageError } from './io.ts';

const parseYear = (value: string): number => {
  if (!/^\d{4}$/.test(value))
    throw new InvalidArgumentError('a four-digit year such as 2024 / tahun empat digit');
  return Number(value);
};

const langOption = () =>
  new Option('--lang <lang>', 'bahasa keluaran / output language').choices(['id', 'en']).default('id');

const buildProgram = (io: Io, setCode: (code: number) => void): Command => {
  let store: NomenclatureStore | undefined;
  let referenceDir: string | undefined;
  const getStore = () => {
    store ??= loadNomenclatureStore(referenceDir);
    return store;
  };
  const program = new Command('selaras')
    .description(
      'Selaras: periksa dan nilai rencana strategis daerah / check and score regional strategic plans',
    )
    .option('--reference <dir>', 'folder referensi nomenklatur / nomenclature reference folder')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .hook('preAction', (cmd) => {
      referenceDir = cmd.opts<{ reference?: string }>().reference;
    });

  program
    .command('check')
    .description('periksa berkas rencana terhadap aturan / check plan files against the rules')
    .argument('<files...>', 'berkas rencana daerah dan renstra / regional and agency plan files')
    .addOption(langOption())
    .option('--json', 'keluaran JSON / JSON output', false)
    .action(async (files: string[], o: { lang: Lang; json: boolean }) => {
      setCode(await runCheck(files, { lang: LangSchema.parse(o.lang), json: o.json }, io, getStore));
    });

  program
    .command('score')
    .description(
      'hitung capaian, roll-up dan indeks komposit / compute achievement, roll-ups and composite indices',
    )
    .argument('<files...>', 'berkas rencana / plan files')
    .requiredOption('--year <year>', 'tahun / year', parseYear)
    .option('--explain', 'tunjukkan cara setiap angka dihitung / show how every number is computed', false)
    .option(
      '--all',
      'tampilkan juga indikator tanpa realisasi / include indicators without actual values',
      false,
    )
    .addOption(langOption())
    .option('--json', 'keluaran JSON / JSON output', false)
    .action(
      async (
        files: string[],
        o: { lang: Lang; json: boolean; year: number; explain: boolean; all: boolean },
      ) => {
        setCode(await runScore(files, { ...o, lang: LangSchema.parse(o.lang) }, io));
      },
    );

  const nomenclature = program
    .command('nomenclature')
    .description('daftar nomenklatur resmi / the official nomenclature');
  nomenclature
    .command('show')
    .description('tampilkan kode dan turunannya / show a code and the codes under it')
    .argument('<code>', 'mis./e.g. 1.03.12')
    .option('--version <id>', 'versi nomenklatur / nomenclature version')
    .addOption(
      new Option('--kind <kind>', 'jenis pemerintah daerah / kind of region')
        .choices(['provinsi', 'kabupaten', 'kota'])
        .default('provinsi'),
    )
    .addOption(langOption())
    .option('--json', 'keluaran JSON / JSON output', false)
    .action((code: string, o: { version?: string; kind: RegionKind; json: boolean; lang: Lang }) => {
      setCode(runNomenclatureShow(code, o, io, getStore()));
    });
  nomenclature
    .command('versions')
    .description('versi yang tersedia / available versions')
    .option('--json', 'keluaran JSON / JSON output', false)
    .action((o: { json: boolean }) => {
      setCode(runNomenclatureVersions(io, getStore(), o.json));
    });
  registerServerCommands(program, io, setCode);
  return program;
};

/** The field paths or findings of a use-case error, one line each, for people. */
const detailLines = (details: unknown): string[] => {
  const d = details as { issues?: unknown; findings?: unknown } | undefined;
  const lines: string[] = [];
  if (Array.isArray(d?.issues))
    for (const i of d.issues as { path?: string; message?: string }[])
      lines.push(`${i.path || '(root)'}: ${i.message}`);
  if (Array.isArray(d?.findings))
    for (const f of d.findings as { code?: string; path?: string; message?: { en?: string } }[])
      lines.push(`[${f.code}] ${f.path ?? ''} ${f.message?.en ?? ''}`.trim());
  return lines;
};

/**
 * Runs the command line with the given arguments (without `node` and the script) and returns the
 * exit code: 0 no errors, 1 the plans have errors, 2 unusable input or usage.
 */
export const run = async (argv: readonly string[], io: Io): Promise<number> => {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT.ok : EXIT.unusable;
    }
    const json = argv.includes('--json');
    if (e instanceof UsageError) {
      io.stderr(`selaras: ${e.message}\n${e.details.map((d) => `  ${d}\n`).join('')}`);
      if (json)
        io.stdout(
          `${JSON.stringify({ error: { code: 'UNUSABLE_INPUT', message: e.message, details: e.details } }, null, 2)}\n`,
        );
      return EXIT.unusable;
    }
    if (e instanceof AppError && e.code !== 'INTERNAL') {
      io.stderr(
        `selaras: ${e.message}\n${detailLines(e.details)
          .map((d) => `  ${d}\n`)
          .join('')}`,
      );
      if (json)
        io.stdout(
          `${JSON.stringify({ error: { code: e.code, message: e.message, details: e.details } }, null, 2)}\n`,
        );
      return EXIT.unusable;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`selaras: unexpected error (a bug; please report it): ${message}\n`);
    if (process.env.SELARAS_DEBUG && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    if (json) io.stdout(`${JSON.stringify({ error: { code: 'INTERNAL', message } }, null, 2)}\n`);
    return EXIT.internal;
  }
};
