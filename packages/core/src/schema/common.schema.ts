import { z } from 'zod';
import { YearSeries } from './year-series.ts';

/** A calendar year as used by planning periods (e.g. 2024). */
export const YearSchema = z.number().int().min(1945).max(2200);
export type Year = z.infer<typeof YearSchema>;

/** A year used as a JSON object key: "2024", within the same bounds as YearSchema. */
export const YearKeySchema = z
  .string()
  .regex(/^\d{4}$/, 'a four-digit year such as "2024"')
  .refine((y) => Number(y) >= 1945 && Number(y) <= 2200, 'a year between 1945 and 2200');

/**
 * Values keyed by year, written `{ "2024": 82.21, "2025": 85 }` and read into a YearSeries.
 * Years are never columns: a period of any length fits. Absent means no values.
 */
export const yearValues = <T extends z.ZodType>(value: T) =>
  z
    .record(YearKeySchema, value)
    .transform((r) => YearSeries.fromRecord(r as Record<string, z.output<T>>))
    .prefault({});

/** A finite number: zod refuses strings, NaN and Infinity. */
export const NumberSchema = z.number();

/** Text in Bahasa Indonesia with an English rendering. */
export const LocalizedTextSchema = z.strictObject({ id: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** The two languages of Selaras; Indonesian is the default. */
export const LangSchema = z.enum(['id', 'en']);
export type Lang = z.infer<typeof LangSchema>;

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const idMessage = 'letters, digits, "_", ".", ":" or "-", starting with a letter or digit (at most 128)';

/** Builds a branded identifier schema. Ids are never bare strings across package boundaries. */
const idSchema = <B extends string>(_brand: B) => z.string().regex(idPattern, idMessage).brand<B>();

/** A plan's id (its file's `id`). */
export const PlanIdSchema = idSchema('PlanId');
export type PlanId = z.infer<typeof PlanIdSchema>;
/** A node's id, unique within its plan. */
export const NodeIdSchema = idSchema('NodeId');
export type NodeId = z.infer<typeof NodeIdSchema>;
/** An indicator's id, unique within its plan; formulas and composites refer to it. */
export const IndicatorIdSchema = idSchema('IndicatorId');
export type IndicatorId = z.infer<typeof IndicatorIdSchema>;
/** An organisational unit's id, unique within its agency. */
export const UnitIdSchema = idSchema('UnitId');
export type UnitId = z.infer<typeof UnitIdSchema>;
/** A composite index's id, unique within its plan. */
export const CompositeIdSchema = idSchema('CompositeId');
export type CompositeId = z.infer<typeof CompositeIdSchema>;

/** An official: name, NIP (18 digits) and position (jabatan). */
export const OfficialSchema = z.strictObject({
  position: z.string().min(1),
  name: z.string().optional(),
  nip: z
    .string()
    .regex(/^\d{18}$/, 'an 18-digit NIP')
    .optional(),
});
export type Official = z.infer<typeof OfficialSchema>;
