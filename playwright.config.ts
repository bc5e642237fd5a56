import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { DEMO_PASSWORD } from './packages/web/e2e/support.ts';

/**
 * The browser flows (packages/web/e2e) in Debian's chromium against a real `selaras serve` with
 * the Kaltim demo on a fresh embedded database. `npm test` runs them through scripts/e2e.ts,
 * which builds the web app first. Never downloads a browser.
 */
const port = Number(process.env.E2E_PORT ?? 18765);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'selaras-e2e-'));

export default defineConfig({
  testDir: 'packages/web/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    locale: 'id-ID',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `node packages/cli/bin/selaras.js serve --port ${port} --data-dir ${dataDir} --demo`,
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 90_000,
    env: {
      SELARAS_DEMO_PASSWORD: DEMO_PASSWORD,
      SELARAS_LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      SELARAS_WEB_DIR: process.env.SELARAS_WEB_DIR ?? '',
    },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
