import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startThrowawayCluster, type ThrowawayCluster } from '../packages/db/src/testing/postgres-cluster.ts';

/** One HTTP case: a route under concurrent load against a real `selaras serve` process. */
export interface HttpBenchResult {
  readonly suite: 'http';
  readonly name: string;
  readonly database: 'sqlite' | 'postgres';
  readonly connections: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly requests: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly responseBytes: number;
  readonly goal?: { readonly p99Ms: number; readonly requestsPerSecond: number };
}

const ROOT = resolve(import.meta.dirname, '..');
const PASSWORD = 'bench-password-2024';
const CONNECTIONS = 50;

interface Server {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts `selaras serve` in its own process (as a user would), with the demo, and waits until it listens. */
const startServe = (dataDir: string, env: NodeJS.ProcessEnv): Promise<Server> =>
  new Promise((resolvePromise, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [join(ROOT, 'packages/cli/bin/selaras.js'), 'serve', '--port', '0', '--demo', '--data-dir', dataDir],
      {
        cwd: ROOT,
        env: { ...process.env, ...env, SELARAS_DEMO_PASSWORD: PASSWORD },
        // The request log is written as in production; it goes nowhere here.
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    const onData = (chunk: Buffer) => {
      stderr += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(stderr);
      if (!m?.[1]) return;
      child.stderr?.off('data', onData);
      child.stderr?.resume();
      resolvePromise({
        url: m[1],
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`selaras serve exited (${code}) before listening:\n${stderr}`)),
    );
  });

const json = async (res: Response): Promise<unknown> => {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return res.json();
};

/** Signs in as the demo viewer and finds the largest plan of the demo (the PUPR PERA Renstra). */
const prepare = async (url: string): Promise<{ cookie: string; planId: string; nodes: number }> => {
  const signIn = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'viewer', password: PASSWORD }),
  });
  await json(signIn);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const headers = { cookie };
  const regions = (await json(await fetch(`${url}/api/regions`, { headers }))) as { id: string }[];
  const regionId = regions[0]?.id;
  const plans = (await json(await fetch(`${url}/api/regions/${regionId}/plans`, { headers }))) as {
    planId: string;
  }[];
  let best = { planId: '', nodes: -1 };
  for (const p of plans) {
    const tree = (await json(await fetch(`${url}/api/plans/${p.planId}/tree`, { headers }))) as {
      nodes: unknown[];
    };
    if (tree.nodes.length > best.nodes) best = { planId: p.planId, nodes: tree.nodes.length };
  }
  return { cookie, ...best };
};

const load = (url: string, cookie: string, seconds: number) =>
  autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: { cookie } });

/** The plan-tree read route under 50 concurrent connections, on the embedded SQLite and on PostgreSQL. */
export const runHttpBench = async (
  seconds = Number(process.env.BENCH_HTTP_SECONDS ?? 10),
): Promise<HttpBenchResult[]> => {
  const results: HttpBenchResult[] = [];
  const work = mkdtempSync(join(tmpdir(), 'selaras-bench-'));
  let cluster: ThrowawayCluster | undefined;
  try {
    const targets: { database: 'sqlite' | 'postgres'; env: NodeJS.ProcessEnv }[] = [
      { database: 'sqlite', env: { DATABASE_URL: '' } },
    ];
    let adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? '';
    if (!adminUrl) {
      try {
        cluster = await startThrowawayCluster();
        adminUrl = cluster.url;
      } catch (e) {
        process.stderr.write(`PostgreSQL bench skipped: ${e instanceof Error ? e.message : String(e)}\n`);
      }
    }
    if (adminUrl) {
      const name = `selaras_bench_${Date.now()}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      targets.push({ database: 'postgres', env: { DATABASE_URL: url.toString() } });
    }
    for (const target of targets) {
      const server = await startServe(join(work, target.database), target.env);
      try {
        const { cookie, planId, nodes } = await prepare(server.url);
        const route = `${server.url}/api/plans/${planId}/tree`;
        await load(route, cookie, 2); // warm up: JIT, caches, connection pools
        const r = await load(route, cookie, seconds);
        results.push({
          suite: 'http',
          name: `GET /api/plans/:id/tree (demo Renstra, ${nodes} nodes)`,
          database: target.database,
          connections: CONNECTIONS,
          seconds,
          requestsPerSecond: r.requests.average,
          p50Ms: r.latency.p50,
          p99Ms: r.latency.p99,
          maxMs: r.latency.max,
          requests: r.requests.total,
          errors: r.errors,
          non2xx: r.non2xx,
          responseBytes: Math.round(r.throughput.total / Math.max(1, r.requests.total)),
          ...(target.database === 'sqlite' && { goal: { p99Ms: 50, requestsPerSecond: 1000 } }),
        });
      } finally {
        await server.stop();
      }
    }
  } finally {
    cluster?.stop();
    rmSync(work, { recursive: true, force: true });
  }
  return results;
};
