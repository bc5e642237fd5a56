import type { LetterNature, OfficialLetter } from './review-types.ts';

/** The letter form's fields (all text, as typed). */
export interface LetterFields {
  number: string;
  date: string;
  place: string;
  nature: LetterNature;
  attachment: string;
  subject: string;
  addresseePosition: string;
  addresseePlace: string;
  signatoryName: string;
  signatoryNip: string;
  signatoryPosition: string;
  copies: string[];
}

const STAGE_NAME: Record<string, string> = {
  'rancangan-awal': 'Rancangan Awal',
  rancangan: 'Rancangan',
  'rancangan-akhir': 'Rancangan Akhir',
};

/** What the app knows to fill a letter in: the region, the agency and its head, the plan. */
export interface LetterContext {
  readonly regionName: string;
  readonly capital?: string | undefined;
  readonly agencyName: string;
  readonly headName?: string | undefined;
  readonly headPosition?: string | undefined;
  readonly planTitle: string;
  readonly stage: string | null;
  readonly resubmit: boolean;
  readonly today: string;
  /** The agency's last letter, whose place, addressee, signatory and copies carry over. */
  readonly previous?: OfficialLetter | undefined;
}

/**
 * A submission letter filled in with sensible values (Indonesian, as the letter is): addressed to
 * the head of Bappeda of the region, signed by the agency's head, copied to the Inspektorat; the
 * number is left for the secretariat. A previous letter's choices are kept.
 */
export const defaultLetter = (c: LetterContext): LetterFields => {
  const stage = STAGE_NAME[c.stage ?? ''] ?? 'Rancangan';
  const title = c.planTitle.replace(/^Rencana Strategis/, 'Renstra');
  const p = c.previous;
  return {
    number: '',
    date: c.today,
    place: p?.place ?? c.capital ?? '',
    nature: p?.nature ?? 'penting',
    attachment: p?.attachment ?? '1 (satu) berkas',
    subject: `Penyampaian ${c.resubmit ? 'Perbaikan ' : ''}${stage} ${title}`,
    addresseePosition: p?.addressee.position ?? `Kepala Bappeda ${c.regionName}`,
    addresseePlace: p?.addressee.place ?? c.capital ?? 'Tempat',
    signatoryName: p?.signatory.name ?? c.headName ?? '',
    signatoryNip: p?.signatory.nip ?? '',
    signatoryPosition: p?.signatory.position ?? c.headPosition ?? `Kepala ${c.agencyName} ${c.regionName}`,
    copies: p ? [...p.copies] : [`Inspektur Daerah ${c.regionName}`],
  };
};

/** The fields that must be filled before sending, by field name. */
export const letterProblems = (f: LetterFields): (keyof LetterFields)[] => {
  const out: (keyof LetterFields)[] = [];
  const required: (keyof LetterFields)[] = [
    'number',
    'date',
    'place',
    'subject',
    'addresseePosition',
    'signatoryName',
    'signatoryPosition',
  ];
  for (const k of required) if (String(f[k]).trim() === '') out.push(k);
  if (f.date && !/^\d{4}-\d{2}-\d{2}$/.test(f.date)) out.push('date');
  if (f.signatoryNip.trim() !== '' && !/^\d{18}$/.test(f.signatoryNip.trim())) out.push('signatoryNip');
  return out;
};

/** The letter as the API takes it. */
export const letterBody = (f: LetterFields): OfficialLetter => ({
  number: f.number.trim(),
  date: f.date,
  place: f.place.trim(),
  nature: f.nature,
  attachment: f.attachment.trim() || '–',
  subject: f.subject.trim(),
  addressee: { position: f.addresseePosition.trim(), place: f.addresseePlace.trim() || 'Tempat' },
  signatory: {
    name: f.signatoryName.trim(),
    ...(f.signatoryNip.trim() && { nip: f.signatoryNip.trim() }),
    position: f.signatoryPosition.trim(),
  },
  copies: f.copies.map((c) => c.trim()).filter((c) => c !== ''),
  body: [],
});

/** The API's field paths (letter.signatory.nip) as form fields, to show its refusals in place. */
export const fieldOfPath = (path: string): keyof LetterFields | undefined => {
  const p = path.replace(/^(body\.)?letter\./, '');
  const map: Record<string, keyof LetterFields> = {
    number: 'number',
    date: 'date',
    place: 'place',
    nature: 'nature',
    attachment: 'attachment',
    subject: 'subject',
    'addressee.position': 'addresseePosition',
    'addressee.place': 'addresseePlace',
    'signatory.name': 'signatoryName',
    'signatory.nip': 'signatoryNip',
    'signatory.position': 'signatoryPosition',
  };
  return map[p] ?? (p.startsWith('copies') ? 'copies' : undefined);
};
