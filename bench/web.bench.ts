import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { generateRegionalPlan, generateRenstra } from '../packages/core/src/generator/index.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'packages/web/dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PASSWORD = 'bench-password-2024';

/** What the first page costs: the entry script and everything it imports statically, gzipped. */
export interface BundleResult {
  readonly firstLoadJsGzipKb: number;
  readonly firstLoadJsRawKb: number;
  readonly cssGzipKb: number;
  readonly files: readonly string[];
  readonly lazyChunks: readonly { readonly file: string; readonly gzipKb: number }[];
  readonly goalKb: number;
}

export interface TreeResult {
  readonly nodes: number;
  readonly runs: number;
  /** Layout (ELK in a worker) and render until painted, after "expand all". */
  readonly layoutRenderMedianMs: number;
  readonly layoutRenderMinMs: number;
  /** The part of it ELK's layout took (in its worker, with the messages to and from it). */
  readonly elkMedianMs: number;
  /** From opening the tree's address to the first laid-out, painted tree (default folding). */
  readonly firstTreeMs: number;
}

/** In the page: how many cards the last layout placed (the tree screen writes it on `layout-time`). */
const LAYOUT_COUNT = `Number(document.querySelector('[data-testid="layout-time"]')?.getAttribute('data-count'))`;

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Builds the web app and measures what the browser loads before the first screen. */
export const measureBundle = (): BundleResult => {
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
  if (r.status !== 0) throw new Error('npm run build failed');
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g),
  ].map((m) => m[1] as string);
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/([^"]+\.css)"/g)].map(
    (m) => m[1] as string,
  );
  const files = [...new Set(scripts)];
  const gz = (f: string) => gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length;
  const raw = files.reduce((s, f) => s + statSync(join(DIST, f)).size, 0);
  const lazy = spawnSync('ls', [join(DIST, 'assets')], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((f) => f.endsWith('.js') && !files.includes(`assets/${f}`))
    .map((f) => ({ file: f.replace(/-[\w-]{8}\.js$/, '.js'), gzipKb: kb(gz(`assets/${f}`)) }))
    .sort((a, b) => b.gzipKb - a.gzipKb)
    .slice(0, 6);
  return {
    firstLoadJsGzipKb: kb(files.reduce((s, f) => s + gz(f), 0)),
    firstLoadJsRawKb: kb(raw),
    cssGzipKb: kb(css.reduce((s, f) => s + gz(f), 0)),
    files,
    lazyChunks: lazy,
    goalKb: 300,
  };
};

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync(process.execPath, [join(ROOT, 'packages/cli/bin/selaras.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`selaras ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

const serve = (dataDir: string): Promise<{ url: string; child: ChildProcess }> =>
  new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'packages/cli/bin/selaras.js'), 'serve', '--port', '0', '--no-demo', '--data-dir', dataDir],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: '', SELARAS_LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let err = '';
    child.stderr?.on('data', (c: Buffer) => {
      err += c.toString();
      const m = /running at (http:\/\/\S+)/.exec(err);
      if (m?.[1]) done({ url: m[1], child });
    });
    child.once('exit', (code) => fail(new Error(`serve exited ${code}: ${err}`)));
  });

/**
 * Opens a generated Renstra of `size` nodes in Debian's chromium and measures laying out and
 * painting the whole tree (expand all, repeated), and the first tree after opening its address.
 */
export const measureTree = async (size = 1_000, runs = 5): Promise<TreeResult | undefined> => {
  try {
    statSync(CHROMIUM);
  } catch {
    process.stderr.write(`web tree bench skipped: no chromium at ${CHROMIUM}\n`);
    return undefined;
  }
  const work = mkdtempSync(join(tmpdir(), 'selaras-webbench-'));
  const rpd = generateRegionalPlan({ seed: 1, tujuan: 3, sasaran: 3 });
  const renstra = generateRenstra({
    seed: 7,
    nodes: size,
    indicatorsPerNode: 2,
    regionalPlanId: rpd.id,
    regionalSasaran: rpd.nodes.filter((n) => n.level === 'sasaran').map((n) => n.id),
  });
  writeFileSync(join(work, 'rpd.json'), JSON.stringify(rpd));
  writeFileSync(join(work, 'renstra.json'), JSON.stringify(renstra));
  const data = join(work, 'data');
  cli(['import', join(work, 'rpd.json'), '--data-dir', data]);
  cli(['import', join(work, 'renstra.json'), '--data-dir', data]);
  cli(['user', 'add', 'pengamat', '--region', rpd.region.code, '--role', 'viewer', '--data-dir', data], {
    SELARAS_PASSWORD: PASSWORD,
  });
  const { url, child } = await serve(data);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${url}/masuk`);
    await page.getByLabel('Nama pengguna').fill('pengamat');
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/wilayah\//);
    const plans = (await (
      await page.request.get(`${url}/api/regions/${page.url().split('/wilayah/')[1]}/plans`)
    ).json()) as {
      planId: string;
      kind: string;
    }[];
    const planId = plans.find((p) => p.kind === 'renstra')?.planId;
    const t0 = Date.now();
    await page.goto(`${url}/rencana/${planId}/pohon`);
    const timing = page.getByTestId('layout-time');
    await timing.waitFor({ timeout: 120_000 });
    const firstTreeMs = Date.now() - t0;
    const times: number[] = [];
    const elk: number[] = [];
    // BENCH_PROFILE=file: a CPU profile of the page during the first expand-all, for chrome://inspect.
    const cdp = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : undefined;
    for (let i = 0; i < runs; i += 1) {
      await page.getByRole('button', { name: 'Tutup semua' }).click();
      await page.waitForFunction(`${LAYOUT_COUNT} < 200`);
      if (cdp && i === 0) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.start');
      }
      await page.getByRole('button', { name: 'Buka semua' }).click();
      await page.waitForFunction(`${LAYOUT_COUNT} === ${renstra.nodes.length}`, undefined, {
        timeout: 120_000,
      });
      times.push(Number(await timing.getAttribute('data-ms')));
      elk.push(Number(await timing.getAttribute('data-elk-ms')));
      if (cdp && i === 0) {
        const { profile } = await cdp.send('Profiler.stop');
        writeFileSync(process.env.BENCH_PROFILE ?? '', JSON.stringify(profile));
      }
    }
    times.sort((a, b) => a - b);
    elk.sort((a, b) => a - b);
    return {
      nodes: renstra.nodes.length,
      runs,
      layoutRenderMedianMs: times[Math.floor(times.length / 2)] ?? Number.NaN,
      layoutRenderMinMs: times[0] ?? Number.NaN,
      elkMedianMs: elk[Math.floor(elk.length / 2)] ?? Number.NaN,
      firstTreeMs,
    };
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
};
