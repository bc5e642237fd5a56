import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { runCoreBench } from './core.bench.ts';
import type { BenchResult } from './harness.ts';

/**
 * `npm run bench`: runs the benchmark suites, prints a table, writes the machine-readable
 * results to bench/results/latest.json and refreshes the generated section of docs/benchmarks.md.
 */
const main = () => {
  const machine = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    platform: `${process.platform} ${process.arch}`,
  };
  const results: BenchResult[] = runCoreBench();
  const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  const rows = results.map((r) => {
    const goal =
      r.goalMs === undefined ? '' : `≤ ${r.goalMs} ms ${r.medianMs <= r.goalMs ? '✅ met' : '❌ missed'}`;
    const extra = r.extra
      ? Object.entries(r.extra)
          .map(([k, v]) => `${k} ${typeof v === 'number' ? v.toLocaleString('en') : v}`)
          .join(', ')
      : '';
    return `| ${r.suite} | ${r.name} | ${fmt(r.medianMs)} | ${fmt(r.p95Ms)} | ${fmt(r.minMs)} | ${r.runs} | ${goal} | ${extra} |`;
  });
  const table = [
    `Measured ${machine.date.slice(0, 10)} on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGiB} GiB), Node ${machine.node}, ${machine.platform}. Single thread.`,
    '',
    '| suite | case | median ms | p95 ms | min ms | runs | goal | size |',
    '|---|---|---:|---:|---:|---:|---|---|',
    ...rows,
  ].join('\n');
  process.stdout.write(`${table}\n`);
  writeFileSync(
    new URL('./results/latest.json', import.meta.url),
    `${JSON.stringify({ machine, results }, null, 2)}\n`,
  );
  const docUrl = new URL('../docs/benchmarks.md', import.meta.url);
  const doc = readFileSync(docUrl, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from >= 0 && to > from) {
    writeFileSync(docUrl, `${doc.slice(0, from + start.length)}\n${table}\n${doc.slice(to)}`);
    process.stdout.write('docs/benchmarks.md updated\n');
  }
};

main();
