import { type Lang, type RegionalPlan, scorePlan } from '@selaras/core';
import { presentScore } from '@selaras/services';
import { EXIT, type Io, UsageError } from '../io.ts';
import { loadPlans } from '../load-plans.ts';
import { renderScore } from '../render/score-text.ts';
import { colors } from '../render/text.ts';

export interface ScoreOptions {
  readonly lang: Lang;
  readonly json: boolean;
  readonly year: number;
  readonly explain: boolean;
  readonly all: boolean;
}

/**
 * `selaras score <files…> --year Y`: capaian per indicator, roll-ups, units, composite indices
 * and the overall value of each plan, with `--explain` showing how each number was computed.
 */
export const runScore = async (files: readonly string[], options: ScoreOptions, io: Io): Promise<number> => {
  const plans = await loadPlans(files, io.cwd);
  for (const { file, plan } of plans) {
    if (options.year < plan.period.startYear || options.year > plan.period.endYear) {
      throw new UsageError(
        `--year ${options.year} di luar periode / outside the period ${plan.period.startYear}–${plan.period.endYear} (${file})`,
      );
    }
  }
  const regional = plans.find((p) => p.plan.format === 'selaras.regional-plan')?.plan as
    | RegionalPlan
    | undefined;
  const settings = regional?.settings.scoring;
  const scored = plans.map((p) => ({
    loaded: p,
    score: scorePlan(p.plan, { year: options.year, ...(settings && { settings }) }),
  }));
  if (options.json) {
    const out = {
      year: options.year,
      plans: scored.map(({ loaded, score }) => ({
        file: loaded.file,
        ...presentScore(score, options.explain),
      })),
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const c = colors(io.color);
    for (const { loaded, score } of scored) {
      io.stdout(
        renderScore(
          loaded,
          score,
          { lang: options.lang, explain: options.explain, all: options.all, columns: io.columns },
          c,
        ),
      );
    }
  }
  return EXIT.ok;
};
