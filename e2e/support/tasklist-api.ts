import { expect, type APIRequestContext } from '@playwright/test';
import { E2E_PORTS } from '../../playwright.config';
import { signIn, type RuntimeConfig } from './oidc-sign-in';

/** A task as the tests read it back from Tasklist. */
export interface ApiTask {
  id: string;
  name: string;
  taskState: string;
  assignee: string | null;
  candidateGroups: string[] | null;
  candidateUsers: string[] | null;
}

const TASKS_OF_INSTANCE = `query TasksOfInstance($instance: String!) {
  tasks(query: { processInstanceId: $instance, pageSize: 50 }) {
    id name taskState assignee candidateGroups candidateUsers
  }
}`;

/**
 * Tasklist as the app reaches it (the runtime config's GraphQL URL, a token
 * from the BFF's token endpoint), so a journey can check what happened to
 * the instance it started without trusting the screen under test.
 */
export class TasklistApi {
  private constructor(
    private readonly request: APIRequestContext,
    private readonly url: string,
    private readonly origin: string,
    private readonly token: string,
  ) {}

  /**
   * Signs `user` in headlessly and exchanges the token at /api/token. In
   * direct mode that token is the one the app sends to Tasklist. In proxy
   * mode the BFF's `/graphql` runs only the app's own documents, so the
   * read-back goes to the embedded Tasklist itself with the machine token
   * (what direct mode hands out), fetched as the BFF fetches it.
   */
  static async as(
    request: APIRequestContext,
    baseURL: string | undefined,
    user: string,
  ): Promise<TasklistApi> {
    const origin = new URL(baseURL ?? '').origin;
    const config = (await (
      await request.get('/api/config')
    ).json()) as RuntimeConfig;
    const userToken = await signIn(request, config, origin, user);
    const exchange = await request.post('/api/token', {
      headers: {
        origin,
        'x-requested-with': 'tasklist-inbox',
        authorization: `Bearer ${userToken}`,
      },
    });
    expect(exchange.status()).toBe(200);
    const { access_token: token } = (await exchange.json()) as {
      access_token: string;
    };
    if (config.mode !== 'proxy') {
      return new TasklistApi(
        request,
        new URL(config.tasklistGraphqlUrl, origin).href,
        origin,
        token,
      );
    }
    const machine = await request.post(
      new URL('/token', config.oidc.authority).href,
      {
        form: {
          grant_type: 'client_credentials',
          client_id: 'tasklist-inbox-bff',
          client_secret: process.env.OAUTH_CLIENT_SECRET ?? '',
          audience: 'tasklist-api',
        },
      },
    );
    expect(machine.status()).toBe(200);
    const { access_token: machineToken } = (await machine.json()) as {
      access_token: string;
    };
    return new TasklistApi(
      request,
      `http://127.0.0.1:${String(E2E_PORTS.tasklist)}/graphql`,
      origin,
      machineToken,
    );
  }

  /** Every task of the process instance, open or not. */
  async tasksOf(instanceId: string): Promise<ApiTask[]> {
    const response = await this.request.post(this.url, {
      headers: { authorization: `Bearer ${this.token}`, origin: this.origin },
      data: { query: TASKS_OF_INSTANCE, variables: { instance: instanceId } },
    });
    expect(response.status()).toBe(200);
    const body = (await response.json()) as {
      data?: { tasks?: ApiTask[] };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    return body.data?.tasks ?? [];
  }
}
