import type { TokenHttpRequest } from './token-request';
import type { FailureKind, UpstreamFailure } from './token-errors';
import { attemptTokenFetch, type AttemptOutcome } from './upstream-attempt';

export interface RetryPolicy {
  /** Per attempt; security.md asks for 3-5 s. */
  timeoutMs: number;
  /** The whole fetch, retries included, ends within this (about 8-10 s). */
  budgetMs: number;
  maxRetries: number;
  /** Full-jitter exponential backoff: random() * base * 3^n (about 200 ms, 600 ms). */
  backoffBaseMs: number;
}

export interface RetryDeps {
  fetch: typeof fetch;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Called after every attempt with its result and wall-clock seconds. */
  onAttempt: (result: FailureKind | 'ok', seconds: number) => void;
}

const RETRYABLE = new Set<FailureKind>([
  'timeout',
  'network_error',
  'server_error',
  'rate_limited',
]);

/** An attempt shorter than this is not worth starting. */
const MIN_ATTEMPT_MS = 250;

/**
 * Fetches a token, retrying only transient failures (network errors,
 * timeouts, 5xx, 429) at most `maxRetries` times with jittered backoff and
 * honouring `Retry-After`, all inside the time budget. 400/401 are never
 * retried. Resolves with the token or the last failure; never throws.
 */
export async function fetchWithRetries(
  request: TokenHttpRequest,
  policy: RetryPolicy,
  deps: RetryDeps,
): Promise<AttemptOutcome> {
  const deadline = deps.now() + policy.budgetMs;
  let outcome: AttemptOutcome = {
    ok: false,
    failure: { kind: 'timeout' },
  };
  for (let attempt = 0; attempt <= policy.maxRetries; attempt += 1) {
    const timeoutMs = Math.min(policy.timeoutMs, deadline - deps.now());
    if (attempt > 0 && timeoutMs < MIN_ATTEMPT_MS) break;
    const started = performance.now();
    outcome = await attemptTokenFetch(
      deps.fetch,
      request,
      Math.max(timeoutMs, MIN_ATTEMPT_MS),
      deps.now,
    );
    deps.onAttempt(
      outcome.ok ? 'ok' : outcome.failure.kind,
      (performance.now() - started) / 1000,
    );
    if (outcome.ok || !RETRYABLE.has(outcome.failure.kind)) return outcome;
    if (attempt === policy.maxRetries) break;
    const delay = backoffDelay(outcome.failure, attempt, policy, deps.random);
    if (deps.now() + delay + MIN_ATTEMPT_MS > deadline) break;
    await deps.sleep(delay);
  }
  return outcome;
}

function backoffDelay(
  failure: UpstreamFailure,
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
): number {
  const jittered = random() * policy.backoffBaseMs * 3 ** attempt;
  const requested = (failure.retryAfterS ?? 0) * 1000;
  return Math.max(jittered, requested);
}
