import type { z } from 'zod';
import { invalidInput } from './app-error.ts';

/** Turns zod issues into the `{ path, message }` list of an INVALID_INPUT error. */
export const issuesOf = (error: z.ZodError) =>
  error.issues.slice(0, 50).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

/** Parses input with a schema, or throws INVALID_INPUT with the field paths. */
export const parseInput = <S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> => {
  const r = schema.safeParse(input);
  if (!r.success) throw invalidInput(`invalid ${what}`, issuesOf(r.error));
  return r.data;
};

/**
 * Parses a partial update: validated and transformed by the schema, but only the fields the
 * caller sent are kept (zod would otherwise fill defaults into the fields left out).
 */
export const parsePatch = <S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): Partial<z.output<S>> => {
  const parsed = parseInput(schema, input, what) as Record<string, unknown>;
  const sent = input !== null && typeof input === 'object' ? Object.keys(input) : [];
  const out: Record<string, unknown> = {};
  for (const k of sent) if (k in parsed) out[k] = parsed[k];
  return out as Partial<z.output<S>>;
};

/** Reads an entity tag such as `"3"` or `W/"3"` as a version number; undefined when absent. */
export const versionFromTag = (tag: string | undefined): number | undefined => {
  if (tag === undefined) return undefined;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(tag.trim());
  if (!m)
    throw invalidInput(`not a version tag: ${tag}`, [{ path: 'If-Match', message: 'a version such as "3"' }]);
  return Number(m[1]);
};
