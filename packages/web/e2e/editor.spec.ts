import { expect, test } from '@playwright/test';
import { signIn } from './support.ts';

test('a PUPR PERA editor adds a sasaran with an indicator and a target for each year; the findings and the tree follow', async ({
  page,
}) => {
  await signIn(page, 'pupr.editor');
  // Home by role: the editor lands on the agency's Renstra, on the tree.
  await expect(page).toHaveURL(/\/rencana\/[^/]+\/pohon/);
  await expect(page.getByText('Rencana Strategis Dinas PUPR PERA')).toBeVisible();
  // The findings panel (closed by default on a 1280-pixel screen) shows the live findings.
  await page.getByTestId('findings-toggle').click();
  const findings = page.getByTestId('finding');
  await expect(findings.first()).toBeVisible();

  // Open TJ1 and add a sasaran under it.
  await page.locator('[data-testid="tree-node"][data-key="TJ1"]').click();
  await page.getByRole('button', { name: 'Tambah Sasaran' }).click();
  const statement = 'Meningkatnya tertib administrasi dan pelaporan kinerja Dinas PUPR PERA';
  await page.getByLabel('Pernyataan kinerja').fill(statement);
  await page.getByRole('button', { name: 'Buat' }).click();
  await expect(page.getByText('Node ditambahkan')).toBeVisible();

  // The new node is in the tree, selected, and the findings now name it: a sasaran needs an indicator.
  const node = page.locator('[data-testid="tree-node"]', { hasText: statement });
  await expect(node).toBeVisible();
  const missing = page.locator('[data-testid="finding"][data-code="indicator/missing"]', {
    hasText: statement.slice(0, 40),
  });
  await expect(missing).toBeVisible();

  // Add its indicator with a target for every year of the period (2024–2026).
  await page.getByRole('button', { name: 'Tambah indikator' }).click();
  await page.getByLabel('Nama indikator').fill('Nilai SAKIP Dinas PUPR PERA');
  await page.getByLabel('Satuan').fill('nilai');
  await page.getByLabel('Target 2024').fill('70,5');
  await page.getByLabel('Target 2025').fill('72');
  await page.getByLabel('Target 2026').fill('75');
  await page.getByRole('button', { name: 'Tambah indikator' }).last().click();
  await expect(page.getByText('Indikator ditambahkan')).toBeVisible();

  // The finding is gone, and the card shows the indicator with its 2024 target in Indonesian format.
  await expect(missing).toHaveCount(0);
  await expect(node).toContainText('Nilai SAKIP Dinas PUPR PERA');
  await expect(node).toContainText('70,5');
});
