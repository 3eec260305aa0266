/**
 * The identity provider as a node:http request handler (no listening here;
 * server.ts listens). Our own routes come first: assets, the sign-in pages and
 * the token-request normaliser; everything else is oidc-provider.
 */
import {
  IncomingMessage,
  type IncomingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { Provider } from 'oidc-provider';
import type { Logger } from 'pino';
import { createAssetHandler } from './assets';
import type { IdentityConfig } from './config';
import { BodyTooLargeError, readBody, send } from './http-utils';
import { createInteractionHandler } from './interactions';
import type { KeyFile } from './keys';
import { logProviderEvents } from './provider-events';
import { renderMessagePage } from './provider-pages';
import { APP_NAME, createProvider } from './provider';
import { buildResources, type ResourceCatalog } from './resources';
import { securityHeaders } from './security-headers';
import { normalizeTokenRequest } from './token-request';
import type { UserDirectory } from './users';

/** oidc-provider's own limit for request bodies. */
const TOKEN_BODY_LIMIT = 56 * 1024;
const INTERACTION_PATH = /^\/interaction\/([\w-]{1,64})(\/login)?$/;

export interface IdentityAppDeps {
  config: IdentityConfig;
  keys: KeyFile;
  users: UserDirectory;
  logger: Logger;
  /** The sign-in throttle's clock; tests move it instead of sleeping. */
  now?: () => number;
}

export interface IdentityApp {
  provider: Provider;
  handle: (req: IncomingMessage, res: ServerResponse) => void;
}

/**
 * A stand-in request carrying a rewritten body, so oidc-provider reads it as
 * if the client had sent it (same socket, method, URL and other headers).
 */
function replay(
  original: IncomingMessage,
  body: Buffer,
  contentType: string | undefined,
): IncomingMessage {
  const headers: IncomingHttpHeaders = {
    ...original.headers,
    'content-length': String(body.length),
  };
  delete headers['transfer-encoding'];
  if (contentType) headers['content-type'] = contentType;
  const request = new IncomingMessage(original.socket);
  Object.assign(request, {
    method: original.method,
    url: original.url,
    headers,
    httpVersion: original.httpVersion,
    httpVersionMajor: original.httpVersionMajor,
    httpVersionMinor: original.httpVersionMinor,
    // Without this, ending the stand-in would count as an aborted request
    // and Node would close the client's connection.
    complete: true,
  });
  request.push(body);
  request.push(null);
  return request;
}

function tokenError(
  res: ServerResponse,
  req: IncomingMessage,
  config: IdentityConfig,
  status: number,
  error: { error: string; error_description: string },
) {
  const origin = req.headers.origin;
  // Browsers may only read the refusal if the app's origin is allowed.
  const cors: Record<string, string> =
    origin && config.appOrigins.includes(origin)
      ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' }
      : {};
  send(res, status, JSON.stringify(error), {
    ...securityHeaders(config.appOrigins),
    ...cors,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
  });
}

function tokenFront(
  config: IdentityConfig,
  resources: ResourceCatalog,
  forward: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    let body: Buffer;
    try {
      body = await readBody(req, TOKEN_BODY_LIMIT);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      tokenError(res, req, config, 413, {
        error: 'invalid_request',
        error_description: 'request body too large',
      });
      return;
    }
    const outcome = normalizeTokenRequest(
      {
        contentType: req.headers['content-type'],
        body,
        authorization: req.headers.authorization,
      },
      resources,
    );
    if (outcome.kind === 'refused') {
      tokenError(res, req, config, 400, {
        error: outcome.error,
        error_description: outcome.description,
      });
      return;
    }
    await (outcome.kind === 'rewritten'
      ? forward(
          replay(
            req,
            Buffer.from(outcome.body),
            'application/x-www-form-urlencoded',
          ),
          res,
        )
      : forward(replay(req, body, undefined), res));
  };
}

function internalError(res: ServerResponse, config: IdentityConfig) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const html = renderMessagePage({
    appName: APP_NAME,
    title: 'Something went wrong',
    message: 'Something went wrong on our side. Please try again.',
    appUrl: `${config.appOrigins[0] ?? ''}/`,
    alert: true,
  });
  send(res, 500, html, {
    ...securityHeaders(config.appOrigins),
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
  });
}

/** Builds the provider and the request handler in front of it. */
export function createIdentityApp(deps: IdentityAppDeps): IdentityApp {
  const { config, logger } = deps;
  const resources = buildResources(config);
  const provider = createProvider({ ...deps, resources });
  logProviderEvents(provider, logger);
  const forward = provider.callback();
  const assets = createAssetHandler(securityHeaders(config.appOrigins));
  const interaction = createInteractionHandler({
    provider,
    config,
    users: deps.users,
    logger,
    appName: APP_NAME,
    ...(deps.now ? { now: deps.now } : {}),
  });
  const token = tokenFront(config, resources, forward);

  async function route(req: IncomingMessage, res: ServerResponse) {
    const { pathname } = new URL(req.url ?? '/', 'http://identity.invalid');
    if (assets(req, res, pathname)) return;
    const match = INTERACTION_PATH.exec(pathname);
    if (match?.[1]) {
      await interaction(req, res, match[1], match[2] ? 'login' : 'show');
    } else if (req.method === 'POST' && pathname === '/token') {
      await token(req, res);
    } else {
      await forward(req, res);
    }
  }

  return {
    provider,
    handle(req, res) {
      route(req, res).catch((error: unknown) => {
        logger.error(
          { err: error, path: req.url?.split('?')[0] },
          'request failed',
        );
        internalError(res, config);
      });
    },
  };
}
