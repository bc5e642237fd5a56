import { resolve } from 'node:path';
import type { Io } from '../src/io.ts';
import { run } from '../src/run.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const RPD = 'fixtures/kaltim/rpd-2024-2026.json';
export const DRAFT = 'fixtures/kaltim/renstra-pupr-pera-2024-2026.draft.json';
export const REVISED = 'fixtures/kaltim/renstra-pupr-pera-2024-2026.revised.json';

/**
 * Runs the CLI in-process from the repository root and captures its output. `stop` ends a
 * long-running command (serve) as a signal would; `onStderr` sees the error stream as it grows.
 */
export const runCliWith =
  (stop?: Promise<void>, onStderr?: (stderr: string) => void) =>
  async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const io: Io = {
      stdout: (s) => {
        stdout += s;
      },
      stderr: (s) => {
        stderr += s;
        onStderr?.(stderr);
      },
      cwd: ROOT,
      color: false,
      columns: 120,
      ...(stop ? { stop } : {}),
    };
    const code = await run(argv, io);
    return { code, stdout, stderr };
  };

/** Runs the CLI in-process from the repository root and captures its output. */
export const runCli = runCliWith();
