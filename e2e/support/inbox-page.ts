import { expect, type Locator, type Page } from '@playwright/test';

/** The accessible names the inbox's landmarks have in one language. */
export interface InboxNames {
  filters: string;
  list: string;
  offline: string;
  toasts: string;
}

const ENGLISH: InboxNames = {
  filters: 'Task filters',
  list: 'Tasks',
  offline: 'Connection lost — retrying',
  toasts: 'Notifications',
};

/** The inbox: filters, the task list and the open task. */
export class InboxPage {
  readonly filters: Locator;
  readonly list: Locator;
  readonly heading: Locator;
  readonly offlineBanner: Locator;
  readonly toasts: Locator;

  /** `names` for a page in another language than English. */
  constructor(
    readonly page: Page,
    names: InboxNames = ENGLISH,
  ) {
    this.filters = page.getByRole('navigation', { name: names.filters });
    this.list = page.getByRole('list', { name: names.list });
    this.heading = page.getByRole('heading', { level: 1 });
    this.offlineBanner = page.getByText(names.offline);
    this.toasts = page.getByRole('region', { name: names.toasts });
  }

  async filterBy(
    name:
      'All open' | 'Assigned to me' | 'Unassigned' | 'My groups' | 'Completed',
  ) {
    await this.filters.getByRole('link', { name, exact: true }).click();
    await expect(
      this.filters.getByRole('link', { name, exact: true }),
    ).toHaveAttribute('aria-current', 'page');
  }

  /** The card of one task in the list: a link named after the task. */
  card(task: { id: string; name: string }): Locator {
    return this.list
      .getByRole('link', { name: new RegExp(`^${escapeRegExp(task.name)},`) })
      .and(this.page.locator(`[data-task-id="${task.id}"]`));
  }

  /**
   * Opens a task from the list, scrolling the virtualised list until its
   * card is rendered; several tasks may share a name, so it goes by id.
   */
  async openTask(task: { id: string; name: string }): Promise<void> {
    const card = this.card(task);
    await this.scrollTo(card);
    await card.click();
    await expect(this.heading).toHaveText(task.name);
    expect(this.taskIdFromUrl()).toBe(task.id);
  }

  /** Scrolls the virtualised list until `card` is rendered (or the list ends). */
  async scrollTo(card: Locator): Promise<void> {
    const scroller = this.page.getByTestId('task-list-scroller');
    await expect(this.list.getByRole('link').first()).toBeVisible();
    for (let step = 0; step < 200 && (await card.count()) === 0; step++) {
      const moved = await scroller.evaluate((element) => {
        const before = element.scrollTop;
        element.scrollTop += element.clientHeight / 2;
        return element.scrollTop !== before;
      });
      if (!moved) break;
      // Let the virtualiser render the rows that scrolled into view.
      await this.page.evaluate(
        () =>
          new Promise((resolve) =>
            requestAnimationFrame(() => requestAnimationFrame(resolve)),
          ),
      );
    }
  }

  taskIdFromUrl(): string {
    const match = /\/tasks\/([^/?#]+)/.exec(this.page.url());
    if (!match?.[1]) throw new Error(`No task in ${this.page.url()}`);
    return decodeURIComponent(match[1]);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
