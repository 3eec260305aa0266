import { expect, loginAs, test } from './support/fixtures';
import { InboxPage } from './support/inbox-page';
import { TaskPage } from './support/task-page';
import { startTask } from './support/tasklist-api';

test('demo and alice race to assign the same task: the loser sees the conflict', async ({
  browser,
}) => {
  const contested = await startTask('invoice-approval');
  const demoContext = await browser.newContext();
  const aliceContext = await browser.newContext();
  try {
    const demo = await demoContext.newPage();
    const alice = await aliceContext.newPage();
    await loginAs(demo, 'demo', '/tasks?filter=unassigned');
    await new InboxPage(demo).openTask(contested);
    await loginAs(
      alice,
      'alice',
      `/tasks/${encodeURIComponent(contested.id)}?filter=unassigned`,
    );
    const aliceTask = new TaskPage(alice);
    await expect(aliceTask.assignButton).toBeVisible();

    await new TaskPage(demo).assignToMe();
    await aliceTask.assignButton.click();
    await expect(
      alice
        .getByRole('alert')
        .filter({ hasText: 'Someone else assigned this task a moment ago' }),
    ).toBeVisible();
    await expect(aliceTask.details).toContainText('demo');
    await expect(aliceTask.assignButton).toBeHidden();
  } finally {
    await demoContext.close();
    await aliceContext.close();
  }
});
