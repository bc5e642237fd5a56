import type { LocalizedText } from './common.schema.ts';

/** A chapter the regulation requires, with its required sections. */
export interface ChapterTemplate {
  readonly number: number;
  readonly title: LocalizedText;
  readonly sections: readonly { readonly key: string; readonly title: LocalizedText }[];
}

const s = (key: string, id: string, en: string) => ({ key, title: { id, en } });

/**
 * The chapters (BAB I–VIII) and sections of a Renstra Perangkat Daerah per Permendagri 86/2017,
 * numbered as in the 2024–2026 e-Renstra templates. Validation checks plans against it.
 */
export const RENSTRA_CHAPTER_TEMPLATE: readonly ChapterTemplate[] = [
  {
    number: 1,
    title: { id: 'Pendahuluan', en: 'Introduction' },
    sections: [
      s('1.1', 'Latar Belakang', 'Background'),
      s('1.2', 'Landasan Hukum', 'Legal basis'),
      s('1.3', 'Maksud dan Tujuan', 'Purpose and objectives'),
      s('1.4', 'Sistematika Penulisan', 'Outline'),
    ],
  },
  {
    number: 2,
    title: { id: 'Gambaran Pelayanan Perangkat Daerah', en: 'Overview of the agency’s services' },
    sections: [
      s('2.1', 'Tugas, Fungsi dan Struktur Organisasi', 'Duties, functions and structure'),
      s('2.2', 'Sumber Daya Perangkat Daerah', 'Resources'),
      s('2.3', 'Kinerja Pelayanan Perangkat Daerah', 'Service performance'),
      s('2.4', 'Tantangan dan Peluang Pengembangan Pelayanan', 'Challenges and opportunities'),
    ],
  },
  {
    number: 3,
    title: { id: 'Permasalahan dan Isu Strategis', en: 'Problems and strategic issues' },
    sections: [
      s('3.1', 'Identifikasi Permasalahan Berdasarkan Tugas dan Fungsi', 'Problems by duty and function'),
      s('3.2', 'Telaahan Rencana Pembangunan Daerah', 'Review of the regional plan'),
      s('3.3', 'Telaahan Renstra Kementerian/Lembaga', 'Review of ministry strategic plans'),
      s('3.4', 'Telaahan RTRW dan KLHS', 'Review of spatial plan and strategic environmental assessment'),
      s('3.5', 'Penentuan Isu-isu Strategis', 'Strategic issues'),
    ],
  },
  {
    number: 4,
    title: { id: 'Tujuan dan Sasaran', en: 'Goals and objectives' },
    sections: [
      s('4.1', 'Tujuan dan Sasaran Jangka Menengah Perangkat Daerah', 'Medium-term goals and objectives'),
      s('4.2', 'Cascading Kinerja Perangkat Daerah', 'Performance cascading'),
    ],
  },
  {
    number: 5,
    title: { id: 'Strategi dan Arah Kebijakan', en: 'Strategies and policy directions' },
    sections: [],
  },
  {
    number: 6,
    title: {
      id: 'Rencana Program, Kegiatan, Sub Kegiatan dan Pendanaan',
      en: 'Programmes, activities, sub-activities and funding',
    },
    sections: [],
  },
  {
    number: 7,
    title: { id: 'Kinerja Penyelenggaraan Bidang Urusan', en: 'Performance of the government affairs' },
    sections: [
      s('7.1', 'Indikator Kinerja Utama Perangkat Daerah', 'Key performance indicators'),
      s('7.2', 'Indikator Kinerja Kunci', 'Key indicators (IKK)'),
    ],
  },
  {
    number: 8,
    title: { id: 'Penutup', en: 'Closing' },
    sections: [],
  },
];
