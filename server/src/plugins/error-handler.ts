import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { FieldError, Problem } from '@tuo/shared/api/problem';
import { isDatabaseUnavailable } from '../db/database-unavailable.js';
import { AppError, UnavailableError } from '../errors.js';

/** Seconds a client is asked to wait before trying again while the database cannot be reached. */
export const unavailableRetryAfterSeconds = 30;

const titles: Record<number, string> = {
  400: 'There is a problem with your request',
  401: 'You need to sign in',
  403: 'You are not allowed to do this',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'The request is too large',
  415: 'Unsupported content type',
  422: 'The request cannot be processed',
  429: 'Too many requests',
  503: 'Service unavailable',
};

function fieldErrorsFromValidation(error: FastifyError): FieldError[] {
  if (hasZodFastifySchemaValidationErrors(error)) {
    return error.validation.map((issue) => {
      const where = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const context = error.validationContext ?? 'body';
      return {
        path: context === 'body' ? where : `${context}.${where}`.replace(/\.$/, ''),
        message: issue.message ?? 'Check this field',
      };
    });
  }
  return (error.validation ?? []).map((issue) => ({
    path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
    message: issue.message ?? 'Check this field',
  }));
}

/** A person's browser asking for a page (not the API): answer with an HTML page, not JSON. */
function wantsPage(request: FastifyRequest): boolean {
  return !request.url.startsWith('/api/') && request.headers.accept?.includes('text/html') === true;
}

/** Turns an error into problem details: a stable code, field errors, and never a stack trace or SQL. */
export function toProblem(error: FastifyError | AppError, requestId: string): Problem {
  if (!(error instanceof AppError) && isDatabaseUnavailable(error)) {
    return toProblem(new UnavailableError('The service is unavailable for a moment. Try again later.'), requestId);
  }
  if (error instanceof AppError) {
    return {
      type: `about:blank`,
      title: titles[error.statusCode] ?? 'Error',
      status: error.statusCode,
      code: error.code,
      detail: error.message,
      requestId,
      ...(error.fieldErrors ? { errors: error.fieldErrors } : {}),
    };
  }
  if (error.validation) {
    return {
      type: 'about:blank',
      title: titles[400] ?? 'Bad request',
      status: 400,
      code: 'validation_failed',
      detail: 'Some of the information sent is missing or not in the right format.',
      requestId,
      errors: fieldErrorsFromValidation(error),
    };
  }
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    return {
      type: 'about:blank',
      title: 'Sorry, there is a problem with the service',
      status: 500,
      code: 'internal_error',
      detail: `Try again later. If you contact us, quote ${requestId}.`,
      requestId,
    };
  }
  // Fastify's own client errors (body too large, bad JSON, unsupported media type...).
  return {
    type: 'about:blank',
    title: titles[status] ?? 'Bad request',
    status,
    code: (error.code || 'bad_request').toLowerCase().replace(/^fst_err_/, ''),
    detail: error.message,
    requestId,
  };
}

/** One error handler for the whole app: problem+json out, 5xx details kept in the logs only. */
export const errorHandlerPlugin = fp(
  (app: FastifyInstance) => {
    app.setErrorHandler(async (error: FastifyError, request, reply) => {
      const problem = toProblem(error, request.id);
      if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: problem.code, status: problem.status }, 'request refused');
      // The failure may have come after a page was compressed (a session not saved in onSend): the
      // answer is a new body, so no header describing the old one may stay.
      reply.removeHeader('content-encoding');
      reply.removeHeader('content-length');
      if (problem.status >= 500) {
        // Nothing of the failed request is kept: a session saved now would fail the same way and
        // leave Fastify's bare default answer in place of ours.
        (request as { session?: unknown }).session = null;
      }
      if (problem.status === 503) void reply.header('retry-after', String(unavailableRetryAfterSeconds));
      if (wantsPage(request) && problem.status >= 500) {
        return problem.status === 503
          ? reply.code(503).page({ page: 'unavailable', props: {} })
          : reply.code(500).page({ page: 'error', props: {} });
      }
      return reply.code(problem.status).type('application/problem+json').send(problem);
    });
    app.setNotFoundHandler((request, reply) => {
      if (wantsPage(request)) return reply.code(404).page({ page: 'not-found', props: {} });
      const problem = toProblem(new AppError(404, 'not_found', 'Nothing was found at this address.'), request.id);
      return reply.code(404).type('application/problem+json').send(problem);
    });
  },
  { name: 'error-handler' },
);
