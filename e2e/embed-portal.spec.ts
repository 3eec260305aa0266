import { createServer, type Server } from 'node:http';
import {
  expect,
  test,
  type BrowserContext,
  type FrameLocator,
  type Page,
} from '@playwright/test';
import { E2E_PORTAL_PORT } from '../playwright.config';
import { startTask, taskWithoutForm } from './support/tasklist-api';

/**
 * Issue 13: the inbox in an intranet portal. The portal is another site
 * (`localhost`) than the app (`127.0.0.1`), so storage and cookies behave
 * as in a real cross-site frame. The allowed portal's port comes from
 * E2E_PORTAL_PORT (FRAME_ANCESTORS names it); a second, not allowed one
 * from E2E_FOREIGN_PORTAL_PORT.
 */
const FOREIGN_PORT = Number(
  process.env.E2E_FOREIGN_PORTAL_PORT ?? E2E_PORTAL_PORT - 1,
);

interface HostEvent {
  source: string;
  type: string;
  taskId?: string;
  height?: number;
}

/** The README's portal snippet, plus a frame on a foreign origin. */
function portalPage(app: string, foreign: string): string {
  return `<!doctype html><title>Portal</title>
<iframe id="inbox" title="Tasks" src="${app}/tasks?embed=true"
  style="width: 360px; height: 600px; border: 0"></iframe>
<iframe id="other" title="Other" src="${foreign}/widget"></iframe>
<script>
  const inbox = document.getElementById('inbox');
  const APP = '${app}';
  window.events = [];
  window.addEventListener('message', (event) => {
    if (event.origin !== APP || event.source !== inbox.contentWindow) return;
    if (event.data?.source !== 'tasklist-inbox') return;
    window.events.push(event.data);
    if (event.data.type === 'resize') inbox.style.height = event.data.height + 'px';
  });
  window.sendToInbox = (command) =>
    inbox.contentWindow.postMessage({ source: 'tasklist-inbox-host', ...command }, APP);
</script>`;
}

async function listen(port: string | number, page: (path: string) => string) {
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(page(req.url ?? '/'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(port), '127.0.0.1', resolve);
  });
  return server;
}

let portal: Server;
let foreign: Server;
let app: string;
const PORTAL = `http://localhost:${String(E2E_PORTAL_PORT)}`;
const FOREIGN = `http://localhost:${String(FOREIGN_PORT)}`;

test.beforeAll(async ({ baseURL }) => {
  app = baseURL ?? '';
  portal = await listen(E2E_PORTAL_PORT, () => portalPage(app, FOREIGN));
  // The foreign site: a widget page (framed by the portal) and a portal page
  // of its own, which FRAME_ANCESTORS does not name.
  foreign = await listen(FOREIGN_PORT, (path) =>
    path.startsWith('/widget')
      ? '<!doctype html><title>Widget</title><p>Weather</p>'
      : portalPage(app, FOREIGN),
  );
});

test.afterAll(() => {
  portal.close();
  foreign.close();
});

const events = (page: Page) =>
  page.evaluate(() => (window as unknown as { events: HostEvent[] }).events);

/** A portal command: its fields are strings, or a custom filter's conditions. */
type PortalCommand = Record<string, string | Record<string, string>>;

const sendToInbox = (page: Page, command: PortalCommand) =>
  page.evaluate((c) => {
    (
      window as unknown as { sendToInbox: (c: PortalCommand) => void }
    ).sendToInbox(c);
  }, command);

/** Presses "Sign in" in the frame and signs in as demo in the popup. */
async function signInThroughPopup(page: Page, inbox: FrameLocator) {
  const popupOpened = page.waitForEvent('popup');
  await inbox.getByRole('button', { name: 'Sign in' }).click();
  const popup = await popupOpened;
  await popup.getByLabel('Username').fill('demo');
  await popup.getByLabel('Password').fill('demo');
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await closed;
  await expect(
    inbox.getByRole('navigation', { name: 'Task filters' }),
  ).toBeVisible();
}

test('an allowed portal: popup sign-in, events and commands through a whole task', async ({
  page,
}) => {
  // A task of its own (open, unassigned, without a form, so "Complete task"
  // needs no input), opened by id through the portal's command.
  const task = await taskWithoutForm();
  const taskId = task.id;
  await page.goto(PORTAL);
  const inbox = page.frameLocator('#inbox');
  await expect(inbox.getByRole('heading', { level: 1 })).toHaveText(
    'Sign in to see your tasks',
  );
  await expect
    .poll(async () => (await events(page)).map((e) => e.type))
    .toContain('ready');

  await signInThroughPopup(page, inbox);
  // Embed mode: no header, no account menu.
  await expect(inbox.getByRole('banner')).toHaveCount(0);
  await expect(inbox.getByRole('button', { name: /^Account: / })).toHaveCount(
    0,
  );
  await expect
    .poll(async () => (await events(page)).map((e) => e.type))
    .toContain('signed-in');

  await sendToInbox(page, { type: 'set-filter', filter: 'unassigned' });
  await expect(
    inbox.getByRole('link', { name: 'Unassigned', exact: true }),
  ).toHaveAttribute('aria-current', 'page');
  // The list shows the unassigned tasks (ours among them, maybe further down).
  await expect(
    inbox.getByRole('list', { name: 'Tasks' }).getByRole('link').first(),
  ).toBeVisible();

  // A command from another origin (a frame beside ours) is ignored...
  const widget = page.frame({ url: /\/widget$/ });
  await widget?.evaluate((id) => {
    window.parent.frames[0]?.postMessage(
      { source: 'tasklist-inbox-host', type: 'open-task', taskId: id },
      '*',
    );
  }, taskId);
  // The portal's next command is carried out, the foreign one never was.
  await sendToInbox(page, { type: 'set-filter', filter: 'completed' });
  await expect(
    inbox.getByRole('link', { name: 'Completed', exact: true }),
  ).toHaveAttribute('aria-current', 'page');
  expect((await events(page)).filter((e) => e.type === 'task-opened')).toEqual(
    [],
  );

  // A queue refined by a custom filter and a sort, named as the inbox's own
  // links name them; one the inbox would not accept in a link is ignored.
  await sendToInbox(page, {
    type: 'set-filter',
    filter: 'unassigned',
    sort: 'due',
    conditions: { candidateGroup: 'accounting' },
  });
  await expect(
    inbox.getByRole('button', { name: 'Remove Candidate group: accounting' }),
  ).toBeVisible();
  await expect(inbox.getByRole('combobox', { name: 'Sort by' })).toHaveValue(
    'due',
  );
  await sendToInbox(page, {
    type: 'set-filter',
    filter: 'all-open',
    conditions: { dueFrom: 'tomorrow' },
  });

  // ...the portal's own is carried out.
  await sendToInbox(page, { type: 'open-task', taskId });
  await expect(inbox.getByRole('heading', { level: 1 })).toHaveText(task.name);
  await expect
    .poll(async () =>
      (await events(page)).filter((e) => e.type === 'task-opened'),
    )
    .toEqual([{ source: 'tasklist-inbox', type: 'task-opened', taskId }]);

  // Navigation inside the app keeps embed mode (and the portal's view, the
  // refused command having changed nothing), and 360 px need no scrolling sideways.
  const frame = page.frame({ url: /\/tasks\// });
  const address = new URL(frame?.url() ?? '').searchParams;
  expect(address.get('embed')).toBe('true');
  expect(address.get('candidateGroup')).toBe('accounting');
  expect(address.has('dueFrom')).toBe(false);
  expect(
    await frame?.evaluate(
      () =>
        document.documentElement.scrollWidth <=
        document.documentElement.clientWidth,
    ),
  ).toBe(true);

  await inbox.getByRole('button', { name: 'Assign to me' }).click();
  await expect(
    inbox.getByRole('button', { name: 'Complete task' }),
  ).toBeEnabled();
  await inbox.getByRole('button', { name: 'Complete task' }).click();
  await expect
    .poll(async () =>
      (await events(page)).filter((e) => e.type === 'task-completed'),
    )
    .toEqual([{ source: 'tasklist-inbox', type: 'task-completed', taskId }]);

  const heights = (await events(page)).filter((e) => e.type === 'resize');
  expect(heights.length).toBeGreaterThan(0);
  expect(heights.every((e) => (e.height ?? 0) > 0)).toBe(true);
});

test('a portal that is not allowed cannot frame the app and hears nothing', async ({
  page,
}) => {
  const cspErrors: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('frame-ancestors'))
      cspErrors.push(message.text());
  });
  await page.goto(`${FOREIGN}/portal`);
  await expect.poll(() => cspErrors.length).toBeGreaterThan(0);
  expect(await events(page)).toEqual([]);
  await expect(
    page.frameLocator('#inbox').getByRole('button', { name: 'Sign in' }),
  ).toHaveCount(0);
});

/** Makes web storage throw in the app's documents, as a browser that blocks it. */
async function blockStorage(context: BrowserContext, origin: string) {
  await context.addInitScript((appOrigin) => {
    if (window.location.origin !== appOrigin) return;
    for (const name of ['localStorage', 'sessionStorage']) {
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException(
            `Failed to read the '${name}' property from 'Window': Access is denied for this document.`,
            'SecurityError',
          );
        },
      });
    }
  }, origin);
}

test('with storage blocked the framed app starts, signs in and works, and says what that costs', async ({
  page,
  context,
}) => {
  // Demo's own task, so the list the app opens on is not empty.
  await startTask('vacation-request', { assignee: 'demo' });
  await blockStorage(context, app);
  await page.goto(PORTAL);
  const inbox = page.frameLocator('#inbox');
  await signInThroughPopup(page, inbox);
  await expect(inbox.getByRole('note')).toContainText(
    'unsent drafts and saved filters are lost and you need to sign in again when this page reloads',
  );
  await inbox
    .getByRole('list', { name: 'Tasks' })
    .getByRole('link')
    .first()
    .click();
  await expect(
    inbox.getByRole('complementary', { name: 'Task details' }),
  ).toBeVisible();
});

/** The chunk that holds oidc-client-ts, loaded on demand (ADR 026). */
const SIGNIN_CHUNK = /\/assets\/oidc-user-manager-[\w-]+\.js$/;

test('the sign-in popup opens within the click while the sign-in code is still loading', async ({
  page,
}) => {
  // The chunk is held back until after the click: the app must open the
  // window itself, within the click, and the library then takes it over.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let requested = false;
  await page.route(SIGNIN_CHUNK, async (route) => {
    requested = true;
    await held;
    await route.continue();
  });
  await page.goto(PORTAL);
  const inbox = page.frameLocator('#inbox');
  await expect(inbox.getByRole('heading', { level: 1 })).toHaveText(
    'Sign in to see your tasks',
  );
  // Fetched ahead as soon as nobody was found signed in.
  await expect.poll(() => requested).toBe(true);
  const popupOpened = page.waitForEvent('popup');
  await inbox.getByRole('button', { name: 'Sign in' }).click();
  const popup = await popupOpened;
  release();
  await popup.getByLabel('Username').fill('demo');
  await popup.getByLabel('Password').fill('demo');
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await closed;
  await expect(
    inbox.getByRole('navigation', { name: 'Task filters' }),
  ).toBeVisible();
});

test('when the sign-in code cannot load, the frame says so and a second try works', async ({
  page,
}) => {
  await page.route(SIGNIN_CHUNK, (route) => route.abort());
  await page.goto(PORTAL);
  const inbox = page.frameLocator('#inbox');
  await inbox.getByRole('button', { name: 'Sign in' }).click();
  await expect(inbox.getByRole('alert')).toContainText(
    'part of the app did not load',
  );
  // The window opened for the click does not stay behind.
  await expect.poll(() => page.context().pages().length).toBe(1);
  await page.unroute(SIGNIN_CHUNK);
  await signInThroughPopup(page, inbox);
});
