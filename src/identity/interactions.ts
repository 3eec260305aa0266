/**
 * The interaction routes: our sign-in page and its form handler, in place of
 * oidc-provider's development-only interactions.
 *
 *   GET  /interaction/:uid        the sign-in page
 *   POST /interaction/:uid/login  check the credentials, then resume the flow
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errors, type Interaction, type Provider } from 'oidc-provider';
import type { Logger } from 'pino';
import type { IdentityConfig } from './config';
import { BodyTooLargeError, readBody, send } from './http-utils';
import { renderMessagePage } from './provider-pages';
import { SignInThrottle } from './rate-limit';
import { securityHeaders } from './security-headers';
import { clientAddress } from './trusted-proxies';
import { renderSignInPage, type DemoAccount } from './sign-in-page';
import {
  SIGN_IN_TEXTS,
  negotiateSignInLanguage,
  type SignInLanguage,
} from './sign-in-texts';
import type { UserDirectory } from './users';

export const INVALID_CREDENTIALS = SIGN_IN_TEXTS.en.invalidCredentials;
const FORM_LIMIT = 8 * 1024;

export interface InteractionDeps {
  provider: Provider;
  config: IdentityConfig;
  users: UserDirectory;
  logger: Logger;
  appName: string;
  /** The sign-in throttle's clock (default: Date.now). */
  now?: () => number;
}

interface PageContext {
  res: ServerResponse;
  uid: string;
  headers: Record<string, string>;
  /** The browser's language, from Accept-Language. */
  lang: SignInLanguage;
}

/** Sign-in pages must never be cached or stored by the browser. */
const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
};

/** Builds the handler for `/interaction/...` requests. */
export function createInteractionHandler(deps: InteractionDeps) {
  const { provider, config, users, logger, appName } = deps;
  const headers = { ...securityHeaders(config.appOrigins), ...PAGE_HEADERS };
  const throttle = new SignInThrottle({
    freeAttemptsPerAccount: config.signIn.maxFailuresPerUser,
    maxFailuresPerAddress: config.signIn.maxFailuresPerIp,
    windowSeconds: config.signIn.windowSeconds,
    ...(deps.now ? { now: deps.now } : {}),
  });
  let demo: Promise<DemoAccount[]> | undefined;

  /** Accounts whose password is their username: checked, not assumed. */
  function demoAccounts(): Promise<DemoAccount[]> | undefined {
    if (config.production) return undefined;
    demo ??= Promise.all(
      users
        .all()
        .map(async (u) =>
          (await users.authenticate(u.username, u.username))
            ? [{ username: u.username, groups: u.groups }]
            : [],
        ),
    ).then((lists) => lists.flat());
    return demo;
  }

  async function signInPage(
    page: PageContext,
    status: number,
    view: { username: string; error?: string },
    extra: Record<string, string> = {},
  ) {
    const html = renderSignInPage({
      lang: page.lang,
      appName,
      action: `/interaction/${page.uid}/login`,
      username: view.username,
      error: view.error,
      demoAccounts: await demoAccounts(),
    });
    send(page.res, status, html, {
      ...page.headers,
      // The words follow Accept-Language: caches must keep them apart.
      Vary: 'Accept-Language',
      'Content-Language': page.lang,
      ...extra,
    });
  }

  function expired(res: ServerResponse) {
    const html = renderMessagePage({
      appName,
      title: 'Sign-in expired',
      message: `This sign-in page has expired or was already used. Go back to ${appName} and sign in again.`,
      appUrl: `${config.appOrigins[0] ?? ''}/`,
      alert: true,
    });
    send(res, 400, html, headers);
  }

  /** The pending interaction, if its cookie matches the URL. */
  async function find(
    req: IncomingMessage,
    res: ServerResponse,
    uid: string,
  ): Promise<Interaction | undefined> {
    try {
      const interaction = await provider.interactionDetails(req, res);
      return interaction.uid === uid ? interaction : undefined;
    } catch (error) {
      if (error instanceof errors.SessionNotFound) return undefined;
      throw error;
    }
  }

  async function show(
    req: IncomingMessage,
    res: ServerResponse,
    interaction: Interaction,
  ) {
    if (interaction.prompt.name === 'login') {
      const lang = negotiateSignInLanguage(req.headers['accept-language']);
      await signInPage({ res, uid: interaction.uid, headers, lang }, 200, {
        username: '',
      });
      return;
    }
    // Consent is granted up front for our own app (provider.ts); any other
    // prompt means a client we do not serve, so the request is refused.
    await provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'this provider does not ask for consent',
    });
  }

  async function login(
    req: IncomingMessage,
    res: ServerResponse,
    interaction: Interaction,
  ) {
    const form = new URLSearchParams(
      (await readBody(req, FORM_LIMIT)).toString('utf8'),
    );
    const username = (form.get('username') ?? '').trim().slice(0, 256);
    const password = form.get('password') ?? '';
    const page = {
      res,
      uid: interaction.uid,
      headers,
      lang: negotiateSignInLanguage(req.headers['accept-language']),
    };
    const ip = clientAddress(req, config.trustProxy);
    // People type passwords into the username field: log only known names.
    const logName = users.find(username) ? username : '(unknown user)';

    if (!username || !password) {
      await signInPage(page, 400, {
        username,
        error: SIGN_IN_TEXTS[page.lang].missingCredentials,
      });
      return;
    }
    // H61: reserved before the password check, so concurrent guesses count.
    const attempt = throttle.begin(username, ip);
    if (!('succeed' in attempt)) {
      const wait = attempt.retryAfterSeconds;
      logger.warn({ username: logName, ip }, 'sign-in refused: throttled');
      await signInPage(
        page,
        429,
        { username, error: SIGN_IN_TEXTS[page.lang].tooManyAttempts(wait) },
        { 'Retry-After': String(wait) },
      );
      return;
    }

    const user = await users.authenticate(username, password);
    if (!user) {
      attempt.fail();
      logger.info({ username: logName, ip }, 'sign-in failed');
      await signInPage(page, 400, {
        username,
        error: SIGN_IN_TEXTS[page.lang].invalidCredentials,
      });
      return;
    }
    attempt.succeed();
    logger.info({ username: user.username, ip }, 'signed in');
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.username } },
      { mergeWithLastSubmission: false },
    );
  }

  return async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    uid: string,
    action: 'show' | 'login',
  ): Promise<void> {
    const allowed = action === 'show' ? 'GET' : 'POST';
    if (
      req.method !== allowed &&
      !(action === 'show' && req.method === 'HEAD')
    ) {
      send(res, 405, 'Method Not Allowed', {
        ...securityHeaders(config.appOrigins),
        'Content-Type': 'text/plain; charset=utf-8',
        Allow: allowed,
      });
      return;
    }
    const interaction = await find(req, res, uid);
    if (!interaction) {
      expired(res);
      return;
    }
    try {
      if (action === 'show') await show(req, res, interaction);
      else await login(req, res, interaction);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      const lang = negotiateSignInLanguage(req.headers['accept-language']);
      await signInPage({ res, uid, headers, lang }, 413, {
        username: '',
        error: SIGN_IN_TEXTS[lang].formTooLarge,
      });
    }
  };
}
