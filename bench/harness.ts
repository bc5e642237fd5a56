import { performance } from 'node:perf_hooks';

/** One measured case: timings in milliseconds over repeated runs. */
export interface BenchResult {
  readonly suite: string;
  readonly name: string;
  readonly runs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly minMs: number;
  readonly goalMs?: number;
  readonly note?: string;
  readonly extra?: Record<string, number | string>;
}

/**
 * Runs `fn` after `warmup` unmeasured runs and reports the median, p95 and minimum of `runs` runs.
 */
export const measure = (
  suite: string,
  name: string,
  fn: () => unknown,
  opts: {
    runs?: number;
    warmup?: number;
    goalMs?: number;
    note?: string;
    extra?: Record<string, number | string>;
  } = {},
): BenchResult => {
  const runs = opts.runs ?? 20;
  for (let i = 0; i < (opts.warmup ?? 5); i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] as number;
  return {
    suite,
    name,
    runs,
    medianMs: at(0.5),
    p95Ms: at(0.95),
    minMs: times[0] as number,
    ...(opts.goalMs !== undefined && { goalMs: opts.goalMs }),
    ...(opts.note !== undefined && { note: opts.note }),
    ...(opts.extra !== undefined && { extra: opts.extra }),
  };
};
