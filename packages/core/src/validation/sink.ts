import type { LocalizedText } from '../schema/common.schema.ts';
import type { Finding, FindingCode, FindingTarget } from '../schema/finding.schema.ts';
import type { PlanSettings } from '../schema/settings.schema.ts';
import { DEFAULT_SEVERITY } from './catalogue.ts';

/** Collects findings, applying the region's severity overrides (and dropping rules set `off`). */
export interface FindingSink {
  add(code: FindingCode, path: string, target: Omit<FindingTarget, 'plan'>, message: LocalizedText): void;
  readonly findings: Finding[];
}

/** Creates a sink for one plan. */
export const createSink = (
  planId: string,
  settings: Pick<PlanSettings, 'rules'>,
  findings: Finding[] = [],
): FindingSink => ({
  findings,
  add(code, path, target, message) {
    const severity = settings.rules[code] ?? DEFAULT_SEVERITY[code];
    if (severity === 'off') return;
    findings.push({ code, severity, path, target: { plan: planId, ...target }, message });
  },
});

/** The path of a node in findings: readable and stable (ids, not array positions). */
export const nodePath = (nodeId: string) => `nodes/${nodeId}`;
/** The path of an indicator in findings. */
export const indicatorPath = (nodeId: string, indicatorId: string) =>
  `nodes/${nodeId}/indicators/${indicatorId}`;
