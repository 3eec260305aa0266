import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { InboxPage } from './support/inbox-page';
import { startTask } from './support/tasklist-api';

// A browser set to German: navigator.languages and Accept-Language say de-DE.
test.use({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });

const GERMAN = {
  filters: 'Aufgabenfilter',
  list: 'Aufgaben',
  offline: 'Verbindung unterbrochen – neuer Versuch läuft',
  toasts: 'Benachrichtigungen',
};

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
}

/**
 * What does not fit at the current width: the page scrolling sideways, and
 * elements whose text is wider than their box or that reach past the viewport.
 */
function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width + 1) {
      found.push(
        `the page scrolls sideways (${String(document.documentElement.scrollWidth)} px wide)`,
      );
    }
    const selector =
      'header *, nav *, main *, [role="dialog"] *, [role="region"] *';
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      const box = element.getBoundingClientRect();
      // Visually hidden on purpose: ours by class, react-aria's as a 1 px box.
      if (box.width <= 1 || box.height <= 1) continue;
      if (element.closest('.visually-hidden')) continue;
      // form-js lays out the form's own fields; they are not our words.
      if (element.closest('.fjs-container')) continue;
      const style = getComputedStyle(element);
      const clips =
        style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
      const scrolls =
        style.overflowX === 'auto' || style.overflowX === 'scroll';
      if (
        box.right > width + 1 ||
        (clips && !scrolls && element.scrollWidth > element.clientWidth + 1)
      ) {
        found.push(
          `${element.tagName.toLowerCase()}.${element.className} "${element.textContent.trim().slice(0, 40)}"`,
        );
      }
    }
    return found;
  });
}

test('a German browser gets the inbox, a form task and the toasts in German; French from the picker sticks', async ({
  page,
}) => {
  const review = await startTask('vacation-request');
  const inbox = new InboxPage(page, GERMAN);

  // The embedded identity provider's page follows Accept-Language too.
  await page.goto('/tasks?filter=unassigned');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.getByLabel('Benutzername').fill('demo');
  await page.getByLabel('Passwort').fill('demo');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL(/\/tasks/);

  const account = page.getByRole('button', { name: /^Konto: / });
  await expect(account).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(
    inbox.filters.getByRole('link', { name: 'Nicht zugewiesen' }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(
    page.getByRole('heading', { name: 'Wählen Sie eine Aufgabe aus' }),
  ).toBeVisible();
  await expect(inbox.list).toBeVisible();
  await expect(page.getByText(/^\d+\+? Aufgaben?$/)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The card says, in German, that nobody has the task yet.
  const card = inbox.card(review);
  await inbox.scrollTo(card);
  await expect(card).toHaveAccessibleName(/nicht zugewiesen/);
  await inbox.openTask(review);

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
  await page.getByRole('radio', { name: 'Approve' }).check();
  expect(await seriousViolations(page)).toEqual([]);

  // Longer German words at 360 px, on the task and its buttons first.
  await page.setViewportSize({ width: 360, height: 780 });
  await expect(
    page.getByRole('button', { name: 'Aufgabe abschließen' }),
  ).toBeVisible();
  expect(await cutOff(page)).toEqual([]);
  await page.getByRole('button', { name: 'Aufgabe abschließen' }).click();
  await expect(inbox.toasts).toContainText('Aufgabe abgeschlossen');
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

test('at 360 px the German inbox, its menus, the filter dialog and the Processes page fit without cutting anything off', async ({
  page,
}) => {
  await startTask('invoice-approval', { assignee: 'demo' });
  const inbox = new InboxPage(page, GERMAN);
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto('/tasks?filter=assigned-to-me');
  await page.getByLabel('Benutzername').fill('demo');
  await page.getByLabel('Passwort').fill('demo');
  await page.getByRole('button', { name: 'Anmelden' }).click();

  await expect(inbox.list.getByRole('link').first()).toBeVisible();
  expect(await cutOff(page)).toEqual([]);

  await page.getByRole('button', { name: /^Konto: / }).click();
  await expect(
    page.getByRole('menuitemradio', { name: 'Deutsch' }),
  ).toBeVisible();
  expect(await cutOff(page)).toEqual([]);
  await page.keyboard.press('Escape');

  // The filter dialog has the longest German labels of all.
  await page.getByRole('button', { name: 'Aufgaben filtern' }).click();
  const dialog = page.getByRole('dialog', { name: 'Aufgaben filtern' });
  await expect(dialog.getByLabel('Aufgabenstatus')).toBeVisible();
  await dialog.getByText('Weitere Bedingungen').click();
  await expect(dialog.getByLabel('Prozessinstanzschlüssel')).toBeVisible();
  expect(await cutOff(page)).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();

  await page.getByRole('link', { name: 'Prozesse' }).click();
  await expect(
    page.getByRole('searchbox', { name: 'Prozesse suchen' }),
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: /Prozess starten/ }).first(),
  ).toBeVisible();
  expect(await cutOff(page)).toEqual([]);
});
