import { t } from '@lingui/core/macro';
/**
 * What went wrong while getting a Tasklist token from the BFF:
 * - `unauthenticated`: the user's session is over (sign in again);
 * - `forbidden`: signed in, but not allowed to use Tasklist;
 * - `configuration`: the BFF cannot get tokens and retrying will not help;
 * - `unavailable`: a temporary problem (network, upstream, rate limit).
 */
export type TokenErrorKind =
  'unauthenticated' | 'forbidden' | 'configuration' | 'unavailable';

export class TokenError extends Error {
  override name = 'TokenError';
  readonly kind: TokenErrorKind;
  readonly code: string;
  readonly status: number;
  readonly retryAfterMs: number | null;

  constructor(
    kind: TokenErrorKind,
    code: string,
    message: string,
    options: {
      status?: number;
      retryAfterMs?: number | null;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.code = code;
    this.status = options.status ?? 0;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }

  /** A heading for the screen that explains a fatal token error. */
  get title(): string {
    if (this.kind === 'forbidden') return t`No access to the task inbox`;
    if (this.kind === 'configuration')
      return t`The inbox cannot reach Tasklist`;
    return t`Tasklist is not available`;
  }

  get retryable(): boolean {
    return this.kind === 'unavailable';
  }

  /** Type guard that also works across module copies. */
  static is(error: unknown): error is TokenError {
    return error instanceof Error && error.name === 'TokenError';
  }
}
