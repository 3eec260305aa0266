import { UserManager } from 'oidc-client-ts';
import { afterEach, expect, test, vi } from 'vitest';
import script from '../../../public/auth/popup-callback.js?raw';

// The popup callback page (public/auth/popup-callback.js) speaks
// oidc-client-ts's popup protocol without loading the library. These tests
// hold it to the library's own signinPopupCallback(), so an upgrade that
// changes the message fails here rather than in a portal.

const CALLBACK = `${window.location.origin}/auth/popup-callback.html?code=abc&state=xyz`;

interface Posted {
  message: unknown;
  targetOrigin: string;
}

function fakeOpener(posted: Posted[]) {
  return {
    closed: false,
    postMessage(message: unknown, targetOrigin: string) {
      posted.push({ message, targetOrigin });
    },
  };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  Reflect.deleteProperty(window, 'opener');
});

async function libraryMessage(): Promise<Posted[]> {
  const posted: Posted[] = [];
  Object.defineProperty(window, 'opener', {
    value: fakeOpener(posted),
    configurable: true,
  });
  vi.spyOn(window, 'close').mockImplementation(() => undefined);
  const manager = new UserManager({
    authority: 'http://idp.test',
    client_id: 'tasklist-inbox',
    redirect_uri: `${window.location.origin}/auth/callback`,
  });
  await manager.signinPopupCallback(CALLBACK);
  return posted;
}

/** Runs the page's script against a stand-in window. */
function runPage(
  withOpener: boolean,
  browser: { languages?: string[]; stored?: string | null } = {},
) {
  const posted: Posted[] = [];
  const status = { textContent: 'This window closes by itself.' };
  const title = { textContent: 'Signing in…' };
  const close = vi.fn();
  vi.useFakeTimers();
  const page = {
    opener: withOpener ? fakeOpener(posted) : null,
    location: new URL(CALLBACK),
    close,
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    navigator: { languages: browser.languages ?? ['en-US'] },
    localStorage: {
      getItem: (key: string) =>
        key === 'tasklist-inbox:locale' ? (browser.stored ?? null) : null,
    },
  };
  const doc = {
    title: '',
    documentElement: { lang: 'en' },
    getElementById: (id: string) =>
      id === 'status' ? status : id === 'title' ? title : null,
  };
  // Runs the shipped file as the browser would, with this stand-in window.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const run = new Function('window', 'document', script) as (
    window: unknown,
    document: unknown,
  ) => void;
  run(page, doc);
  return { posted, close, status, title, doc };
}

test('posts exactly what oidc-client-ts posts, to this origin only', async () => {
  const expected = await libraryMessage();
  expect(expected).toHaveLength(1);
  const { posted, close } = runPage(true);
  expect(posted).toEqual(expected);
  expect(posted[0]?.targetOrigin).toBe(window.location.origin);
  // The inbox closes its popup; the page closes itself should it not.
  expect(close).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1000);
  expect(close).toHaveBeenCalledOnce();
});

test('without an opener it says what to do instead of posting anywhere', () => {
  const { close, status } = runPage(false);
  expect(status.textContent).toMatch(
    /Close this window and sign in again from the inbox/,
  );
  vi.advanceTimersByTime(5000);
  expect(close).not.toHaveBeenCalled();
});

test('speaks the language the inbox speaks: the remembered choice, else the browser languages', () => {
  const german = runPage(false, { languages: ['de-DE', 'en'] });
  expect(german.doc.documentElement.lang).toBe('de');
  expect(german.title.textContent).toBe('Sie werden angemeldet …');
  expect(german.doc.title).toBe('Sie werden angemeldet … · Tasklist Inbox');
  expect(german.status.textContent).toMatch(
    /^Der Aufgabeneingang, der diese Anmeldung angefordert hat/,
  );

  const chosen = runPage(true, { languages: ['de-DE'], stored: 'fr' });
  expect(chosen.doc.documentElement.lang).toBe('fr');
  expect(chosen.status.textContent).toBe('Cette fenêtre se ferme d’elle-même.');

  const other = runPage(false, {
    languages: ['constructor', 'it-IT'],
    stored: '__proto__',
  });
  expect(other.doc.documentElement.lang).toBe('en');
  expect(other.status.textContent).toMatch(/Close this window/);
});
