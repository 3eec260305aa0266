import { expect, test } from './support/fixtures';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`screenshots of the inbox and a task form (${colorScheme})`, async ({
    page,
    inbox,
    loginAs,
  }, testInfo) => {
    await page.setViewportSize({ width: 1360, height: 860 });
    await page.emulateMedia({ colorScheme });
    await loginAs('demo');
    await expect(inbox.list).toBeVisible();
    const inboxShot = testInfo.outputPath(`inbox-${colorScheme}.png`);
    await page.screenshot({ path: inboxShot });
    await testInfo.attach(`inbox-${colorScheme}`, {
      path: inboxShot,
      contentType: 'image/png',
    });

    await inbox.filterBy('Assigned to me');
    await inbox.openTask('Review vacation request');
    await expect(
      page.locator('.camunda-form form, .camunda-form .fjs-container').first(),
    ).toBeVisible();
    const formShot = testInfo.outputPath(`task-form-${colorScheme}.png`);
    await page.screenshot({ path: formShot });
    await testInfo.attach(`task-form-${colorScheme}`, {
      path: formShot,
      contentType: 'image/png',
    });
  });
}
