import type { Finding, TargetValue, YearValues } from '../../api/types.ts';

/** An indicator of the regional plan (GET /api/plans/:id/alignment). */
export interface RegionalIndicator {
  readonly key: string;
  readonly name: string;
  readonly unit?: string | null;
  readonly targets: YearValues<TargetValue>;
}

/** A tujuan or sasaran of the regional plan. */
export interface RegionalGoal {
  readonly key: string;
  readonly level: string;
  readonly role: string;
  readonly statement: string;
  readonly parentKey: string | null;
  readonly indicators: readonly RegionalIndicator[];
}

export interface AgencyIndicator extends RegionalIndicator {
  readonly id: string;
  /** Keys of the regional indicators it contributes to. */
  readonly contributesTo?: readonly string[];
}

/** A tujuan or sasaran of the Renstra, with the regional nodes it aligns to. */
export interface AgencyGoal {
  readonly id: string;
  readonly key: string;
  readonly level: string;
  readonly role: string;
  readonly statement: string;
  readonly parentKey: string | null;
  readonly alignsTo: readonly string[];
  /** True when the goal has no links of its own and counts with its nearest ancestor's. */
  readonly inherited: boolean;
  readonly indicators: readonly AgencyIndicator[];
}

export interface AlignmentRow {
  readonly regional: RegionalGoal;
  /** Whether the agency is expected to support it (it carries regional programs of the agency). */
  readonly expected: boolean;
  readonly agency: readonly AgencyGoal[];
}

export interface UncoveredGoal extends RegionalGoal {
  /** Keys of the agency's regional programs under it. */
  readonly programs: readonly string[];
}

export interface Alignment {
  readonly planId: string;
  readonly key: string;
  readonly etag: string;
  readonly regionalPlan: {
    readonly planId: string;
    readonly key: string;
    readonly title: string;
    readonly etag: string;
  } | null;
  readonly rows: readonly AlignmentRow[];
  readonly unaligned: readonly AgencyGoal[];
  readonly uncovered: readonly UncoveredGoal[];
  readonly findings: readonly Finding[];
}
