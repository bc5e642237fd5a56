import { type Browser, expect, type Page, test } from '@playwright/test';
import { PUPR_PLAN, planIdByKey, signIn } from './support.ts';

// A step that cannot happen fails in seconds, not at the end of the whole story's time.
test.use({ actionTimeout: 15_000 });

const OUTSIDE_IKLI =
  'Tambahkan satu tujuan dan satu sasaran beserta indikatornya untuk kegiatan non-prioritas di luar formula IKLI';
const NEW_GOAL = 'Meningkatnya kualitas tata kelola dan akuntabilitas kinerja Dinas PUPR PERA';

/** A fresh browser for one user, signed in (each actor of the story has their own session). */
const as = async (browser: Browser, username: string): Promise<Page> => {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL ?? '' });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
};

/**
 * A copy of Dinas PUPR PERA's Renstra, made by the admin through the API, so the story can lock
 * and verify it while the other flows keep editing the original.
 */
const copyPuprPlan = async (page: Page): Promise<string> => {
  const me = (await (await page.request.get('/api/auth/me')).json()) as {
    csrfToken: string;
    user: { roles: { regionId: string }[] };
  };
  const regionId = me.user.roles[0]?.regionId ?? '';
  const original = await planIdByKey(page, PUPR_PLAN);
  const file = (await (await page.request.get(`/api/plans/${original}`)).json()) as Record<string, unknown>;
  const created = await page.request.post(`/api/regions/${regionId}/plans`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: {
      ...file,
      id: `${PUPR_PLAN}-penelaahan-${Date.now()}`,
      title: 'Renstra Dinas PUPR PERA 2024–2026 (alur penelaahan)',
    },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { planId: string }).planId;
};

/** Fills the letter form (Ajukan / Ajukan kembali) and sends it. */
const sendLetter = async (page: Page, number: string, date: string, button: string) => {
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Yth. (jabatan)')).toHaveValue('Kepala Bappeda Provinsi Kalimantan Timur');
  await expect(dialog.getByLabel('Nama penandatangan')).not.toHaveValue('');
  await dialog.getByLabel('Nomor').fill(number);
  await dialog.getByLabel('Tanggal').fill(date);
  await dialog.getByLabel('NIP').fill('197001011990031001');
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog).toHaveCount(0);
};

const choose = async (page: Page, label: string, option: string | RegExp, search?: string) => {
  const input = page.getByRole('dialog').getByRole('combobox', { name: label });
  await input.click();
  if (search) await input.fill(search);
  await page
    .getByRole('option', typeof option === 'string' ? { name: option, exact: true } : { name: option })
    .first()
    .click();
};

const recordFinding = async (
  page: Page,
  f: { about: string; item?: string; category: string; text: string },
) => {
  await page.getByRole('button', { name: 'Tambah temuan' }).click();
  await choose(page, 'Tentang', f.about);
  if (f.item) await choose(page, f.about, new RegExp(f.item), f.item);
  await choose(page, 'Kategori', f.category);
  await page.getByRole('dialog').getByLabel('Uraian temuan').fill(f.text);
  await page.getByRole('button', { name: 'Simpan temuan' }).click();
  await expect(page.getByText('Temuan dicatat')).toBeVisible();
};

test('the Kaltim review story: submission with a letter, findings, selective return, revision, resubmission, diff and verification', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(page, 'admin');
  const planId = await copyPuprPlan(page);
  const review = `/rencana/${planId}/penelaahan`;
  const state = (p: Page) => p.getByTestId('review-state');

  // 1. The head of Dinas PUPR PERA submits the draft with an official letter.
  const kadis = await as(browser, 'pupr.kadis');
  await kadis.goto(review);
  await expect(state(kadis)).toHaveAttribute('data-state', 'draft');
  await kadis.getByTestId('review-actions').getByRole('button', { name: 'Ajukan', exact: true }).click();
  await sendLetter(kadis, '050/0502/Dpupr-Pera/2023', '2023-05-02', 'Ajukan dengan surat ini');
  await expect(state(kadis)).toHaveAttribute('data-state', 'submitted');
  await expect(kadis.getByTestId('review-banner')).toContainText('Sedang ditelaah Bappeda: rencana terkunci');
  await kadis.context().close();

  // 2. Bappeda records a finding on the tree, the Inspektorat one on an indicator.
  const reviewer = await as(browser, 'bappeda.reviewer');
  await reviewer.goto(review);
  await recordFinding(reviewer, {
    about: 'Pohon kinerja',
    category: 'Keselarasan',
    text: OUTSIDE_IKLI,
  });
  await expect(state(reviewer)).toHaveAttribute('data-state', 'in-review');
  const inspektorat = await as(browser, 'inspektorat');
  await inspektorat.goto(review);
  await recordFinding(inspektorat, {
    about: 'Indikator',
    item: 'sk_rehab_irigasi_permukaan',
    category: 'Indikator',
    text: 'Target 2026 belum diisi.',
  });
  const indicatorFinding = inspektorat.getByTestId('review-finding').filter({ hasText: 'Target 2026' });
  await expect(indicatorFinding.getByTestId('anchor-link')).toHaveAttribute(
    'href',
    `/rencana/${planId}/indikator?indicator=sk_rehab_irigasi_permukaan`,
  );

  // 3. Bappeda returns the plan: the preview names what unlocks.
  await reviewer.reload();
  await reviewer
    .getByTestId('review-actions')
    .getByRole('button', { name: 'Kembalikan untuk perbaikan' })
    .click();
  const preview = reviewer.getByTestId('return-preview');
  await expect(preview).toContainText('Pohon kinerja (cascading)');
  await expect(preview).toContainText('sk_rehab_irigasi_permukaan');
  await reviewer.getByRole('button', { name: 'Kembalikan', exact: true }).click();
  await expect(state(reviewer)).toHaveAttribute('data-state', 'returned');

  // 4. The editor is told, adds a tujuan (the tree is unlocked), is refused on BAB I, answers.
  const editor = await as(browser, 'pupr.editor');
  await editor.getByTestId('inbox-bell').click();
  await editor
    .getByTestId('notification')
    .filter({ hasText: 'Rencana dikembalikan untuk perbaikan' })
    .filter({ hasText: '(alur penelaahan)' })
    .first()
    .click();
  await expect(editor).toHaveURL(new RegExp(`${review}$`));
  const banner = editor.getByTestId('review-banner');
  await expect(banner).toContainText('Dikembalikan untuk perbaikan: hanya item temuan yang dapat diubah');
  await editor.getByRole('link', { name: 'Pohon kinerja', exact: true }).click();
  await editor.getByRole('button', { name: 'Tambah Tujuan' }).click();
  await editor.getByLabel('Pernyataan kinerja').fill(NEW_GOAL);
  await editor.getByRole('button', { name: 'Buat' }).click();
  await expect(editor.getByText('Node ditambahkan')).toBeVisible();
  await editor.goto(`/rencana/${planId}/bab/1/1.1`);
  await editor.getByTestId('rich-editor').click();
  await editor.keyboard.press('Control+End');
  await editor.keyboard.type(' Kalimat yang tidak dibuka.');
  await expect(editor.getByTestId('autosave-status')).toContainText('tidak termasuk yang dibuka', {
    timeout: 15_000,
  });
  await editor.goto(review);
  const open = editor.locator('[data-testid="review-finding"][data-status="open"]');
  await expect(open).toHaveCount(2);
  for (const remaining of [1, 0]) {
    await open.first().getByLabel('Jawaban perangkat daerah').fill('Sudah diperbaiki sesuai temuan.');
    await open.first().getByRole('button', { name: 'Kirim jawaban' }).click();
    await expect(open).toHaveCount(remaining);
  }
  await editor.context().close();

  // 5. The head resubmits with the letter of 17 May 2023.
  const kadis2 = await as(browser, 'pupr.kadis');
  await kadis2.goto(review);
  await kadis2.getByTestId('review-actions').getByRole('button', { name: 'Ajukan kembali' }).click();
  await sendLetter(kadis2, '050/0517/Dpupr-Pera/2023', '2023-05-17', 'Ajukan kembali dengan surat ini');
  await expect(state(kadis2)).toHaveAttribute('data-state', 'resubmitted');
  await kadis2.context().close();

  // 6. Bappeda compares round 1 with round 2: the new tujuan is there; the letter prints with its date.
  await reviewer.goto(`${review}?tab=putaran`);
  await expect(reviewer.getByTestId('round')).toHaveCount(2);
  await expect(reviewer.getByTestId('round-hash').first()).toHaveAttribute('data-intact', 'true');
  await expect(reviewer.getByTestId('diff-node-added')).toContainText(NEW_GOAL);
  await reviewer
    .locator('[data-testid="round"][data-round="2"]')
    .getByRole('button', { name: 'Cetak surat' })
    .click();
  await expect(reviewer.getByTestId('letter-sheet')).toContainText('Samarinda, 17 Mei 2023');
  await reviewer.getByRole('button', { name: 'Tutup', exact: true }).click();

  // 7. Each institution accepts the answer to its finding.
  for (const p of [reviewer, inspektorat]) {
    await p.goto(review);
    await p.locator('[data-testid="review-finding"][data-status="answered"]').first().waitFor();
    const mine = p
      .getByTestId('review-finding')
      .filter({ hasText: p === reviewer ? 'formula IKLI' : 'Target 2026' });
    await mine.getByRole('button', { name: 'Terima jawaban' }).click();
    await expect(mine).toHaveAttribute('data-status', 'accepted');
  }
  await inspektorat.context().close();
  await reviewer.context().close();

  // 8. Bappeda's verifier verifies with the checklist.
  const verifier = await as(browser, 'bappeda.verifier');
  await verifier.goto(review);
  await verifier
    .getByTestId('review-actions')
    .getByRole('button', { name: 'Verifikasi', exact: true })
    .click();
  const criteria = verifier.getByTestId('criterion');
  await expect(criteria).toHaveCount(8);
  for (let i = 0; i < 8; i++) await criteria.nth(i).getByText('Memenuhi', { exact: true }).click();
  await verifier.getByRole('button', { name: 'Verifikasi rencana' }).click();
  await expect(state(verifier)).toHaveAttribute('data-state', 'verified');
  await expect(state(verifier)).toHaveText('Terverifikasi');
  await verifier.context().close();
});
