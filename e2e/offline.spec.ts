import { expect, test } from './support/fixtures';
import { startTask } from './support/tasklist-api';

test('losing the network shows the banner, and the app recovers when it returns', async ({
  page,
  context,
  inbox,
  loginAs,
}) => {
  await startTask('invoice-approval');
  await loginAs('demo');
  await expect(inbox.list).toBeVisible();
  await context.setOffline(true);
  await expect(inbox.offlineBanner).toBeVisible();
  // The inbox keeps what it showed; nothing goes blank while offline.
  await expect(inbox.list).toBeVisible();
  await context.setOffline(false);
  await expect(inbox.offlineBanner).toBeHidden({ timeout: 15_000 });
  await inbox.filterBy('Assigned to me');
  await expect(
    page.getByText(/\d+\+? tasks?$|No tasks found/).first(),
  ).toBeVisible();
});
