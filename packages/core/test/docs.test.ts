import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEVERITY, FINDING_CODES } from '../src/index.ts';

const page = readFileSync(new URL('../../../docs/validation-rules.md', import.meta.url), 'utf8');

/** The rule table's rows as `code → severity`, whatever the column padding. */
const rows = new Map(
  page
    .split('\n')
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .filter((cells) => /^`[a-z-]+\/[a-z-]+`$/.test(cells[1] ?? ''))
    .map((cells) => [(cells[1] as string).slice(1, -1), cells[2]] as const),
);

describe('docs/validation-rules.md', () => {
  it.each([...FINDING_CODES])('lists %s with its default severity', (code) => {
    expect(rows.get(code)).toBe(DEFAULT_SEVERITY[code]);
  });

  it('lists no rule that does not exist', () => {
    expect([...rows.keys()].sort()).toEqual([...FINDING_CODES].sort());
  });
});
