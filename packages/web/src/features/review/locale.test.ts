import { describe, expect, it } from 'vitest';
import { en } from './locale-en.ts';
import { id } from './locale-id.ts';

const keysOf = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keysOf(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

/** The keys a file asks of the 'review' namespace with a literal t('…'). */
const usedKeys = (source: string): string[] =>
  [...source.matchAll(/\bt\('([a-zA-Z0-9_.-]+)'/g)].map((m) => m[1] ?? '');

describe('the review texts', () => {
  it('has the same keys in both languages', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(id).sort());
  });
  it('has every key the screens ask for', () => {
    // The screens' sources as text (the two files with namespaces of their own left out).
    const sources = import.meta.glob<string>(
      ['./*.tsx', '!./review-lock.tsx', '!./crosscutting-propose.tsx'],
      {
        query: '?raw',
        import: 'default',
        eager: true,
      },
    );
    const known = new Set(keysOf(id).map((k) => k.replace(/_(one|other)$/, '')));
    const used = Object.entries(sources).flatMap(([f, source]) => usedKeys(source).map((k) => [f, k]));
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter(([, k]) => !known.has(k ?? '')).map(([f, k]) => `${f}: ${k}`)).toEqual([]);
  });
});
