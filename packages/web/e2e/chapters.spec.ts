import { expect, test } from '@playwright/test';
import { PUPR_PLAN, planIdByKey, signIn } from './support.ts';

test('chapter text saves as you type, and a change by someone else is never overwritten silently', async ({
  page,
  browser,
}) => {
  await signIn(page, 'pupr.editor');
  const planId = await planIdByKey(page, PUPR_PLAN);
  // Through the navigation: Bab → BAB II → its first section.
  await page.getByRole('button', { name: 'Bab' }).click();
  await page.getByRole('button', { name: /^BAB II / }).click();
  await page.getByRole('link', { name: /^2\.1 / }).click();
  await expect(page).toHaveURL(new RegExp(`/rencana/${planId}/bab/2/2.1`));
  const editor = page.getByTestId('rich-editor');
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Kalimat tambahan dari penyusun.');
  await expect(page.getByTestId('autosave-status')).toHaveText('Tersimpan', { timeout: 15_000 });
  await page.reload();
  await expect(page.getByTestId('rich-editor')).toContainText('Kalimat tambahan dari penyusun.');

  // The head of the agency changes the same section in another browser.
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL ?? '' });
  const head = await other.newPage();
  await signIn(head, 'pupr.kadis', `/rencana/${planId}/bab/2/2.1`);
  await head.getByTestId('rich-editor').click();
  await head.keyboard.press('Control+End');
  await head.keyboard.type(' Catatan kepala dinas.');
  await expect(head.getByTestId('autosave-status')).toHaveText('Tersimpan', { timeout: 15_000 });
  await other.close();

  // The editor, still on the old version, types: the save is refused and both versions are shown.
  await page.getByTestId('rich-editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Kalimat kedua.');
  await expect(page.getByText('Subbab ini baru saja diubah orang lain')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('their-version')).toContainText('Catatan kepala dinas.');
  await page.getByRole('button', { name: 'Pakai versi mereka' }).click();
  await expect(page.getByTestId('rich-editor').first()).toContainText('Catatan kepala dinas.');
  await expect(page.getByTestId('rich-editor').first()).not.toContainText('Kalimat kedua.');
  await expect(page.getByTestId('autosave-status')).toHaveText('Tersimpan');
});
