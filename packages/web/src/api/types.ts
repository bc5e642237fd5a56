/** The shapes the API answers with (see docs/api.md). Per-year values are `{ "2024": value }`. */

export type Role =
  | 'admin'
  | 'agency_editor'
  | 'agency_head'
  | 'bappeda_reviewer'
  | 'bappeda_verifier'
  | 'inspektorat_reviewer'
  | 'viewer';

export interface Grant {
  readonly regionId: string;
  readonly agencyId: string | null;
  readonly role: Role;
  readonly regionName?: string;
  readonly agencyName?: string | null;
  readonly agencyCode?: string | null;
}

export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName?: string;
  readonly roles: readonly Grant[];
}

export interface Me {
  readonly user: User | null;
  readonly csrfToken?: string;
}

export type YearValues<T> = Readonly<Record<string, T>>;
export type TargetValue = number | { readonly min: number; readonly max: number };
export type Polarity = 'positive' | 'negative' | 'range' | 'stable';
export type LevelRole = 'tujuan' | 'sasaran' | 'program' | 'kegiatan' | 'subKegiatan' | 'other';

export interface LocalizedText {
  readonly id: string;
  readonly en: string;
}

export interface Level {
  readonly key: string;
  readonly role: LevelRole;
  readonly label: LocalizedText;
  readonly resultType?: string;
}

export interface TreeIndicator {
  readonly id: string;
  readonly key: string;
  readonly version: number;
  readonly name: string;
  readonly unit?: string;
  readonly polarity: Polarity;
  readonly cumulative: boolean;
  readonly targetsAre?: 'increments' | 'running-totals';
  readonly baseline?: { readonly year: number; readonly value: number };
  readonly targets: YearValues<TargetValue>;
  readonly realisations?: YearValues<number>;
  readonly responsibleUnit?: string;
  readonly contributesTo?: readonly string[];
  readonly composite?: string;
}

export interface CrosscuttingPartner {
  readonly agency?: string;
  readonly unit?: string;
  readonly indicator?: string;
  readonly contribution?: string;
}

export interface TreeNode {
  readonly id: string;
  readonly key: string;
  readonly parentId: string | null;
  readonly parentKey: string | null;
  readonly version: number;
  readonly level: string;
  readonly statement: string;
  readonly code?: string;
  readonly name?: string;
  readonly owner?: { readonly unit?: string; readonly position?: string };
  readonly alignsTo: readonly string[];
  readonly crosscutting?: readonly CrosscuttingPartner[];
  readonly cascading?: 'direct' | 'indirect';
  readonly priority: boolean;
  readonly pagu: YearValues<number>;
  readonly indicators: readonly TreeIndicator[];
}

export interface OrgUnit {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly parent?: string;
}

export interface CompositeComponent {
  readonly indicator: string;
  readonly label?: string;
  readonly weight: number;
}

export interface Composite {
  readonly id: string;
  readonly name: string;
  readonly versions: readonly {
    readonly version: string;
    readonly components: readonly CompositeComponent[];
  }[];
}

export interface Period {
  readonly kind: string;
  readonly startYear: number;
  readonly endYear: number;
  readonly baselineYear?: number;
}

/** Where a Renstra is in Bappeda's review (docs/api.md, "Review workflow"). */
export type ReviewState =
  | 'draft'
  | 'submitted'
  | 'in-review'
  | 'returned'
  | 'resubmitted'
  | 'verified'
  | 'ditetapkan';

/** What a review finding is about, and so what a return unlocks. */
export type ReviewAnchor =
  | { readonly type: 'plan' }
  | { readonly type: 'tree' }
  | { readonly type: 'chapter'; readonly chapter: number }
  | { readonly type: 'section'; readonly chapter: number; readonly section: string }
  | { readonly type: 'node'; readonly node: string }
  | { readonly type: 'indicator'; readonly indicator: string }
  | { readonly type: 'table-row'; readonly table: string; readonly row: string };

/** The review part of a plan's tree: its state, submission round and what a return unlocked. */
export interface PlanReview {
  readonly state: ReviewState;
  readonly round: number;
  readonly unlocked: readonly ReviewAnchor[] | null;
}

export interface PlanTree {
  readonly planId: string;
  readonly regionId: string;
  readonly agencyId: string | null;
  /** The plan's place in review (a regional plan is Bappeda's own and stays a draft). */
  readonly review?: PlanReview;
  readonly key: string;
  readonly title: string;
  readonly format: 'selaras.renstra' | 'selaras.regional-plan';
  readonly stage?: string;
  readonly agency?: {
    readonly code: string;
    readonly name: string;
    readonly shortName?: string;
    readonly units: readonly OrgUnit[];
  };
  readonly regionalPlan?: { readonly id: string };
  readonly levels: readonly Level[];
  readonly period: Period;
  readonly composites: readonly Composite[];
  readonly nodes: readonly TreeNode[];
}

export interface PlanSummary {
  readonly planId: string;
  readonly key: string;
  readonly kind: 'regional' | 'renstra';
  readonly title: string;
  readonly agencyId: string | null;
  readonly stage: string | null;
  readonly etag: string;
  readonly updatedAt: string;
}

export interface Region {
  readonly id: string;
  readonly version: number;
  readonly code: string;
  readonly name: string;
  readonly kind: string;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly path: string;
  readonly target: {
    readonly plan: string;
    readonly node?: string;
    readonly indicator?: string;
    readonly chapter?: number;
    readonly section?: string;
    readonly composite?: string;
    readonly year?: number;
  };
  readonly message: LocalizedText;
}

export interface Validation {
  readonly summary: Readonly<Record<Severity, number>>;
  readonly findings: readonly Finding[];
}

export interface RenderedText {
  readonly id: readonly string[];
  readonly en: readonly string[];
}

export interface ScoreComposite {
  readonly id: string;
  readonly name: string;
  readonly version: string | null;
  readonly value: number | null;
  readonly components: readonly {
    readonly indicator: string;
    readonly label?: string;
    readonly raw: number | null;
    readonly normalised: number | null;
    readonly weight: number;
    readonly effectiveWeight: number;
    readonly contribution: number | null;
    readonly missing: boolean;
  }[];
  readonly explanationText?: RenderedText;
}

export interface ScoreIndicator {
  readonly id: string;
  readonly node: string;
  readonly name: string;
  readonly unit: string | null;
  readonly polarity: Polarity;
  readonly target: TargetValue | null;
  readonly realisation: number | null;
  readonly source: string;
  readonly capaian: number | null;
  readonly predicate: string | null;
  readonly explanationText?: RenderedText;
}

export interface Scores {
  readonly planId: string;
  readonly year: number;
  readonly composites: readonly ScoreComposite[];
  readonly indicators: readonly ScoreIndicator[];
  readonly nodes: readonly {
    readonly id: string;
    readonly own: number | null;
    readonly value: number | null;
    readonly predicate: string | null;
    readonly explanationText?: RenderedText;
  }[];
  readonly units: readonly {
    readonly id: string;
    readonly name: string;
    readonly value: number | null;
    readonly predicate: string | null;
  }[];
  readonly overall: { readonly value: number | null; readonly predicate: string | null };
}
