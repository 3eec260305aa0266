import type { GraphQLSchema } from 'graphql';
import type { BffConfig } from '../config';
import type { BffMetrics } from '../metrics';
import { bffTokenAudience } from '../proxy-config';
import type { TokenCache } from '../token/token-cache';
import { createUpstream } from '../upstream/create-upstream';
import type { TasklistUpstream } from '../upstream/tasklist-upstream';
import { BffTokenService } from './bff-token';
import { buildProxySchema } from './proxy-schema';
import { ProxyMetrics } from './proxy-metrics';
import { loadSigningKey, type SigningKey } from './signing-key';
import { TrustedDocuments } from './trusted-documents';
import { DEFAULT_SCAN_LIMITS, type ScanLimits } from './visible-tasks';

/** Everything proxy mode holds for the life of the app. */
export interface Proxy {
  tokens: BffTokenService;
  schema: GraphQLSchema;
  documents: TrustedDocuments;
  upstream: TasklistUpstream;
  metrics: ProxyMetrics;
  scanLimits: ScanLimits;
  keySource: SigningKey['source'];
}

export interface ProxyDeps {
  cache: TokenCache;
  metrics: BffMetrics;
  now: () => number;
  /** Tests pass a different bound to reach it with few tasks. */
  scanLimits?: ScanLimits;
}

/**
 * Builds proxy mode once at start-up: the signing key, the schema with its
 * resolvers, the trusted documents (parsed and validated here, so a request
 * only looks up a hash) and the upstream with its connection pool. Any
 * problem stops the BFF before it listens.
 */
export async function createProxy(
  config: BffConfig,
  deps: ProxyDeps,
): Promise<Proxy> {
  const { proxy } = config;
  const key = await loadSigningKey(proxy.signingKeyFile);
  const schema = buildProxySchema();
  const documents = TrustedDocuments.fromFile(
    proxy.trustedDocumentsFile,
    schema,
  );
  const metrics = new ProxyMetrics(deps.metrics.registry);
  const upstream = createUpstream(proxy.upstream, {
    tokens: {
      get: async () => (await deps.cache.getToken()).accessToken,
      invalidate: (token) => {
        deps.cache.invalidate(token);
      },
    },
    observe: (call, result, seconds) => {
      metrics.upstreamDuration.observe({ call, result }, seconds);
    },
    now: deps.now,
  });
  return {
    tokens: new BffTokenService({
      key,
      issuer: proxy.tokenIssuer,
      audience: bffTokenAudience(proxy.tokenIssuer),
      ttlS: proxy.tokenTtlS,
      now: deps.now,
    }),
    schema,
    documents,
    upstream,
    metrics,
    scanLimits: deps.scanLimits ?? DEFAULT_SCAN_LIMITS,
    keySource: key.source,
  };
}
