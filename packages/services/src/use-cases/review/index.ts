export * from './crosscutting.ts';
export * from './decisions.ts';
export * from './findings.ts';
export * from './inbox.ts';
export * from './records.ts';
export { assertEditable, institutionOf } from './review-common.ts';
export { getReviewPlan, presentReviewState, unresolvedCount } from './review-plan.ts';
export * from './schedule.ts';
export * from './submit.ts';
