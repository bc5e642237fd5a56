import { ApiError } from '../../api/client.ts';

/** Field problems of a form, keyed by the field's path relative to the form's body. */
export type FieldErrors = Readonly<Record<string, string>>;

/**
 * The API's field problems (`INVALID_INPUT` issues) keyed by path relative to the form. The route's
 * own checks name fields under `body.`, the services relative to the body; `prefixes` (such as
 * `agency.` or `roles.0.`) are dropped as well, so `body.agency.code` and `agency.code` both
 * become `code`. Several problems of one field are joined.
 */
export const fieldErrors = (error: unknown, prefixes: readonly string[] = []): FieldErrors => {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    let path = issue.path.startsWith('body.') ? issue.path.slice(5) : issue.path;
    for (const p of prefixes) if (path.startsWith(p)) path = path.slice(p.length);
    out[path] = out[path] ? `${out[path]}; ${issue.message}` : issue.message;
  }
  return out;
};

/** The problem of one field: its own path or any path under it (`bidangUrusan.1`). */
export const errorAt = (errors: FieldErrors, field: string): string | undefined => {
  const found = Object.entries(errors)
    .filter(([path]) => path === field || path.startsWith(`${field}.`))
    .map(([, message]) => message);
  return found.length > 0 ? found.join('; ') : undefined;
};

/** Problems no field of the form shows (so they are listed above the buttons instead). */
export const otherErrors = (errors: FieldErrors, fields: readonly string[]): string[] =>
  Object.entries(errors)
    .filter(([path]) => !fields.some((f) => path === f || path.startsWith(`${f}.`)))
    .map(([path, message]) => (path ? `${path}: ${message}` : message));

/** Merges problems found in the browser with those the server gave (the browser's first). */
export const mergeErrors = (...all: FieldErrors[]): FieldErrors => {
  const out: Record<string, string> = {};
  for (const errors of all) for (const [k, v] of Object.entries(errors)) if (!(k in out)) out[k] = v;
  return out;
};

/**
 * What a failed write says above the buttons: problems no field shows, a reminder to look at the
 * marked fields, or the error itself. A conflict says nothing here (the form shows it its own way).
 */
export const generalMessage = (
  error: unknown,
  rest: readonly string[],
  fix: string,
  errorText: (e: unknown) => string,
): string[] => {
  if (error === null || error === undefined) return [];
  if (rest.length > 0) return [...rest];
  if (error instanceof ApiError && error.code === 'INVALID_INPUT') return [fix];
  if (error instanceof ApiError && error.code === 'CONFLICT') return [];
  return [errorText(error)];
};

/** Why the server refused a write for what is stored (a 409 with `details.reason`), if it did. */
export const refusalReason = (error: unknown): string | undefined => {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return undefined;
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' ? reason : undefined;
};

/** Whether a write failed because someone else changed the thing first (a 409 without a reason). */
export const isStale = (error: unknown): boolean =>
  error instanceof ApiError && error.code === 'CONFLICT' && refusalReason(error) === undefined;

/** A number the server sent in an error's details (`nodes`, `indicators`, `units`), or 0. */
export const detailCount = (error: unknown, key: string): number => {
  if (!(error instanceof ApiError)) return 0;
  const v = (error.details as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'number' ? v : 0;
};
