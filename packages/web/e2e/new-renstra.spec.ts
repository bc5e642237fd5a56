import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './support.ts';

test('the editor of an agency without a Renstra starts one from the RPD, with its chapters and an empty tree', async ({
  page,
  browser,
}) => {
  // The admin makes an editor for Disdikbud (an agency of the RPD without a Renstra).
  await signIn(page, 'admin');
  const me = (await (await page.request.get('/api/auth/me')).json()) as {
    csrfToken: string;
    user: { roles: { regionId: string }[] };
  };
  const regionId = me.user.roles[0]?.regionId ?? '';
  const agencies = (await (await page.request.get(`/api/regions/${regionId}/agencies`)).json()) as {
    id: string;
    code: string;
  }[];
  const disdikbud = agencies.find((a) => a.code === '1.01.2.22.0.00.01.0000');
  const created = await page.request.post(`/api/regions/${regionId}/users`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: {
      username: 'disdikbud.editor',
      displayName: 'Perencana Disdikbud',
      password: DEMO_PASSWORD,
      roles: [{ role: 'agency_editor', agencyId: disdikbud?.id }],
    },
  });
  expect(created.status()).toBe(201);

  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL ?? '' });
  const editor = await context.newPage();
  await signIn(editor, 'disdikbud.editor');
  await expect(editor.getByText('Perangkat daerah Anda belum memiliki Renstra di Selaras.')).toBeVisible();
  await expect(editor.getByLabel('Judul Renstra')).toHaveValue(/Rencana Strategis .* Tahun 2024–2026/);
  await editor.getByRole('button', { name: 'Mulai Renstra dari RPD' }).click();

  // The new plan opens on its (empty) tree, with BAB I–VIII in the navigation and the rules already at work.
  await expect(editor).toHaveURL(/\/rencana\/[^/]+\/pohon/);
  await expect(editor.getByText('Pohon kinerja masih kosong.')).toBeVisible();
  await editor.getByRole('button', { name: 'Bab' }).click();
  await expect(editor.getByRole('button', { name: /^BAB VIII / })).toBeVisible();
  await expect(editor.getByTestId('error-count')).not.toHaveText('0');
  await context.close();
});
