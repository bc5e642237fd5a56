import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRAFT, REVISED, RPD, runCli } from '../../test/io.ts';

describe('selaras check', () => {
  it('finds the verification meeting’s findings in the draft and exits 1', async () => {
    const { code, stdout } = await runCli('check', RPD, DRAFT, '--json');
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    const codes = new Set(out.findings.map((f: { code: string }) => f.code));
    expect(codes).toContain('coverage/outside-composite');
    expect(codes).toContain('data/stale-baseline');
    expect(out.ok).toBe(false);
    expect(out.summary.error).toBeGreaterThan(0);
    expect(out.files.map((f: { planId: string }) => f.planId)).toEqual([
      'kaltim-rpd-2024-2026',
      'kaltim-pupr-pera-renstra-2024-2026',
    ]);
    for (const f of out.findings) expect(Object.keys(f.message).sort()).toEqual(['en', 'id']);
  });

  it('passes the revised plan with exit 0', async () => {
    const { code, stdout } = await runCli('check', RPD, REVISED, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary.error).toBe(0);
  });

  it('prints findings grouped by severity in Indonesian, or English with --lang en', async () => {
    const id = await runCli('check', RPD, DRAFT);
    expect(id.stdout).toMatch(/^Kesalahan \(\d+\)$/m);
    expect(id.stdout.replace(/\s+/g, ' ')).toContain('Buat tujuan dan sasaran tersendiri');
    expect(id.stdout).toMatch(/Ringkasan: \d+ kesalahan/);
    const en = await runCli('check', RPD, DRAFT, '--lang', 'en');
    expect(en.stdout).toMatch(/^Errors \(\d+\)$/m);
    expect(en.stdout.replace(/\s+/g, ' ')).toContain(
      'Give activities outside the index formula a tujuan and sasaran of their own',
    );
    const clean = await runCli('check', RPD, REVISED);
    expect(clean.stdout).toContain('Tidak ada temuan.');
  });

  it('reports an unavailable nomenclature reference folder with exit 2', async () => {
    const { code, stderr } = await runCli('--reference', '/nonexistent', 'check', RPD);
    expect(code).toBe(2);
    expect(stderr).toContain('/nonexistent');
  });

  describe('unusable input exits 2 with the file, the place and the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'selaras-cli-'));
    const file = (name: string, content: string) => {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    };

    it.each([
      ['a missing file', () => join(dir, 'nope.json'), ['nope.json', 'ENOENT']],
      ['broken JSON', () => file('broken.json', '{ "format": '), ['broken.json', 'not valid JSON']],
      [
        'not a plan',
        () => file('other.json', '{"hello": 1}'),
        ['other.json', 'not a Selaras plan file', 'format'],
      ],
      [
        'a target written as text',
        () =>
          file(
            'text-target.json',
            JSON.stringify({
              format: 'selaras.regional-plan',
              formatVersion: 1,
              id: 'x',
              title: 'x',
              region: { code: '64', name: 'Kaltim', kind: 'provinsi' },
              period: { kind: 'RPD', startYear: 2024, endYear: 2026, baselineYear: 2022 },
              nomenclatureVersion: 'sipd-2027',
              nodes: [
                {
                  id: 'T1',
                  level: 'tujuan',
                  statement: 's',
                  indicators: [{ id: 'i', name: 'i', targets: { '2024': '82,5' } }],
                },
              ],
            }),
          ),
        [
          'text-target.json',
          'nodes[0 "T1"].indicators[0 "i"].targets.2024',
          'expected a number such as 82.5',
        ],
      ],
    ] as const)('%s', async (_name, make, expected) => {
      const { code, stderr } = await runCli('check', make());
      expect(code).toBe(2);
      for (const e of expected) expect(stderr).toContain(e);
    });

    it('deeply nested content, and reports it as JSON with --json', async () => {
      let content: unknown = { type: 'text', text: 'a' };
      for (let i = 0; i < 1000; i++) content = { type: 'paragraph', content: [content] };
      const p = file(
        'deep.json',
        JSON.stringify({ format: 'selaras.renstra', chapters: [{ sections: [{ content }] }] }),
      );
      const { code, stderr, stdout } = await runCli('check', p, '--json');
      expect(code).toBe(2);
      expect(stderr).toContain('nested too deeply');
      expect(JSON.parse(stdout).error.code).toBe('UNUSABLE_INPUT');
    });

    it('a bad option or no file', async () => {
      expect((await runCli('check')).code).toBe(2);
      expect((await runCli('check', RPD, '--lang', 'fr')).code).toBe(2);
      expect((await runCli('frobnicate')).code).toBe(2);
    });
  });

  it('prints help with exit 0', async () => {
    const { code, stdout } = await runCli('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('check');
    expect(stdout).toContain('score');
  });
});
