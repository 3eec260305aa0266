import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

// A browser set to German: navigator.languages and Accept-Language say de-DE.
test.use({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
}

/** Elements whose text is wider than their box, or that reach past the viewport. */
function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    const selector =
      'header *, nav *, .task-filters *, .task-card *, .inbox__title, h1, button, a';
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || element.closest('.visually-hidden')) continue;
      const style = getComputedStyle(element);
      const clips =
        style.overflow !== 'visible' || style.textOverflow === 'ellipsis';
      if (
        box.right > width + 1 ||
        (clips && element.scrollWidth > element.clientWidth + 1)
      ) {
        found.push(
          `${element.tagName.toLowerCase()} "${element.textContent.trim().slice(0, 40)}"`,
        );
      }
    }
    return found;
  });
}

test('a German browser gets the inbox, a form task and the toasts in German; French from the picker sticks', async ({
  page,
  inbox,
}) => {
  // The embedded identity provider's page follows Accept-Language too.
  await page.goto('/tasks');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.getByLabel('Benutzername').fill('demo');
  await page.getByLabel('Passwort').fill('demo');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL(/\/tasks/);

  const account = page.getByRole('button', { name: /^Konto: / });
  await expect(account).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  const filters = page.getByRole('navigation', { name: 'Aufgabenfilter' });
  await expect(
    page.getByRole('heading', { name: 'Wählen Sie eine Aufgabe aus' }),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Aufgaben' })).toBeVisible();
  await expect(page.getByText(/^\d+\+? Aufgaben?$/)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await filters.getByRole('link', { name: 'Nicht zugewiesen' }).click();
  const card = page
    .getByRole('list', { name: 'Aufgaben' })
    .getByRole('link', { name: /^Approve invoice,.*nicht zugewiesen/ })
    .first();
  await card.click();
  await expect(inbox.heading).toHaveText('Approve invoice');

  // Dates in German: "3. Dez. 2026, 14:05".
  const details = page.getByRole('complementary', { name: 'Aufgabendetails' });
  await expect(details.getByText('Erstellt')).toBeVisible();
  await expect(details.locator('time').first()).toHaveText(
    /^\d{1,2}\. [A-ZÄÖÜ][a-zä]+\.? \d{4}, \d{1,2}:\d{2}$/,
  );

  // form-js shows the form's own labels; everything around it is German.
  await expect(page.getByRole('heading', { name: 'Formular' })).toBeVisible();
  await expect(
    page.getByText('Weisen Sie sich die Aufgabe zu, um sie abzuschließen.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Mir zuweisen' }).click();
  await expect(page.getByText('Aufgabe wurde Ihnen zugewiesen.')).toBeVisible();
  await page.getByLabel('Supplier').fill('Büromöbel Schmidt GmbH');
  await page.getByRole('radio', { name: 'Approve' }).check();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Aufgabe abschließen' }).click();
  await expect(
    page.getByRole('region', { name: 'Benachrichtigungen' }),
  ).toContainText('Aufgabe abgeschlossen');

  // Longer German words at 360 px: nothing cut off, no sideways scrolling.
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto('/tasks?filter=assigned-to-me');
  await expect(page.getByRole('list', { name: 'Aufgaben' })).toBeVisible();
  expect(await cutOff(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The picker switches at once, without a reload, and the choice sticks.
  await account.click();
  await page.getByRole('menuitemradio', { name: 'Français' }).click();
  await expect(
    page.getByRole('navigation', { name: 'Filtres des tâches' }),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.reload();
  await expect(
    page.getByRole('navigation', { name: 'Filtres des tâches' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Compte : / })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});
