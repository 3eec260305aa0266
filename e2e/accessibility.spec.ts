import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { startTask, taskWithoutForm } from './support/tasklist-api';

/** Serious and critical axe findings, as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
}

test('the sign-in page has no serious accessibility violations', async ({
  page,
}) => {
  await page.goto('/tasks');
  await expect(page.getByLabel('Username')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the inbox has no serious accessibility violations, in light and dark', async ({
  page,
  inbox,
  loginAs,
}) => {
  // An unassigned and an assigned card, so both kinds are checked.
  await startTask('invoice-approval');
  await startTask('customer-onboarding', { assignee: 'demo' });
  await loginAs('demo');
  await expect(inbox.list).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
});

test('a task with a form has no serious accessibility violations', async ({
  page,
  inbox,
  loginAs,
}) => {
  const approve = await startTask('invoice-approval');
  await loginAs('demo');
  await inbox.filterBy('Unassigned');
  await inbox.openTask(approve);
  await expect(page.getByLabel('Supplier')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('a task without a form has no serious accessibility violations', async ({
  page,
  inbox,
  loginAs,
}) => {
  const plain = await taskWithoutForm();
  await loginAs('demo');
  await inbox.filterBy('Unassigned');
  await inbox.openTask(plain);
  await expect(page.getByRole('table', { name: 'Variables' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the inbox is operable by keyboard: skip link, filters and task cards', async ({
  page,
  inbox,
  loginAs,
}) => {
  await startTask('vacation-request');
  await loginAs('demo');
  await expect(inbox.list).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(
    page.getByRole('link', { name: 'Skip to content' }),
  ).toBeFocused();
  const firstCard = inbox.list.getByRole('link').first();
  await firstCard.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/tasks\/[^/]+/);
  await expect(inbox.heading).toBeFocused();
});

test('the Processes page has no serious accessibility violations, in light and dark, with a start outcome showing', async ({
  page,
  loginAs,
}, testInfo) => {
  await loginAs('bob', '/processes');
  await expect(page.getByRole('list', { name: 'Processes' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // bob is in sales; a vacation request's first task is for others. Proxy
  // mode's visibility hides it from him, so the app can only say that no task
  // of his appeared once its wait is over.
  await page
    .getByRole('button', { name: 'Start process Vacation request' })
    .click();
  await expect(
    page
      .getByRole('listitem', { name: 'Vacation request' })
      .getByRole('status'),
  ).toContainText(
    testInfo.project.name === 'proxy'
      ? 'no task for you appeared'
      : 'its first task is not for you',
    { timeout: 20_000 },
  );
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
});

test('the filter, save-filter and keyboard shortcuts dialogs have no serious accessibility violations', async ({
  page,
  inbox,
  loginAs,
}) => {
  await loginAs('demo');
  await expect(inbox.list).toBeVisible();
  await page.getByRole('button', { name: 'Filter tasks' }).click();
  const filter = page.getByRole('dialog', { name: 'Filter tasks' });
  await expect(filter.getByRole('combobox', { name: 'Process' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await filter.getByRole('button', { name: 'Cancel' }).click();
  await expect(filter).toBeHidden();

  await page.getByRole('button', { name: 'Save filter' }).click();
  const save = page.getByRole('dialog', { name: 'Save filter' });
  await expect(save.getByRole('textbox', { name: 'Name' })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(save).toBeHidden();

  await expect(page.getByTestId('shortcut-announcer')).toBeAttached();
  await page.keyboard.press('?');
  await expect(
    page.getByRole('dialog', { name: 'Keyboard shortcuts' }),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
