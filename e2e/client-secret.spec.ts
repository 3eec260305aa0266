import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { TaskPage } from './support/task-page';
import { bffClientSecret, startTask } from './support/tasklist-api';

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
  const secret = bffClientSecret();
  expect(secret.length).toBeGreaterThanOrEqual(16);
  const traffic = recordTraffic(page);

  const approve = await startTask('invoice-approval');
  await loginAs('demo');
  await inbox.filterBy('Unassigned');
  await inbox.openTask(approve);
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
