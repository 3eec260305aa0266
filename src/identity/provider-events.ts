/**
 * Logs what oidc-provider reports: refusals at info, failures at error.
 * Only error codes and descriptions are logged, never tokens, codes,
 * passwords or secrets (the provider's descriptions contain none).
 */
import type { KoaContextWithOIDC, Provider } from 'oidc-provider';
import type { Logger } from 'pino';

interface ProviderError {
  error?: string;
  error_description?: string;
  message: string;
}

/** Events whose listener gets `(ctx, error)` for a refused request. */
const REFUSALS = [
  'authorization.error',
  'grant.error',
  'end_session.error',
  'userinfo.error',
  'revocation.error',
  'discovery.error',
  'jwks.error',
  'pushed_authorization_request.error',
];

function who(ctx: KoaContextWithOIDC | undefined) {
  return { route: ctx?.oidc.route, client: ctx?.oidc.client?.clientId };
}

/** Subscribes the logger to the provider's events. */
export function logProviderEvents(provider: Provider, logger: Logger): void {
  for (const event of REFUSALS) {
    provider.on(event, (ctx: KoaContextWithOIDC, error: ProviderError) => {
      logger.info(
        {
          ...who(ctx),
          error: error.error ?? error.message,
          description: error.error_description,
        },
        'request refused',
      );
    });
  }
  provider.on('server_error', (ctx: KoaContextWithOIDC, error: Error) => {
    logger.error({ ...who(ctx), err: error }, 'identity provider error');
  });
  provider.on('grant.success', (ctx: KoaContextWithOIDC) => {
    logger.debug(who(ctx), 'token issued');
  });
  provider.on('end_session.success', (ctx: KoaContextWithOIDC) => {
    logger.info(who(ctx), 'signed out');
  });
  // Koa's own error event; without a listener Koa prints to stderr itself.
  provider.on('error', (error: Error) => {
    logger.error({ err: error }, 'identity provider error');
  });
}
