import { expect, test, type Page } from '@playwright/test';

/**
 * security.md 11.2 E35: the CSP is enforced, not just sent. These tests look
 * only at the shell the BFF serves (not at the SPA's screens), so they hold
 * while the SPA changes.
 */

interface Violation {
  directive: string;
  blockedURI: string;
  origin: string;
}

/**
 * Records every CSP violation event in every document the page shows, even
 * across navigations (a binding survives them, page state does not).
 */
async function recordViolations(page: Page): Promise<Violation[]> {
  const seen: Violation[] = [];
  await page.exposeBinding(
    '__reportCspViolation',
    (_source, violation: Violation) => {
      seen.push(violation);
    },
  );
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (
        window as unknown as {
          __reportCspViolation: (v: Violation) => Promise<void>;
        }
      ).__reportCspViolation;
      void report({
        directive: event.effectiveDirective,
        blockedURI: event.blockedURI,
        origin: location.origin,
      });
    });
  });
  return seen;
}

test('the built app loads under the strict CSP without violations', async ({
  page,
  baseURL,
}) => {
  const appOrigin = new URL(baseURL ?? '').origin;
  const consoleCsp: string[] = [];
  page.on('console', (message) => {
    const fromApp = message.location().url.startsWith(appOrigin);
    if (fromApp && /Content Security Policy/i.test(message.text())) {
      consoleCsp.push(message.text());
    }
  });
  const violations = await recordViolations(page);
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain(
    "script-src 'self'",
  );
  // The app's scripts ran under the policy: it rendered something, or it
  // moved on to the identity provider.
  await expect
    .poll(
      async () =>
        new URL(page.url()).origin !== appOrigin ||
        (await page.locator('#root > *').count()) > 0,
    )
    .toBe(true);
  await page.waitForLoadState('load');
  expect(violations.filter((v) => v.origin === appOrigin)).toEqual([]);
  expect(consoleCsp).toEqual([]);
});

test('CSP is enforced: an injected inline script does not run and a violation is reported', async ({
  page,
}) => {
  // Keep the app's own scripts out so only the shell and its policy remain.
  await page.route('**/assets/**', (route) => route.abort());
  const violations = await recordViolations(page);
  const consoleCsp: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text()))
      consoleCsp.push(message.text());
  });
  await page.goto('/tasks');
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injectedRan = true;';
    document.head.append(script);
    document.body.insertAdjacentHTML(
      'beforeend',
      '<img src="data:," onerror="window.__handlerRan = true">',
    );
  });
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  const ran = await page.evaluate(() => {
    const w = window as unknown as {
      __injectedRan?: boolean;
      __handlerRan?: boolean;
    };
    return {
      script: w.__injectedRan === true,
      handler: w.__handlerRan === true,
    };
  });
  expect(ran).toEqual({ script: false, handler: false });
  const directives = violations.map((v) => v.directive);
  expect(directives).toContain('script-src-elem');
  expect(directives).toContain('script-src-attr');
  expect(consoleCsp.length).toBeGreaterThan(0);
});

test('API answers carry a deny-all CSP and nosniff', async ({ request }) => {
  const response = await request.get('/api/config');
  expect(response.headers()['content-security-policy']).toBe(
    "default-src 'none'; frame-ancestors 'none'",
  );
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
});
