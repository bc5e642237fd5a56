/**
 * The one way the web app talks to the API: JSON over fetch with the session cookie, the CSRF
 * header on writes, entity tags for concurrency, and one error type carrying the API's
 * `{ error: { code, message, details } }`.
 */

/** An error answered by the API (or the network), with the API's code and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The current state sent with a CONFLICT, when there is one. */
  get current(): unknown {
    return (this.details as { current?: unknown } | undefined)?.current;
  }

  /** Field paths and messages of an INVALID_INPUT. */
  get issues(): { path: string; message: string }[] {
    const issues = (this.details as { issues?: unknown } | undefined)?.issues;
    return Array.isArray(issues) ? (issues as { path: string; message: string }[]) : [];
  }
}

let csrfToken: string | undefined;

/** Remembers the session's CSRF token (from sign-in or /api/auth/me) for writes. */
export const setCsrfToken = (token: string | undefined): void => {
  csrfToken = token;
};

export interface RequestOptions {
  readonly body?: unknown;
  readonly ifMatch?: string | number | undefined;
  readonly query?: Record<string, string | number | boolean | undefined>;
  readonly signal?: AbortSignal;
}

/** A response's data with its entity tag, when the API sent one. */
export interface Tagged<T> {
  readonly data: T;
  readonly etag: string | undefined;
}

const SAFE = new Set(['GET', 'HEAD']);

const queryString = (query: RequestOptions['query']): string => {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
};

const tagOf = (v: string | number): string => (typeof v === 'number' ? `"${v}"` : v);

/** Calls the API and returns the data with its entity tag; throws ApiError on any failure. */
export const request = async <T>(
  method: string,
  path: string,
  o: RequestOptions = {},
): Promise<Tagged<T>> => {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (o.ifMatch !== undefined) headers['if-match'] = tagOf(o.ifMatch);
  let res: Response;
  try {
    res = await fetch(`${path}${queryString(o.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(o.body !== undefined && { body: JSON.stringify(o.body) }),
      ...(o.signal && { signal: o.signal }),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', 'the server cannot be reached');
  }
  const etag = res.headers.get('etag') ?? undefined;
  if (res.status === 204) return { data: undefined as T, etag };
  const text = await res.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
      ?.error;
    throw new ApiError(res.status, err?.code ?? 'INTERNAL', err?.message ?? res.statusText, err?.details);
  }
  return { data: body as T, etag };
};

/** Shorthands that return the data only. */
export const api = {
  get: async <T>(path: string, o?: RequestOptions) => (await request<T>('GET', path, o)).data,
  post: async <T>(path: string, body?: unknown, o?: RequestOptions) =>
    (await request<T>('POST', path, { ...o, body })).data,
  patch: async <T>(path: string, body: unknown, o?: RequestOptions) =>
    (await request<T>('PATCH', path, { ...o, body })).data,
  put: async <T>(path: string, body: unknown, o?: RequestOptions) =>
    (await request<T>('PUT', path, { ...o, body })).data,
  delete: async <T>(path: string, o?: RequestOptions) => (await request<T>('DELETE', path, o)).data,
};
