import { AppError, type ErrorCode } from '@selaras/services';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { sendWebPage, wantsWebPage } from './web.ts';

/** HTTP status per error code: the API is the only place that knows about statuses. */
export const STATUS = {
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_INPUT: 400,
  INVALID_PLAN: 422,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  PRECONDITION_REQUIRED: 428,
  LOCKED: 423,
  INTERNAL: 500,
} as const satisfies Record<ErrorCode, number>;

/** The one error body of the API. */
export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string; readonly details?: unknown };
}

const body = (code: ErrorCode, message: string, details?: unknown): ErrorBody => ({
  error: { code, message, ...(details !== undefined && { details }) },
});

/**
 * Maps every failure to `{ error: { code, message, details } }`: use-case errors by their code,
 * schema failures as INVALID_INPUT with field paths, and anything else as INTERNAL without
 * internals (logged with the request id instead).
 */
export const registerErrorHandler = (app: FastifyInstance, servesWeb = false): void => {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    if (err instanceof AppError) {
      if (err.code === 'RATE_LIMITED') {
        const retryAt = (err.details as { retryAt?: string } | undefined)?.retryAt;
        if (retryAt)
          reply.header('retry-after', Math.max(1, Math.ceil((Date.parse(retryAt) - Date.now()) / 1000)));
      }
      return reply.status(STATUS[err.code]).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      // Unknown keys are reported at their parent: name each of them. The root is the context alone.
      const issues = err.validation.flatMap((v) => {
        const base = [
          err.validationContext ?? '',
          ...v.instancePath.split('/').filter((p) => p !== ''),
        ].filter((p) => p !== '');
        const keys = (v.params as { keys?: unknown } | undefined)?.keys;
        const named =
          v.keyword === 'unrecognized_keys' && Array.isArray(keys) ? keys.map(String) : [undefined];
        return named.map((key) => ({
          path: [...base, ...(key === undefined ? [] : [key])].join('.'),
          message: key === undefined ? (v.message ?? 'invalid') : 'not a known field; remove it',
        }));
      });
      return reply
        .status(400)
        .send(body('INVALID_INPUT', `invalid ${err.validationContext ?? 'request'}`, { issues }));
    }
    const status = (err as FastifyError).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      // Framework refusals (bad JSON, too large, wrong media type) are the caller's input.
      const code: ErrorCode = status === 404 ? 'NOT_FOUND' : 'INVALID_INPUT';
      return reply.status(status).send(body(code, err.message));
    }
    req.log.error({ err }, 'unexpected error');
    return reply
      .status(500)
      .send(
        body('INTERNAL', `something went wrong on our side; quote request id ${req.id} when reporting it`),
      );
  });
  app.setNotFoundHandler((req, reply) =>
    servesWeb && wantsWebPage(req)
      ? sendWebPage(reply)
      : reply.status(404).send(body('NOT_FOUND', `no route ${req.method} ${req.url}`)),
  );
};
