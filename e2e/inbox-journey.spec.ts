import { expect, test } from './support/fixtures';
import { startTask, taskWithoutForm } from './support/tasklist-api';

test('demo assigns an unassigned task, fills its form, completes it and finds it under Completed', async ({
  page,
  inbox,
  task,
  loginAs,
}) => {
  const review = await startTask('vacation-request');
  await loginAs('demo');
  await inbox.filterBy('Unassigned');
  await inbox.openTask(review);
  const decline = page.getByRole('radio', { name: 'Decline' });
  await expect(decline).not.toBeEditable();
  await task.assignToMe();

  await expect(decline).toBeEditable();
  await decline.check();
  // The form asks for a reason only once the request is declined.
  const reason = page.getByLabel('Reason');
  await expect(reason).toBeVisible();
  await reason.fill('Overlaps with the quarterly close.');
  await task.complete();

  await inbox.filterBy('Completed');
  await expect(inbox.card(review)).toBeVisible();
  await page.goto(`/tasks/${encodeURIComponent(review.id)}?filter=completed`);
  await expect(inbox.heading).toHaveText(review.name);
  await expect(
    task.variables.getByRole('row', { name: /vacationApproved/ }),
  ).toContainText('"no"');
  await expect(
    task.variables.getByRole('row', { name: /declineReason/ }),
  ).toContainText('"Overlaps with the quarterly close."');
});

test('a task without a form is completed with the variables editor', async ({
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
  await task.addVariable('receiptsOk', 'maybe');
  await task.completeButton.click();
  await expect(page.getByText(/This is not valid JSON/)).toBeVisible();
  await page
    .getByRole('textbox', { name: 'Value of new variable 1' })
    .fill('true');
  await task.complete();

  await page.goto(`/tasks/${encodeURIComponent(plain.id)}?filter=completed`);
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
  const verify = await startTask('customer-onboarding');
  const target = `/tasks/${encodeURIComponent(verify.id)}?filter=unassigned`;
  await loginAs('demo', target);
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(
    target,
  );
  await expect(inbox.heading).toHaveText(verify.name);
});
