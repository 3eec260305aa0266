import { getByLabelText, getByRole, queryByRole } from '@testing-library/dom';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from './test/cookie-jar';
import {
  browse,
  followWithin,
  openSignIn,
  pkcePair,
  REDIRECT_URI,
  submitSignIn,
} from './test/oidc-flow';
import { startIdentity, type TestIdentity } from './test/start-identity';

/** Parses a page into a detached DOM for role and label queries. */
function dom(html: string): HTMLElement {
  const window = new Window();
  window.document.write(html);
  return window.document.body as unknown as HTMLElement;
}

async function signInPage(identity: TestIdentity) {
  const jar = new CookieJar();
  const opened = await openSignIn(identity, jar, { pkce: pkcePair() });
  return { jar, ...opened };
}

async function attempt(
  identity: TestIdentity,
  username: string,
  password: string,
) {
  const { jar, action } = await signInPage(identity);
  const response = await submitSignIn(identity, jar, action, {
    username,
    password,
  });
  return { response, jar, html: await response.text() };
}

let identity: TestIdentity;
beforeAll(async () => {
  identity = await startIdentity();
});
afterAll(() => identity.close());

describe('the sign-in page', () => {
  it('is our accessible page under a strict CSP, with no inline code', async () => {
    const { page, html } = await signInPage(identity);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(html).not.toMatch(/<style|\sstyle=|<script|\son\w+=/i);
    expect(html).not.toMatch(/fonts\.googleapis|https?:\/\//);

    const body = dom(html);
    expect(getByRole(body, 'main')).toBeTruthy();
    expect(
      getByRole(body, 'heading', { level: 1, name: 'Sign in' }),
    ).toBeTruthy();
    expect(body.textContent).toContain('Tasklist Inbox');
    expect(getByLabelText(body, 'Username').getAttribute('name')).toBe(
      'username',
    );
    expect(getByLabelText(body, 'Password').getAttribute('type')).toBe(
      'password',
    );
    expect(getByRole(body, 'button', { name: 'Sign in' })).toBeTruthy();
    expect(queryByRole(body, 'alert')).toBeNull();
  });

  it('loads its stylesheet from the provider itself', async () => {
    const { html } = await signInPage(identity);
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBe('/assets/identity.css');
    const css = await fetch(identity.url(href ?? ''));
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).not.toMatch(/@import|url\(\s*['"]?https?:/);
  });

  it('names its own icon, so browsers do not ask for a missing /favicon.ico', async () => {
    const { html } = await signInPage(identity);
    const href = /<link rel="icon"[^>]* href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBe('/assets/favicon.svg');
    const icon = await fetch(identity.url(href ?? ''));
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('lists the demo accounts outside production', async () => {
    const { html } = await signInPage(identity);
    const hint = getByRole(dom(html), 'complementary', {
      name: 'Demo accounts',
    });
    for (const user of ['demo', 'alice', 'bob', 'carol']) {
      expect(hint.textContent).toContain(user);
    }
    expect(hint.textContent).toContain('accounting, management');
  });

  it('shows "Invalid username or password" in an alert and keeps the username', async () => {
    const { response, html } = await attempt(identity, 'carol', 'wrong');
    expect(response.status).toBe(400);
    const body = dom(html);
    expect(getByRole(body, 'alert').textContent).toBe(
      'Invalid username or password',
    );
    expect(getByLabelText<HTMLInputElement>(body, 'Username').value).toBe(
      'carol',
    );
    expect(getByLabelText<HTMLInputElement>(body, 'Password').value).toBe('');
    expect(html).not.toContain('wrong');
  });

  it('gives the same answer for an unknown user', async () => {
    const { response, html } = await attempt(identity, 'mallory', 'mallory');
    expect(response.status).toBe(400);
    expect(getByRole(dom(html), 'alert').textContent).toBe(
      'Invalid username or password',
    );
  });

  it('asks for both fields when one is empty', async () => {
    const { response, html } = await attempt(identity, 'demo', '');
    expect(response.status).toBe(400);
    expect(getByRole(dom(html), 'alert').textContent).toMatch(
      /Enter your username and password/,
    );
  });

  it('continues the sign-in after a failed attempt', async () => {
    const { jar, action } = await signInPage(identity);
    const failed = await submitSignIn(identity, jar, action, {
      username: 'bob',
      password: 'nope',
    });
    expect(failed.status).toBe(400);
    const retried = await submitSignIn(identity, jar, action, {
      username: 'bob',
      password: 'bob',
    });
    const end = await followWithin(identity, jar, retried);
    expect(end.headers.get('location')).toMatch(
      new RegExp(`^${REDIRECT_URI}\\?code=`),
    );
  });

  it('explains an expired or unknown sign-in instead of failing obscurely', async () => {
    const response = await browse(
      new CookieJar(),
      identity.url('/interaction/does-not-exist'),
    );
    expect(response.status).toBe(400);
    expect(getByRole(dom(await response.text()), 'alert').textContent).toMatch(
      /expired/,
    );
  });

  it('never logs passwords', async () => {
    await attempt(identity, 'demo', 'correct-horse-battery');
    await attempt(identity, 'correct-horse-staple', 'x');
    const logs = identity.logs.join('\n');
    expect(logs).toMatch(/sign-in failed/);
    expect(logs).not.toContain('correct-horse');
  });
});

describe('sign-in rate limiting', () => {
  let limited: TestIdentity;
  beforeAll(async () => {
    limited = await startIdentity({
      env: {
        IDENTITY_SIGNIN_MAX_FAILURES: '3',
        IDENTITY_SIGNIN_MAX_FAILURES_PER_IP: '8',
        IDENTITY_SIGNIN_WINDOW: '300',
      },
    });
  });
  afterAll(() => limited.close());

  it('answers 429 with Retry-After once a username has failed too often', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await attempt(limited, 'alice', 'wrong')).response.status).toBe(
        400,
      );
    }
    // Even the right password is refused while the lock lasts.
    const { response, html } = await attempt(limited, 'alice', 'alice');
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(300);
    const body = dom(html);
    expect(getByRole(body, 'alert').textContent).toMatch(
      /Too many failed sign-in attempts\. Try again in 5 minutes\./,
    );
    expect(getByLabelText<HTMLInputElement>(body, 'Username').value).toBe(
      'alice',
    );
    // Other users are not affected by alice's lock.
    const other = await attempt(limited, 'carol', 'carol');
    expect(other.response.status).toBe(303);
  });

  it('resets the username count after a successful sign-in', async () => {
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 2; i++) {
        expect((await attempt(limited, 'bob', 'wrong')).response.status).toBe(
          400,
        );
      }
      expect((await attempt(limited, 'bob', 'bob')).response.status).toBe(303);
    }
  });

  it('limits one IP across usernames too', async () => {
    // 3 (alice) + 4 (bob) failures so far from this IP; one more reaches 8.
    expect((await attempt(limited, 'x1', 'wrong')).response.status).toBe(400);
    const { response } = await attempt(limited, 'demo', 'demo');
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('the sign-in page in production', () => {
  let production: TestIdentity;
  beforeAll(async () => {
    production = await startIdentity({
      env: {
        NODE_ENV: 'production',
        OAUTH_CLIENT_SECRET: 'production-secret-0123456789',
      },
    });
  });
  afterAll(() => production.close());

  it('does not list the demo accounts', async () => {
    const { html } = await signInPage(production);
    const body = dom(html);
    expect(queryByRole(body, 'complementary')).toBeNull();
    expect(body.textContent).not.toMatch(/demo accounts/i);
    expect(getByRole(body, 'button', { name: 'Sign in' })).toBeTruthy();
  });
});

describe('client IPs behind a proxy', () => {
  const env = {
    IDENTITY_SIGNIN_MAX_FAILURES: '100',
    IDENTITY_SIGNIN_MAX_FAILURES_PER_IP: '1',
  };

  async function failFrom(identity: TestIdentity, forwardedFor: string) {
    const { jar, action } = await signInPage(identity);
    return browse(jar, identity.url(action), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': forwardedFor,
      },
      body: new URLSearchParams({ username: 'demo', password: 'x' }).toString(),
    });
  }

  it('ignores X-Forwarded-For unless IDENTITY_TRUST_PROXY=true', async () => {
    const direct = await startIdentity({ env });
    try {
      expect((await failFrom(direct, '203.0.113.1')).status).toBe(400);
      // A made-up address does not buy a fresh allowance.
      expect((await failFrom(direct, '203.0.113.2')).status).toBe(429);
    } finally {
      await direct.close();
    }
  });

  it('counts per forwarded client IP behind a trusted proxy', async () => {
    const proxied = await startIdentity({
      env: { ...env, IDENTITY_TRUST_PROXY: 'true' },
    });
    try {
      expect((await failFrom(proxied, '203.0.113.1')).status).toBe(400);
      expect((await failFrom(proxied, '203.0.113.2, 10.0.0.1')).status).toBe(
        400,
      );
      expect((await failFrom(proxied, '203.0.113.1')).status).toBe(429);
    } finally {
      await proxied.close();
    }
  });
});
