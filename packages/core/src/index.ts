/**
 * @selaras/core: the planning domain of Selaras. Pure functions over plain data: schemas, the
 * performance tree, nomenclature, the formula language, scoring with explanations, composite
 * indices and validation rules. No I/O, no clock, no randomness.
 */
export * from './format/index.ts';
export * from './formula/index.ts';
export * from './nomenclature/index.ts';
export * from './period.ts';
export * from './review/index.ts';
export * from './schema/index.ts';
export * from './scoring/index.ts';
export * from './tree/index.ts';
export * from './validation/index.ts';
