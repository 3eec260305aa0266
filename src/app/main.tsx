import { i18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
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
import { activateLocale } from './i18n/catalogues';
import { readLocaleChoice } from './i18n/locale-choice';
import { negotiateLocale } from './i18n/locales';
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
  // The catalogue and the configuration load side by side; the first render
  // waits for both, so the page never flashes English before its language.
  const [config] = await Promise.all([
    loadRuntimeConfig(),
    activateLocale(negotiateLocale(readLocaleChoice(), navigator.languages)),
  ]);
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
  const { router, tokens } = createApp({
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
  // The first page's data needs a Tasklist token from the BFF. With a live
  // session, ask now, beside the route chunks and the first render, instead
  // of when the route's query reaches the auth link; that query then gets
  // this answer (one request, shared). A failure here is dropped: the query
  // asks again and reports it the usual way.
  if (auth.hasLiveSession()) tokens.getToken().catch(() => undefined);
  auth.subscribe(() => {
    if (auth.getSnapshot().status === 'signed-out') void router.invalidate();
  });
  reportSignIn(auth, host);
  const stopReady = router.subscribe('onResolved', () => {
    stopReady();
    host.send({ type: 'ready' });
    bridge?.reportHeight(root, host);
  });
  // The first page's route work (its beforeLoad, its loader's query, its
  // lazy chunks) starts now rather than once React has rendered the
  // providers and the router's Transitioner mounts; the Transitioner joins
  // a load in progress instead of starting another.
  router.load().catch((error: unknown) => {
    console.error(error);
  });
  createRoot(root).render(
    <StrictMode>
      <App router={router} />
    </StrictMode>,
  );
}

const BOOT_TEXTS = {
  title: msg`Tasklist Inbox could not start`,
  detail: msg`The app configuration could not be loaded. Reload to try again; if it keeps happening, tell your administrator.`,
  reload: msg`Reload`,
};

/**
 * The boot error's words: from the catalogue when one is active, else in
 * English, because a failed catalogue download is one way to get here.
 */
function bootText(key: keyof typeof BOOT_TEXTS): string {
  if (i18n.locale) return i18n._(BOOT_TEXTS[key]);
  /* eslint-disable lingui/no-unlocalized-strings -- no catalogue could load */
  const english = {
    title: 'Tasklist Inbox could not start',
    detail:
      'The app configuration could not be loaded. Reload to try again; if it keeps happening, tell your administrator.',
    reload: 'Reload',
  };
  /* eslint-enable lingui/no-unlocalized-strings */
  return english[key];
}

/** Start-up failed (e.g. no configuration): say so and offer a reload. */
function showBootError(root: HTMLElement, error: unknown) {
  // The cause is for whoever investigates, not for the person at the screen.
  console.error('Tasklist Inbox could not start', error);
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '') => {
    const element = document.createElement(tag);
    element.textContent = text;
    return element;
  };
  const panel = make('div');
  panel.className = 'error-panel';
  panel.setAttribute('role', 'alert');
  const button = make('button', bootText('reload'));
  button.type = 'button';
  button.className = 'button button--primary button--medium';
  button.addEventListener('click', () => {
    window.location.reload();
  });
  panel.append(
    make('h1', bootText('title')),
    make('p', bootText('detail')),
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
