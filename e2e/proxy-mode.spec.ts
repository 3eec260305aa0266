import { readFileSync } from 'node:fs';
import { decodeJwt } from 'jose';
import type { Page } from '@playwright/test';
import { E2E_PORTS } from '../playwright.config';
import { expect, test } from './support/fixtures';
import { signIn, type RuntimeConfig } from './support/oidc-sign-in';
import { completedTask, startTask } from './support/tasklist-api';

/**
 * Proxy mode on the stack as `npm start` runs it: the browser's token is the
 * BFF's own and worthless at Tasklist, the SPA sends only document hashes to
 * its own origin, and the browser never reaches Tasklist or sees a machine
 * token (G50).
 */

const TASKLIST_ORIGIN = `http://127.0.0.1:${String(E2E_PORTS.tasklist)}`;

interface ManifestEntry {
  name: string;
  sha256: string;
  text: string;
}

const operations = (
  JSON.parse(
    readFileSync('src/app/graphql/__generated__/operations.json', 'utf8'),
  ) as { operations: ManifestEntry[] }
).operations;
const inbox = operations.find((op) => op.name === 'TaskInboxRouteQuery');

/** Every JWT in a text, decoded; anything that is not a JWT is skipped. */
function jwtsIn(text: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  for (const match of text.matchAll(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*/g)) {
    try {
      found.push(decodeJwt(match[0]));
    } catch {
      // Not a JWT after all.
    }
  }
  return found;
}

/** Records what the page sends and receives, bodies included. */
function recordTraffic(page: Page) {
  const texts: { where: string; text: string }[] = [];
  const urls: string[] = [];
  const graphqlBodies: Record<string, unknown>[] = [];
  const pending: Promise<unknown>[] = [];
  page.on('request', (request) => {
    urls.push(request.url());
    const body = request.postData() ?? '';
    texts.push({
      where: `request ${request.url()}`,
      text: `${JSON.stringify(request.headers())}\n${body}`,
    });
    if (new URL(request.url()).pathname === '/graphql' && body) {
      graphqlBodies.push(JSON.parse(body) as Record<string, unknown>);
    }
  });
  page.on('response', (response) => {
    pending.push(
      response.body().then(
        (body) => {
          texts.push({
            where: `response ${response.url()}`,
            text: body.toString('utf8'),
          });
        },
        () => undefined,
      ),
    );
  });
  return { texts, urls, graphqlBodies, settled: () => Promise.all(pending) };
}

test('the BFF token opens the BFF’s /graphql by hash and nothing at Tasklist', async ({
  request,
  baseURL,
}) => {
  // An open task of its own, so the inbox query has something to return.
  await startTask('invoice-approval');
  const appOrigin = new URL(baseURL ?? '').origin;
  const config = (await (
    await request.get('/api/config')
  ).json()) as RuntimeConfig;
  expect(config.mode).toBe('proxy');
  expect(config.tasklistGraphqlUrl).toBe('/graphql');
  const headers = {
    origin: appOrigin,
    'x-requested-with': 'tasklist-inbox',
  };
  const exchange = await request.post('/api/token', {
    headers: {
      ...headers,
      authorization: `Bearer ${await signIn(request, config, appOrigin, 'demo')}`,
    },
  });
  expect(exchange.status()).toBe(200);
  const { access_token: token } = (await exchange.json()) as {
    access_token: string;
  };
  expect(decodeJwt(token)).toMatchObject({
    iss: 'urn:tasklist-inbox:bff',
    aud: 'urn:tasklist-inbox:bff/graphql',
    preferred_username: 'demo',
  });

  const atTasklist = await request.post(`${TASKLIST_ORIGIN}/graphql`, {
    headers: { authorization: `Bearer ${token}` },
    data: { query: '{ tasks(query: {}) { id } }' },
  });
  expect(atTasklist.status()).toBe(401);

  const byHash = await request.post('/graphql', {
    headers: { ...headers, authorization: `Bearer ${token}` },
    data: {
      operationName: 'TaskInboxRouteQuery',
      variables: { query: { pageSize: 5, state: 'CREATED' } },
      extensions: {
        persistedQuery: { version: 1, sha256Hash: inbox?.sha256 },
      },
    },
  });
  expect(byHash.status()).toBe(200);
  const answer = (await byHash.json()) as { data: { tasks: unknown[] } };
  expect(answer.data.tasks.length).toBeGreaterThan(0);

  const asText = await request.post('/graphql', {
    headers: { ...headers, authorization: `Bearer ${token}` },
    data: { query: inbox?.text, variables: { query: {} } },
  });
  expect(asText.status()).toBe(403);
  expect(await asText.json()).toMatchObject({ code: 'untrusted_document' });
});

test('the browser never contacts Tasklist and never sees a machine token (G50)', async ({
  page,
  loginAs,
  inbox: inboxPage,
  task,
}) => {
  const approve = await startTask('invoice-approval');
  const done = await completedTask();
  const traffic = recordTraffic(page);
  await loginAs('demo');
  // Reads and both assignment mutations, leaving the task as it was found.
  await inboxPage.filterBy('Unassigned');
  await inboxPage.openTask(approve);
  await expect(task.details).toBeVisible();
  await task.assignToMe();
  await task.unassignButton.click();
  await expect(page.getByText('Task unassigned.')).toBeVisible();
  await expect(task.assignButton).toBeVisible();
  await inboxPage.filterBy('Completed');
  await inboxPage.scrollTo(inboxPage.card(done));
  await expect(inboxPage.card(done)).toBeVisible();
  await traffic.settled();

  const csp = await page.evaluate(async () => {
    const response = await fetch('/tasks');
    return response.headers.get('content-security-policy') ?? '';
  });
  expect(csp).toMatch(/connect-src [^;]+/);
  expect(csp).not.toContain(TASKLIST_ORIGIN);

  expect(traffic.urls.filter((url) => url.startsWith(TASKLIST_ORIGIN))).toEqual(
    [],
  );
  // The invoice's variables are short, so its form is filled from the
  // previews that come with the task: no TaskFormVariablesQuery.
  expect(
    new Set(traffic.graphqlBodies.map((body) => body.operationName)),
  ).toEqual(
    new Set([
      'TaskInboxRouteQuery',
      'TaskDetailsRouteQuery',
      'TaskFormQuery',
      'ClaimTaskMutation',
      'UnclaimTaskMutation',
    ]),
  );
  for (const body of traffic.graphqlBodies) {
    expect(body).not.toHaveProperty('query');
    expect(body).toHaveProperty('extensions.persistedQuery.sha256Hash');
  }

  const storage = await page.evaluate(() => {
    const entries: string[] = [];
    for (const store of [localStorage, sessionStorage]) {
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i) ?? '';
        entries.push(`${key}=${store.getItem(key) ?? ''}`);
      }
    }
    return entries.join('\n');
  });
  const seen = [
    ...traffic.texts.flatMap(({ text }) => jwtsIn(text)),
    ...jwtsIn(storage),
  ];
  // The machine token is the one meant for Tasklist (audience tasklist-api).
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.filter((claims) => claims.aud === 'tasklist-api')).toEqual([]);
  expect(seen.some((claims) => claims.iss === 'urn:tasklist-inbox:bff')).toBe(
    true,
  );
});
