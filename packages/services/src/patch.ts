import { z } from 'zod';
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

/** The most changes one batch request may carry. */
export const MAX_BATCH_CHANGES = 500;

/** The body of a batch edit: each change names a row by id, the version last read, and the fields to change. */
export const BatchChangesSchema = z.strictObject({
  changes: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(64),
        version: z.number().int().min(1),
        patch: z.record(z.string(), z.unknown()),
      }),
    )
    .min(1)
    .max(MAX_BATCH_CHANGES),
});

/** One parsed change of a batch, with its position in the request. */
export interface BatchChange<P> {
  readonly index: number;
  readonly id: string;
  readonly version: number;
  readonly patch: P;
}

/**
 * Parses a batch of partial updates, each with `schema` as `parsePatch` does. Every problem is
 * reported at once, with paths `changes.<i>.<field>` (the field inside that change's patch, e.g.
 * `changes.3.targets.2025`), `changes.<i>.id` for an id listed twice, and `changes.<i>` for an
 * empty patch.
 */
export const parseBatch = <S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): BatchChange<Partial<z.output<S>>>[] => {
  const { changes } = parseInput(BatchChangesSchema, input, `${what} changes`);
  const issues: { path: string; message: string }[] = [];
  const seen = new Map<string, number>();
  const out: BatchChange<Partial<z.output<S>>>[] = [];
  for (const [index, c] of changes.entries()) {
    const first = seen.get(c.id);
    if (first === undefined) seen.set(c.id, index);
    else
      issues.push({
        path: `changes.${index}.id`,
        message: `already changed by changes.${first}; send one change per ${what}`,
      });
    const r = schema.safeParse(c.patch);
    if (!r.success) {
      for (const i of issuesOf(r.error))
        issues.push({
          path: i.path === '' ? `changes.${index}` : `changes.${index}.${i.path}`,
          message: i.message,
        });
      continue;
    }
    const patch: Record<string, unknown> = {};
    for (const k of Object.keys(c.patch))
      if (k in (r.data as object)) patch[k] = (r.data as Record<string, unknown>)[k];
    if (Object.keys(patch).length === 0)
      issues.push({ path: `changes.${index}`, message: 'nothing to change: the patch names no field' });
    out.push({ index, id: c.id, version: c.version, patch: patch as Partial<z.output<S>> });
  }
  if (issues.length > 0) throw invalidInput(`invalid ${what} changes`, issues.slice(0, MAX_BATCH_CHANGES));
  return out;
};
