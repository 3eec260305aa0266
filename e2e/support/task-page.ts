import { expect, type Locator, type Page } from '@playwright/test';

/** The open task: header actions, form or variables editor, completion. */
export class TaskPage {
  readonly assignButton: Locator;
  readonly unassignButton: Locator;
  readonly completeButton: Locator;
  readonly details: Locator;
  readonly variables: Locator;

  constructor(readonly page: Page) {
    this.assignButton = page.getByRole('button', { name: 'Assign to me' });
    this.unassignButton = page.getByRole('button', {
      name: 'Unassign',
      exact: true,
    });
    this.completeButton = page.getByRole('button', { name: 'Complete task' });
    this.details = page.getByRole('complementary', { name: 'Task details' });
    this.variables = page.getByRole('table', { name: 'Variables' });
  }

  async assignToMe() {
    await this.assignButton.click();
    await expect(this.page.getByText('Task assigned to you.')).toBeVisible();
    await expect(this.completeButton).toBeEnabled();
  }

  async addVariable(name: string, json: string) {
    await this.page.getByRole('button', { name: 'Add variable' }).click();
    const rows = this.page.getByRole('textbox', {
      name: /^Name of new variable \d+$/,
    });
    const index = (await rows.count()) - 1;
    await rows.nth(index).fill(name);
    await this.page
      .getByRole('textbox', {
        name: `Value of new variable ${String(index + 1)}`,
      })
      .fill(json);
  }

  async complete() {
    await this.completeButton.click();
    await expect(
      this.page.getByRole('region', { name: 'Notifications' }),
    ).toContainText('Task completed');
  }
}
