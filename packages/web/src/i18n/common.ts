import type { Locale } from './index.ts';

const id = {
  app: { name: 'Selaras', tagline: 'Renstra yang selaras, dari rancangan sampai capaian' },
  nav: {
    home: 'Beranda',
    region: 'Perangkat daerah',
    admin: 'Administrasi',
    signOut: 'Keluar',
    language: 'Bahasa',
  },
  role: {
    admin: 'Administrator',
    agency_editor: 'Penyusun',
    agency_head: 'Kepala perangkat daerah',
    bappeda_reviewer: 'Penelaah Bappeda',
    bappeda_verifier: 'Verifikator Bappeda',
    inspektorat_reviewer: 'Reviu Inspektorat',
    viewer: 'Pembaca',
  },
  stage: {
    'rancangan-awal': 'Rancangan awal',
    rancangan: 'Rancangan',
    'rancangan-akhir': 'Rancangan akhir',
    ditetapkan: 'Ditetapkan',
  },
  severity: { error: 'Kesalahan', warning: 'Peringatan', info: 'Informasi' },
  action: {
    save: 'Simpan',
    cancel: 'Batal',
    close: 'Tutup',
    delete: 'Hapus',
    edit: 'Ubah',
    add: 'Tambah',
    retry: 'Coba lagi',
    open: 'Buka',
    confirm: 'Ya, lanjutkan',
  },
  state: {
    loading: 'Memuat…',
    saving: 'Menyimpan…',
    saved: 'Tersimpan',
    readOnly: 'Hanya baca',
    empty: 'Belum ada data',
  },
  error: {
    title: 'Terjadi kesalahan',
    network: 'Server tidak dapat dihubungi. Periksa koneksi lalu coba lagi.',
    forbidden: 'Anda tidak berhak melakukan ini.',
    notFound: 'Tidak ditemukan.',
    conflict: 'Data ini baru saja diubah oleh orang lain.',
    locked: {
      review:
        'Rencana terkunci karena sedang ditelaah Bappeda; perubahan dapat dilakukan lagi setelah dikembalikan untuk perbaikan.',
      returned:
        'Rencana dikembalikan untuk perbaikan sebagian: bagian ini tidak termasuk yang dibuka (lihat temuan penelaahan).',
      verified: 'Rencana sudah terverifikasi dan terkunci.',
      set: 'Rencana sudah ditetapkan dan tidak dapat diubah lagi; mulai perubahan untuk versi baru.',
      window: 'Di luar jadwal Bappeda untuk tahap ini; rencana tidak dapat diubah atau diajukan.',
    },
    invalid: 'Isian belum benar:',
    unknown: 'Kesalahan tak terduga. Sebutkan kode permintaan {{requestId}} bila melapor.',
  },
};

const en: typeof id = {
  app: { name: 'Selaras', tagline: 'Aligned strategic plans, from draft to results' },
  nav: {
    home: 'Home',
    region: 'Agencies',
    admin: 'Administration',
    signOut: 'Sign out',
    language: 'Language',
  },
  role: {
    admin: 'Administrator',
    agency_editor: 'Editor',
    agency_head: 'Head of agency',
    bappeda_reviewer: 'Bappeda reviewer',
    bappeda_verifier: 'Bappeda verifier',
    inspektorat_reviewer: 'Inspektorat reviewer',
    viewer: 'Reader',
  },
  stage: {
    'rancangan-awal': 'Initial draft',
    rancangan: 'Draft',
    'rancangan-akhir': 'Final draft',
    ditetapkan: 'Enacted',
  },
  severity: { error: 'Errors', warning: 'Warnings', info: 'Information' },
  action: {
    save: 'Save',
    cancel: 'Cancel',
    close: 'Close',
    delete: 'Delete',
    edit: 'Edit',
    add: 'Add',
    retry: 'Try again',
    open: 'Open',
    confirm: 'Yes, go ahead',
  },
  state: {
    loading: 'Loading…',
    saving: 'Saving…',
    saved: 'Saved',
    readOnly: 'Read only',
    empty: 'No data yet',
  },
  error: {
    title: 'Something went wrong',
    network: 'The server cannot be reached. Check the connection and try again.',
    forbidden: 'You are not allowed to do this.',
    notFound: 'Not found.',
    conflict: 'Someone else has just changed this.',
    locked: {
      review: 'The plan is locked while Bappeda reviews it; it can change again once returned for revision.',
      returned:
        'The plan was returned for revision of some items only; this one is not among them (see the review findings).',
      verified: 'The plan is verified and locked.',
      set: 'The plan is set (ditetapkan) and can no longer change; start an amendment for a new version.',
      window: 'Outside Bappeda’s window for this stage; the plan cannot be changed or submitted.',
    },
    invalid: 'Please correct:',
    unknown: 'Unexpected error. Quote request id {{requestId}} when reporting it.',
  },
};

export const common: Locale<typeof id> = { id, en };
