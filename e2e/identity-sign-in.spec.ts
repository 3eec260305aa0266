import { createHash, randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { E2E_PORTS } from '../playwright.config';

const issuer = `http://127.0.0.1:${String(E2E_PORTS.identity)}`;
const jwks = createRemoteJWKSet(new URL('/jwks', issuer));

interface Pkce {
  verifier: string;
  challenge: string;
}

function pkcePair(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

/** The authorization request the SPA sends for its public client. */
function authorizationUrl(redirectUri: string, pkce: Pkce): string {
  const url = new URL('/auth', issuer);
  url.search = new URLSearchParams({
    client_id: 'tasklist-inbox',
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'openid profile email groups offline_access',
    resource: 'urn:tasklist-inbox:bff',
    state: randomBytes(8).toString('hex'),
    nonce: randomBytes(8).toString('hex'),
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.href;
}

/** Fails the test on any CSP violation the browser reports. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  return violations;
}

test('demo signs in on our page and lands on the app callback with the right groups', async ({
  page,
  baseURL,
}) => {
  const appOrigin = baseURL ?? '';
  const redirectUri = `${appOrigin}/auth/callback`;
  const pkce = pkcePair();
  const violations = watchCsp(page);

  await page.goto(authorizationUrl(redirectUri, pkce));
  await expect(
    page.getByRole('heading', { level: 1, name: 'Sign in' }),
  ).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Tasklist Inbox');
  await page.getByLabel('Username').fill('demo');
  await page.getByLabel('Password').fill('demo');

  // The browser really lands on the app's callback page, but the app's
  // scripts are held back: the code is this test's to redeem, and the SPA's
  // own callback handling is covered by its own specs. (Playwright cannot
  // intercept a request reached through a redirect, only what it loads.)
  await page.route(
    (url) => url.origin === appOrigin && url.pathname.endsWith('.js'),
    (route) => route.abort(),
  );
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(
    (url) =>
      url.href.startsWith(`${redirectUri}?`) && url.searchParams.has('code'),
  );
  const callbackUrl = new URL(page.url());
  expect(callbackUrl.searchParams.get('iss')).toBe(issuer);
  const code = callbackUrl.searchParams.get('code') ?? '';
  expect(code).not.toBe('');

  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: appOrigin,
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: 'tasklist-inbox',
      code,
      code_verifier: pkce.verifier,
      redirect_uri: redirectUri,
      resource: 'urn:tasklist-inbox:bff',
    }),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('access-control-allow-origin')).toBe(appOrigin);
  const tokens = (await response.json()) as {
    access_token: string;
    id_token: string;
  };

  const access = await jwtVerify(tokens.access_token, jwks, {
    issuer,
    // The BFF resource, never the client id (an ID token's audience).
    audience: 'urn:tasklist-inbox:bff',
    typ: 'at+jwt',
    algorithms: ['RS256'],
  });
  expect(access.payload.preferred_username).toBe('demo');
  expect(access.payload.groups).toEqual(['accounting', 'management']);
  const id = await jwtVerify(tokens.id_token, jwks, {
    issuer,
    audience: 'tasklist-inbox',
    algorithms: ['RS256'],
  });
  expect(id.payload.name).toBe('Demo User');
  expect(id.payload.groups).toEqual(['accounting', 'management']);
  expect(violations).toEqual([]);
});

test('a wrong password shows "Invalid username or password" and keeps the username', async ({
  page,
  baseURL,
}) => {
  const violations = watchCsp(page);
  await page.goto(
    authorizationUrl(`${baseURL ?? ''}/auth/callback`, pkcePair()),
  );
  await page.getByLabel('Username').fill('demo');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('alert')).toHaveText(
    'Invalid username or password',
  );
  await expect(page.getByLabel('Username')).toHaveValue('demo');
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page.getByLabel('Password')).toBeFocused();
  expect(violations).toEqual([]);

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
