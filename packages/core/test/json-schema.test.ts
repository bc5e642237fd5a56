import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPlanJsonSchemas } from '../src/index.ts';

describe('the published JSON Schema of plan files', () => {
  it.each(Object.entries(buildPlanJsonSchemas()))(
    'docs/schema/%s.schema.json is up to date (run `npm run schema`)',
    (name, schema) => {
      const committed = JSON.parse(
        readFileSync(new URL(`../../../docs/schema/${name}.schema.json`, import.meta.url), 'utf8'),
      );
      expect(committed).toEqual(JSON.parse(JSON.stringify(schema)));
    },
  );

  it('describes targets as numbers keyed by year', () => {
    const text = JSON.stringify(buildPlanJsonSchemas().renstra);
    expect(text).toContain('^\\\\d{4}$');
    expect(text).toContain('"format"');
  });
});
