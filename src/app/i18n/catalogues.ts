import { i18n as globalI18n, type I18n, type Messages } from '@lingui/core';
import type { Locale } from './locales';

/**
 * The catalogue areas (lingui.config.ts): `app` is needed by every page,
 * `inbox-tools` by the inbox's parts that load after the list (filter
 * dialogs, chips, saved filters, keyboard shortcuts), `sign-in` by the
 * sign-in pages and the session-expired dialog, `task` only once a task is
 * open, `processes` on /processes. Each language × area is its own lazy
 * chunk, so the bundle fetches only the active language, area by area, and
 * the first load of /tasks only `app`.
 */
export type CataloguePart =
  'app' | 'inbox-tools' | 'sign-in' | 'task' | 'processes';

type Loader = () => Promise<{ messages: Messages }>;

const CATALOGUES: Record<Locale, Record<CataloguePart, Loader>> = {
  en: {
    app: () => import('./locales/en/app.po'),
    'inbox-tools': () => import('./locales/en/inbox-tools.po'),
    'sign-in': () => import('./locales/en/sign-in.po'),
    task: () => import('./locales/en/task.po'),
    processes: () => import('./locales/en/processes.po'),
  },
  de: {
    app: () => import('./locales/de/app.po'),
    'inbox-tools': () => import('./locales/de/inbox-tools.po'),
    'sign-in': () => import('./locales/de/sign-in.po'),
    task: () => import('./locales/de/task.po'),
    processes: () => import('./locales/de/processes.po'),
  },
  es: {
    app: () => import('./locales/es/app.po'),
    'inbox-tools': () => import('./locales/es/inbox-tools.po'),
    'sign-in': () => import('./locales/es/sign-in.po'),
    task: () => import('./locales/es/task.po'),
    processes: () => import('./locales/es/processes.po'),
  },
  fr: {
    app: () => import('./locales/fr/app.po'),
    'inbox-tools': () => import('./locales/fr/inbox-tools.po'),
    'sign-in': () => import('./locales/fr/sign-in.po'),
    task: () => import('./locales/fr/task.po'),
    processes: () => import('./locales/fr/processes.po'),
  },
};

interface State {
  /** The areas the page has needed so far; a new language loads them all. */
  wanted: Set<CataloguePart>;
  loaded: Set<string>;
}
const states = new WeakMap<I18n, State>();

function stateOf(i18n: I18n): State {
  let state = states.get(i18n);
  if (!state) {
    state = { wanted: new Set(['app']), loaded: new Set() };
    states.set(i18n, state);
  }
  return state;
}

async function load(
  i18n: I18n,
  locale: Locale,
  parts: Iterable<CataloguePart>,
): Promise<void> {
  const state = stateOf(i18n);
  await Promise.all(
    [...parts].map(async (part) => {
      const key = `${locale}/${part}`;
      if (state.loaded.has(key)) return;
      const { messages } = await CATALOGUES[locale][part]();
      // load() merges into what the language already has.
      i18n.load(locale, messages);
      state.loaded.add(key);
    }),
  );
}

/**
 * Loads a language's catalogues (every area the page has needed), then makes
 * it the active one and sets `html[lang]`, so screen readers, hyphenation and
 * the browser's own controls follow the language of the text. The UI never
 * shows a half-loaded language: activation waits for every area.
 */
export async function activateLocale(
  locale: Locale,
  i18n: I18n = globalI18n,
  root: HTMLElement = document.documentElement,
): Promise<void> {
  await load(i18n, locale, stateOf(i18n).wanted);
  i18n.activate(locale);
  root.lang = locale;
}

/**
 * Makes sure an area's messages are there for the active language; routes
 * call it in their loader, next to their data.
 */
export async function loadCataloguePart(
  part: CataloguePart,
  i18n: I18n = globalI18n,
): Promise<void> {
  stateOf(i18n).wanted.add(part);
  const locale = i18n.locale as Locale;
  await load(i18n, locale, [part]);
}

/**
 * A lazy module that arrives together with its area's messages, for
 * `React.lazy`: the component never renders before its words are there.
 */
export function withCatalogue<T>(
  part: CataloguePart,
  load: () => Promise<T>,
): () => Promise<T> {
  return async () => {
    const [module] = await Promise.all([load(), loadCataloguePart(part)]);
    return module;
  };
}
