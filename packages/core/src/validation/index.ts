export * from './catalogue.ts';
export type { ValidationContext } from './context.ts';
export { sortFindings, type ValidatePlanOptions, validatePlan } from './validate-plan.ts';
export { type PlanSetResult, type ValidatePlanSetOptions, validatePlanSet } from './validate-plan-set.ts';
