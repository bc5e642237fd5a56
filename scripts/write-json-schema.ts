import { writeFileSync } from 'node:fs';
import { buildPlanJsonSchemas } from '@selaras/core';

/** `npm run schema`: writes the JSON Schemas of the plan-file format into docs/schema/. */
for (const [name, schema] of Object.entries(buildPlanJsonSchemas())) {
  const url = new URL(`../docs/schema/${name}.schema.json`, import.meta.url);
  writeFileSync(url, `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote docs/schema/${name}.schema.json\n`);
}
