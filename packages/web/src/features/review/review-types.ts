/**
 * The shapes of the review workflow API (docs/api.md, "Review workflow"), declared here because
 * the browser may not import them from the core.
 */

import type { ReviewAnchor, ReviewState } from '../../api/types.ts';

export type { ReviewState };

export const REVIEW_STATES: readonly ReviewState[] = [
  'draft',
  'submitted',
  'in-review',
  'returned',
  'resubmitted',
  'verified',
  'ditetapkan',
];

export const STAGES = ['rancangan-awal', 'rancangan', 'rancangan-akhir'] as const;
export type Stage = (typeof STAGES)[number];

/** What a finding is about, and so what a return unlocks. */
export type Anchor = ReviewAnchor;
export type AnchorType = Anchor['type'];

export type Institution = 'bappeda' | 'inspektorat';
export type VerdictKind = 'agree' | 'revise';

export interface Verdict {
  readonly institution: Institution;
  readonly verdict: VerdictKind;
  readonly note: string | null;
  readonly at: string;
}

export interface Enactment {
  readonly kind: string;
  readonly number: string;
  readonly date: string;
  readonly title?: string;
}

/** GET /api/plans/:id/review */
export interface ReviewSummary {
  readonly planId: string;
  readonly state: ReviewState;
  readonly stage: string | null;
  readonly round: number;
  readonly unlocked: readonly Anchor[] | null;
  readonly enactment: Enactment | null;
  readonly amendsPlanId: string | null;
  readonly etag: string;
  readonly gated: boolean;
  readonly windowOpen: boolean;
  readonly findings: Readonly<Record<FindingStatus, number>>;
  readonly verdicts: readonly Verdict[];
}

export const FINDING_STATUSES = ['open', 'answered', 'accepted', 'resolved'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const FINDING_CATEGORIES = [
  'data',
  'substansi',
  'keselarasan',
  'indikator',
  'nomenklatur',
  'pagu',
  'sistematika',
  'lainnya',
] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

export const FINDING_SEVERITIES = ['major', 'minor', 'note'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export type ReviewerAction = 'accept' | 'resolve' | 'reopen';

export interface FindingReply {
  readonly id: string;
  /** agency, bappeda or inspektorat. */
  readonly side: string;
  readonly action: 'answer' | ReviewerAction;
  readonly text: string;
  readonly at: string;
  readonly author: string | null;
}

/** A review finding with its thread (GET /api/plans/:id/findings). */
export interface ReviewFinding {
  readonly id: string;
  readonly planId: string;
  readonly round: number;
  readonly institution: Institution;
  readonly anchor: Anchor;
  readonly category: FindingCategory;
  readonly severity: FindingSeverity;
  readonly text: string;
  readonly recommendation: string | null;
  readonly status: FindingStatus;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
  readonly replies: readonly FindingReply[];
}

export const LETTER_NATURES = ['biasa', 'penting', 'segera', 'sangat-segera', 'rahasia'] as const;
export type LetterNature = (typeof LETTER_NATURES)[number];

/** An official letter (surat dinas). */
export interface OfficialLetter {
  readonly number: string;
  readonly date: string;
  readonly place: string;
  readonly nature: LetterNature;
  readonly attachment: string;
  readonly subject: string;
  readonly addressee: { readonly position: string; readonly place: string };
  readonly signatory: { readonly name: string; readonly nip?: string; readonly position: string };
  readonly copies: readonly string[];
  readonly body: readonly string[];
}

export interface Person {
  readonly name: string;
  readonly position?: string;
  readonly institution?: string;
}

/** The notulen with its berita acara. */
export interface MeetingRecord {
  readonly title: string;
  readonly date: string;
  readonly startTime?: string;
  readonly endTime?: string;
  readonly place: string;
  readonly chair: Person;
  readonly minuteTaker?: Person;
  readonly attendees: readonly Person[];
  readonly agenda: readonly string[];
  readonly discussion: readonly {
    readonly chapter?: number;
    readonly topic: string;
    readonly reviewer?: string;
    readonly comment: string;
    readonly response: string;
  }[];
  readonly conclusions: readonly {
    readonly text: string;
    readonly actions: readonly {
      readonly text: string;
      readonly findings: readonly string[];
      readonly personInCharge?: string;
      readonly due?: string;
    }[];
  }[];
  readonly agreement?: { readonly number: string; readonly points: readonly string[] };
}

export interface Meeting {
  readonly id: string;
  readonly planId: string;
  readonly round: number;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly record: MeetingRecord;
}

export interface RoundLetter {
  readonly id: string;
  /** submission, resubmission, return or verification. */
  readonly kind: string;
  readonly snapshotHash: string | null;
  readonly createdAt: string;
  readonly letter: OfficialLetter;
}

export interface ChecklistItem {
  readonly key: string;
  readonly pass: boolean;
  readonly note?: string;
}

/** A submission round (GET /api/plans/:id/rounds). */
export interface Round {
  readonly round: number;
  readonly stage: string;
  readonly hash: string;
  readonly intact: boolean;
  readonly createdAt: string;
  readonly findings: Readonly<Record<string, number>>;
  readonly letters: readonly RoundLetter[];
  readonly verdicts: readonly Verdict[];
  readonly verification: {
    readonly outcome: string;
    readonly checklist: readonly ChecklistItem[];
    readonly note: string | null;
    readonly at: string;
  } | null;
}

export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}
export interface NodeRef {
  readonly key: string;
  readonly level: string;
  readonly statement: string;
}
export interface IndicatorRef {
  readonly key: string;
  readonly node: string;
  readonly name: string;
}
export interface TextPart {
  readonly op: 'equal' | 'insert' | 'delete';
  readonly text: string;
}
export interface SectionChange {
  readonly chapter: number;
  readonly section: string | null;
  readonly title: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly text: readonly TextPart[];
}

/** GET /api/plans/:id/diff */
export interface PlanDiffAnswer {
  readonly from: number;
  readonly to: number | null;
  readonly diff: {
    readonly nodes: {
      readonly added: readonly NodeRef[];
      readonly removed: readonly NodeRef[];
      readonly changed: readonly { readonly node: NodeRef; readonly fields: readonly FieldChange[] }[];
    };
    readonly indicators: {
      readonly added: readonly IndicatorRef[];
      readonly removed: readonly IndicatorRef[];
      readonly changed: readonly {
        readonly indicator: IndicatorRef;
        readonly fields: readonly FieldChange[];
      }[];
    };
    readonly chapters: readonly SectionChange[];
    readonly summary: Readonly<Record<string, number>>;
  };
}

export interface TimelineEvent {
  readonly id: string;
  readonly round: number;
  readonly kind: string;
  readonly at: string;
  readonly actor: string | null;
  readonly payload: Readonly<Record<string, unknown>>;
}

export interface ReviewWindow {
  readonly id: string;
  readonly regionId: string;
  readonly stage: Stage;
  readonly opensOn: string;
  readonly closesOn: string;
  readonly note: string | null;
  readonly version: number;
  readonly open: boolean;
}

export interface CrosscuttingRequest {
  readonly id: string;
  readonly planId: string;
  readonly nodeKey: string;
  readonly partnerPlanId: string;
  readonly partnerNodeKey: string;
  readonly contribution: string;
  readonly state: 'proposed' | 'accepted' | 'rejected';
  readonly reason: string | null;
  readonly createdAt: string;
  readonly decidedAt: string | null;
  readonly version: number;
  readonly direction: 'incoming' | 'outgoing';
}
