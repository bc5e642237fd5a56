import type { LocalizedText } from '../schema/common.schema.ts';

/**
 * Why a formula could not be parsed or evaluated. Errors are values, never exceptions:
 * `parse` (with the character position), `unknown-ref`, `missing` (a known reference with no
 * value), `cycle`, `div-by-zero`, `type` and `overflow`.
 */
export type FormulaErrorKind =
  | 'parse'
  | 'unknown-ref'
  | 'missing'
  | 'cycle'
  | 'div-by-zero'
  | 'type'
  | 'overflow';

/** A formula error: its kind, a message in both languages, and where (position or reference). */
export interface FormulaError {
  readonly kind: FormulaErrorKind;
  readonly message: LocalizedText;
  /** 0-based character offset, for `parse` errors. */
  readonly position?: number;
  /** The reference concerned, for `unknown-ref`, `missing` and `cycle`. */
  readonly ref?: string;
}

/** The outcome of parsing or evaluating: a value or an error, never a throw. */
export type FormulaResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: FormulaError };

/** Builds an error value. */
export const formulaError = (
  kind: FormulaErrorKind,
  message: LocalizedText,
  extra: { position?: number; ref?: string } = {},
): FormulaError => ({ kind, message, ...extra });

/** Internal: carries an error out of deep recursion; caught at the module boundary only. */
export class FormulaFailure extends Error {
  constructor(readonly error: FormulaError) {
    super(error.message.en);
  }
}
