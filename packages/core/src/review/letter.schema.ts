import { z } from 'zod';

/** A calendar date as ISO text, e.g. "2023-05-17". */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2023-05-17')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'a real calendar date',
    },
  );

/** The security/urgency class of a naskah dinas (sifat). */
export const LetterNatureSchema = z.enum(['biasa', 'penting', 'segera', 'sangat-segera', 'rahasia']);

/**
 * An official letter (surat dinas) as the tata naskah dinas lays it out (DOMAIN §8.1): number,
 * place and date, sifat, lampiran, perihal, the addressee (Yth. … di …), the signatory (name,
 * NIP, position) and the copies (tembusan). The body is optional: the letter that carries a
 * submission says what it carries.
 */
export const OfficialLetterSchema = z.strictObject({
  /** Nomor, e.g. "050/2042/B.PPEPD-Bapp/2023". */
  number: z.string().trim().min(1).max(120),
  /** Tanggal. */
  date: IsoDateSchema,
  /** Tempat, e.g. "Samarinda". */
  place: z.string().trim().min(1).max(120),
  /** Sifat. */
  nature: LetterNatureSchema.default('biasa'),
  /** Lampiran, e.g. "1 (satu) berkas" or "–". */
  attachment: z.string().trim().max(200).default('–'),
  /** Hal / perihal. */
  subject: z.string().trim().min(1).max(500),
  /** Yth.: the addressee by position, and the place after "di". */
  addressee: z.strictObject({
    position: z.string().trim().min(1).max(300),
    place: z.string().trim().max(120).default('Tempat'),
  }),
  /** Who signs: name, NIP (18 digits) and position; "a.n."/"u.b." go in the position. */
  signatory: z.strictObject({
    name: z.string().trim().min(1).max(200),
    nip: z
      .string()
      .regex(/^\d{18}$/, 'an 18-digit NIP')
      .optional(),
    position: z.string().trim().min(1).max(300),
  }),
  /** Tembusan. */
  copies: z.array(z.string().trim().min(1).max(300)).max(30).default([]),
  /** The letter's text, paragraph by paragraph (optional). */
  body: z.array(z.string().max(5000)).max(50).default([]),
});
export type OfficialLetter = z.infer<typeof OfficialLetterSchema>;
export type OfficialLetterInput = z.input<typeof OfficialLetterSchema>;

const PersonSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  position: z.string().trim().max(300).optional(),
  /** Bappeda, Inspektorat, the agency, … */
  institution: z.string().trim().max(300).optional(),
});

/**
 * The record of a review meeting (notulen) with its berita acara (DOMAIN §8.2–8.3): when and
 * where, who chaired and took the minutes, who attended, the agenda, the discussion per BAB, the
 * conclusions with their follow-up actions (linked to review findings, with the person in charge
 * and the due date), and the agreed points of the berita acara.
 */
export const MeetingRecordSchema = z.strictObject({
  title: z.string().trim().min(1).max(500),
  date: IsoDateSchema,
  startTime: z
    .string()
    .regex(/^\d{2}:\d{2}$/, 'a time such as 09:00')
    .optional(),
  endTime: z
    .string()
    .regex(/^\d{2}:\d{2}$/, 'a time such as 12:30')
    .optional(),
  place: z.string().trim().min(1).max(300),
  chair: PersonSchema,
  minuteTaker: PersonSchema.optional(),
  attendees: z.array(PersonSchema).max(500).default([]),
  agenda: z.array(z.string().trim().min(1).max(1000)).max(100).default([]),
  discussion: z
    .array(
      z.strictObject({
        /** The BAB discussed (none for the cascading or general points). */
        chapter: z.number().int().min(1).max(20).optional(),
        topic: z.string().trim().min(1).max(1000),
        reviewer: z.string().trim().max(300).optional(),
        comment: z.string().trim().max(5000).default(''),
        response: z.string().trim().max(5000).default(''),
      }),
    )
    .max(500)
    .default([]),
  conclusions: z
    .array(
      z.strictObject({
        text: z.string().trim().min(1).max(5000),
        actions: z
          .array(
            z.strictObject({
              text: z.string().trim().min(1).max(2000),
              /** Review findings this action answers (their ids). */
              findings: z.array(z.string().min(1).max(64)).max(100).default([]),
              personInCharge: z.string().trim().max(300).optional(),
              due: IsoDateSchema.optional(),
            }),
          )
          .max(100)
          .default([]),
      }),
    )
    .max(200)
    .default([]),
  /** The berita acara: its number and the agreed points. */
  agreement: z
    .strictObject({
      number: z.string().trim().min(1).max(120),
      points: z.array(z.string().trim().min(1).max(5000)).max(100),
    })
    .optional(),
});
export type MeetingRecord = z.infer<typeof MeetingRecordSchema>;
