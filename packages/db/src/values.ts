/**
 * Conversions between core values and column values, the same on both databases: booleans are
 * 0/1 integers, JSON is text, timestamps are ISO text. The one place these rules live.
 */
export const toBool = (v: boolean): number => (v ? 1 : 0);
export const fromBool = (v: number | boolean): boolean => v === 1 || v === true;
export const toJson = (v: unknown): string => JSON.stringify(v);
export const fromJson = <T>(v: string | null | undefined, fallback: T): T =>
  v === null || v === undefined ? fallback : (JSON.parse(v) as T);
/** `undefined` for NULL, so optional core fields stay absent. */
export const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

/** Rows per INSERT statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
export const BATCH_ROWS = 400;

/** Splits rows into batches for multi-row inserts. */
export const batches = <T>(rows: readonly T[], size = BATCH_ROWS): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
};
