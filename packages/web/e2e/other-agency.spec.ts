import { expect, test } from '@playwright/test';
import { PUPR_PLAN, planIdByKey, signIn } from './support.ts';

test('an editor of another agency can read PUPR PERA’s plan but not edit it, in the app or through the API', async ({
  page,
}) => {
  await signIn(page, 'dinkes.editor');
  // Dinkes' editor lands on Dinkes' own plan.
  await expect(page.getByText('Rencana Strategis Dinas Kesehatan')).toBeVisible();
  const puprId = await planIdByKey(page, PUPR_PLAN);

  await page.goto(`/rencana/${puprId}/pohon`);
  await expect(page.getByText('Rencana Strategis Dinas PUPR PERA')).toBeVisible();
  await expect(page.getByText('Hanya baca').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /Tambah Tujuan/ })).toHaveCount(0);
  await page.locator('[data-testid="tree-node"][data-key="TJ1"]').click();
  await expect(page.getByLabel('Pernyataan kinerja')).toHaveAttribute('readonly', '');
  await expect(page.getByRole('button', { name: 'Simpan' })).toHaveCount(0);

  // The API refuses the same write, whatever the page shows.
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const tree = (await (await page.request.get(`/api/plans/${puprId}/tree`)).json()) as {
    nodes: { id: string; key: string; version: number }[];
  };
  const tj1 = tree.nodes.find((n) => n.key === 'TJ1');
  const refused = await page.request.patch(`/api/nodes/${tj1?.id}`, {
    headers: { 'x-csrf-token': me.csrfToken, 'if-match': `"${tj1?.version}"` },
    data: { statement: 'Diubah oleh dinas lain' },
  });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
});
