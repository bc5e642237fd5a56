import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import {
  detailCount,
  errorAt,
  fieldErrors,
  isStale,
  mergeErrors,
  otherErrors,
  refusalReason,
} from './form-errors.ts';

const invalid = (...issues: { path: string; message: string }[]) =>
  new ApiError(400, 'INVALID_INPUT', 'invalid', { issues });

describe('fieldErrors', () => {
  it('drops the body. prefix of route checks and the given prefixes of service checks', () => {
    const e = invalid(
      { path: 'agency.code', message: 'too short' },
      { path: 'body.username', message: 'lowercase letters' },
      { path: 'roles.0.agencyId', message: 'the agency of the role' },
    );
    expect(fieldErrors(e, ['agency.', 'roles.0.'])).toEqual({
      code: 'too short',
      username: 'lowercase letters',
      agencyId: 'the agency of the role',
    });
  });
  it('joins several problems of one field', () => {
    const e = invalid(
      { path: 'password', message: 'at least 10 characters' },
      { path: 'password', message: 'must not contain the username' },
    );
    expect(fieldErrors(e).password).toBe('at least 10 characters; must not contain the username');
  });
  it('is empty for anything but an API error', () => {
    expect(fieldErrors(new Error('x'))).toEqual({});
    expect(fieldErrors(null)).toEqual({});
  });
});

describe('errorAt and otherErrors', () => {
  const errors = { 'bidangUrusan.1': 'a code such as "1.03"', 'head.position': 'required', units: 'x' };
  it('finds a field’s problems under its path', () => {
    expect(errorAt(errors, 'bidangUrusan')).toBe('a code such as "1.03"');
    expect(errorAt(errors, 'head.position')).toBe('required');
    expect(errorAt(errors, 'head.name')).toBeUndefined();
  });
  it('lists what no field shows', () => {
    expect(otherErrors(errors, ['bidangUrusan', 'head.position'])).toEqual(['units: x']);
  });
  it('merges, the first source winning', () => {
    expect(mergeErrors({ a: '1' }, { a: '2', b: '3' })).toEqual({ a: '1', b: '3' });
  });
});

describe('refusals and stale versions', () => {
  const refused = new ApiError(409, 'CONFLICT', 'in use', { reason: 'unit-in-use', nodes: 3, indicators: 1 });
  const stale = new ApiError(409, 'CONFLICT', 'changed', { current: { version: 4 } });
  it('tells a refusal for what is stored (with its reason) from a stale version', () => {
    expect(refusalReason(refused)).toBe('unit-in-use');
    expect(isStale(refused)).toBe(false);
    expect(refusalReason(stale)).toBeUndefined();
    expect(isStale(stale)).toBe(true);
    expect(isStale(invalid({ path: 'x', message: 'y' }))).toBe(false);
    expect(refusalReason(new Error('x'))).toBeUndefined();
  });
  it('reads the counts of a refusal, 0 when absent', () => {
    expect(detailCount(refused, 'nodes')).toBe(3);
    expect(detailCount(refused, 'units')).toBe(0);
    expect(detailCount(null, 'nodes')).toBe(0);
  });
});
