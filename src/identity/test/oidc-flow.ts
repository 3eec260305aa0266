/**
 * Drives the authorization code + PKCE flow with fetch, the way a browser
 * would: authorize, our sign-in form, the redirect back to the app's
 * callback, then the code exchange from the app's origin.
 */
import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { CookieJar } from './cookie-jar';
import type { TestIdentity } from './start-identity';

export const APP_ORIGIN = 'http://127.0.0.1:5173';
export const REDIRECT_URI = `${APP_ORIGIN}/auth/callback`;
export const SPA_SCOPES = 'openid profile email groups offline_access';
export const BFF_RESOURCE = 'urn:tasklist-inbox:bff';
export const TASKLIST_RESOURCE = 'urn:camunda:tasklist-api';

export interface Pkce {
  verifier: string;
  challenge: string;
}

/** A fresh S256 PKCE pair. */
export function pkcePair(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

/** What a browser asks for when navigating (the provider negotiates errors). */
const BROWSER_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** A fetch that sends and stores cookies and never follows redirects. */
export async function browse(
  jar: CookieJar,
  url: string,
  init: RequestInit = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('accept')) headers.set('accept', BROWSER_ACCEPT);
  if (jar.header()) headers.set('cookie', jar.header());
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.store(response);
  return response;
}

/** Follows redirects on the provider until one leaves it (or none is left). */
export async function followWithin(
  identity: TestIdentity,
  jar: CookieJar,
  first: Response,
): Promise<Response> {
  let response = first;
  for (let hop = 0; hop < 10; hop++) {
    const location = response.headers.get('location');
    if (!location) return response;
    const next = new URL(location, identity.issuer);
    if (next.origin !== identity.issuer) return response;
    await response.arrayBuffer();
    response = await browse(jar, next.href);
  }
  throw new Error('too many redirects');
}

export interface AuthorizeOptions {
  pkce?: Pkce | null;
  scope?: string;
  resource?: string[];
  redirectUri?: string;
  challengeMethod?: string;
  extra?: Record<string, string>;
}

/** The authorization URL the SPA would send the browser to. */
export function authorizationUrl(
  identity: TestIdentity,
  options: AuthorizeOptions & { state: string },
): string {
  const url = new URL('/auth', identity.issuer);
  const params = url.searchParams;
  params.set('client_id', 'tasklist-inbox');
  params.set('response_type', 'code');
  params.set('redirect_uri', options.redirectUri ?? REDIRECT_URI);
  params.set('scope', options.scope ?? SPA_SCOPES);
  params.set('state', options.state);
  params.set('nonce', randomBytes(8).toString('hex'));
  if (options.pkce) {
    params.set('code_challenge', options.pkce.challenge);
    params.set('code_challenge_method', options.challengeMethod ?? 'S256');
  }
  for (const resource of options.resource ?? [BFF_RESOURCE]) {
    params.append('resource', resource);
  }
  for (const [key, value] of Object.entries(options.extra ?? {})) {
    params.set(key, value);
  }
  return url.href;
}

/** Opens the authorization URL and returns the sign-in page response. */
export async function openSignIn(
  identity: TestIdentity,
  jar: CookieJar,
  options: AuthorizeOptions = {},
): Promise<{ page: Response; html: string; action: string }> {
  const start = await browse(
    jar,
    authorizationUrl(identity, { ...options, state: 'state-1' }),
  );
  const page = await followWithin(identity, jar, start);
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
  return { page, html, action };
}

/** Posts the sign-in form. */
export function submitSignIn(
  identity: TestIdentity,
  jar: CookieJar,
  action: string,
  credentials: { username: string; password: string },
): Promise<Response> {
  return browse(jar, identity.url(action), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(credentials).toString(),
  });
}

export interface SignedIn {
  code: string;
  callback: URL;
  pkce: Pkce;
  jar: CookieJar;
}

/** Signs a user in and returns the authorization code the app receives. */
export async function signIn(
  identity: TestIdentity,
  credentials: { username: string; password: string },
  options: AuthorizeOptions = {},
): Promise<SignedIn> {
  const jar = new CookieJar();
  const pkce = options.pkce ?? pkcePair();
  const { page, action } = await openSignIn(identity, jar, {
    ...options,
    pkce,
  });
  expect(page.status).toBe(200);
  const posted = await submitSignIn(identity, jar, action, credentials);
  expect(posted.status).toBe(303);
  const done = await followWithin(identity, jar, posted);
  const callback = new URL(done.headers.get('location') ?? '');
  expect(`${callback.origin}${callback.pathname}`).toBe(
    options.redirectUri ?? REDIRECT_URI,
  );
  return { code: callback.searchParams.get('code') ?? '', callback, pkce, jar };
}

/** A token request from the SPA's origin, like oidc-client-ts sends it. */
export function tokenRequest(
  identity: TestIdentity,
  params: Record<string, string>,
  origin = APP_ORIGIN,
): Promise<Response> {
  return fetch(identity.url('/token'), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin,
    },
    body: new URLSearchParams({ client_id: 'tasklist-inbox', ...params }),
  });
}

/** Redeems a code with its verifier. */
export function exchangeCode(
  identity: TestIdentity,
  signedIn: { code: string; pkce: Pkce },
  extra: Record<string, string> = {},
): Promise<Response> {
  return tokenRequest(identity, {
    grant_type: 'authorization_code',
    code: signedIn.code,
    code_verifier: signedIn.pkce.verifier,
    redirect_uri: REDIRECT_URI,
    ...extra,
  });
}
