import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import {
  completedTask,
  startTask,
  taskWithoutForm,
} from './support/tasklist-api';

test('Tasklist answering 401 once costs exactly one token refresh and one retry', async ({
  page,
  inbox,
  loginAs,
}) => {
  const done = await completedTask();
  await startTask('invoice-approval');
  await loginAs('demo');
  await expect(inbox.list).toBeVisible();
  const tokenCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/token')) tokenCalls.push(request.url());
  });
  let rejected = 0;
  await page.route('**/graphql', async (route) => {
    if (rejected === 0) {
      rejected += 1;
      await route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: '{"message":""}',
      });
      return;
    }
    await route.continue();
  });
  await inbox.filterBy('Completed');
  await expect(inbox.card(done)).toBeVisible();
  expect(rejected).toBe(1);
  expect(tokenCalls).toHaveLength(1);
});

test('browser storage holds no Tasklist token after sign-in', async ({
  page,
  inbox,
  loginAs,
}) => {
  await startTask('invoice-approval');
  const tokens: string[] = [];
  page.on('response', async (response) => {
    if (response.url().endsWith('/api/token') && response.ok()) {
      const body = (await response.json()) as { access_token: string };
      tokens.push(body.access_token);
    }
  });
  await loginAs('demo');
  await expect(inbox.list).toBeVisible();
  await expect.poll(() => tokens.length).toBeGreaterThan(0);
  const storage = await page.evaluate(() => ({
    session: Object.entries(sessionStorage),
    local: Object.entries(localStorage),
    cookie: document.cookie,
  }));
  const everything = JSON.stringify(storage);
  for (const token of tokens) expect(everything).not.toContain(token);
  expect(storage.local.filter(([key]) => key.startsWith('oidc.'))).toEqual([]);
  expect(storage.session.some(([key]) => key.startsWith('oidc.user:'))).toBe(
    true,
  );
});

test('typed input survives an expired session and a new sign-in', async ({
  page,
  inbox,
  task,
  loginAs,
}) => {
  const plain = await taskWithoutForm();
  await loginAs('demo');
  await inbox.filterBy('Unassigned');
  await inbox.openTask(plain);
  await task.assignToMe();
  await task.addVariable('note', '"checked the hotel bill"');
  const here = new URL(page.url());
  // The session ends (the stored user is gone); the draft stays in this tab.
  await page.evaluate(() => {
    for (const key of Object.keys(sessionStorage)) {
      if (key.startsWith('oidc.user:')) sessionStorage.removeItem(key);
    }
  });
  // …and the identity provider's session too, so the user really signs in again.
  await page.context().clearCookies();
  await page.reload();
  await page.getByLabel('Username').fill('demo');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === here.pathname);
  await expect(
    page.getByRole('textbox', { name: 'Name of new variable 1' }),
  ).toHaveValue('note');
  await expect(
    page.getByRole('textbox', { name: 'Value of new variable 1' }),
  ).toHaveValue('"checked the hotel bill"');
});

test('on a 360 px screen the list and the task take turns, with back navigation', async ({
  page,
  inbox,
  loginAs,
}) => {
  const approve = await startTask('invoice-approval');
  await page.setViewportSize({ width: 360, height: 740 });
  await loginAs('demo');
  await expect(inbox.list).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Pick a task to work on' }),
  ).toBeHidden();
  await inbox.openTask(approve);
  await expect(inbox.list).toBeHidden();
  await page.getByRole('link', { name: '← Back to tasks' }).click();
  await expect(inbox.list).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth > window.innerWidth,
  );
  expect(overflow).toBe(false);
});

test('no request after the sign-in callback carries the code in its Referer, and the URL is clean', async ({
  page,
  inbox,
  loginAs,
}) => {
  await startTask('invoice-approval');
  const referers: string[] = [];
  page.on('request', (request) => {
    const referer = request.headers().referer;
    if (referer) referers.push(referer);
  });
  await loginAs('demo', '/tasks?filter=unassigned');
  await expect(inbox.list).toBeVisible();
  expect(referers.filter((referer) => /[?&]code=/.test(referer))).toEqual([]);
  expect(page.url()).not.toMatch(/[?&](code|state)=/);
});

test('reloading a page keeps the user signed in where they were', async ({
  page,
  inbox,
  loginAs,
}) => {
  await startTask('invoice-approval');
  await loginAs('demo', '/tasks?filter=unassigned');
  await expect(inbox.list).toBeVisible();
  await page.reload();
  await expect(inbox.list).toBeVisible();
  expect(new URL(page.url()).search).toBe('?filter=unassigned');
});

/** The stored OIDC user of this tab, as oidc-client-ts keeps it. */
function storedUser(page: Page) {
  return page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((k) =>
      k.startsWith('oidc.user:'),
    );
    const user = JSON.parse(sessionStorage.getItem(key ?? '') ?? 'null') as {
      access_token: string;
      expires_at: number;
    } | null;
    return { key, user };
  });
}

test('a signed-in reload shows the inbox without the sign-in library; an expired token is renewed through it', async ({
  page,
  inbox,
  loginAs,
}) => {
  await startTask('invoice-approval');
  await loginAs('demo');
  await expect(inbox.list).toBeVisible();
  const library: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/assets/oidc-user-manager-'))
      library.push(request.url());
  });
  // ADR 026: the stored user is enough to show the inbox.
  await page.reload();
  await expect(inbox.list).toBeVisible();
  expect(library).toEqual([]);

  // The access token has expired: the next load renews it with the refresh
  // token, through the library, before the inbox shows.
  const before = await storedUser(page);
  await page.evaluate(({ key, user }) => {
    sessionStorage.setItem(
      key ?? '',
      JSON.stringify({
        ...user,
        expires_at: Math.floor(Date.now() / 1000) - 5,
      }),
    );
  }, before);
  const refreshed = page.waitForRequest(
    (request) =>
      request.method() === 'POST' &&
      (request.postData() ?? '').includes('grant_type=refresh_token'),
  );
  await page.reload();
  await refreshed;
  await expect(inbox.list).toBeVisible();
  expect(library).toHaveLength(1);
  const after = await storedUser(page);
  expect(after.user?.access_token).not.toBe(before.user?.access_token);
  expect(after.user?.expires_at).toBeGreaterThan(Date.now() / 1000);
});

test('a callback with a code this tab never asked for shows an error once and settles', async ({
  page,
}) => {
  let navigations = 0;
  page.on('framenavigated', () => {
    navigations += 1;
  });
  await page.goto('/auth/callback?code=forged&state=unknown');
  await expect(
    page.getByRole('heading', { name: 'Sign-in did not work' }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toBeVisible();
  // The address bar is cleaned once; nothing keeps re-running the callback
  // (the bug this guards against navigated thousands of times a second).
  await expect(page).toHaveURL(/\/auth\/callback$/);
  await expect(page.getByRole('alert')).toBeVisible();
  expect(navigations).toBeLessThan(5);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
});
