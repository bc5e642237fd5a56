import type { TestProject } from 'vitest/node';
import { startThrowawayCluster, type ThrowawayCluster } from '../packages/db/src/testing/postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The admin URL of the test PostgreSQL server, or '' when none is available. */
    postgresUrl: string;
  }
}

let cluster: ThrowawayCluster | undefined;

/**
 * Gives the db, services and api suites a real PostgreSQL: `TEST_DATABASE_URL` when set, else a
 * throwaway cluster from the installed binaries. Without either, the PostgreSQL half of those
 * suites is skipped loudly, except with `CI` set, where that is a failure.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  let url = process.env.TEST_DATABASE_URL ?? '';
  if (!url) {
    try {
      cluster = await startThrowawayCluster();
      url = cluster.url;
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      if (process.env.CI) throw new Error(`PostgreSQL is required in CI but could not start: ${reason}`);
      process.stderr.write(
        `\n⚠️  PostgreSQL tests SKIPPED: ${reason}. Set TEST_DATABASE_URL or install PostgreSQL.\n\n`,
      );
    }
  }
  project.provide('postgresUrl', url);
  return () => cluster?.stop();
}
