import type { NomenclatureReference } from '../nomenclature/reference.ts';
import type { PerformanceNode } from '../schema/node.schema.ts';
import type { PlanSettings } from '../schema/settings.schema.ts';
import type { PlanIndex } from '../tree/plan-index.ts';
import type { FindingSink } from './sink.ts';

/** What every rule receives: the plan's index, the sink, the region's settings and references. */
export interface ValidationContext {
  readonly index: PlanIndex;
  readonly sink: FindingSink;
  readonly settings: PlanSettings;
  readonly years: readonly number[];
  /** The same years as object keys ("2024"), to avoid converting in loops. */
  readonly yearKeys: readonly string[];
  /** The regional plan the Renstra derives from, when it is part of the check. */
  readonly regional?: PlanIndex | undefined;
  /**
   * The nomenclature version the plan names: a reference, `null` when that version is not
   * available, or undefined when no reference was supplied (code checks are skipped).
   */
  readonly nomenclature?: NomenclatureReference | null | undefined;
}

const short = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A node's name for messages, `Sasaran S1.1 "Meningkatnya …"`, built only when a finding reads it. */
class NodeLabel {
  constructor(
    private readonly ctx: ValidationContext,
    private readonly node: PerformanceNode,
  ) {}
  private part(lang: 'id' | 'en'): string {
    const level = this.ctx.index.levels.get(this.node.level)?.level.label;
    return `${level?.[lang] ?? this.node.level} ${this.node.id} "${short(this.node.statement)}"`;
  }
  get id(): string {
    return this.part('id');
  }
  get en(): string {
    return this.part('en');
  }
}

/** Names a node for messages: `Sasaran S1.1 "Meningkatnya …"` (lazily). */
export const describeNode = (
  ctx: ValidationContext,
  node: PerformanceNode,
): { readonly id: string; readonly en: string } => new NodeLabel(ctx, node);
