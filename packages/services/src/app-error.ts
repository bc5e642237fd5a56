/** The closed set of use-case failures. Edges map them: HTTP statuses in the API, exit codes in the CLI. */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_INPUT'
  | 'INVALID_PLAN'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED'
  | 'PRECONDITION_REQUIRED'
  | 'LOCKED'
  | 'INTERNAL';

/** Every error code, for tables that must cover them all. */
export const ERROR_CODES = [
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_INPUT',
  'INVALID_PLAN',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'PRECONDITION_REQUIRED',
  'LOCKED',
  'INTERNAL',
] as const satisfies readonly ErrorCode[];

/**
 * The one error a use-case throws. `message` is for people (Indonesian and English are joined
 * with " / " only at the edges that need one language); `details` carries machine data such as
 * the current state on CONFLICT or field paths on INVALID_INPUT.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Shorthands. */
export const notFound = (what: string, id: string) =>
  new AppError('NOT_FOUND', `${what} "${id}" not found`, { what, id });
export const forbidden = (action: string) =>
  new AppError('FORBIDDEN', `not allowed to ${action}`, { action });
export const conflict = (what: string, current: unknown) =>
  new AppError('CONFLICT', `${what} was changed by someone else; reload it and apply your change again`, {
    current,
  });
export const invalidInput = (message: string, issues: readonly { path: string; message: string }[] = []) =>
  new AppError('INVALID_INPUT', message, { issues });
