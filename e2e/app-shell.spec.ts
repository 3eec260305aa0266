import { expect, test } from '@playwright/test';

test('the app answers at its root with the product name visible', async ({
  page,
}) => {
  await page.goto('/');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Tasklist Inbox' }),
  ).toBeVisible();
  await expect(page).toHaveTitle('Tasklist Inbox');
});
