import { readFileSync } from 'node:fs';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLError } from 'graphql';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import {
  createGraphQLError,
  createSchema,
  createYoga,
  type Plugin,
} from 'graphql-yoga';
import type { Caller } from '../domain/caller';
import { TasklistError } from '../domain/messages';
import type { TasklistStore } from '../store/tasklist-store';
import { useCompiledQueries } from './compiled-queries';
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

/**
 * Document limits (H53), far above what any Tasklist client sends: the
 * inbox's largest query has a depth of 4 and no aliases. Each refusal is a
 * GraphQL error naming the limit, raised before anything runs.
 */
export const DOCUMENT_LIMITS = { aliases: 15, depth: 10, tokens: 2000 };

/**
 * Request-level failures that are not GraphQL errors keep their status:
 * unreadable bodies (yoga's BAD_REQUEST), a mutation over GET (405),
 * content negotiation (406, 415) and an oversized body (413).
 */
const TRANSPORT_STATUSES = new Set([405, 406, 413, 415]);

function isTransportError(error: GraphQLError): boolean {
  const http = error.extensions.http;
  return (
    error.extensions.code === 'BAD_REQUEST' ||
    (http?.status !== undefined && TRANSPORT_STATUSES.has(http.status))
  );
}

/**
 * Tasklist answers every GraphQL error with HTTP 200 and an `errors` array,
 * whatever the client accepts (H56); yoga follows the GraphQL-over-HTTP draft
 * instead and answers 400 for syntax, validation and variable errors. Third-
 * party Tasklist clients treat a 400 as a transport failure and lose the
 * message, so the status those errors carry is removed here.
 */
function useTasklistStatusCodes(): Plugin {
  const relax = (error: GraphQLError) => {
    const http = error.extensions.http;
    if (!http || isTransportError(error)) return;
    const extensions = error.extensions as Record<string, unknown>;
    if (http.headers) extensions.http = { headers: http.headers };
    else delete extensions.http;
  };
  return {
    onResultProcess({ result }) {
      const results = Array.isArray(result) ? result : [result];
      for (const single of results) {
        if (Symbol.asyncIterator in single) continue;
        for (const error of single.errors ?? []) relax(error);
      }
    },
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
    // fastify buffers the body within its limit (H54) before yoga sees it;
    // yoga's own limit would pipe every body through a stream again.
    maxRequestBodySize: false,
    maskedErrors: { maskError: maskError(log), isDev: false },
    plugins: [
      maxTokensPlugin({ n: DOCUMENT_LIMITS.tokens }),
      maxDepthPlugin({ n: DOCUMENT_LIMITS.depth, ignoreIntrospection: true }),
      maxAliasesPlugin({ n: DOCUMENT_LIMITS.aliases }),
      useTasklistStatusCodes(),
      useCompiledQueries(),
    ],
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
