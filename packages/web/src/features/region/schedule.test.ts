import { describe, expect, it } from 'vitest';
import type { ReviewWindow } from '../review/review-types.ts';
import { windowStatus } from './schedule-section.tsx';
import { windowProblems } from './window-form.tsx';

const w = (opensOn: string, closesOn: string, open: boolean): ReviewWindow => ({
  id: 'w',
  regionId: 'r',
  stage: 'rancangan',
  opensOn,
  closesOn,
  note: null,
  version: 1,
  open,
});

describe('Bappeda’s windows', () => {
  it('reads a window as open, not yet open or closed', () => {
    expect(windowStatus(w('2023-05-01', '2023-05-31', true), '2023-05-10')).toBe('open');
    expect(windowStatus(w('2023-06-01', '2023-06-30', false), '2023-05-10')).toBe('upcoming');
    expect(windowStatus(w('2023-04-01', '2023-04-30', false), '2023-05-10')).toBe('closed');
  });
  it('asks for both dates, closing on or after opening', () => {
    const f = { stage: 'rancangan' as const, note: '' };
    expect(windowProblems({ ...f, opensOn: '', closesOn: '' })).toEqual(['opensOn', 'closesOn']);
    expect(windowProblems({ ...f, opensOn: '2023-05-10', closesOn: '2023-05-01' })).toEqual(['closesOn']);
    expect(windowProblems({ ...f, opensOn: '2023-05-10', closesOn: '2023-05-10' })).toEqual([]);
  });
});
