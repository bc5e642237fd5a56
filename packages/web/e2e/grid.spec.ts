import { expect, test } from '@playwright/test';
import { signIn } from './support.ts';

const paste = (text: string) => {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  document
    .querySelector('[data-testid="indicator-grid"]')
    ?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
};

test('the indicator grid takes typed targets and a block pasted from Excel, in Indonesian number format, all or nothing', async ({
  page,
}) => {
  await signIn(page, 'pupr.editor');
  await page.getByRole('link', { name: 'Indikator & target' }).click();
  const grid = page.getByTestId('indicator-grid');
  await expect(grid).toBeVisible();
  const row = grid.locator('[data-testid="grid-indicator-row"][data-key="bm_kemantapan_jalan"]');
  await expect(row).toBeVisible();

  // Type a target: select the 2025 cell, type, Enter.
  await row.getByRole('gridcell').nth(7).click();
  await page.keyboard.type('84,75');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText('Tersimpan', { timeout: 15_000 });
  await expect(row.getByRole('gridcell').nth(7)).toHaveText('84,75');

  // A bad block changes nothing and says where.
  await row.getByRole('gridcell').nth(6).click();
  await page.evaluate(paste, '83\tdelapan puluh\t86');
  await expect(page.getByText('Tempelan tidak diterapkan; tidak ada yang berubah.')).toBeVisible();
  await expect(row.getByRole('gridcell').nth(7)).toHaveText('84,75');

  // A good block (as Excel copies it: tabs, CRLF) is saved in one go.
  await page.evaluate(paste, '83,1\t85,2\t87,3\r\n');
  await expect(page.getByText('3 sel ditempel')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('Tersimpan', { timeout: 15_000 });
  await page.reload();
  const again = page.locator('[data-testid="grid-indicator-row"][data-key="bm_kemantapan_jalan"]');
  await expect(again.getByRole('gridcell').nth(6)).toHaveText('83,1');
  await expect(again.getByRole('gridcell').nth(8)).toHaveText('87,3');
});
