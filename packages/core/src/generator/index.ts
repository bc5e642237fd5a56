export * from './generate-plan.ts';
export * from './prng.ts';
