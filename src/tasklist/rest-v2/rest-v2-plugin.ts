import { STATUS_CODES } from 'node:http';
import type {
  FastifyPluginCallback,
  FastifyReply,
  FastifyRequest,
} from 'fastify';
import type { Caller } from '../domain/caller';
import type { TasklistStore } from '../store/tasklist-store';
import { queryProblem } from './domain-problems';
import { instanceOf, ProblemError, sendProblem } from './problem';
import { processRoutes } from './process-routes';
import { userTaskRoutes } from './user-task-routes';
import type { V2RouteContext } from './route-context';
import { variableRoutes } from './variable-routes';

export interface RestV2Options {
  store: TasklistStore;
  previewLimit: number;
  bodyLimitBytes: number;
  /** The bearer-token check shared with `/graphql`, answering in problem form. */
  authenticate: (
    request: FastifyRequest,
    reply: FastifyReply,
  ) => Promise<unknown>;
  callerOf: (request: FastifyRequest) => Caller | undefined;
}

/** 4xx errors fastify raises itself (parsing, media type, size), as problems. */
function frameworkProblem(
  error: { statusCode?: number; code?: string },
  request: FastifyRequest,
): ProblemError | undefined {
  const status = error.statusCode ?? 500;
  if (status >= 500) return undefined;
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    const type = request.headers['content-type'] ?? '';
    return new ProblemError(
      415,
      'Unsupported Media Type',
      `Content-Type '${type}' is not supported.`,
    );
  }
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || status === 400) {
    return new ProblemError(400, 'Bad Request', 'Failed to read request');
  }
  const title = STATUS_CODES[status] ?? 'Bad Request';
  return new ProblemError(status, title, title);
}

function handleError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const mapped = queryProblem(error);
  const problem =
    mapped instanceof ProblemError
      ? mapped
      : frameworkProblem(
          mapped as { statusCode?: number; code?: string },
          request,
        );
  if (problem) return sendProblem(request, reply, problem);
  request.log.error({ err: error }, 'v2 request failed');
  return sendProblem(request, reply, {
    status: 500,
    title: 'Internal Server Error',
    detail: 'An unexpected error occurred while processing the request.',
  });
}

/**
 * The Orchestration Cluster REST API (v2) subset an inbox needs, under
 * `/v2`, on the same store and with the same token checks as `/graphql`.
 * Errors are RFC 9457 problem documents shaped like Camunda's.
 */
export const restV2Plugin: FastifyPluginCallback<RestV2Options> = (
  fastify,
  options,
  done,
) => {
  // JSON only (anything else is 415), with our own parser: an empty body
  // means "no body" (several endpoints take an optional one) instead of
  // fastify's empty-body error.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: options.bodyLimitBytes },
    (request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (text.trim() === '') {
        done(null, undefined);
        return;
      }
      void parseJson(request, text, done);
    },
  );

  fastify.setErrorHandler(handleError);
  fastify.addHook('onRequest', options.authenticate);
  fastify.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, {
      status: 404,
      title: 'Not Found',
      detail: `No endpoint ${request.method} ${instanceOf(request)}.`,
    }),
  );

  const context: V2RouteContext = {
    store: options.store,
    previewLimit: options.previewLimit,
    caller: (request) => {
      const caller = options.callerOf(request);
      if (!caller) throw new Error('a v2 route ran without a verified caller');
      return caller;
    },
  };
  userTaskRoutes(fastify, context);
  variableRoutes(fastify, context);
  processRoutes(fastify, context);
  done();
};
