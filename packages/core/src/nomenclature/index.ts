export * from './code.ts';
export * from './csv.ts';
export * from './reference.ts';
