import { expect, type Locator, type Page } from '@playwright/test';

/** `/processes`: the search, the list and `Start process` per process. */
export class ProcessesPage {
  readonly heading: Locator;
  readonly search: Locator;
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Processes' });
    this.search = page.getByRole('searchbox', { name: 'Search processes' });
    this.list = page.getByRole('list', { name: 'Processes' });
  }

  /** The process's list item, named by its heading. */
  item(name: string): Locator {
    return this.list.getByRole('listitem', { name, exact: true });
  }

  startButton(name: string): Locator {
    return this.page.getByRole('button', {
      name: `Start process ${name}`,
      exact: true,
    });
  }

  async searchFor(text: string) {
    await this.search.fill(text);
    await expect(this.page).toHaveURL(
      new RegExp(`[?&]q=${encodeURIComponent(text)}(&|$)`),
    );
  }

  /**
   * Presses `Start process` and returns the new instance's key, read from
   * the answer to the app's own StartProcessMutation (in either mode).
   */
  async start(name: string): Promise<string> {
    const answer = this.page.waitForResponse((response) => {
      const request = response.request();
      if (request.method() !== 'POST') return false;
      const body: unknown = request.postDataJSON();
      return (
        typeof body === 'object' &&
        body !== null &&
        (body as { operationName?: unknown }).operationName ===
          'StartProcessMutation'
      );
    });
    await this.startButton(name).click();
    const body = (await (await answer).json()) as {
      data?: { startProcess?: { id?: string } } | null;
    };
    const id = body.data?.startProcess?.id;
    if (!id) throw new Error(`${name} did not start: ${JSON.stringify(body)}`);
    return id;
  }
}
