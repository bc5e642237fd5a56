import type { LocalizedText } from '../schema/common.schema.ts';
import type { RenstraStage } from '../schema/plan.schema.ts';

/**
 * Where a Renstra is in Bappeda's review, within its current stage (rancangan awal, rancangan,
 * rancangan akhir): drafted by the agency, submitted with a letter, under review by Bappeda and
 * the Inspektorat, returned for revision, resubmitted, verified, and finally set (ditetapkan).
 */
export const REVIEW_STATES = [
  'draft',
  'submitted',
  'in-review',
  'returned',
  'resubmitted',
  'verified',
  'ditetapkan',
] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** What moves a plan from one state to another, and who may do it (the permission table says who). */
export const REVIEW_EVENTS = [
  'submit',
  'start-review',
  'return',
  'resubmit',
  'verify',
  'advance',
  'enact',
] as const;
export type ReviewEvent = (typeof REVIEW_EVENTS)[number];

/** The stages in order; the last is the one a plan is set (ditetapkan) from. */
export const STAGE_ORDER: readonly RenstraStage[] = ['rancangan-awal', 'rancangan', 'rancangan-akhir'];

/** What a transition may depend on. */
export interface TransitionContext {
  readonly stage: RenstraStage;
  /** Stages at which validation errors block (re)submission; Bappeda sets them (default: rancangan akhir). */
  readonly gatedStages: readonly RenstraStage[];
  /** Validation errors of the plan as it would be submitted. */
  readonly errors: number;
  /** Review findings still open or answered but not accepted or resolved. */
  readonly unresolvedFindings: number;
  /** Whether a letter came with the event (submission, resubmission). */
  readonly hasLetter: boolean;
  /** Whether every verification criterion passed (verify only). */
  readonly checklistPassed?: boolean;
  /** Whether the legal instrument (e.g. Pergub number and date) came with the event (enact only). */
  readonly hasLegalInstrument?: boolean;
}

export type TransitionResult =
  | { readonly ok: true; readonly state: ReviewState; readonly stage: RenstraStage }
  | { readonly ok: false; readonly reason: LocalizedText };

const FROM: Record<ReviewEvent, readonly ReviewState[]> = {
  submit: ['draft'],
  'start-review': ['submitted', 'resubmitted'],
  return: ['submitted', 'in-review', 'resubmitted', 'verified'],
  resubmit: ['returned'],
  verify: ['submitted', 'in-review', 'resubmitted'],
  advance: ['verified'],
  enact: ['verified'],
};

const TO: Record<ReviewEvent, ReviewState> = {
  submit: 'submitted',
  'start-review': 'in-review',
  return: 'returned',
  resubmit: 'resubmitted',
  verify: 'verified',
  advance: 'draft',
  enact: 'ditetapkan',
};

const STATE_LABEL: Record<ReviewState, LocalizedText> = {
  draft: { id: 'draf', en: 'draft' },
  submitted: { id: 'diajukan', en: 'submitted' },
  'in-review': { id: 'sedang ditelaah', en: 'in review' },
  returned: { id: 'dikembalikan untuk perbaikan', en: 'returned for revision' },
  resubmitted: { id: 'diajukan kembali', en: 'resubmitted' },
  verified: { id: 'terverifikasi', en: 'verified' },
  ditetapkan: { id: 'ditetapkan', en: 'set (ditetapkan)' },
};

/** The state's name for people. */
export const reviewStateLabel = (s: ReviewState): LocalizedText => STATE_LABEL[s];

const refuse = (id: string, en: string): TransitionResult => ({ ok: false, reason: { id, en } });

const isLastStage = (stage: RenstraStage) => stage === STAGE_ORDER[STAGE_ORDER.length - 1];

/**
 * The state a plan moves to on `event`, or why it cannot: events only from the states they
 * belong to; (re)submission with a letter and, at gated stages, without validation errors;
 * verification with every criterion passed and no unresolved finding; advancing to the next stage
 * or setting the plan (enact, only at the last stage, with its legal instrument) once verified.
 *
 * @example
 * transition('draft', 'submit', { stage: 'rancangan', gatedStages: ['rancangan-akhir'], errors: 3, unresolvedFindings: 0, hasLetter: true });
 * // { ok: true, state: 'submitted', stage: 'rancangan' }
 */
export const transition = (
  state: ReviewState,
  event: ReviewEvent,
  c: TransitionContext,
): TransitionResult => {
  if (state === 'ditetapkan')
    return refuse(
      'Rencana ini sudah ditetapkan dan tidak dapat diubah lagi; perubahan dimulai sebagai versi perubahan baru.',
      'This plan is set (ditetapkan) and cannot change; an amendment starts as a new version.',
    );
  if (!FROM[event].includes(state)) {
    const from = FROM[event].map((s) => STATE_LABEL[s]);
    return refuse(
      `Tidak dapat "${event}" dari keadaan ${STATE_LABEL[state].id}; hanya dari ${from.map((f) => f.id).join(', ')}.`,
      `Cannot "${event}" from ${STATE_LABEL[state].en}; only from ${from.map((f) => f.en).join(', ')}.`,
    );
  }
  if ((event === 'submit' || event === 'resubmit') && !c.hasLetter)
    return refuse(
      'Pengajuan memerlukan surat resmi (nomor, tanggal, perihal, penandatangan).',
      'A submission needs an official letter (number, date, subject, signatory).',
    );
  if ((event === 'submit' || event === 'resubmit') && c.gatedStages.includes(c.stage) && c.errors > 0)
    return refuse(
      `Masih ada ${c.errors} kesalahan validasi; pada tahap ${c.stage} rencana hanya dapat diajukan tanpa kesalahan. Perbaiki dulu temuan di panel validasi.`,
      `There are still ${c.errors} validation errors; at stage ${c.stage} a plan can only be submitted without errors. Fix the findings in the validation panel first.`,
    );
  if (event === 'verify' && c.unresolvedFindings > 0)
    return refuse(
      `Masih ada ${c.unresolvedFindings} temuan penelaahan yang belum diterima atau diselesaikan.`,
      `${c.unresolvedFindings} review findings are not yet accepted or resolved.`,
    );
  if (event === 'verify' && c.checklistPassed !== true)
    return refuse(
      'Verifikasi memerlukan semua kriteria daftar periksa terpenuhi; kembalikan rencana bila ada yang tidak terpenuhi.',
      'Verification needs every checklist criterion to pass; return the plan when one does not.',
    );
  if (event === 'advance' && isLastStage(c.stage))
    return refuse(
      'Ini tahap terakhir (rancangan akhir); setelah terverifikasi, rencana ditetapkan.',
      'This is the last stage (rancangan akhir); once verified, the plan is set.',
    );
  if (event === 'enact' && !isLastStage(c.stage))
    return refuse(
      'Hanya rancangan akhir yang terverifikasi yang dapat ditetapkan.',
      'Only a verified rancangan akhir can be set.',
    );
  if (event === 'enact' && c.hasLegalInstrument !== true)
    return refuse(
      'Penetapan memerlukan dasar hukumnya (misalnya nomor dan tanggal Peraturan Gubernur).',
      'Setting a plan needs its legal instrument (e.g. the number and date of the Pergub).',
    );
  const stage = event === 'advance' ? (STAGE_ORDER[STAGE_ORDER.indexOf(c.stage) + 1] ?? c.stage) : c.stage;
  return { ok: true, state: TO[event], stage };
};

/** Whether `event` applies to a plan in `state` at all (before its other conditions). */
export const eventApplies = (state: ReviewState, event: ReviewEvent): boolean =>
  state !== 'ditetapkan' && FROM[event].includes(state);

/** How far agencies may edit in a state: all, only the returned items, or nothing. */
export const editScope = (state: ReviewState): 'all' | 'returned-items' | 'none' =>
  state === 'draft' ? 'all' : state === 'returned' ? 'returned-items' : 'none';
