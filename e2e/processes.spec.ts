import type { APIRequestContext } from '@playwright/test';
import { InboxPage } from './support/inbox-page';
import { expect, loginAs, test } from './support/fixtures';
import { ProcessesPage } from './support/processes-page';
import { TaskPage } from './support/task-page';
import { TasklistApi, type ApiTask } from './support/tasklist-api';

/**
 * The one open task of an instance other than `except`, once it exists;
 * fails when the instance has moved on to more than one.
 */
async function nextOpenTask(
  api: TasklistApi,
  instanceId: string,
  except: string,
): Promise<ApiTask> {
  let open: ApiTask[] = [];
  await expect
    .poll(async () => {
      open = (await api.tasksOf(instanceId)).filter(
        (t) => t.taskState === 'CREATED' && t.id !== except,
      );
      return open.length;
    })
    .toBeGreaterThan(0);
  expect(open.map((t) => t.name)).toHaveLength(1);
  const [next] = open;
  if (!next) throw new Error(`no open task in ${instanceId}`);
  return next;
}

function tasklistAsDemo(
  request: APIRequestContext,
  baseURL: string | undefined,
) {
  return TasklistApi.as(request, baseURL, 'demo');
}

test('demo starts a vacation request from /processes, its first task opens, and after approval the follow-up waits in the hr inbox for carol', async ({
  page,
  inbox,
  task,
  browser,
  request,
  baseURL,
}) => {
  const api = await tasklistAsDemo(request, baseURL);
  const processes = new ProcessesPage(page);
  await loginAs(page, 'demo', '/processes');
  await expect(processes.heading).toBeVisible();
  await expect(
    page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Processes' }),
  ).toHaveAttribute('aria-current', 'page');
  await processes.searchFor('vacation');
  await expect(processes.list.getByRole('listitem')).toHaveCount(1);
  await expect(processes.item('Vacation request')).toContainText('Version');

  const instanceId = await processes.start('Vacation request');
  // The review goes to the management group, which demo is in: it opens.
  await expect(inbox.heading).toHaveText('Review vacation request');
  const reviewId = inbox.taskIdFromUrl();
  const [first] = (await api.tasksOf(instanceId)).filter(
    (t) => t.taskState === 'CREATED',
  );
  expect(first?.id).toBe(reviewId);

  await task.assignToMe();
  await page.getByRole('radio', { name: 'Approve' }).check();
  await task.complete();

  // An approved request is recorded by HR: one new task, for the hr group.
  const record = await nextOpenTask(api, instanceId, reviewId);
  expect(record).toMatchObject({
    name: 'Record vacation in the HR system',
    assignee: null,
    candidateGroups: ['hr'],
  });

  const carol = await browser.newContext();
  try {
    const carolPage = await carol.newPage();
    const carolInbox = new InboxPage(carolPage);
    await loginAs(carolPage, 'carol', '/tasks?filter=my-groups');
    await expect(
      carolInbox.filters.getByRole('link', { name: 'My groups' }),
    ).toHaveAttribute('aria-current', 'page');
    await carolInbox.openTask(record);
    await expect(
      carolPage.getByRole('complementary', { name: 'Task details' }),
    ).toContainText('hr');
  } finally {
    await carol.close();
  }
});

test('a process whose first task is for another group says so and leads back', async ({
  page,
}, testInfo) => {
  // bob is in sales; a vacation request's review is for management or carol.
  const processes = new ProcessesPage(page);
  await loginAs(page, 'bob', '/processes?q=vacation');
  await processes.start('Vacation request');
  const status = processes.item('Vacation request').getByRole('status');
  // Proxy mode's visibility hides another group's task from bob, so the app
  // cannot name it: once the wait for a task of his is over it says so.
  const expected: Record<string, string[]> = {
    proxy: ['Vacation request started, but no task for you appeared.'],
    'rest-v2': ['Vacation request started, but no task for you appeared.'],
    direct: [
      'Vacation request started, but its first task is not for you.',
      '“Review vacation request” is for carol or the management group.',
    ],
  };
  for (const text of expected[testInfo.project.name] ?? ['(unknown project)']) {
    await expect(status).toContainText(text, { timeout: 20_000 });
  }
  await expect(page).toHaveURL(/\/processes\?q=vacation$/);
  await page.getByRole('button', { name: 'Back to processes' }).click();
  await expect(status).toBeEmpty();
  await expect(processes.startButton('Vacation request')).toBeEnabled();
});

test('the header navigation works on a 360 px wide screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await loginAs(page, 'demo', '/tasks');
  const nav = page.getByRole('navigation', { name: 'Main' });
  const processesLink = nav.getByRole('link', { name: 'Processes' });
  await expect(nav.getByRole('link', { name: 'Tasks' })).toBeInViewport();
  await expect(processesLink).toBeInViewport();
  await processesLink.click();
  await expect(new ProcessesPage(page).heading).toBeVisible();
  await expect(processesLink).toHaveAttribute('aria-current', 'page');
  // Nothing sticks out sideways, so nothing needs horizontal scrolling.
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth <= window.innerWidth,
    ),
  ).toBe(true);
  await nav.getByRole('link', { name: 'Tasks' }).click();
  await expect(page.getByRole('list', { name: 'Tasks' })).toBeVisible();
});

test('a Modeler diagram dropped into PROCESSES_DIR is startable, and its embedded form drives its gateway', async ({
  page,
  inbox,
  task,
  browser,
  request,
  baseURL,
}, testInfo) => {
  // e2e/fixtures/processes/order-check.bpmn, loaded at start (see the config).
  const api = await tasklistAsDemo(request, baseURL);
  const processes = new ProcessesPage(page);
  await loginAs(page, 'demo', '/processes');
  await processes.searchFor('e2e-order');
  await expect(processes.list.getByRole('listitem')).toHaveCount(1);
  await expect(processes.item('Order check')).toContainText('Version 1');

  const instanceId = await processes.start('Order check');
  await expect(inbox.heading).toHaveText('Check the order');
  const checkId = inbox.taskIdFromUrl();
  // The form built into the diagram (zeebe:userTaskForm) is the one shown.
  await expect(
    page.getByRole('heading', { name: 'Is everything in the order?' }),
  ).toBeVisible();
  await task.assignToMe();
  const orderNumber = page.getByLabel('Order number');
  await orderNumber.fill('42');
  await task.completeButton.click();
  // The diagram's own validation stops a wrong number; nothing is sent.
  await expect(orderNumber).toHaveAttribute('aria-invalid', 'true');
  expect((await api.tasksOf(instanceId))[0]?.taskState).toBe('CREATED');
  await orderNumber.fill('ORD-0042');
  await page.getByRole('checkbox', { name: 'Everything is in stock' }).check();
  await task.complete();

  // In stock, so the `=inStock = true` flow wins over the default one.
  const ship = await nextOpenTask(api, instanceId, checkId);
  expect(ship).toMatchObject({
    name: 'Ship the order',
    candidateGroups: ['sales'],
  });
  await page.goto(`/tasks/${encodeURIComponent(ship.id)}`);
  // demo is not in sales: proxy mode's visibility hides the task from him.
  const demoSees: Record<string, string> = {
    proxy: 'Task not found',
    'rest-v2': 'Task not found',
    direct: 'Ship the order',
  };
  await expect(inbox.heading).toHaveText(
    demoSees[testInfo.project.name] ?? '(unknown project)',
  );
  // bob is in sales, the task's audience, in either mode.
  const bob = await browser.newContext();
  try {
    const bobPage = await bob.newPage();
    await loginAs(bobPage, 'bob', `/tasks/${encodeURIComponent(ship.id)}`);
    await expect(new InboxPage(bobPage).heading).toHaveText('Ship the order');
    const bobTask = new TaskPage(bobPage);
    await expect(
      bobTask.variables.getByRole('row', { name: /orderNumber/ }),
    ).toContainText('"ORD-0042"');
    await expect(
      bobTask.variables.getByRole('row', { name: /inStock/ }),
    ).toContainText('true');
  } finally {
    await bob.close();
  }
});
