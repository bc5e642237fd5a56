import { AppError, conflict } from './app-error.ts';

/**
 * Checks the caller's version (If-Match) against the current one: PRECONDITION_REQUIRED without
 * one, CONFLICT with the current state when someone else changed it first.
 */
export const requireVersion = (
  current: { readonly version: number },
  expected: number | undefined,
  what: string,
  state: unknown,
): number => {
  if (expected === undefined)
    throw new AppError(
      'PRECONDITION_REQUIRED',
      `send the version of the ${what} you last read (If-Match) to change it`,
    );
  if (expected !== current.version) throw conflict(what, state);
  return expected;
};
