import { describe, expect, it } from 'vitest';
import { notificationLink, notificationMessage } from './inbox-model.ts';

describe('notificationMessage', () => {
  it('names the kind with dots as underscores and carries the payload’s values', () => {
    expect(
      notificationMessage({
        kind: 'finding.answer',
        payload: { title: 'Renstra', findingId: 'f1', status: 'answered', text: 'Sudah diperbaiki.' },
      }),
    ).toMatchObject({ key: 'finding_answer', params: { text: 'Sudah diperbaiki.' } });
    expect(notificationMessage({ kind: 'submit', payload: { round: 2 } }).params.round).toBe('2');
  });
  it('shortens long texts and leaves unknown values empty', () => {
    const m = notificationMessage({ kind: 'finding', payload: { text: 'x'.repeat(200), institution: {} } });
    expect(m.params.text).toHaveLength(90);
    expect(m.params.institution).toBe('');
  });
});

describe('notificationLink', () => {
  it('opens the plan’s review screen, and its crosscutting tab for proposals', () => {
    expect(notificationLink({ kind: 'return', planId: 'p1' })).toBe('/rencana/p1/penelaahan');
    expect(notificationLink({ kind: 'crosscutting.propose', planId: 'p1' })).toBe(
      '/rencana/p1/penelaahan?tab=lintas',
    );
    expect(notificationLink({ kind: 'return', planId: null })).toBeUndefined();
  });
});
