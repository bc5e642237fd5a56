import type { Action } from '@selaras/services';

/**
 * What each route declares in its `config`: the permission it needs (`public` for none, `self` for
 * the caller's own account), and whether it writes (every writing route leaves an audit entry).
 * Tests enumerate the registered routes through this.
 */
export interface RouteMeta {
  readonly action: Action | 'public' | 'self';
  readonly write: boolean;
  /** Whether the action concerns one agency's things (a Renstra, its units) or the region's. */
  readonly scope?: 'agency' | 'region';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    meta?: RouteMeta;
  }
}

/** Shorthands. */
export const read = (
  action: RouteMeta['action'],
  scope: RouteMeta['scope'] = 'region',
): { meta: RouteMeta } => ({ meta: { action, write: false, scope } });
export const write = (
  action: RouteMeta['action'],
  scope: RouteMeta['scope'] = 'region',
): { meta: RouteMeta } => ({ meta: { action, write: true, scope } });
