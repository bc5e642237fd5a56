import { describe, expect, it } from 'vitest';
import type { Role, User } from '../../api/types.ts';
import { allowedActions, editableInState, findingActions, mayCrosscut, maySchedule } from './review-rules.ts';

const scope = { regionId: 'r', agencyId: 'pupr' };
const user = (role: Role, agencyId: string | null = null): User => ({
  id: role,
  username: role,
  roles: [{ regionId: 'r', agencyId, role }],
});
const kadis = user('agency_head', 'pupr');
const editor = user('agency_editor', 'pupr');
const otherHead = user('agency_head', 'dinkes');
const reviewer = user('bappeda_reviewer');
const verifier = user('bappeda_verifier');
const inspektorat = user('inspektorat_reviewer');
const admin = user('admin');
const review = (state: Parameters<typeof allowedActions>[2]['state'], stage = 'rancangan', round = 1) => ({
  state,
  stage,
  round,
});

describe('allowedActions', () => {
  it('lets only the agency head submit a draft and resubmit a returned plan', () => {
    expect([...allowedActions(kadis, scope, review('draft', 'rancangan', 0))]).toEqual(['submit']);
    expect(allowedActions(editor, scope, review('draft')).has('submit')).toBe(false);
    expect(allowedActions(otherHead, scope, review('draft')).size).toBe(0);
    expect(allowedActions(kadis, scope, review('returned')).has('resubmit')).toBe(true);
  });
  it('gives Bappeda return and meetings, the verifier verification, reviewers findings and verdicts', () => {
    expect([...allowedActions(reviewer, scope, review('in-review'))].sort()).toEqual([
      'addFinding',
      'meeting',
      'return',
      'verdict',
    ]);
    expect(allowedActions(verifier, scope, review('resubmitted')).has('verify')).toBe(true);
    expect(allowedActions(reviewer, scope, review('resubmitted')).has('verify')).toBe(false);
    expect([...allowedActions(inspektorat, scope, review('submitted'))].sort()).toEqual([
      'addFinding',
      'verdict',
    ]);
    expect(allowedActions(reviewer, scope, review('draft', 'rancangan', 0)).size).toBe(0);
  });
  it('advances before the last stage, enacts at the last, amends a set plan', () => {
    expect(allowedActions(kadis, scope, review('verified')).has('advance')).toBe(true);
    expect(allowedActions(verifier, scope, review('verified', 'rancangan-akhir')).has('enact')).toBe(true);
    expect(allowedActions(verifier, scope, review('verified', 'rancangan-akhir')).has('advance')).toBe(false);
    expect(allowedActions(admin, scope, review('verified', 'rancangan')).has('enact')).toBe(false);
    expect(allowedActions(editor, scope, review('ditetapkan', 'ditetapkan')).has('amend')).toBe(true);
  });
});

describe('findingActions', () => {
  it('lets the agency answer open findings and reviewers act by status', () => {
    expect(findingActions(editor, scope, 'returned', { status: 'open' })).toEqual({
      answer: true,
      reviewer: [],
    });
    expect(findingActions(reviewer, scope, 'resubmitted', { status: 'answered' })).toEqual({
      answer: false,
      reviewer: ['accept', 'resolve', 'reopen'],
    });
    expect(findingActions(inspektorat, scope, 'in-review', { status: 'resolved' }).reviewer).toEqual([
      'reopen',
    ]);
    expect(findingActions(reviewer, scope, 'verified', { status: 'answered' }).reviewer).toEqual([]);
  });
});

describe('locks and other rights', () => {
  it('reads the lock from the state', () => {
    expect(editableInState('draft')).toBe(true);
    expect(editableInState('returned')).toBe(true);
    expect(editableInState(undefined)).toBe(true);
    expect(editableInState('in-review')).toBe(false);
    expect(editableInState('ditetapkan')).toBe(false);
  });
  it('lets the agency propose crosscutting links and the verifier schedule', () => {
    expect(mayCrosscut(editor, scope)).toBe(true);
    expect(mayCrosscut(otherHead, scope)).toBe(false);
    expect(maySchedule(verifier, 'r')).toBe(true);
    expect(maySchedule(reviewer, 'r')).toBe(false);
  });
});
