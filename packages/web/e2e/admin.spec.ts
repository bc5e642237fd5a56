import { expect, test } from '@playwright/test';
import { signIn } from './support.ts';

const AGENCY = 'Dinas Pariwisata';
// SIPD agency codes as in fixtures/kaltim (urusan 3.26 pariwisata): the core takes any non-empty code.
const AGENCY_CODE = '3.26.0.00.0.00.01.0000';
const USERNAME = 'pariwisata.editor';
const PASSWORD = 'Destinasi-Kaltim-2025';

test('an admin adds an agency with a unit and an editor for it; the editor lands on their agency', async ({
  page,
  browser,
}) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Administrasi' }).click();
  await expect(page).toHaveURL(/\/admin\/perangkat-daerah$/);
  await expect(page.getByTestId('agency-row').filter({ hasText: 'Dinas Kesehatan' })).toBeVisible();

  // A new agency; a wrong bidang urusan is refused by the server and shown at its field.
  await page.getByRole('button', { name: 'Tambah perangkat daerah' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tambah perangkat daerah' });
  await dialog.getByLabel('Kode perangkat daerah').fill(AGENCY_CODE);
  await dialog.getByRole('textbox', { name: 'Nama', exact: true }).fill(AGENCY);
  await dialog.getByLabel('Nama singkat').fill('Dispar');
  await dialog.getByLabel('Jabatan kepala').fill('Kepala Dinas Pariwisata Provinsi Kalimantan Timur');
  const bidang = dialog.getByLabel('Bidang urusan');
  await bidang.fill('326');
  await bidang.press('Enter');
  await dialog.getByRole('button', { name: 'Tambah' }).click();
  await expect(bidang).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('a bidang urusan code such as "1.03"')).toBeVisible();
  await bidang.press('Backspace');
  await bidang.fill('3.26');
  await bidang.press('Enter');
  await dialog.getByRole('button', { name: 'Tambah' }).click();
  await expect(page.getByText(`Perangkat daerah ${AGENCY} ditambahkan`)).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/perangkat-daerah\/[^/]+$/);
  await expect(page.getByRole('heading', { name: AGENCY })).toBeVisible();

  // Its first unit: the key follows the name.
  await page.getByRole('button', { name: 'Tambah unit' }).click();
  const unitDialog = page.getByRole('dialog', { name: 'Tambah unit' });
  await unitDialog.getByLabel('Nama unit').fill('Bidang Destinasi');
  await expect(unitDialog.getByLabel('Kode unit')).toHaveValue('bidang-destinasi');
  await unitDialog.getByRole('button', { name: 'Tambah' }).click();
  await expect(page.getByTestId('unit-row').filter({ hasText: 'Bidang Destinasi' })).toBeVisible();

  // A unit added by mistake is retired (nothing uses it yet).
  await page.getByRole('button', { name: 'Tambah unit' }).click();
  await unitDialog.getByLabel('Nama unit').fill('Seksi Keliru');
  await unitDialog.getByRole('button', { name: 'Tambah' }).click();
  await expect(page.getByTestId('unit-row').filter({ hasText: 'Seksi Keliru' })).toBeVisible();
  await page.getByRole('button', { name: 'Hapus unit Seksi Keliru' }).click();
  await page.getByRole('dialog', { name: 'Hapus unit?' }).getByRole('button', { name: 'Hapus unit' }).click();
  await expect(page.getByText('Unit Seksi Keliru dihapus')).toBeVisible();
  await expect(page.getByTestId('unit-row')).toHaveCount(1);

  // Someone else saves the agency while the admin types its address: the address stays in the
  // form, the other change is merged in and named, and saving again is the admin's choice.
  const agencyId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await page.getByLabel('Alamat').fill('Jl. Gajah Mada No. 1, Samarinda');
  const stored = (await (await page.request.get(`/api/agencies/${agencyId}`)).json()) as {
    version: number;
    code: string;
    name: string;
    bidangUrusan: string[];
    head: { position: string };
  };
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const other = await page.request.patch(`/api/agencies/${agencyId}`, {
    headers: { 'if-match': `"${stored.version}"`, 'x-csrf-token': me.csrfToken },
    data: {
      code: stored.code,
      name: stored.name,
      shortName: 'Dispar',
      bidangUrusan: stored.bidangUrusan,
      head: { ...stored.head, name: 'Siti Rahma' },
    },
  });
  expect(other.status()).toBe(200);
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  const conflict = page.getByTestId('agency-conflict');
  await expect(conflict).toContainText('Data ini baru saja diubah oleh orang lain');
  await expect(conflict).toContainText('Nama kepala');
  await expect(page.getByLabel('Alamat')).toHaveValue('Jl. Gajah Mada No. 1, Samarinda');
  await expect(page.getByLabel('Nama kepala')).toHaveValue('Siti Rahma');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByText('Data perangkat daerah disimpan')).toBeVisible();
  await expect(conflict).toHaveCount(0);

  // Back in the list, the agency is there with its code.
  await page.getByRole('link', { name: 'Semua perangkat daerah' }).click();
  await expect(page.getByTestId('agency-row').filter({ hasText: AGENCY })).toContainText(AGENCY_CODE);

  // An account: the server's field problem shows at the username; the password rule is checked too.
  await page.getByRole('tab', { name: 'Pengguna' }).click();
  await expect(page).toHaveURL(/\/admin\/pengguna$/);
  await page.getByRole('button', { name: 'Buat akun' }).click();
  const userDialog = page.getByRole('dialog', { name: 'Buat akun' });
  await userDialog.getByLabel('Nama pengguna').fill('Pariwisata Editor');
  await userDialog.getByLabel('Nama tampilan').fill('Perencana Dinas Pariwisata');
  await userDialog.getByLabel('Kata sandi').fill('pendek');
  await userDialog.getByRole('button', { name: 'Buat akun' }).click();
  await expect(userDialog.getByText('Kata sandi minimal 10 karakter.').last()).toBeVisible();
  await userDialog.getByLabel('Kata sandi').fill(PASSWORD);
  await userDialog.getByRole('button', { name: 'Buat akun' }).click();
  await expect(userDialog.getByLabel('Nama pengguna')).toHaveAttribute('aria-invalid', 'true');
  await userDialog.getByLabel('Nama pengguna').fill(USERNAME);
  await userDialog.getByRole('button', { name: 'Buat akun' }).click();
  await expect(page.getByText(`Akun ${USERNAME} dibuat`)).toBeVisible();
  const row = page.locator(`[data-testid="user-row"][data-username="${USERNAME}"]`);
  await expect(row).toContainText('Pembaca');

  // Give them the editor role of Dinas Pariwisata, then take the first (reader) role away.
  await row.getByRole('button', { name: `Beri peran kepada ${USERNAME}` }).click();
  const grantDialog = page.getByRole('dialog', { name: /Beri peran kepada/ });
  await grantDialog.getByLabel('Perangkat daerah').click();
  await page.getByRole('option', { name: `${AGENCY} (Dispar)` }).click();
  await grantDialog.getByRole('button', { name: 'Beri peran' }).click();
  await expect(row.getByTestId('role-badge').filter({ hasText: 'Penyusun · Dispar' })).toBeVisible();
  await row.getByRole('button', { name: `Cabut peran Pembaca dari ${USERNAME}` }).click();
  const confirm = page.getByRole('dialog', { name: 'Cabut peran?' });
  await confirm.getByRole('button', { name: 'Cabut peran' }).click();
  await expect(row.getByTestId('role-badge')).toHaveCount(1);
  await expect(row).toContainText('Penyusun · Dispar');

  // The new editor signs in elsewhere: home names their agency and says it has no Renstra yet.
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await editor.goto('/');
  await editor.getByLabel('Nama pengguna').fill(USERNAME);
  await editor.getByLabel('Kata sandi').fill(PASSWORD);
  await editor.getByRole('button', { name: 'Masuk' }).click();
  // The account's agency is named by its short name there.
  await expect(editor.getByRole('heading', { name: 'Dispar' })).toBeVisible();
  await expect(editor.getByText('Perangkat daerah Anda belum memiliki Renstra di Selaras.')).toBeVisible();
  await expect(editor.getByRole('link', { name: 'Administrasi' })).toHaveCount(0);
  // Typing the address anyway gets a plain refusal.
  await editor.goto('/admin');
  await expect(editor.getByRole('alert').filter({ hasText: 'Tidak diizinkan' })).toBeVisible();
  await editorContext.close();
});

test('an admin disables an account (its session ends, it cannot sign in), enables it, and edits the region and its periods', async ({
  page,
  browser,
}) => {
  await signIn(page, 'admin');
  // An account of its own for this flow, made through the API as the signed-in admin.
  const regions = (await (await page.request.get('/api/regions')).json()) as { id: string }[];
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const username = 'nonaktif.uji';
  const password = 'Sandi-Nonaktif-2025';
  const made = await page.request.post(`/api/regions/${regions[0]?.id}/users`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { username, displayName: 'Akun Uji Nonaktif', password, roles: [{ role: 'viewer' }] },
  });
  expect(made.status()).toBe(201);

  // The account is signed in elsewhere.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await other.goto('/');
  await other.getByLabel('Nama pengguna').fill(username);
  await other.getByLabel('Kata sandi').fill(password);
  await other.getByRole('button', { name: 'Masuk' }).click();
  await expect(other.getByRole('button', { name: /Akun Uji/ })).toBeVisible();

  // The admin opens it, renames it, and disables it after confirming.
  await page.goto('/admin/pengguna');
  const row = page.locator(`[data-testid="user-row"][data-username="${username}"]`);
  await row.getByRole('link', { name: `Kelola akun ${username}` }).click();
  await expect(page).toHaveURL(/\/admin\/pengguna\/[^/]+$/);
  await page.getByLabel('Nama tampilan').fill('Akun Uji (nonaktif)');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByText('Data akun disimpan')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Akun Uji (nonaktif)' })).toBeVisible();
  await page.getByRole('button', { name: 'Nonaktifkan akun' }).click();
  const confirm = page.getByRole('dialog', { name: 'Nonaktifkan akun?' });
  await expect(confirm).toContainText('semua sesinya yang sedang berjalan segera berakhir');
  await confirm.getByRole('button', { name: 'Nonaktifkan akun' }).click();
  await expect(page.getByText(`Akun Akun Uji (nonaktif) (${username}) dinonaktifkan`)).toBeVisible();
  await expect(page.getByTestId('user-status')).toHaveText('Nonaktif');

  // Its open session has ended, and signing in again fails like a wrong password.
  await other.reload();
  await expect(other.getByRole('button', { name: 'Masuk' })).toBeVisible();
  await other.getByLabel('Nama pengguna').fill(username);
  await other.getByLabel('Kata sandi').fill(password);
  await other.getByRole('button', { name: 'Masuk' }).click();
  await expect(other.getByText('Nama pengguna atau kata sandi salah.')).toBeVisible();

  // The admin cannot disable their own account: the page says so.
  await page.getByRole('link', { name: 'Semua pengguna' }).click();
  await expect(row.getByText('Nonaktif', { exact: true })).toBeVisible();
  await expect(row).toContainText('Akun Uji (nonaktif)');
  await page
    .locator('[data-testid="user-row"][data-username="admin"]')
    .getByRole('link', { name: 'admin', exact: true })
    .click();
  await expect(page.getByRole('button', { name: 'Nonaktifkan akun' })).toBeDisabled();
  await expect(page.getByText('Anda tidak dapat menonaktifkan akun Anda sendiri')).toBeVisible();
  await expect(page.getByLabel('Kata sandi saat ini')).toBeVisible();

  // Enabled again with a new password set by the admin, the account signs in with it.
  await page.getByRole('link', { name: 'Semua pengguna' }).click();
  await row.getByRole('link', { name: username, exact: true }).click();
  await page.getByRole('button', { name: 'Aktifkan akun' }).click();
  await page
    .getByRole('dialog', { name: 'Aktifkan akun?' })
    .getByRole('button', { name: 'Aktifkan akun' })
    .click();
  await expect(page.getByTestId('user-status')).toHaveText('Aktif');
  await page.getByLabel('Kata sandi baru').fill(`${username}-baru`);
  await page.getByRole('button', { name: 'Atur kata sandi' }).click();
  await expect(page.getByText('Kata sandi tidak boleh memuat nama pengguna.')).toBeVisible();
  await page.getByLabel('Kata sandi baru').fill('Sandi-Baru-Uji-2025');
  await page.getByRole('button', { name: 'Atur kata sandi' }).click();
  await expect(page.getByText(`Kata sandi ${username} diatur`)).toBeVisible();
  await other.getByLabel('Kata sandi').fill('Sandi-Baru-Uji-2025');
  await other.getByRole('button', { name: 'Masuk' }).click();
  await expect(other.getByRole('button', { name: /Akun Uji/ })).toBeVisible();
  await otherContext.close();

  // The Wilayah tab: the capital is changed with the region's version.
  await page.getByRole('tab', { name: 'Wilayah' }).click();
  await expect(page).toHaveURL(/\/admin\/wilayah$/);
  await expect(page.getByLabel('Nama wilayah')).toHaveValue('Provinsi Kalimantan Timur');
  await page.getByLabel('Ibu kota').fill('Kota Samarinda');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByText('Data wilayah disimpan')).toBeVisible();
  await expect(page.getByText('Versi 2')).toBeVisible();

  // A period: the form checks the years; a period the region already has is refused at its kind.
  const existing = page.getByTestId('period-row').first();
  await expect(existing).toContainText('2024–2026');
  await page.getByRole('button', { name: 'Tambah periode' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tambah periode' });
  await dialog.getByRole('combobox', { name: 'Jenis dokumen' }).click();
  await page.getByRole('option', { name: 'RPD' }).click();
  await dialog.getByLabel('Tahun awal').fill('2024');
  await dialog.getByLabel('Tahun akhir').fill('2023');
  await dialog.getByLabel('Tahun dasar').fill('2023');
  await dialog.getByRole('button', { name: 'Tambah' }).click();
  await expect(dialog.getByText('Tahun akhir tidak boleh sebelum tahun awal.')).toBeVisible();
  await dialog.getByLabel('Tahun akhir').fill('2026');
  await dialog.getByRole('button', { name: 'Tambah' }).click();
  await expect(dialog.getByText('Periode RPD 2024–2026 sudah ada di wilayah ini.')).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Jenis dokumen' }).click();
  await page.getByRole('option', { name: 'RPJMD' }).click();
  await dialog.getByLabel('Tahun awal').fill('2025');
  await dialog.getByLabel('Tahun akhir').fill('2029');
  await dialog.getByLabel('Tahun dasar').fill('2024');
  const basis = dialog.getByLabel('Dasar hukum');
  await basis.fill('Perda Provinsi Kalimantan Timur Nomor 1 Tahun 2025');
  await basis.press('Enter');
  await dialog.getByRole('button', { name: 'Tambah' }).click();
  await expect(page.getByText('Periode RPJMD 2025–2029 ditambahkan')).toBeVisible();
  await expect(page.getByTestId('period-row').filter({ hasText: '2025–2029' })).toContainText(
    'Perda Provinsi',
  );
});
