import { Counter, Histogram, Registry } from 'prom-client';

/**
 * The BFF's Prometheus metrics, on a registry of its own so that several app
 * instances (tests, benchmarks) never share counters. Labels carry result
 * codes only, never tokens or user ids.
 */
export class BffMetrics {
  readonly registry = new Registry();

  /** Token endpoint answers by result: `ok` or the problem code. */
  readonly tokenRequests = new Counter({
    name: 'bff_token_requests_total',
    help: 'Token endpoint requests by result (ok or the problem code).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  /** Upstream attempts by result: `ok`, `timeout`, `server_error`, ... */
  readonly upstreamRequests = new Counter({
    name: 'bff_upstream_token_requests_total',
    help: 'Client-credentials requests to the token provider, by result.',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  /** User tokens that verified, by who answered: `cache` or `signature`. */
  readonly userTokenVerifications = new Counter({
    name: 'bff_user_token_verifications_total',
    help: 'User tokens that passed verification, answered from the verified-token cache or by a signature check.',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });

  readonly cacheHits = new Counter({
    name: 'bff_token_cache_hits_total',
    help: 'Tokens served without starting an upstream request (cached or joined in flight).',
    registers: [this.registry],
  });

  readonly upstreamDuration = new Histogram({
    name: 'bff_upstream_token_duration_seconds',
    help: 'Duration of each request to the token provider.',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8],
    registers: [this.registry],
  });
}
