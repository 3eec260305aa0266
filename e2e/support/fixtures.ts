import { test as base, expect, type Page } from '@playwright/test';
import { InboxPage } from './inbox-page';
import { TaskPage } from './task-page';

export type DemoUser = 'demo' | 'alice' | 'bob' | 'carol';

/**
 * Signs in through the embedded identity provider's page (its password is
 * the user name), starting from `path`, and waits for the app to show it.
 */
export async function loginAs(
  page: Page,
  user: DemoUser,
  path = '/tasks',
): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(user);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) =>
    url.pathname.startsWith(path.split('?')[0] ?? '/tasks'),
  );
  await expect(page.getByRole('button', { name: /^Account: / })).toBeVisible();
}

interface Fixtures {
  inbox: InboxPage;
  task: TaskPage;
  loginAs: (user: DemoUser, path?: string) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  inbox: async ({ page }, use) => {
    await use(new InboxPage(page));
  },
  task: async ({ page }, use) => {
    await use(new TaskPage(page));
  },
  loginAs: async ({ page }, use) => {
    await use((user, path) => loginAs(page, user, path));
  },
});

export { expect };
