import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../../test/io.ts';

describe('selaras nomenclature', () => {
  it('shows a program and its kegiatan', async () => {
    const { code, stdout } = await runCli('nomenclature', 'show', '1.03.12');
    expect(code).toBe(0);
    expect(stdout).toContain('PROGRAM PENYELENGGARAAN PENATAAN RUANG');
    expect(stdout).toContain('1.03.12.1.02  Koordinasi dan Sinkronisasi Perencanaan Tata Ruang');
  });

  it('resolves program penunjang through its template and keeps versions apart', async () => {
    const penunjang = JSON.parse(
      (await runCli('nomenclature', 'show', '1.03.01.1.01.0001', '--json')).stdout,
    );
    expect(penunjang.entry.name).toBe('Penyusunan Dokumen Perencanaan Perangkat Daerah');
    const old = await runCli(
      'nomenclature',
      'show',
      '1.03.10.2.01.0032',
      '--kind',
      'kabupaten',
      '--version',
      'kepmendagri-900.1.15.5-1317-2023',
    );
    expect(old.stdout).toContain('Pembangunan Jalan');
    const renumbered = await runCli('nomenclature', 'show', '1.03.10.2.01.0032', '--kind', 'kabupaten');
    expect(renumbered.code).toBe(2);
    const versions = await runCli('nomenclature', 'versions');
    expect(versions.stdout).toContain('sipd-2027 (default)');
  });

  it('refuses unknown versions and codes', async () => {
    expect((await runCli('nomenclature', 'show', '1.03.12', '--version', 'x')).code).toBe(2);
    expect((await runCli('nomenclature', 'show', 'bad')).code).toBe(2);
  });
});

describe('the selaras binary', () => {
  it('runs from the repository as `npx selaras` does, with real exit codes', () => {
    const bin = join(ROOT, 'node_modules/.bin/selaras');
    const out = execFileSync(bin, ['nomenclature', 'versions', '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out).default).toBe('sipd-2027');
    let code = 0;
    try {
      execFileSync(
        bin,
        [
          'check',
          'fixtures/kaltim/rpd-2024-2026.json',
          'fixtures/kaltim/renstra-pupr-pera-2024-2026.draft.json',
        ],
        {
          cwd: ROOT,
          stdio: 'pipe',
        },
      );
    } catch (e) {
      code = (e as { status: number }).status;
    }
    expect(code).toBe(1);
  });
});
