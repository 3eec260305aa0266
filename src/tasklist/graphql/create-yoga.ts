import { readFileSync } from 'node:fs';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLError } from 'graphql';
import { createGraphQLError, createSchema, createYoga } from 'graphql-yoga';
import type { Caller } from '../domain/caller';
import { TasklistError } from '../domain/messages';
import type { TasklistStore } from '../store/tasklist-store';
import type { TasklistContext } from './context';
import { resolvers } from './resolvers';

/** Our SDL, the same file the SPA's codegen reads. */
export const TYPE_DEFS = readFileSync(
  new URL('../schema.graphql', import.meta.url),
  'utf8',
);

export const GENERIC_ERROR_MESSAGE = 'Unexpected error.';

interface ServerContext {
  req: FastifyRequest;
  reply: FastifyReply;
}

export interface YogaOptions {
  store: TasklistStore;
  previewLimit: number;
  bodyLimitBytes: number;
  log: FastifyBaseLogger;
  /** The caller the authentication hook verified for this request. */
  callerOf: (request: FastifyRequest) => Caller | undefined;
}

/**
 * Duck-typed on purpose: under vitest, yoga and our code can load two copies
 * of graphql-js (ESM and CJS), so `instanceof GraphQLError` would lie.
 */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

/**
 * Only Tasklist's own errors and GraphQL's request errors (syntax,
 * validation, bad variables) reach clients verbatim. Anything unexpected is
 * logged with its stack and answered with a generic message.
 */
function maskError(log: FastifyBaseLogger) {
  return (error: unknown): Error => {
    if (isGraphQLError(error)) {
      const original = error.originalError;
      if (
        !original ||
        original instanceof TasklistError ||
        isGraphQLError(original)
      ) {
        return error;
      }
      log.error(
        { err: original, path: error.path },
        'unexpected error in a GraphQL resolver',
      );
      return createGraphQLError(GENERIC_ERROR_MESSAGE, {
        nodes: error.nodes,
        path: error.path,
      });
    }
    log.error({ err: error }, 'unexpected error while serving GraphQL');
    return createGraphQLError(GENERIC_ERROR_MESSAGE);
  };
}

/** Hands yoga's log calls to pino, keeping a leading string as the message. */
function forward(
  log: FastifyBaseLogger,
  level: 'debug' | 'info' | 'warn' | 'error',
) {
  return (...args: unknown[]) => {
    const [first, ...rest] = args;
    if (typeof first === 'string') log[level]({ details: rest }, first);
    else log[level]({ details: args }, 'graphql-yoga');
  };
}

/**
 * The GraphQL handler: graphql-yoga with our schema, introspection on (as in
 * Tasklist 8.0-8.5), no GraphiQL or landing page (Tasklist has no
 * playground), CORS left to fastify, and strict error masking even in
 * development.
 */
export function createTasklistYoga(options: YogaOptions) {
  const { log } = options;
  return createYoga<ServerContext, TasklistContext>({
    schema: createSchema<ServerContext & TasklistContext>({
      typeDefs: TYPE_DEFS,
      resolvers,
    }),
    graphqlEndpoint: '/graphql',
    graphiql: false,
    landingPage: false,
    cors: false,
    maxRequestBodySize: options.bodyLimitBytes,
    maskedErrors: { maskError: maskError(log), isDev: false },
    logging: {
      debug: forward(log, 'debug'),
      info: forward(log, 'info'),
      warn: forward(log, 'warn'),
      error: forward(log, 'error'),
    },
    context: ({ req }) => {
      const caller = options.callerOf(req);
      // The route's onRequest hook rejects unauthenticated requests first.
      if (!caller) throw new Error('GraphQL reached without a verified caller');
      return {
        store: options.store,
        caller,
        previewLimit: options.previewLimit,
      };
    },
  });
}
