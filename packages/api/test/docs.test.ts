import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteInfo } from '../src/app.ts';
import type { RouteMeta } from '../src/route-meta.ts';
import { type ApiHarness, startApi } from './harness.ts';

const DOC = resolve(import.meta.dirname, '../../../docs/api.md');

/**
 * A row of the route reference in docs/api.md: "| GET | `/api/plans/:id/tree` | `plan.read` (agency) | …"
 * (cells may be padded, as the formatter aligns them),
 * with the path as Fastify registers it.
 */
const ROW = /^\| (GET|POST|PUT|PATCH|DELETE) +\| `([^`]+)` +\| ([^|]*)\|/gm;

/** The routes @fastify/swagger-ui serves for itself (the UI, its files, the document). */
const isSwaggerOwn = (r: RouteInfo) => r.url === '/api/docs' || r.url.startsWith('/api/docs/');

/** How the Permission column writes a route's declared action: `plan.read`, with " (agency)" when agency-scoped. */
const permissionCell = (meta: RouteMeta): string =>
  meta.action !== 'public' && meta.action !== 'self' && meta.scope === 'agency'
    ? `\`${meta.action}\` (agency)`
    : `\`${meta.action}\``;

const key = (method: string, url: string) => `${method} ${url}`;

describe('docs/api.md', () => {
  let h: ApiHarness;
  let routes: RouteInfo[];
  const documented = new Map<string, string[]>();

  beforeAll(async () => {
    h = await startApi('sqlite');
    await h.app.ready();
    routes = h.app.routeInfo.filter((r) => r.method !== 'HEAD');
    for (const m of readFileSync(DOC, 'utf8').matchAll(ROW)) {
      const k = key(m[1] as string, m[2] as string);
      documented.set(k, [...(documented.get(k) ?? []), (m[3] as string).trim()]);
    }
  });
  afterAll(() => h.close());

  it('lists every registered route in the route reference', () => {
    expect(routes.length).toBeGreaterThan(30);
    const missing = routes
      .filter((r) => !isSwaggerOwn(r) && !documented.has(key(r.method, r.url)))
      .map((r) => `| ${r.method} | \`${r.url}\` |`);
    expect(
      missing,
      `docs/api.md has no row for these routes; add them to the route reference:\n${missing.join('\n')}\n`,
    ).toEqual([]);
  });

  it('lists no route that is not registered, and none twice', () => {
    const registered = new Set(routes.map((r) => key(r.method, r.url)));
    const unknown = [...documented.keys()].filter((k) => !registered.has(k));
    expect(unknown, `docs/api.md lists routes the server does not have:\n${unknown.join('\n')}\n`).toEqual(
      [],
    );
    const twice = [...documented].filter(([, cells]) => cells.length > 1).map(([k]) => k);
    expect(twice, `docs/api.md lists these routes more than once:\n${twice.join('\n')}\n`).toEqual([]);
  });

  it('gives each route the permission its config declares', () => {
    const wrong: string[] = [];
    for (const r of routes) {
      const cells = documented.get(key(r.method, r.url));
      if (!r.meta || !cells) continue;
      const expected = permissionCell(r.meta);
      if (cells[0] !== expected)
        wrong.push(`${r.method} ${r.url}: documented ${cells[0]}, declared ${expected}`);
    }
    expect(wrong, `docs/api.md gives these routes another permission:\n${wrong.join('\n')}\n`).toEqual([]);
  });
});
