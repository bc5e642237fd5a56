/** One notification of the inbox (GET /api/notifications). */
export interface InboxItem {
  readonly id: string;
  readonly planId: string | null;
  readonly planTitle: string | null;
  readonly kind: string;
  readonly at: string;
  readonly read: boolean;
  readonly payload: Readonly<Record<string, unknown>>;
}

export interface Inbox {
  readonly unread: number;
  readonly items: readonly InboxItem[];
}

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

const clip = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * The sentence of a notification: its text key (the kind, with dots as underscores, since dots
 * nest keys) and the values it names. Codes (institution, verdict, stage) are left for the caller
 * to translate.
 */
export const notificationMessage = (
  n: Pick<InboxItem, 'kind' | 'payload'>,
): { key: string; params: Record<string, string> } => {
  const p = n.payload;
  return {
    key: n.kind.replaceAll('.', '_'),
    params: {
      round: text(p.round),
      institution: text(p.institution),
      verdict: text(p.verdict),
      text: clip(text(p.text)),
      meeting: text(p.meeting),
      date: text(p.date),
      to: text(p.to),
      from: text(p.from),
      partner: text(p.partner),
      reason: text(p.reason),
    },
  };
};

/** Where a notification leads: the plan's Penelaahan screen (its crosscutting tab for proposals). */
export const notificationLink = (n: Pick<InboxItem, 'kind' | 'planId'>): string | undefined =>
  n.planId
    ? `/rencana/${n.planId}/penelaahan${n.kind.startsWith('crosscutting') ? '?tab=lintas' : ''}`
    : undefined;
