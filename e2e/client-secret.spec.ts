import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { E2E_PORTS } from '../playwright.config';
import { expect, test } from './support/fixtures';
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

test('the client secret never appears in any request, response, header or script the browser sees', async ({
  page,
  inbox,
  loginAs,
}) => {
  const secret = clientSecret();
  expect(secret.length).toBeGreaterThanOrEqual(16);
  const seen: string[] = [];
  const leaks: string[] = [];
  const check = (where: string, text: string) => {
    seen.push(where);
    if (text.includes(secret)) leaks.push(where);
    if (/client_secret/i.test(text) && !where.startsWith('response body'))
      leaks.push(`${where} (client_secret)`);
  };
  page.on('request', (request) => {
    check(
      `request ${request.url()}`,
      `${request.url()}\n${JSON.stringify(request.headers())}\n${request.postData() ?? ''}`,
    );
    if (/grant_type=client_credentials/.test(request.postData() ?? ''))
      leaks.push(`client_credentials from the browser: ${request.url()}`);
  });
  page.on('response', async (response) => {
    check(
      `response headers ${response.url()}`,
      JSON.stringify(await response.allHeaders()),
    );
    if (response.status() >= 300 && response.status() < 400) return;
    const body = await response.body().catch(() => Buffer.from(''));
    check(`response body ${response.url()}`, body.toString('utf8'));
  });
  page.on('console', (message) => {
    check('console', message.text());
  });

  await loginAs('demo');
  await inbox.filterBy('Unassigned');
  await inbox.openTask('Approve invoice');
  await new TaskPage(page).assignToMe();
  await page.getByRole('button', { name: 'Unassign' }).click();
  await expect(page.getByText('Task unassigned.')).toBeVisible();
  await page.getByRole('button', { name: /^Account: / }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL(/\/signed-out/);
  await page.waitForLoadState('networkidle');

  expect(seen.some((w) => w.includes('/api/token'))).toBe(true);
  expect(seen.some((w) => w.endsWith('.js'))).toBe(true);
  expect(leaks).toEqual([]);
  const storage = await page.evaluate(() =>
    JSON.stringify({ ...sessionStorage, ...localStorage }),
  );
  expect(storage).not.toContain(secret);
});
