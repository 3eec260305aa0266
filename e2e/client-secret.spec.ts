import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { E2E_PORTS } from '../playwright.config';
import { expect, test } from './support/fixtures';
import type { Page } from '@playwright/test';
import { TaskPage } from './support/task-page';

/** The BFF's OAuth client secret, as the launcher gave it to the stack. */
function clientSecret(): string {
  if (process.env.OAUTH_CLIENT_SECRET) return process.env.OAUTH_CLIENT_SECRET;
  const file = path.resolve(
    `.data/e2e-${String(E2E_PORTS.app)}/oauth-client-secret`,
  );
  if (!existsSync(file)) throw new Error(`No client secret at ${file}`);
  return readFileSync(file, 'utf8').trim();
}

interface Entry {
  where: string;
  text: string;
}

/** Records every request, response (headers and body) and console line. */
function recordTraffic(page: Page) {
  const entries: Entry[] = [];
  const pending: Promise<unknown>[] = [];
  page.on('request', (request) => {
    const text = `${request.url()}\n${JSON.stringify(request.headers())}\n${request.postData() ?? ''}`;
    entries.push({ where: `request ${request.url()}`, text });
  });
  page.on('response', (response) => {
    pending.push(
      (async () => {
        entries.push({
          where: `response headers ${response.url()}`,
          text: JSON.stringify(await response.allHeaders()),
        });
        const body = await response.body().catch(() => Buffer.from(''));
        entries.push({
          where: `response body ${response.url()}`,
          text: body.toString('utf8'),
        });
      })(),
    );
  });
  page.on('console', (message) => {
    entries.push({ where: 'console', text: message.text() });
  });
  return { entries, settled: () => Promise.all(pending) };
}

test('the client secret never appears in any request, response, header or script the browser sees', async ({
  page,
  inbox,
  loginAs,
}) => {
  const secret = clientSecret();
  expect(secret.length).toBeGreaterThanOrEqual(16);
  const traffic = recordTraffic(page);

  await loginAs('demo');
  await inbox.filterBy('Unassigned');
  await inbox.openTask('Approve invoice');
  await new TaskPage(page).assignToMe();
  await page.getByRole('button', { name: 'Unassign' }).click();
  await expect(page.getByText('Task unassigned.')).toBeVisible();
  await page.getByRole('button', { name: /^Account: / }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL(/\/signed-out/);
  await expect(
    page.getByRole('heading', { name: 'You are signed out' }),
  ).toBeVisible();

  await traffic.settled();
  const seen = traffic.entries.map((e) => e.where);
  expect(seen.some((w) => w.includes('/api/token'))).toBe(true);
  expect(seen.some((w) => w.endsWith('.js'))).toBe(true);
  const leaks = traffic.entries.filter((e) => e.text.includes(secret));
  expect(leaks.map((e) => e.where)).toEqual([]);
  // The browser never asks for client credentials itself, nor sends a client secret.
  const sent = traffic.entries.filter((e) => e.where.startsWith('request'));
  const credentialRequests = sent.filter((e) =>
    /grant_type=client_credentials|client_secret/i.test(e.text),
  );
  expect(credentialRequests).toEqual([]);
  const storage = await page.evaluate(() =>
    JSON.stringify([
      Object.entries(sessionStorage),
      Object.entries(localStorage),
    ]),
  );
  expect(storage).not.toContain(secret);
});
