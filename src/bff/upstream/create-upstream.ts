import type { UpstreamConfig } from '../proxy-config';
import { GraphqlUpstream } from './graphql-upstream';
import { RestV2Upstream } from './rest-v2/rest-v2-upstream';
import type { TasklistUpstream } from './tasklist-upstream';
import { UpstreamHttp, type ServiceTokens } from './upstream-http';

export interface UpstreamDeps {
  tokens: ServiceTokens;
  observe: (call: string, result: string, seconds: number) => void;
  now: () => number;
}

/**
 * The seam where an upstream kind is chosen. Each kind implements
 * `TasklistUpstream`; the checks, rules, visibility, audit and metrics above
 * it stay the same whichever is configured.
 */
export function createUpstream(
  config: UpstreamConfig,
  deps: UpstreamDeps,
): TasklistUpstream {
  if (config.kind === 'rest-v2') {
    return new RestV2Upstream(
      new UpstreamHttp({
        url: config.restUrl,
        timeoutMs: config.timeoutMs,
        connections: config.connections,
        // Camunda 8 Run without authentication wants no token at all.
        tokens: config.restAuth === 'none' ? null : deps.tokens,
        observe: deps.observe,
        now: deps.now,
      }),
      config.restUrl,
    );
  }
  return new GraphqlUpstream(
    new UpstreamHttp({
      url: config.graphqlUrl,
      timeoutMs: config.timeoutMs,
      connections: config.connections,
      tokens: deps.tokens,
      observe: deps.observe,
      now: deps.now,
    }),
    config.graphqlUrl,
  );
}
