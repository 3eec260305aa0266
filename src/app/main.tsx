import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { createAuth } from './auth/create-auth';
import type { Auth } from './auth/auth-types';
import { applyTheme, readThemeChoice } from './components/theme';
import { applyBrand } from './lib/brand';
import { isSessionMemoryOnly } from './lib/browser-storage';
import { DETACHED_HOST, type HostBridge } from './lib/host-messages';
import { loadRuntimeConfig } from './lib/runtime-config';
import { createApp, type AppRouter } from './router';
import './styles/app.css';

/** True inside any frame; a cross-origin parent makes `top` unreadable, which also means framed. */
function isFramed(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
}

/** Tells the portal when the person signs in, and when the session ends. */
function reportSignIn(auth: Auth, host: HostBridge) {
  let previous = auth.getSnapshot().status;
  auth.subscribe(() => {
    const { status } = auth.getSnapshot();
    if (status === previous) return;
    if (status === 'signed-in') host.send({ type: 'signed-in' });
    else if (previous === 'signed-in') {
      host.send({
        type: 'signed-out',
        reason: status === 'expired' ? 'expired' : 'signed-out',
      });
    }
    previous = status;
  });
}

/** Boots the app: the only place that creates auth, the Apollo client and the router. */
async function boot(root: HTMLElement) {
  applyTheme(readThemeChoice());
  if (import.meta.env.DEV) {
    const { loadDevMessages, loadErrorMessages } =
      await import('@apollo/client/dev');
    loadDevMessages();
    loadErrorMessages();
  }
  const framed = isFramed();
  // The portal bridge loads beside the configuration, and only in a frame.
  const portal = framed ? import('./host-commands') : null;
  const config = await loadRuntimeConfig();
  applyBrand(config.brand);
  // Issue 13: embed mode comes from the address (the router keeps it there).
  const embedded =
    new URLSearchParams(window.location.search).get('embed') === 'true';
  if (embedded) document.documentElement.dataset.embed = 'true';
  const auth = createAuth({
    authority: config.oidc.authority,
    clientId: config.oidc.clientId,
    scopes: config.oidc.scopes,
    resource: config.oidc.resource,
    framed,
  });
  let app: AppRouter | null = null;
  const bridge = await portal;
  const host = bridge
    ? bridge.connectPortal(config.embed.allowedOrigins, () => app)
    : DETACHED_HOST;
  const { router } = createApp({
    auth,
    mode: config.mode,
    // Proxy mode: the BFF's /graphql on this origin, whatever else is configured.
    graphqlUrl:
      config.mode === 'proxy' ? '/graphql' : config.tasklistGraphqlUrl,
    pollIntervalMs: config.pollIntervalMs,
    embed: {
      embedded,
      framed,
      host,
      logoUrl: config.brand.logoUrl ?? null,
      memoryOnlyStorage: isSessionMemoryOnly(),
    },
  });
  app = router;
  auth.subscribe(() => {
    if (auth.getSnapshot().status === 'signed-out') void router.invalidate();
  });
  reportSignIn(auth, host);
  const stopReady = router.subscribe('onResolved', () => {
    stopReady();
    host.send({ type: 'ready' });
    bridge?.reportHeight(root, host);
  });
  createRoot(root).render(
    <StrictMode>
      <App router={router} />
    </StrictMode>,
  );
}

/** Start-up failed (e.g. no configuration): say so and offer a reload. */
function showBootError(root: HTMLElement, error: unknown) {
  const message =
    error instanceof Error ? error.message : 'The app could not start.';
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '') => {
    const element = document.createElement(tag);
    element.textContent = text;
    return element;
  };
  const panel = make('div');
  panel.className = 'error-panel';
  panel.setAttribute('role', 'alert');
  const button = make('button', 'Reload');
  button.type = 'button';
  button.className = 'button button--primary button--medium';
  button.addEventListener('click', () => {
    window.location.reload();
  });
  panel.append(
    make('h1', 'Tasklist Inbox could not start'),
    make('p', message),
    button,
  );
  const main = make('main');
  main.className = 'page-center';
  main.append(panel);
  root.replaceChildren(main);
}

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');
boot(rootElement).catch((error: unknown) => {
  showBootError(rootElement, error);
});
