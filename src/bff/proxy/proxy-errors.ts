import { BffError } from '../errors';

/**
 * Refusals of `POST /graphql` before anything runs (G42, G43, G49). Each
 * has its own code so tests, logs and the SPA can tell them apart; none ever
 * reaches the upstream.
 */

export const graphqlMethodNotAllowed = () =>
  new BffError({
    status: 405,
    code: 'method_not_allowed',
    title: 'Method not allowed',
    detail: 'GraphQL requests are POST only.',
    headers: { allow: 'POST' },
  });

export const invalidGraphqlRequest = (detail: string) =>
  new BffError({
    status: 400,
    code: 'invalid_graphql_request',
    title: 'Invalid GraphQL request',
    detail,
  });

export const batchRefused = () =>
  new BffError({
    status: 403,
    code: 'batch_refused',
    title: 'Batched requests are not accepted',
    detail: 'Send one operation per request.',
  });

export const untrustedDocument = () =>
  new BffError({
    status: 403,
    code: 'untrusted_document',
    title: 'Only the app’s own operations are accepted',
    detail: 'Send the hash of one of the app’s documents, not a document.',
  });

export const introspectionRefused = () =>
  new BffError({
    status: 403,
    code: 'introspection_refused',
    title: 'Introspection is not available',
  });

export const multipleOperationsRefused = () =>
  new BffError({
    status: 403,
    code: 'multiple_operations_refused',
    title: 'A request may hold one operation only',
  });

export const unknownDocument = () =>
  new BffError({
    status: 403,
    code: 'unknown_document',
    title: 'Unknown operation',
    detail:
      'This version of the server does not know the operation; reload the app.',
  });

export const operationNotAllowed = (field: string) =>
  new BffError({
    status: 403,
    code: 'operation_not_allowed',
    title: 'Operation not allowed',
    detail: `${field} is not available in this app.`,
  });

export const graphqlRateLimited = (retryAfterS: number) =>
  new BffError({
    status: 429,
    code: 'rate_limited',
    title: 'Too many requests',
    headers: { 'retry-after': String(retryAfterS) },
  });

export const graphqlQueryNotAllowed = () =>
  new BffError({
    status: 400,
    code: 'query_not_allowed',
    title: 'Query string not allowed',
    detail: 'GraphQL requests carry everything in their body.',
  });
