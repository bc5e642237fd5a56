export { type AppOptions, buildApp, type RouteInfo } from './app.ts';
export { CSRF_HEADER, SESSION_COOKIE } from './auth.ts';
export { STATUS } from './errors.ts';
export type { RouteMeta } from './route-meta.ts';
