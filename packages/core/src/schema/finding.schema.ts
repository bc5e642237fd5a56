import { z } from 'zod';
import { LocalizedTextSchema } from './common.schema.ts';

/** Every validation rule's code. The list is closed: tests enumerate it and docs list it. */
export const FINDING_CODES = [
  'plan/duplicate-id',
  'plan/period-mismatch',
  'plan/regional-plan-missing',
  'plan/empty-tree',
  'tree/unknown-level',
  'tree/unknown-parent',
  'tree/duplicate-node',
  'tree/level-order',
  'tree/cycle',
  'tree/orphan-node',
  'indicator/duplicate-id',
  'indicator/missing',
  'indicator/missing-cascade',
  'indicator/missing-target',
  'indicator/target-outside-period',
  'indicator/target-shape',
  'indicator/missing-baseline',
  'indicator/baseline-in-period',
  'indicator/unknown-inherited',
  'indicator/missing-unit',
  'alignment/unaligned-sasaran',
  'alignment/unknown-regional-node',
  'coverage/outside-composite',
  'coverage/regional-indicator-uncovered',
  'coverage/unknown-regional-indicator',
  'data/stale-baseline',
  'nomenclature/unknown-version',
  'nomenclature/missing-code',
  'nomenclature/malformed-code',
  'nomenclature/unknown-code',
  'nomenclature/wrong-level',
  'nomenclature/wrong-bidang',
  'nomenclature/wrong-government-level',
  'nomenclature/parent-mismatch',
  'composite/weights-not-one',
  'composite/unknown-component',
  'composite/unknown-index',
  'composite/version-order',
  'composite/no-version',
  'formula/parse',
  'formula/unknown-reference',
  'formula/cycle',
  'pagu/negative',
  'pagu/outside-period',
  'pagu/missing',
  'pagu/children-exceed-parent',
  'pagu/not-budgeted-level',
  'target/cumulative-decreasing',
  'organisation/unknown-unit',
  'chapter/missing',
  'chapter/empty-section',
] as const;

/** One of the rule codes. */
export const FindingCodeSchema = z.enum(FINDING_CODES);
export type FindingCode = z.infer<typeof FindingCodeSchema>;

/** How serious a finding is: errors make `selaras check` exit 1 and (later) block gated submissions. */
export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** What a finding points at, so a user interface can link to it. */
export const FindingTargetSchema = z.strictObject({
  plan: z.string(),
  node: z.string().optional(),
  indicator: z.string().optional(),
  chapter: z.number().optional(),
  section: z.string().optional(),
  composite: z.string().optional(),
  year: z.number().optional(),
});
export type FindingTarget = z.infer<typeof FindingTargetSchema>;

/**
 * One validation finding: a rule code, its severity, where it is (`path` for people and
 * machines, `target` for links) and a message in Indonesian and English that says what is wrong
 * and how to fix it.
 */
export const FindingSchema = z.strictObject({
  code: FindingCodeSchema,
  severity: SeveritySchema,
  path: z.string(),
  target: FindingTargetSchema,
  message: LocalizedTextSchema,
});
export type Finding = z.infer<typeof FindingSchema>;
