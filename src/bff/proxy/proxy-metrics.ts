import { Counter, Histogram, type Registry } from 'prom-client';

/**
 * Proxy-mode metrics, on the BFF's registry. Labels hold trusted operation
 * names, port calls and result codes only: bounded sets, never user data.
 */
export class ProxyMetrics {
  /** `/graphql` answers by operation (`unknown` when refused before lookup) and result. */
  readonly requests: Counter<'operation' | 'result'>;
  /** Each HTTP request to the upstream, by port call and result. */
  readonly upstreamDuration: Histogram<'call' | 'result'>;
  /** Page refills and form checks that stopped at the upstream request bound. */
  readonly scanLimitReached: Counter<'field'>;

  constructor(registry: Registry) {
    this.requests = new Counter({
      name: 'bff_graphql_requests_total',
      help: 'GraphQL proxy requests by trusted operation and result (ok, graphql_error or the problem code).',
      labelNames: ['operation', 'result'] as const,
      registers: [registry],
    });
    this.upstreamDuration = new Histogram({
      name: 'bff_graphql_upstream_duration_seconds',
      help: 'Duration of each request from the GraphQL proxy to its upstream.',
      labelNames: ['call', 'result'] as const,
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    this.scanLimitReached = new Counter({
      name: 'bff_graphql_visibility_scan_limit_total',
      help: 'Visible-task page refills or form checks stopped by the bound on upstream requests.',
      labelNames: ['field'] as const,
      registers: [registry],
    });
  }
}
