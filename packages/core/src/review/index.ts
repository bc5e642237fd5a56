export * from './anchor.ts';
export * from './canonical-json.ts';
export * from './finding-status.ts';
export * from './letter.schema.ts';
export * from './plan-diff.ts';
export * from './review-state.ts';
export * from './verification.ts';
