import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { BffConfig } from '../config';
import {
  assertAllowedOrigin,
  assertCsrfHeader,
  bearerToken,
  corsHeaders,
  postOnlyRoutes,
  type OriginPolicy,
} from '../auth/request-guards';
import type { ProxyUser } from '../proxy/bff-token';
import type { Proxy } from '../proxy/create-proxy';
import { executeTrusted } from '../proxy/execute-trusted';
import { readPersistedRequest } from '../proxy/graphql-request';
import type { ProxyContext } from '../proxy/proxy-context';
import {
  graphqlMethodNotAllowed,
  graphqlQueryNotAllowed,
  graphqlRateLimited,
  invalidGraphqlRequest,
  unknownDocument,
} from '../proxy/proxy-errors';

export interface GraphqlProxyOptions {
  config: BffConfig;
  proxy: Proxy;
}

const WINDOW_MS = 60_000;

/**
 * `POST /graphql` in proxy mode (docs/security.md, proxy mode; G41-G43, G49).
 * Checks run in order and a refusal never reaches the upstream: method, no
 * query string, Origin and the custom header;
 * the BFF token; the per-user rate limit (all before the body is read); then
 * the trusted document by hash. The document runs against the proxy schema,
 * whose resolvers apply the per-user rules and visibility.
 */
export function graphqlProxyRoutes(
  fastify: FastifyInstance,
  opts: GraphqlProxyOptions,
): void {
  const { config, proxy } = opts;
  const policy: OriginPolicy = {
    appOrigins: config.appOrigins,
    allowSameSite: config.allowSameSite,
  };
  const users = new WeakMap<FastifyRequest, ProxyUser>();
  const perUser = fastify.createRateLimit({
    max: config.proxy.rateLimitPerUser,
    timeWindow: WINDOW_MS,
    keyGenerator: (request) => `graphql:${users.get(request)?.sub ?? ''}`,
  });
  const startProcess = fastify.createRateLimit({
    max: config.proxy.startProcessPerUser,
    timeWindow: WINDOW_MS,
    keyGenerator: (request) => `start:${users.get(request)?.sub ?? ''}`,
  });
  const enforce = async (
    limiter: typeof perUser,
    request: FastifyRequest,
  ): Promise<void> => {
    const result = await limiter(request);
    if (!result.isAllowed && result.isExceeded) {
      throw graphqlRateLimited(Math.max(1, result.ttlInSeconds));
    }
  };

  fastify.addHook('onRequest', (request, reply, done) => {
    reply.headers({
      'cache-control': 'no-store',
      ...corsHeaders(request, policy),
    });
    done();
  });
  fastify.addHook('onResponse', (request, _reply, done) => {
    if (request.audit.decision !== 'preflight') {
      proxy.metrics.requests.inc({
        operation: request.audit.operation ?? 'unknown',
        result: request.audit.decision ?? 'unknown',
      });
    }
    done();
  });

  fastify.post('/graphql', {
    bodyLimit: config.proxy.bodyLimitBytes,
    onRequest: [
      (request, _reply, done) => {
        // As on /api/token (H68): nothing belongs in the URL, tokens least of all.
        if (request.url.includes('?')) throw graphqlQueryNotAllowed();
        assertAllowedOrigin(request, policy);
        assertCsrfHeader(request);
        done();
      },
      async (request) => {
        const user = await proxy.tokens.verify(bearerToken(request));
        users.set(request, user);
        request.audit.sub = user.sub;
        await enforce(perUser, request);
      },
    ],
    handler: async (request, reply) => {
      const user = users.get(request);
      if (!user) throw new Error('POST /graphql reached without a user');
      const sent = readPersistedRequest(request.body);
      const trusted = proxy.documents.get(sent.hash);
      if (!trusted) throw unknownDocument();
      request.audit.operation = trusted.name;
      if (
        sent.operationName !== undefined &&
        sent.operationName !== trusted.name
      ) {
        throw invalidGraphqlRequest(
          `operationName ${sent.operationName} does not match the document.`,
        );
      }
      // Methods, not arrow functions in properties: under tsx (esbuild's
      // keepNames) every named function expression made per request also
      // costs a defineProperty for its name, which showed in the profile.
      const context: ProxyContext = {
        user,
        upstream: proxy.upstream,
        visibility: config.proxy.visibility,
        scanLimits: proxy.scanLimits,
        audit(record) {
          request.log.info(
            {
              audit: 'graphql_mutation',
              sub: user.sub,
              username: user.username,
              operation: trusted.name,
              ...record,
            },
            'graphql mutation',
          );
        },
        limitStartProcess() {
          return enforce(startProcess, request);
        },
        scanLimitReached(field) {
          proxy.metrics.scanLimitReached.inc({ field });
          request.log.warn(
            { operation: trusted.name, field },
            'visibility scan stopped at the upstream request bound',
          );
        },
      };
      const result = await executeTrusted(
        trusted,
        sent.variables,
        context,
        (error) => {
          request.log.error(
            { err: error },
            'unexpected error in a proxy resolver',
          );
        },
      );
      request.audit.decision = result.errors ? 'graphql_error' : 'ok';
      await reply
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(result));
    },
  });

  // Cross-origin SPAs (best avoided) get the token endpoint's exact-origin
  // CORS; anything else that is not POST is a 405 with `Allow: POST`.
  postOnlyRoutes(fastify, '/graphql', policy, graphqlMethodNotAllowed);
}
