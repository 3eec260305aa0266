import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * An RFC 9457 problem as Camunda's REST API sends it: `type` is always
 * `about:blank`, `title` names the kind of failure (Zeebe's rejection type
 * such as `NOT_FOUND` or `INVALID_STATE`, or the HTTP reason phrase),
 * `detail` explains it and `instance` is the request path.
 */
export interface ProblemDetail {
  type: 'about:blank';
  title: string;
  status: number;
  detail: string;
  instance: string;
}

export const PROBLEM_JSON = 'application/problem+json';

/** A failure the REST API answers with a problem document. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'ProblemError';
  }
}

/** 400 for a request that breaks the API's rules (Camunda's INVALID_ARGUMENT). */
export const invalidArgument = (detail: string) =>
  new ProblemError(400, 'INVALID_ARGUMENT', detail);

/** 400 for a body or parameter that cannot be read at all (Spring's wording). */
export const badRequest = (detail: string) =>
  new ProblemError(400, 'Bad Request', detail);

/** A path parameter that is not a key, worded as Spring words it. */
export const notAKey = (name: string, value: string) =>
  badRequest(`Failed to convert '${name}' with value: '${value}'`);

/** Zeebe's wording for a command it rejected. */
export function rejection(
  status: number,
  type: 'NOT_FOUND' | 'INVALID_STATE' | 'INVALID_ARGUMENT',
  intent: string,
  reason: string,
): ProblemError {
  return new ProblemError(
    status,
    type,
    `Command '${intent}' rejected with code '${type}': ${reason}`,
  );
}

/** Whether a request is for the REST API (its refusals are problems). */
export const isRestV2Request = (request: FastifyRequest): boolean =>
  request.url === '/v2' || request.url.startsWith('/v2/');

/** The request path without its query: the problem's `instance`. */
export function instanceOf(request: FastifyRequest): string {
  const path = request.url.split('?')[0] ?? '/';
  return path.startsWith('/') ? path : `/${path}`;
}

/** Sends a problem document with its status and media type. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: Pick<ProblemDetail, 'status' | 'title' | 'detail'>,
): FastifyReply {
  const body: ProblemDetail = {
    type: 'about:blank',
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance: instanceOf(request),
  };
  return reply
    .code(problem.status)
    .header('cache-control', 'no-store')
    .type(PROBLEM_JSON)
    .send(body);
}
