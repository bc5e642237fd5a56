import { expect, test } from '@playwright/test';
import { signIn } from './support.ts';

interface Overview {
  agencies: { shortName: string | null; name: string }[];
}

test('Bappeda lands on the region overview, opens Dinas PUPR PERA’s Renstra and reads its alignment (Tabel 4.2)', async ({
  page,
}) => {
  await signIn(page, 'bappeda.reviewer');

  // Home by role: a region role lands on the region overview.
  await expect(page).toHaveURL(/\/wilayah\/[^/]+$/);
  await expect(page.getByRole('heading', { name: 'Provinsi Kalimantan Timur' })).toBeVisible();
  const regionId = new URL(page.url()).pathname.split('/')[2];

  // Every agency of the region is listed, with or without a Renstra.
  const rows = page.getByTestId('agency-row');
  for (const name of ['Dinas PUPR PERA', 'Dinas Kesehatan', 'Bappeda', 'Inspektorat'])
    await expect(rows.filter({ hasText: name })).toHaveCount(1);
  const overview = (await (await page.request.get(`/api/regions/${regionId}/overview`)).json()) as Overview;
  await expect(rows).toHaveCount(overview.agencies.length);
  for (const a of overview.agencies)
    await expect(rows.filter({ hasText: a.shortName ?? a.name })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Inspektorat' })).toContainText('Belum ada Renstra');

  // Dinas PUPR PERA's draft shows its 12 errors.
  const pupr = rows.filter({ hasText: 'Dinas PUPR PERA' });
  await expect(pupr.getByTestId('agency-errors')).toHaveText('12');
  await expect(pupr).toContainText('Belum diajukan');

  // "Only with errors" leaves PUPR PERA alone.
  await page.getByRole('switch', { name: 'Hanya yang ada kesalahan' }).check();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Dinas PUPR PERA');

  // Open its Renstra, then Tabel 4.2 from the plan's navigation.
  await pupr.getByRole('link', { name: /Rencana Strategis Dinas PUPR PERA/ }).click();
  await expect(page).toHaveURL(/\/rencana\/[^/]+\/pohon/);
  await page.getByRole('link', { name: 'Keselarasan (Tabel 4.2)' }).click();
  await expect(page).toHaveURL(/\/rencana\/[^/]+\/keselarasan$/);
  await expect(page.getByRole('heading', { name: 'Keselarasan dengan RPD (Tabel 4.2)' })).toBeVisible();

  // The regional sasaran rows, PUPR PERA's goals beside the one they align to, targets in Indonesian format.
  const table = page.getByTestId('alignment-table');
  for (const key of ['T1.S1', 'T1.S2', 'T2.S3', 'T3.S1'])
    await expect(table.locator(`[data-testid="alignment-row"][data-key="${key}"]`)).toBeVisible();
  const infrastructure = table.locator('[data-testid="alignment-row"][data-key="T2.S3"]');
  await expect(infrastructure).toHaveAttribute('data-state', 'aligned');
  await expect(infrastructure.getByTestId('agency-goal')).toHaveCount(2);
  await expect(infrastructure).toContainText('7,6');

  // The gap: T3.S1 is expected of the agency, but none of its goals aligns to it.
  const governance = table.locator('[data-testid="alignment-row"][data-key="T3.S1"]');
  await expect(governance).toHaveAttribute('data-state', 'gap');
  await expect(governance.getByTestId('gap')).toBeVisible();
  const uncovered = page.locator('[data-testid="uncovered"][data-key="T3.S1"]');
  await expect(uncovered).toBeVisible();
  await expect(uncovered).toContainText('P-1.03.01');
  await expect(page.getByRole('heading', { name: /Sasaran RPD yang belum didukung/ })).toBeVisible();
});
