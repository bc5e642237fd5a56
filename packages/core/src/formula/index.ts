export * from './compile.ts';
export * from './formula-error.ts';
export { MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH } from './parser.ts';
export * from './references.ts';
