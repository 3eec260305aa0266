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

describe('sign-in throttling (H61)', () => {
  let limited: TestIdentity;
  // The throttle's clock: it moves only when a test says so.
  let clock = Date.now();
  beforeAll(async () => {
    limited = await startIdentity({
      now: () => clock,
      env: {
        IDENTITY_SIGNIN_MAX_FAILURES: '3',
        IDENTITY_SIGNIN_MAX_FAILURES_PER_IP: '12',
        IDENTITY_SIGNIN_WINDOW: '300',
        // One proxy hop, so tests can sign in from several addresses.
        IDENTITY_TRUST_PROXY: '1',
      },
    });
  });
  afterAll(() => limited.close());

  async function attemptFrom(
    address: string,
    username: string,
    password: string,
  ) {
    const { jar, action } = await signInPage(limited);
    return submitFrom(jar, action, address, username, password);
  }

  async function submitFrom(
    jar: CookieJar,
    action: string,
    address: string,
    username: string,
    password: string,
  ) {
    const response = await browse(jar, limited.url(action), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': address,
      },
      body: new URLSearchParams({ username, password }).toString(),
    });
    return { response, html: await response.text() };
  }

  it('after the free attempts each further one waits, even with the right password', async () => {
    for (let i = 0; i < 3; i++) {
      const { response } = await attemptFrom('192.0.2.1', 'alice', 'wrong');
      expect(response.status).toBe(400);
    }
    const { response, html } = await attemptFrom('192.0.2.1', 'alice', 'alice');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    const body = dom(html);
    expect(getByRole(body, 'alert').textContent).toMatch(
      /Too many failed sign-in attempts\. Try again in 1 second\./,
    );
    expect(getByLabelText<HTMLInputElement>(body, 'Username').value).toBe(
      'alice',
    );
    // The delay passes; the right password then works and clears the count.
    clock += 1100;
    expect(
      (await attemptFrom('192.0.2.1', 'alice', 'alice')).response.status,
    ).toBe(303);
  });

  it('a stranger cannot lock a user out: the delays are per username and address', async () => {
    for (let i = 0; i < 4; i++) {
      await attemptFrom('203.0.113.66', 'demo', 'guess');
    }
    expect(
      (await attemptFrom('203.0.113.66', 'demo', 'demo')).response.status,
    ).toBe(429);
    // demo, from their own address, signs in at once.
    expect(
      (await attemptFrom('198.51.100.7', 'demo', 'demo')).response.status,
    ).toBe(303);
  });

  it('reserves each attempt before the password check: of 10 concurrent guesses 3 are checked', async () => {
    const pages = await Promise.all(
      Array.from({ length: 10 }, () => signInPage(limited)),
    );
    const results = await Promise.all(
      pages.map(({ jar, action }) =>
        submitFrom(jar, action, '192.0.2.50', 'carol', 'wrong'),
      ),
    );
    const statuses = results.map((r) => r.response.status).sort();
    expect(statuses).toEqual([400, 400, 400, ...Array<number>(7).fill(429)]);
  });

  it('limits one address across usernames too', async () => {
    const address = '192.0.2.99';
    for (let i = 0; i < 12; i++) {
      const { response } = await attemptFrom(address, `user${String(i)}`, 'x');
      expect(response.status).toBe(400);
    }
    const { response } = await attemptFrom(address, 'bob', 'bob');
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

  it('ignores X-Forwarded-For unless IDENTITY_TRUST_PROXY is set', async () => {
    const direct = await startIdentity({ env });
    try {
      expect((await failFrom(direct, '203.0.113.1')).status).toBe(400);
      // A made-up address does not buy a fresh allowance.
      expect((await failFrom(direct, '203.0.113.2')).status).toBe(429);
    } finally {
      await direct.close();
    }
  });

  it('with a hop count, reads the address from the right (H62)', async () => {
    const proxied = await startIdentity({
      env: { ...env, IDENTITY_TRUST_PROXY: '1' },
    });
    try {
      expect((await failFrom(proxied, '203.0.113.1')).status).toBe(400);
      // The client wrote the left entries; the proxy appended the real one.
      expect((await failFrom(proxied, '6.6.6.6, 203.0.113.1')).status).toBe(
        429,
      );
      expect((await failFrom(proxied, '203.0.113.1, 203.0.113.2')).status).toBe(
        400,
      );
    } finally {
      await proxied.close();
    }
  });

  it('with proxy addresses, skips them from the right (H62)', async () => {
    const proxied = await startIdentity({
      env: { ...env, IDENTITY_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' },
    });
    try {
      expect(
        (await failFrom(proxied, '6.6.6.6, 203.0.113.1, 10.0.0.5')).status,
      ).toBe(400);
      expect(
        (await failFrom(proxied, '7.7.7.7, 203.0.113.1, 10.9.8.7')).status,
      ).toBe(429);
    } finally {
      await proxied.close();
    }
  });
});
