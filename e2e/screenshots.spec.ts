import path from 'node:path';
import { expect, test } from './support/fixtures';

/**
 * The README's pictures, not a test: run by `npm run docs:screenshots` (the
 * `docs-screenshots` Playwright project) and never by `npm test`. They show
 * the seeded demo world of a fresh stack, where demo has a vacation request
 * to review with the employee's dates filled in, and overwrite the files in
 * docs/screenshots/.
 */
const OUT_DIR = path.resolve('docs/screenshots');

for (const colorScheme of ['light', 'dark'] as const) {
  test(`screenshots of the inbox and a task form (${colorScheme})`, async ({
    page,
    inbox,
    loginAs,
  }) => {
    await page.setViewportSize({ width: 1360, height: 860 });
    await page.emulateMedia({ colorScheme });
    await loginAs('demo');
    await expect(inbox.list).toBeVisible();
    await page.screenshot({
      path: path.join(OUT_DIR, `inbox-${colorScheme}.png`),
    });

    await page.getByRole('button', { name: 'Filter tasks' }).click();
    const dialog = page.getByRole('dialog', { name: 'Filter tasks' });
    await dialog.getByRole('combobox', { name: 'Process' }).fill('Invoice');
    await page.getByRole('option', { name: 'Invoice approval' }).click();
    await dialog
      .getByRole('combobox', { name: 'Assignee' })
      .selectOption({ label: 'Unassigned' });
    await page.screenshot({
      path: path.join(OUT_DIR, `filter-dialog-${colorScheme}.png`),
    });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    await inbox.filterBy('Assigned to me');
    await inbox.list
      .getByRole('link', { name: /^Review vacation request,/ })
      .first()
      .click();
    await expect(
      page.locator('.camunda-form form, .camunda-form .fjs-container').first(),
    ).toBeVisible();
    await page.screenshot({
      path: path.join(OUT_DIR, `task-form-${colorScheme}.png`),
    });
  });
}
