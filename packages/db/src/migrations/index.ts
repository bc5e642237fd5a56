import type { Migration } from 'kysely';
import * as initialSchema from './20261128090000_initial_schema.ts';
import * as planContentVersion from './20261128120000_plan_content_version.ts';
import * as reviewWorkflow from './20261128150000_review_workflow.ts';
import * as userEmail from './20261128160000_user_email.ts';

/**
 * Every migration, by name, in order. Listed statically (not read from a folder) so they work
 * when the packages are bundled. Never edit a migration after it lands: add a new one.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '20261128090000_initial_schema': initialSchema,
  '20261128120000_plan_content_version': planContentVersion,
  '20261128150000_review_workflow': reviewWorkflow,
  '20261128160000_user_email': userEmail,
};
