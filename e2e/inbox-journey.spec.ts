import { expect, test } from './support/fixtures';

test('demo assigns an unassigned task, fills its form, completes it and finds it under Completed', async ({
  page,
  inbox,
  task,
  loginAs,
}) => {
  await loginAs('demo');
  await inbox.filterBy('Unassigned');
  const taskId = await inbox.openTask('Approve invoice');
  await expect(page.getByLabel('Supplier')).toHaveAttribute('readonly', '');
  await task.assignToMe();

  const supplier = page.getByLabel('Supplier');
  await expect(supplier).toBeEditable();
  await supplier.fill('Acme Office Supplies');
  await page.getByRole('radio', { name: 'Approve' }).check();
  await task.complete();

  await inbox.filterBy('Completed');
  await page.goto(`/tasks/${encodeURIComponent(taskId)}?filter=completed`);
  await expect(inbox.heading).toHaveText('Approve invoice');
  await expect(
    task.variables.getByRole('row', { name: /decision/ }),
  ).toContainText('"approve"');
  await expect(
    task.variables.getByRole('row', { name: /supplier/ }),
  ).toContainText('"Acme Office Supplies"');
  await expect(
    inbox.list.getByRole('link', { name: /^Approve invoice,/ }).first(),
  ).toBeVisible();
});

test('a task without a form is completed with the variables editor', async ({
  page,
  inbox,
  task,
  loginAs,
}) => {
  await loginAs('demo');
  await inbox.filterBy('Unassigned');
  const taskId = await inbox.openTask('Check receipts');
  await task.assignToMe();
  await task.addVariable('receiptsOk', 'maybe');
  await task.completeButton.click();
  await expect(page.getByText(/This is not valid JSON/)).toBeVisible();
  await page
    .getByRole('textbox', { name: 'Value of new variable 1' })
    .fill('true');
  await task.complete();

  await page.goto(`/tasks/${encodeURIComponent(taskId)}?filter=completed`);
  await expect(
    task.variables.getByRole('row', { name: /receiptsOk/ }),
  ).toContainText('true');
});

test('a deep link survives sign-in', async ({ page, loginAs }) => {
  await loginAs('demo', '/tasks?filter=unassigned&sort=due');
  expect(new URL(page.url()).search).toBe('?filter=unassigned&sort=due');
  await expect(
    page.getByRole('link', { name: 'Unassigned', exact: true }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(page.getByLabel('Sort by')).toHaveValue('due');
});

test('a deep link to a task survives sign-in', async ({
  page,
  inbox,
  loginAs,
}) => {
  await loginAs('demo');
  await inbox.filterBy('Unassigned');
  const taskId = await inbox.openTask('Verify customer identity');
  const target = `/tasks/${encodeURIComponent(taskId)}?filter=unassigned`;
  await page.context().clearCookies();
  await page.evaluate(() => {
    sessionStorage.clear();
  });
  await loginAs('demo', target);
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(
    target,
  );
  await expect(inbox.heading).toHaveText('Verify customer identity');
});
