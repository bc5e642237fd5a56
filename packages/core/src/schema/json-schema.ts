import { z } from 'zod';
import { PlanFileSchema, RegionalPlanSchema, RenstraSchema } from './plan.schema.ts';

const BASE = 'urn:selaras:schema';

/** The JSON Schemas of the plan-file format, generated from the zod schemas (input side). */
export const buildPlanJsonSchemas = () => {
  const make = (name: string, title: string, schema: z.ZodType) => ({
    $id: `${BASE}:${name}`,
    title,
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
  });
  return {
    'plan-file': make('plan-file', 'Selaras plan file (regional plan or Renstra)', PlanFileSchema),
    'regional-plan': make('regional-plan', 'Selaras regional plan (RPD/RPJMD)', RegionalPlanSchema),
    renstra: make('renstra', 'Selaras Renstra Perangkat Daerah', RenstraSchema),
  };
};
