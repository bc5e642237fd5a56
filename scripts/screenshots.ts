import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';

/**
 * `npm run screenshots`: starts Selaras with the Kaltim demo on a fresh embedded database and
 * saves the main screens, at a 1280-pixel laptop size, to docs/screenshots/ (shown in the README).
 * Needs the web app built (`npm run build`) and Debian's chromium.
 */
const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs/screenshots');
const PASSWORD = 'screenshot-password';

const serve = (dataDir: string): Promise<{ url: string; child: ChildProcess }> =>
  new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'packages/cli/bin/selaras.js'), 'serve', '--port', '0', '--data-dir', dataDir],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: '', SELARAS_LOG_LEVEL: 'warn', SELARAS_DEMO_PASSWORD: PASSWORD },
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

const signIn = async (page: Page, url: string, username: string) => {
  await page.goto(`${url}/masuk`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/masuk'));
};

const shot = async (page: Page, name: string) => {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  process.stdout.write(`docs/screenshots/${name}.png\n`);
};

const main = async () => {
  mkdirSync(OUT, { recursive: true });
  const data = mkdtempSync(join(tmpdir(), 'selaras-shots-'));
  const { url, child } = await serve(data);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'id-ID' });
    await page.goto(`${url}/masuk`);
    await shot(page, '01-masuk');

    await signIn(page, url, 'bappeda.reviewer');
    await page.getByText('Dinas PUPR PERA').first().waitFor();
    await shot(page, '02-bappeda-perangkat-daerah');

    await page.context().clearCookies();
    await signIn(page, url, 'pupr.editor');
    await page.getByTestId('layout-time').waitFor();
    await page.getByRole('button', { name: 'Perkecil' }).click();
    await page.getByRole('button', { name: 'Perkecil' }).click();
    await shot(page, '03-pohon-kinerja');
    await page.locator('[data-testid="tree-node"][data-key="TJ1.SS1"]').click();
    await shot(page, '03b-pohon-kinerja-detail');
    const base = page.url().replace(/\/pohon.*$/, '');

    await page.goto(`${base}/indikator`);
    await page.getByTestId('indicator-grid').waitFor();
    await shot(page, '04-indikator-target');

    await page.goto(`${base}/bab/2/2.1`);
    await page.getByTestId('rich-editor').waitFor();
    await shot(page, '05-bab');

    await page.goto(`${base}/keselarasan`);
    await shot(page, '06-keselarasan');

    await page.goto(`${base}/capaian`);
    await page.getByTestId('composite-value').first().waitFor();
    await page.getByTestId('findings-toggle').click();
    await shot(page, '07-capaian-dan-temuan');
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    rmSync(data, { recursive: true, force: true });
  }
};

await main();
