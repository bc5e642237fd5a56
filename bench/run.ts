import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { runCoreBench } from './core.bench.ts';
import type { BenchResult } from './harness.ts';
import { type HttpBenchResult, runHttpBench } from './http.bench.ts';
import { type BundleResult, measureBundle, measureTree, type TreeResult } from './web.bench.ts';

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` in a document. */
const replaceSection = (doc: string, name: string, body: string): string => {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  return from >= 0 && to > from ? `${doc.slice(0, from + start.length)}\n${body}\n${doc.slice(to)}` : doc;
};

const webTable = (
  machine: { date: string; cpu: string; cores: number },
  bundle: BundleResult,
  tree: TreeResult | undefined,
): string => {
  const met = (ok: boolean) => (ok ? '✅ met' : '❌ missed');
  return [
    `Measured ${machine.date.slice(0, 10)} on ${machine.cpu} (${machine.cores} cores), Debian chromium headless, 1280×800.`,
    '',
    '| case | result | goal |',
    '|---|---:|---|',
    `| first page load: JavaScript, gzipped (${bundle.files.length} files: entry and its static imports) | ${bundle.firstLoadJsGzipKb} KB (raw ${bundle.firstLoadJsRawKb} KB) | ≤ ${bundle.goalKb} KB ${met(bundle.firstLoadJsGzipKb <= bundle.goalKb)} |`,
    `| first page load: CSS, gzipped | ${bundle.cssGzipKb} KB | |`,
    ...bundle.lazyChunks.map((c) => `| loaded later: ${c.file}, gzipped | ${c.gzipKb} KB | |`),
    ...(tree
      ? [
          `| pohon kinerja of ${tree.nodes.toLocaleString('en')} nodes: lay out (ELK, web worker) and paint, median of ${tree.runs} | ${Math.round(tree.layoutRenderMedianMs)} ms (min ${Math.round(tree.layoutRenderMinMs)}; ELK ${Math.round(tree.elkMedianMs)} ms of it) | |`,
          `| pohon kinerja of ${tree.nodes.toLocaleString('en')} nodes: from opening its address to the first painted tree | ${tree.firstTreeMs} ms | |`,
        ]
      : ['| pohon kinerja | skipped: no chromium | |']),
  ].join('\n');
};

const httpTable = (
  machine: { date: string; cpu: string; cores: number },
  results: HttpBenchResult[],
): string => {
  const ms = (x: number) => x.toFixed(x >= 10 ? 0 : 1);
  const rows = results.map((r) => {
    const goal = r.goal
      ? `p99 ≤ ${r.goal.p99Ms} ms at ≥ ${r.goal.requestsPerSecond.toLocaleString('en')} req/s ${
          r.p99Ms <= r.goal.p99Ms && r.requestsPerSecond >= r.goal.requestsPerSecond ? '✅ met' : '❌ missed'
        }`
      : '';
    return `| ${r.name} | ${r.database === 'sqlite' ? 'SQLite (embedded)' : 'PostgreSQL 15'} | ${r.connections} | ${Math.round(r.requestsPerSecond).toLocaleString('en')} | ${ms(r.p50Ms)} | ${ms(r.p99Ms)} | ${ms(r.maxMs)} | ${r.requests.toLocaleString('en')} | ${r.errors + r.non2xx} | ${r.responseBytes.toLocaleString('en')} | ${goal} |`;
  });
  return [
    `Measured ${machine.date.slice(0, 10)} on ${machine.cpu} (${machine.cores} cores): \`selaras serve\` in its own process, autocannon in the bench process, loopback, ${results[0]?.seconds ?? 0} s after a 2 s warm-up.`,
    '',
    '| route | database | connections | requests/s | p50 ms | p99 ms | max ms | requests | errors | bytes/response | goal |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
};

/**
 * `npm run bench`: runs the benchmark suites, prints a table, writes the machine-readable
 * results to bench/results/latest.json and refreshes the generated section of docs/benchmarks.md.
 */
const main = async () => {
  const only = process.argv
    .slice(2)
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length);
  const machine = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    platform: `${process.platform} ${process.arch}`,
  };
  const results: BenchResult[] = only === undefined || only === 'core' ? runCoreBench() : [];
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
  const http: HttpBenchResult[] = only === 'core' || only === 'web' ? [] : await runHttpBench();
  const bundle = only === undefined || only === 'web' ? measureBundle() : undefined;
  const tree = bundle ? await measureTree() : undefined;
  const webText = bundle ? webTable(machine, bundle, tree) : undefined;
  if (webText) process.stdout.write(`${webText}\n`);
  const httpText = httpTable(machine, http);
  if (only === undefined || only === 'core') process.stdout.write(`${table}\n\n`);
  if (only === undefined || only === 'http') process.stdout.write(`${httpText}\n`);

  // A partial run (--only=core, http or web) keeps the other suites' last results.
  const latestUrl = new URL('./results/latest.json', import.meta.url);
  const previous = JSON.parse(readFileSync(latestUrl, 'utf8')) as {
    results?: BenchResult[];
    http?: HttpBenchResult[];
    web?: unknown;
  };
  writeFileSync(
    latestUrl,
    `${JSON.stringify(
      {
        machine,
        results: only === undefined || only === 'core' ? results : (previous.results ?? []),
        http: only === undefined || only === 'http' ? http : (previous.http ?? []),
        web: bundle ? { bundle, tree } : (previous.web ?? null),
      },
      null,
      2,
    )}\n`,
  );
  const docUrl = new URL('../docs/benchmarks.md', import.meta.url);
  let doc = readFileSync(docUrl, 'utf8');
  if (only === undefined || only === 'core') doc = replaceSection(doc, 'bench', table);
  if (only === undefined || only === 'http') doc = replaceSection(doc, 'bench-http', httpText);
  if (webText) doc = replaceSection(doc, 'bench-web', webText);
  writeFileSync(docUrl, doc);
  process.stdout.write('docs/benchmarks.md updated\n');
};

await main();
