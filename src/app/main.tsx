import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { createAuth } from './auth/create-auth';
import { applyTheme, readThemeChoice } from './components/theme';
import { loadRuntimeConfig } from './lib/runtime-config';
import { createApp } from './router';
import './styles/app.css';

/** Boots the app: the only place that creates auth, the Apollo client and the router. */
async function boot(root: HTMLElement) {
  applyTheme(readThemeChoice());
  if (import.meta.env.DEV) {
    const { loadDevMessages, loadErrorMessages } =
      await import('@apollo/client/dev');
    loadDevMessages();
    loadErrorMessages();
  }
  const config = await loadRuntimeConfig();
  const auth = createAuth({
    authority: config.oidc.authority,
    clientId: config.oidc.clientId,
    scopes: config.oidc.scopes,
    resource: config.oidc.resource,
  });
  const { router } = createApp({
    auth,
    mode: config.mode,
    // Proxy mode: the BFF's /graphql on this origin, whatever else is configured.
    graphqlUrl:
      config.mode === 'proxy' ? '/graphql' : config.tasklistGraphqlUrl,
    pollIntervalMs: config.pollIntervalMs,
  });
  auth.subscribe(() => {
    if (auth.getSnapshot().status === 'signed-out') void router.invalidate();
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
