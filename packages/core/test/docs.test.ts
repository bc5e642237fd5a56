import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEVERITY, FINDING_CODES } from '../src/index.ts';

const page = readFileSync(new URL('../../../docs/validation-rules.md', import.meta.url), 'utf8');

describe('docs/validation-rules.md', () => {
  it.each([...FINDING_CODES])('lists %s with its default severity', (code) => {
    expect(page).toContain(`| \`${code}\` | ${DEFAULT_SEVERITY[code]} |`);
  });

  it('lists no rule that does not exist', () => {
    const listed = [...page.matchAll(/^\| `([a-z-]+\/[a-z-]+)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...FINDING_CODES].sort());
  });
});
