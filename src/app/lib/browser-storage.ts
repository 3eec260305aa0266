/**
 * Web storage that never stops the app. In a cross-site frame browsers may
 * block storage outright (reading `window.localStorage` throws "Access is
 * denied for this document") or partition it. Blocked storage falls back to
 * memory, which lasts until the page reloads; the app says what that costs.
 */

/** A `Storage` kept in memory: same behaviour, gone on reload. */
export function createMemoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
    clear: () => {
      items.clear();
    },
  };
}

export interface StorageChoice {
  storage: Storage;
  /** False when the browser refused and the storage is memory only. */
  persistent: boolean;
}

const PROBE_KEY = 'tasklist-inbox:storage-probe';

/**
 * The browser's storage when it can be read and written, else memory. The
 * probe writes: some browsers hand out a storage object that throws on use.
 */
export function probeStorage(get: () => Storage): StorageChoice {
  try {
    const storage = get();
    storage.setItem(PROBE_KEY, '1');
    storage.removeItem(PROBE_KEY);
    return { storage, persistent: true };
  } catch {
    return { storage: createMemoryStorage(), persistent: false };
  }
}

let session: StorageChoice | undefined;
let local: StorageChoice | undefined;

/** Per-tab storage (sign-in, drafts), or memory when the browser refuses it. */
export function sessionStore(): Storage {
  session ??= probeStorage(() => window.sessionStorage);
  return session.storage;
}

/** Lasting storage (UI preferences), or memory when the browser refuses it. */
export function localStore(): Storage {
  local ??= probeStorage(() => window.localStorage);
  return local.storage;
}

/**
 * True when per-tab storage is memory only: drafts and the sign-in are lost
 * on reload. (Browsers that refuse it refuse lasting storage too, which costs
 * the theme choice, the saved filters and the shortcuts setting.)
 */
export function isSessionMemoryOnly(): boolean {
  sessionStore();
  return session?.persistent === false;
}
