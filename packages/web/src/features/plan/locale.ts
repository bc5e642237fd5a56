import { registerLocale } from '../../i18n/index.ts';

registerLocale('plan', {
  id: {
    tree: 'Pohon kinerja',
    grid: 'Indikator & target',
    alignment: 'Keselarasan (Tabel 4.2)',
    scores: 'Capaian',
    chapters: 'Bab',
    findings: 'Temuan validasi',
    showFindings: 'Tampilkan temuan validasi',
    hideFindings: 'Sembunyikan temuan',
    noFindings: 'Tidak ada temuan. Rencana ini memenuhi semua aturan.',
    filter: 'Saring temuan',
    goTo: 'Lihat',
    regional: 'RPD/RPJMD',
    readOnly: 'Anda dapat membaca rencana ini, tetapi tidak mengubahnya.',
  },
  en: {
    tree: 'Performance tree',
    grid: 'Indicators & targets',
    alignment: 'Alignment (Table 4.2)',
    scores: 'Results',
    chapters: 'Chapters',
    findings: 'Validation findings',
    showFindings: 'Show validation findings',
    hideFindings: 'Hide findings',
    noFindings: 'No findings. This plan meets every rule.',
    filter: 'Filter findings',
    goTo: 'Show',
    regional: 'Regional plan',
    readOnly: 'You can read this plan but not change it.',
  },
});
