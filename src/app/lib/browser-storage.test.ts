import { afterEach, describe, expect, test, vi } from 'vitest';
import { createMemoryStorage, probeStorage } from './browser-storage';

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

function denied(): never {
  throw new DOMException(
    "Failed to read the 'localStorage' property from 'Window': Access is denied for this document.",
    'SecurityError',
  );
}

describe('probeStorage', () => {
  test('uses the browser storage when it can be written', () => {
    const choice = probeStorage(() => window.sessionStorage);
    expect(choice).toEqual({
      storage: window.sessionStorage,
      persistent: true,
    });
    expect(window.sessionStorage.length).toBe(0);
  });

  test('falls back to memory when reading the storage throws', () => {
    const choice = probeStorage(denied);
    expect(choice.persistent).toBe(false);
    choice.storage.setItem('a', '1');
    expect(choice.storage.getItem('a')).toBe('1');
  });

  test('falls back to memory when the storage throws on use', () => {
    const broken = createMemoryStorage();
    broken.setItem = () => {
      throw new DOMException(
        'The quota has been exceeded.',
        'QuotaExceededError',
      );
    };
    expect(probeStorage(() => broken).persistent).toBe(false);
  });
});

test('the memory storage behaves like web storage', () => {
  const storage = createMemoryStorage();
  storage.setItem('b', '2');
  storage.setItem('a', '1');
  expect(storage.length).toBe(2);
  expect(storage.key(0)).toBe('b');
  expect(storage.key(5)).toBeNull();
  expect(storage.getItem('missing')).toBeNull();
  storage.removeItem('b');
  expect(storage.getItem('b')).toBeNull();
  storage.clear();
  expect(storage.length).toBe(0);
});

test('with storage blocked, the app-wide stores work in memory and say so', async () => {
  vi.spyOn(window, 'sessionStorage', 'get').mockImplementation(denied);
  vi.spyOn(window, 'localStorage', 'get').mockImplementation(denied);
  const { sessionStore, localStore, isSessionMemoryOnly } =
    await import('./browser-storage');
  sessionStore().setItem('draft', 'x');
  localStore().setItem('theme', 'dark');
  expect(sessionStore().getItem('draft')).toBe('x');
  expect(localStore().getItem('theme')).toBe('dark');
  expect(isSessionMemoryOnly()).toBe(true);
});

test('with storage available, nothing is memory only', async () => {
  const { isSessionMemoryOnly, sessionStore } =
    await import('./browser-storage');
  expect(isSessionMemoryOnly()).toBe(false);
  expect(sessionStore()).toBe(window.sessionStorage);
});
