import { expect, type Page } from '@playwright/test';

/** The password of every demo account in the browser flows (set for the server in playwright.config.ts). */
export const DEMO_PASSWORD = 'e2e-demo-password';

/** Signs in through the form as a demo user and waits until the home page has loaded. */
export const signIn = async (page: Page, username: string, path = '/'): Promise<void> => {
  await page.goto(path);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(
    page.getByRole('button', { name: /Perencana|Penelaah|Verifikator|Auditor|Pembaca|Administrator|Kepala/ }),
  ).toBeVisible();
};

/** The id of the demo plan with this key, through the API as the signed-in page. */
export const planIdByKey = async (page: Page, key: string): Promise<string> => {
  const regions = (await (await page.request.get('/api/regions')).json()) as { id: string }[];
  const plans = (await (await page.request.get(`/api/regions/${regions[0]?.id}/plans`)).json()) as {
    planId: string;
    key: string;
  }[];
  const plan = plans.find((p) => p.key === key);
  if (!plan) throw new Error(`no plan ${key}`);
  return plan.planId;
};

export const PUPR_PLAN = 'kaltim-pupr-pera-renstra-2024-2026';
export const DINKES_PLAN = 'kaltim-dinkes-renstra-2024-2026';
