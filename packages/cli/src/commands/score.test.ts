import { describe, expect, it } from 'vitest';
import { DRAFT, REVISED, RPD, runCli } from '../../test/io.ts';

describe('selaras score', () => {
  it('shows IKLI 2024 with each component’s contribution under --explain', async () => {
    const { code, stdout } = await runCli('score', RPD, REVISED, '--year', '2024', '--explain');
    expect(code).toBe(0);
    expect(stdout).toContain('Indeks Kualitas Layanan Infrastruktur (IKLI) PUPR 2024 = 7,74 (skala 0–10)');
    expect(stdout).toContain('definisi versi 2024.1, berlaku sejak 2024');
    expect(stdout).toMatch(
      /Penataan Ruang – skoring penyelenggaraan penataan ruang \[pr_skoring\]: nilai [\d,]+ → tabel skor/,
    );
    expect(stdout).toMatch(
      /Bina Marga – kemantapan jalan provinsi \[bm_kemantapan_jalan\]: nilai 82,21 → min–maks 0–100 = 0,8221; × bobot [\d,]+ × rentang skala 10 = kontribusi 1,644/,
    );
    expect(stdout).toContain('capaian = realisasi ÷ target × 100');
  });

  it('gives the same numbers as JSON, components adding up to the index', async () => {
    const { stdout } = await runCli('score', REVISED, '--year', '2024', '--json');
    const out = JSON.parse(stdout);
    const ikli = out.plans[0].composites.find((c: { id: string }) => c.id === 'ikli');
    expect(ikli.value).toBe(7.74);
    expect(ikli.version).toBe('2024.1');
    const sum = ikli.components.reduce((s: number, c: { contribution: number }) => s + c.contribution, 0);
    expect(sum).toBeCloseTo(7.74, 2);
    const kemantapan = out.plans[0].indicators.find((i: { id: string }) => i.id === 'bm_kemantapan_jalan');
    expect(kemantapan).toMatchObject({ realisation: 82.21, source: 'entered', predicate: 'sangat-tinggi' });
    expect(out.plans[0].overall.value).toBeGreaterThan(0);
  });

  it('uses the version of the index in force in the year', async () => {
    const { stdout } = await runCli('score', DRAFT, '--year', '2025', '--json', '--explain');
    const ikli = JSON.parse(stdout).plans[0].composites[0];
    expect(ikli.version).toBe('2025.1');
  });

  it('speaks English with --lang en and lists every indicator with --all', async () => {
    const some = await runCli('score', REVISED, '--year', '2024', '--lang', 'en');
    expect(some.stdout).toContain('Composite indices');
    expect(some.stdout).toContain('Overall achievement');
    const all = await runCli('score', REVISED, '--year', '2024', '--all');
    expect(all.stdout.split('\n').length).toBeGreaterThan(some.stdout.split('\n').length);
  });

  it('refuses a year outside the period, or no year, with exit 2', async () => {
    const outside = await runCli('score', REVISED, '--year', '2030');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('2024–2026');
    expect((await runCli('score', REVISED)).code).toBe(2);
    expect((await runCli('score', REVISED, '--year', 'next')).code).toBe(2);
  });
});
