import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { startTask } from './support/tasklist-api';

const LIGHT_BG = 'rgb(244, 246, 248)';
const DARK_BG = 'rgb(15, 20, 26)';

async function pageBackground(page: Page) {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

test('the theme follows the system, and the toggle overrides it and is remembered', async ({
  page,
  inbox,
  loginAs,
}) => {
  await startTask('vacation-request');
  await page.emulateMedia({ colorScheme: 'light' });
  await loginAs('demo');
  await expect(inbox.list).toBeVisible();
  expect(await pageBackground(page)).toBe(LIGHT_BG);

  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await pageBackground(page)).toBe(DARK_BG);

  // system -> light: a light page although the system is dark.
  await page.getByRole('button', { name: /^Theme: system/ }).click();
  await expect(
    page.getByRole('button', { name: /^Theme: light/ }),
  ).toBeVisible();
  expect(await pageBackground(page)).toBe(LIGHT_BG);

  // light -> dark, then a reload keeps it even on a light system.
  await page.getByRole('button', { name: /^Theme: light/ }).click();
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await pageBackground(page)).toBe(DARK_BG);
  await page.reload();
  await expect(inbox.list).toBeVisible();
  await expect(
    page.getByRole('button', { name: /^Theme: dark/ }),
  ).toBeVisible();
  expect(await pageBackground(page)).toBe(DARK_BG);
});
