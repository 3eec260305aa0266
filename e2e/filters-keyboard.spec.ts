import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { startInstanceWith, tasksOf } from './support/tasklist-api';

interface Invoice {
  invoiceNumber: string;
  supplier: string;
  amount: number;
  currency: 'EUR' | 'USD' | 'GBP';
  invoiceDate: string;
}

const FILTER_NAME = 'Invoices to take';

test('demo filters to Invoice approval, unassigned, saves it, and picks it from the saved list after a reload', async ({
  page,
  inbox,
  loginAs,
}) => {
  // An invoice of this run's own, so the filtered list is known to hold one.
  const run = String(Date.now()).slice(-6);
  const started = await startInstanceWith('invoice-approval', {
    invoiceNumber: `INV-2026-F${run}`,
    supplier: `Filter Journey Supplies ${run}`,
    amount: 250,
    currency: 'EUR',
    invoiceDate: '2026-11-30',
  });
  const approval = await openTaskOf(started.processInstanceKey);
  await loginAs('demo');
  await page.getByRole('button', { name: 'Filter tasks' }).click();
  const dialog = page.getByRole('dialog', { name: 'Filter tasks' });
  const process = dialog.getByRole('combobox', { name: 'Process' });
  await process.fill('Invoice');
  await page.getByRole('option', { name: 'Invoice approval' }).click();
  await dialog
    .getByRole('combobox', { name: 'Assignee' })
    .selectOption({ label: 'Unassigned' });
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();

  const chips = page.getByRole('list', { name: 'Active filters' });
  await expect(chips.getByRole('button')).toHaveCount(2);
  await expect(
    chips.getByRole('button', { name: 'Remove Assignee: Unassigned' }),
  ).toBeVisible();
  await expect(
    chips.getByRole('button', { name: 'Remove Process: Invoice approval' }),
  ).toBeVisible();
  const filtered = new URL(page.url()).search;
  expect(filtered).toMatch(/assignee=unassigned/);
  expect(filtered).toContain(`process=${started.processDefinitionKey}`);
  await expectOnlyUnassignedInvoiceTasks(page, approval);

  await page.getByRole('button', { name: 'Save filter' }).click();
  const save = page.getByRole('dialog', { name: 'Save filter' });
  await save.getByRole('textbox', { name: 'Name' }).fill(FILTER_NAME);
  await save.getByRole('button', { name: 'Save' }).click();
  await expect(save).toBeHidden();
  await expect(inbox.toasts).toContainText(`Saved “${FILTER_NAME}”`);

  await inbox.filterBy('All open');
  await page.reload();
  const saved = page.getByRole('list', { name: 'Saved filters' });
  await saved.getByRole('link', { name: FILTER_NAME }).click();
  await expect(saved.getByRole('link', { name: FILTER_NAME })).toHaveAttribute(
    'aria-current',
    'page',
  );
  expect(new URL(page.url()).search).toBe(filtered);
  await expectOnlyUnassignedInvoiceTasks(page, approval);
});

test('demo completes three tasks in a row without the mouse', async ({
  page,
  inbox,
  task,
  loginAs,
}) => {
  // Three invoices of this run's own, so the journey never depends on what
  // other tests left of the demo world.
  const run = String(Date.now()).slice(-4);
  const invoices: Invoice[] = ['North', 'Middle', 'South'].map((where, i) => ({
    invoiceNumber: `INV-2026-${run.slice(0, 3)}${String(i)}`,
    supplier: `${where} Keyboard Supplies ${run}`,
    amount: 100 + i,
    currency: 'EUR',
    invoiceDate: '2026-11-30',
  }));
  const started = [];
  for (const invoice of invoices) {
    started.push(await startInstanceWith('invoice-approval', { ...invoice }));
  }
  const processKey = started[0]?.processDefinitionKey ?? '';
  // Approvals only: each approval's payment task would otherwise join the list.
  await loginAs(
    'demo',
    `/tasks?assignee=unassigned&process=${processKey}&taskDefinition=approveInvoice`,
  );
  await expect(inbox.list).toBeVisible();
  // The key listener loads right after the first render.
  await expect(page.getByTestId('shortcut-announcer')).toBeAttached();

  // Newest first: the last one started heads the list. j and k come with
  // the list's own lazy module, which may still be loading after the shell's
  // listener is there: until it is, j does nothing, so press again.
  await expect(async () => {
    await page.keyboard.press('j');
    await expect(inbox.list.getByRole('link').first()).toBeFocused({
      timeout: 2000,
    });
  }).toPass();
  await page.keyboard.press('Enter');
  for (const invoice of [...invoices].reverse()) {
    await expect(inbox.heading).toHaveText('Approve invoice');
    await expect(page.getByLabel('Supplier')).toHaveValue(invoice.supplier);
    await page.keyboard.press('a');
    await expect(task.unassignButton).toBeVisible();
    await page.keyboard.press('f');
    const supplier = page.getByLabel('Supplier');
    await expect(supplier).toBeEditable();
    await expect(supplier).toBeFocused();
    await tabTo(page, page.getByRole('radio', { name: 'Approve' }));
    await page.keyboard.press('Space');
    await expect(page.getByRole('radio', { name: 'Approve' })).toBeChecked();
    const done = page.url();
    await page.keyboard.press('Control+Enter');
    // The next task opens in its place.
    await expect(page).not.toHaveURL(done);
  }
  await expect(inbox.toasts).toContainText('Task completed');

  for (const instance of started) {
    await expect
      .poll(() => tasksOf(instance.processInstanceKey))
      .toContainEqual(
        expect.objectContaining({
          name: 'Approve invoice',
          taskState: 'COMPLETED',
          assignee: 'demo',
        }),
      );
  }
});

/** The open task of an instance just started (the engine makes it a moment later). */
async function openTaskOf(processInstanceKey: string): Promise<string> {
  let id = '';
  await expect
    .poll(async () => {
      const open = (await tasksOf(processInstanceKey)).find(
        (t) => t.taskState === 'CREATED',
      );
      id = open?.id ?? '';
      return id;
    })
    .not.toBe('');
  return id;
}

/** Every card is an unassigned invoice task, and this run's own is among them. */
async function expectOnlyUnassignedInvoiceTasks(page: Page, ownTaskId: string) {
  const list = page.getByRole('list', { name: 'Tasks' });
  const cards = list.getByRole('link');
  // Newest first: the task this run started is at the top.
  await expect(list.locator(`a[href*="/tasks/${ownTaskId}"]`)).toBeVisible();
  for (const name of await cards.evaluateAll((links) =>
    links.map((link) => link.getAttribute('aria-label') ?? ''),
  )) {
    expect(name).toMatch(/^[^,]+, Invoice approval, unassigned,/);
  }
}

/** Presses Tab until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>) {
  for (let presses = 0; presses < 20; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}
