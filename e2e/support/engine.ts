import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext } from '@playwright/test';
import { E2E_PORTS } from '../../playwright.config';

const TASKLIST = `http://127.0.0.1:${String(E2E_PORTS.tasklist)}`;
const IDENTITY = `http://127.0.0.1:${String(E2E_PORTS.identity)}`;
const CLIENT_ID = process.env.OAUTH_CLIENT_ID ?? 'tasklist-inbox-bff';

/** The BFF's OAuth client secret, as the launcher gave it to the stack. */
export function clientSecret(): string {
  if (process.env.OAUTH_CLIENT_SECRET) return process.env.OAUTH_CLIENT_SECRET;
  const file = path.resolve(
    `.data/e2e-${String(E2E_PORTS.app)}/oauth-client-secret`,
  );
  if (!existsSync(file)) throw new Error(`No client secret at ${file}`);
  return readFileSync(file, 'utf8').trim();
}

/** A Tasklist token, fetched as the BFF fetches it (client credentials). */
async function engineToken(request: APIRequestContext): Promise<string> {
  const basic = Buffer.from(`${CLIENT_ID}:${clientSecret()}`).toString(
    'base64',
  );
  const response = await request.post(`${IDENTITY}/token`, {
    headers: { authorization: `Basic ${basic}` },
    form: { grant_type: 'client_credentials', audience: 'tasklist-api' },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

export interface Invoice {
  invoiceNumber: string;
  supplier: string;
  amount: number;
  currency: 'EUR' | 'USD' | 'GBP';
  invoiceDate: string;
}

export interface StartedInstance {
  processInstanceKey: string;
  /** The key the inbox's `process` filter takes. */
  processDefinitionKey: string;
}

/**
 * Tests that use up tasks start their own process instances on the embedded
 * engine (its REST API, v2), so they never depend on what other tests left of
 * the demo world, and a retry finds fresh tasks.
 */
export class Engine {
  private token: string | null = null;

  constructor(private readonly request: APIRequestContext) {}

  private async headers() {
    this.token ??= await engineToken(this.request);
    return { authorization: `Bearer ${this.token}` };
  }

  async startInvoiceApproval(invoice: Invoice): Promise<StartedInstance> {
    const response = await this.request.post(
      `${TASKLIST}/v2/process-instances`,
      {
        headers: await this.headers(),
        data: { processDefinitionId: 'invoice-approval', variables: invoice },
      },
    );
    expect(response.status()).toBe(200);
    return (await response.json()) as StartedInstance;
  }

  /** The user tasks of one process instance, as the engine has them now. */
  async userTasks(
    processInstanceKey: string,
  ): Promise<{ name: string; state: string; assignee?: string }[]> {
    const response = await this.request.post(
      `${TASKLIST}/v2/user-tasks/search`,
      {
        headers: await this.headers(),
        data: { filter: { processInstanceKey } },
      },
    );
    expect(response.status()).toBe(200);
    const body = (await response.json()) as {
      items: { name: string; state: string; assignee?: string }[];
    };
    return body.items;
  }
}
