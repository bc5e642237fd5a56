import { type Lang, validatePlanSet } from '@selaras/core';
import type { NomenclatureStore } from '@selaras/services';
import { EXIT, type Io } from '../io.ts';
import { loadPlans } from '../load-plans.ts';
import { renderFindings, summarise } from '../render/findings.ts';
import { colors } from '../render/text.ts';

export interface CheckOptions {
  readonly lang: Lang;
  readonly json: boolean;
}

/**
 * `selaras check <files…>`: validates a regional plan and agency plans together. Exit 0 without
 * errors, 1 with errors, 2 when a file cannot be read or is not a plan.
 */
export const runCheck = async (
  files: readonly string[],
  options: CheckOptions,
  io: Io,
  store: () => NomenclatureStore,
): Promise<number> => {
  const plans = await loadPlans(files, io.cwd);
  const nomenclature = store();
  const { findings } = validatePlanSet(
    plans.map((p) => p.plan),
    { nomenclature: (v) => nomenclature.get(v) },
  );
  const summary = summarise(findings);
  if (options.json) {
    const files = plans.map((p) => ({
      path: p.file,
      planId: p.plan.id,
      format: p.plan.format,
      title: p.plan.title,
    }));
    io.stdout(`${JSON.stringify({ ok: summary.error === 0, files, summary, findings }, null, 2)}\n`);
  } else {
    io.stdout(renderFindings(plans, findings, options.lang, colors(io.color), io.columns));
  }
  return summary.error > 0 ? EXIT.findings : EXIT.ok;
};
