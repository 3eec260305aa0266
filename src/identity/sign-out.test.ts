import { getByRole, queryByRole } from '@testing-library/dom';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from './test/cookie-jar';
import {
  APP_ORIGIN,
  browse,
  exchangeCode,
  signIn,
  tokenRequest,
} from './test/oidc-flow';
import { startIdentity, type TestIdentity } from './test/start-identity';
import { readError, readTokens } from './test/tokens';

const SIGNED_OUT = `${APP_ORIGIN}/signed-out`;

/** Parses a page into a detached DOM for role and label queries. */
function dom(html: string): HTMLElement {
  const window = new Window();
  window.document.write(html);
  return window.document.body as unknown as HTMLElement;
}

/** Submits the end-session form the way the page's "Sign out" button does. */
async function pressSignOut(
  identity: TestIdentity,
  jar: CookieJar,
  html: string,
): Promise<Response> {
  const form = dom(html).ownerDocument.getElementById('op.logoutForm');
  const action = form?.getAttribute('action') ?? '';
  const xsrf =
    form?.querySelector('input[name=xsrf]')?.getAttribute('value') ?? '';
  return browse(jar, new URL(action, identity.issuer).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
  });
}

let identity: TestIdentity;
beforeAll(async () => {
  identity = await startIdentity();
});
afterAll(() => identity.close());

async function signedInSession() {
  const signedIn = await signIn(identity, {
    username: 'demo',
    password: 'demo',
  });
  const tokens = await readTokens(await exchangeCode(identity, signedIn));
  return { jar: signedIn.jar, tokens };
}

describe('signing out (RP-initiated logout)', () => {
  it('returns the app to /signed-out without asking again, and ends the session', async () => {
    const { jar, tokens } = await signedInSession();
    const url = new URL('/session/end', identity.issuer);
    url.searchParams.set('id_token_hint', tokens.id_token ?? '');
    url.searchParams.set('post_logout_redirect_uri', SIGNED_OUT);
    url.searchParams.set('state', 'bye');

    const page = await browse(jar, url.href);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain(
      "script-src 'self'",
    );
    const html = await page.text();
    // An external script presses the button; no inline code, no question.
    expect(html).toContain('<script src="/assets/auto-submit.js" defer>');
    expect(html).not.toMatch(/<script>|<style/);
    const body = dom(html);
    expect(
      getByRole(body, 'button', { name: 'Sign out' }).dataset.autoSubmit,
    ).toBeDefined();
    expect(queryByRole(body, 'button', { name: 'Stay signed in' })).toBeNull();

    const script = await fetch(identity.url('/assets/auto-submit.js'));
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain('[data-auto-submit]');

    const done = await pressSignOut(identity, jar, html);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${SIGNED_OUT}?state=bye`);

    // The session's grant is gone, so its refresh token no longer works.
    const refresh = await tokenRequest(identity, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
    });
    expect(await readError(refresh)).toMatchObject({ error: 'invalid_grant' });
  });

  it('asks first when the request does not prove it came from the app', async () => {
    const { jar } = await signedInSession();
    const url = new URL('/session/end', identity.issuer);
    url.searchParams.set('client_id', 'tasklist-inbox');
    url.searchParams.set('post_logout_redirect_uri', SIGNED_OUT);
    const page = await browse(jar, url.href);
    const html = await page.text();
    const body = dom(html);
    expect(
      getByRole(body, 'heading', { name: 'Sign out of Tasklist Inbox?' }),
    ).toBeTruthy();
    expect(getByRole(body, 'button', { name: 'Stay signed in' })).toBeTruthy();
    expect(html).not.toContain('<script');
  });

  it('refuses a post-logout URI that is not registered', async () => {
    const url = new URL('/session/end', identity.issuer);
    url.searchParams.set('client_id', 'tasklist-inbox');
    url.searchParams.set('post_logout_redirect_uri', 'https://evil.example/');
    const page = await browse(new CookieJar(), url.href);
    expect(page.status).toBe(400);
    expect(getByRole(dom(await page.text()), 'alert').textContent).toMatch(
      /post_logout_redirect_uri/,
    );
  });

  it('still returns to the app when there is no session any more', async () => {
    const url = new URL('/session/end', identity.issuer);
    url.searchParams.set('client_id', 'tasklist-inbox');
    url.searchParams.set('post_logout_redirect_uri', SIGNED_OUT);
    const page = await browse(new CookieJar(), url.href);
    expect(page.status).toBe(200);
    // oidc-provider's auto-post page: its inline script is allowed by hash only.
    expect(page.headers.get('content-security-policy')).toMatch(
      /script-src 'self' 'sha256-[\w+/=]+'/,
    );
  });

  it('shows our own signed-out page when no return address is given', async () => {
    const page = await fetch(identity.url('/session/end/success'));
    expect(page.status).toBe(200);
    const body = dom(await page.text());
    expect(getByRole(body, 'heading', { name: 'Signed out' })).toBeTruthy();
    expect(getByRole(body, 'link').getAttribute('href')).toMatch(
      /\/signed-out$/,
    );
  });
});
