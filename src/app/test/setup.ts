import '@testing-library/jest-dom/vitest';
// eslint-disable-next-line testing-library/no-manual-cleanup -- no vitest globals, so no auto-cleanup
import { cleanup, configure } from '@testing-library/react';
import { i18n } from '@lingui/core';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { activateLocale, loadCataloguePart } from '../i18n/catalogues';
import { toastQueue } from '../components/toast-queue';
import { server } from './msw-server';

// jsdom has no layout: give the task list's scroller a viewport so the
// virtualiser renders rows, and stub what jsdom lacks.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
  configurable: true,
  get(this: HTMLElement) {
    return this.classList.contains('task-list__scroller') ? 800 : 0;
  },
});
Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
  configurable: true,
  get(this: HTMLElement) {
    return this.classList.contains('task-list__scroller') ? 400 : 0;
  },
});
HTMLElement.prototype.scrollTo = function scrollTo(
  this: HTMLElement,
  options?: ScrollToOptions | number,
) {
  if (typeof options === 'object' && options.top !== undefined)
    this.scrollTop = options.top;
  this.dispatchEvent(new Event('scroll'));
};

window.scrollTo = () => undefined;

// Lazy routes and forms load on first use; on a loaded 2-core CI machine that
// can take longer than the one-second default of findBy and waitFor. A longer
// ceiling only slows a test that is failing anyway.
configure({ asyncUtilTimeout: 5_000 });

// Tests read the English texts, as users of the source language would; a
// test that needs another language activates it itself. The task and
// processes areas load once per worker, so those routes never wait for a
// catalogue inside a test; `sign-in` loads the way the app loads it.
await activateLocale('en');
await Promise.all([loadCataloguePart('task'), loadCataloguePart('processes')]);

// A message the loaded catalogues lack falls back to its English source in
// development, but shows as a bare id in production: it means something
// rendered before its catalogue area was loaded. That fails the test.
const missingMessages: string[] = [];
i18n.on('missing', ({ id, locale }) => {
  missingMessages.push(`${locale}/${id}`);
});

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});

// console.error and console.warn fail the test (React act() warnings, Apollo
// missing fields), unless a test opts in with vi.spyOn(console, 'error').
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error: ${args.map(String).join(' ')}`);
  });
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.warn: ${args.map(String).join(' ')}`);
  });
});

afterEach(async () => {
  cleanup();
  const missing = missingMessages.splice(0);
  if (missing.length > 0) {
    throw new Error(
      `Messages used before their catalogue area was loaded: ${[...new Set(missing)].join(', ')}`,
    );
  }
  // The toast queue is app-wide; one test's toasts must not leak into the next.
  for (const toast of toastQueue.visibleToasts) toastQueue.close(toast.key);
  server.resetHandlers();
  sessionStorage.clear();
  localStorage.clear();
  vi.restoreAllMocks();
  if (i18n.locale !== 'en') await activateLocale('en');
});

afterAll(() => {
  server.close();
});
