import { createMemoryHistory } from '@tanstack/react-router';
import { render, waitFor } from '@testing-library/react';
import type { RequestHandler } from 'msw';
import userEvent from '@testing-library/user-event';
import { App } from '../app';
import { createApp } from '../router';
import type { EmbedContext } from '../router-context';
import { createFakeAuth, type FakeAuth } from './create-fake-auth';
import {
  server,
  tasklistHandlers,
  TASKLIST_URL,
  TOKEN_URL,
  type Traffic,
} from './msw-server';
import { World } from './world';

export interface RenderOptions {
  world?: World;
  auth?: FakeAuth;
  /** Poll interval of the inbox list; long by default so tests control time. */
  pollIntervalMs?: number;
  retryAttempts?: number;
  /** Extra MSW handlers that take precedence over the fake Tasklist and BFF. */
  handlers?: RequestHandler[];
  /** Embed mode and the portal bridge (issue 13); standalone by default. */
  embed?: EmbedContext;
}

/**
 * Renders the whole app at `url` with the real router, Apollo client and
 * link chain; MSW plays the BFF token endpoint and Tasklist.
 */
export async function renderAtUrl(url: string, options: RenderOptions = {}) {
  const world = options.world ?? new World();
  const auth = options.auth ?? createFakeAuth();
  const traffic: Traffic = {
    tokenCalls: 0,
    graphqlCalls: 0,
    validTokens: new Set(),
  };
  server.use(...(options.handlers ?? []), ...tasklistHandlers(world, traffic));
  const { router, client, tokens, connection, fatal } = createApp({
    auth,
    graphqlUrl: TASKLIST_URL,
    tokenEndpoint: TOKEN_URL,
    retryAttempts: options.retryAttempts ?? 1,
    history: createMemoryHistory({ initialEntries: [url] }),
    pollIntervalMs: options.pollIntervalMs ?? 600_000,
    ...(options.embed ? { embed: options.embed } : {}),
  });
  const user = userEvent.setup();
  const view = render(<App router={router} />);
  // RouterProvider starts the first load; wait for it rather than loading twice.
  await waitFor(
    () => {
      if (router.state.isLoading || router.state.status !== 'idle')
        throw new Error('loading');
    },
    { timeout: 5000 },
  );
  return {
    ...view,
    user,
    router,
    client,
    tokens,
    world,
    auth,
    traffic,
    connection,
    fatal,
  };
}
