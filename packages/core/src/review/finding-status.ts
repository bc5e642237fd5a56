import type { LocalizedText } from '../schema/common.schema.ts';

/** A review finding's life: open, answered by the agency, accepted by the reviewer, or resolved. */
export const FINDING_STATUSES = ['open', 'answered', 'accepted', 'resolved'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** Who acts on a finding: the agency answers, the reviewer accepts, resolves or reopens. */
export const FINDING_ACTIONS = ['answer', 'accept', 'resolve', 'reopen'] as const;
export type FindingAction = (typeof FINDING_ACTIONS)[number];

const NEXT: Record<FindingAction, { from: readonly FindingStatus[]; to: FindingStatus }> = {
  answer: { from: ['open', 'answered'], to: 'answered' },
  accept: { from: ['answered'], to: 'accepted' },
  resolve: { from: ['open', 'answered', 'accepted'], to: 'resolved' },
  reopen: { from: ['answered', 'accepted', 'resolved'], to: 'open' },
};

/** The status after an action, or why the action does not apply. */
export const findingNext = (
  status: FindingStatus,
  action: FindingAction,
): { ok: true; status: FindingStatus } | { ok: false; reason: LocalizedText } =>
  NEXT[action].from.includes(status)
    ? { ok: true, status: NEXT[action].to }
    : {
        ok: false,
        reason: {
          id: `Temuan berstatus "${status}" tidak dapat di-"${action}"; hanya dari ${NEXT[action].from.join(', ')}.`,
          en: `A finding that is "${status}" cannot be "${action}"ed; only from ${NEXT[action].from.join(', ')}.`,
        },
      };

/** Whether a finding still stands in the way of verification. */
export const isUnresolved = (s: FindingStatus): boolean => s === 'open' || s === 'answered';
