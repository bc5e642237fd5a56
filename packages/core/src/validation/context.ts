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
  /** The regional plan the Renstra derives from, when it is part of the check. */
  readonly regional?: PlanIndex | undefined;
  /**
   * The nomenclature version the plan names: a reference, `null` when that version is not
   * available, or undefined when no reference was supplied (code checks are skipped).
   */
  readonly nomenclature?: NomenclatureReference | null | undefined;
}

const short = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Names a node for messages: `Sasaran S1.1 "Meningkatnya …"`. */
export const describeNode = (ctx: ValidationContext, node: PerformanceNode): { id: string; en: string } => {
  const level = ctx.index.levels.get(node.level)?.level.label;
  const quoted = `"${short(node.statement)}"`;
  return {
    id: `${level?.id ?? node.level} ${node.id} ${quoted}`,
    en: `${level?.en ?? node.level} ${node.id} ${quoted}`,
  };
};
