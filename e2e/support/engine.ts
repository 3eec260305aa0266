import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext } from '@playwright/test';
import { E2E_DIRECT_PORTS, E2E_PORTS } from '../../playwright.config';

const CLIENT_ID = process.env.OAUTH_CLIENT_ID ?? 'tasklist-inbox-bff';

type StackPorts = typeof E2E_PORTS;

/**
 * The ports of the stack a project's pages come from: each project has its
 * own Tasklist and provider, so instances started for a journey must go to
 * the Tasklist that journey's app reads.
 */
function stackOf(baseURL: string | undefined): StackPorts {
  const port = Number(new URL(baseURL ?? '').port);
  return port === E2E_DIRECT_PORTS.app ? E2E_DIRECT_PORTS : E2E_PORTS;
}

/** The BFF's OAuth client secret, as the launcher gave it to the stack. */
export function clientSecret(ports: StackPorts = E2E_PORTS): string {
  if (process.env.OAUTH_CLIENT_SECRET) return process.env.OAUTH_CLIENT_SECRET;
  const file = path.resolve(
    `.data/e2e-${String(ports.app)}/oauth-client-secret`,
  );
  if (!existsSync(file)) throw new Error(`No client secret at ${file}`);
  return readFileSync(file, 'utf8').trim();
}

/** A Tasklist token, fetched as the BFF fetches it (client credentials). */
async function engineToken(
  request: APIRequestContext,
  ports: StackPorts,
): Promise<string> {
  const basic = Buffer.from(`${CLIENT_ID}:${clientSecret(ports)}`).toString(
    'base64',
  );
  const response = await request.post(
    `http://127.0.0.1:${String(ports.identity)}/token`,
    {
      headers: { authorization: `Basic ${basic}` },
      form: { grant_type: 'client_credentials', audience: 'tasklist-api' },
    },
  );
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
  private readonly ports: StackPorts;
  private readonly tasklist: string;

  /** `baseURL` is the project's, so the engine is the one its app reads. */
  constructor(
    private readonly request: APIRequestContext,
    baseURL: string | undefined,
  ) {
    this.ports = stackOf(baseURL);
    this.tasklist = `http://127.0.0.1:${String(this.ports.tasklist)}`;
  }

  private async headers() {
    this.token ??= await engineToken(this.request, this.ports);
    return { authorization: `Bearer ${this.token}` };
  }

  async startInvoiceApproval(invoice: Invoice): Promise<StartedInstance> {
    const response = await this.request.post(
      `${this.tasklist}/v2/process-instances`,
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
      `${this.tasklist}/v2/user-tasks/search`,
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
