/**
 * The bridge between the framed inbox and its portal (issue 13), loaded only
 * when the app runs in a frame: events to an allowed parent origin, never
 * to '*', and well-formed commands from that parent alone.
 */
import {
  COMMAND_SOURCE,
  DETACHED_HOST,
  EVENT_SOURCE,
  type HostBridge,
  type HostCommand,
  type ViewFields,
} from './host-messages';

/** Tasklist ids are long numbers; anything id-like and short is let through. */
const TASK_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A command, or null for anything else: another source, an unknown type, a
 * missing or malformed field, or a view `parseView` refuses.
 */
export function parseHostCommand<View>(
  data: unknown,
  parseView: (fields: ViewFields) => View | null,
): HostCommand<View> | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Record<string, unknown>;
  if (message.source !== COMMAND_SOURCE) return null;
  if (message.type === 'open-task') {
    const { taskId } = message;
    return typeof taskId === 'string' && TASK_ID.test(taskId)
      ? { type: 'open-task', taskId }
      : null;
  }
  if (message.type === 'set-filter') {
    const { filter, sort, conditions = {} } = message;
    if (typeof filter !== 'string' || !isPlainObject(conditions)) return null;
    // The queue and the sort have fields of their own.
    if (
      Object.hasOwn(conditions, 'filter') ||
      Object.hasOwn(conditions, 'sort')
    )
      return null;
    const view = parseView({
      ...conditions,
      filter,
      ...(sort === undefined ? {} : { sort }),
    });
    return view === null ? null : { type: 'set-filter', view };
  }
  return null;
}

/** FRAME_ANCESTORS as origins: `'self'` is the app's own. */
export function allowedParentOrigins(
  configured: readonly string[],
  ownOrigin: string,
): string[] {
  return configured.map((origin) => (origin === "'self'" ? ownOrigin : origin));
}

interface ParentWindow {
  postMessage(message: unknown, targetOrigin: string): void;
}

interface HostWindow {
  parent: ParentWindow;
  location: Pick<Location, 'origin'> & {
    ancestorOrigins?: { readonly length: number; [index: number]: string };
  };
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  removeEventListener(
    type: 'message',
    listener: (e: MessageEvent) => void,
  ): void;
}

/**
 * The parent's origin when it is allowed: from `location.ancestorOrigins`
 * (Chromium, Safari), else the referrer, else the one allowed origin if
 * there is exactly one (the browser then drops the message unless the
 * parent really has that origin). Null when none applies.
 */
export function resolveParentOrigin(
  allowed: readonly string[],
  ancestorOrigins: HostWindow['location']['ancestorOrigins'],
  referrer: string,
): string | null {
  let candidate: string | null = null;
  if (ancestorOrigins && ancestorOrigins.length > 0) {
    candidate = ancestorOrigins[0] ?? null;
  } else if (referrer !== '' && URL.canParse(referrer)) {
    candidate = new URL(referrer).origin;
  }
  if (candidate !== null) return allowed.includes(candidate) ? candidate : null;
  return allowed.length === 1 ? (allowed[0] ?? null) : null;
}

export interface HostBridgeOptions<View> {
  /** FRAME_ANCESTORS from the runtime config. */
  allowedOrigins: readonly string[];
  /** The inbox's validation of a `set-filter` view; null refuses the command. */
  parseView: (fields: ViewFields) => View | null;
  onCommand: (command: HostCommand<View>) => void;
  window?: HostWindow;
  referrer?: string;
}

/** Connects the framed app to its parent page, if the parent is allowed. */
export function createHostBridge<View>({
  allowedOrigins,
  parseView,
  onCommand,
  window: win = window,
  referrer = document.referrer,
}: HostBridgeOptions<View>): HostBridge {
  const parent = win.parent;
  if ((parent as unknown) === win) return DETACHED_HOST;
  const allowed = allowedParentOrigins(allowedOrigins, win.location.origin);
  let target = resolveParentOrigin(
    allowed,
    win.location.ancestorOrigins,
    referrer,
  );
  const listener = (event: MessageEvent) => {
    if (event.source !== (parent as unknown)) return;
    if (!allowed.includes(event.origin)) return;
    if (target !== null && event.origin !== target) return;
    const command = parseHostCommand(event.data, parseView);
    if (!command) return;
    // A browser that told us nothing about the parent learns it here.
    target ??= event.origin;
    onCommand(command);
  };
  win.addEventListener('message', listener);
  return {
    get connected() {
      return target !== null;
    },
    send(event) {
      if (target === null) return;
      parent.postMessage({ source: EVENT_SOURCE, ...event }, target);
    },
    dispose() {
      win.removeEventListener('message', listener);
    },
  };
}

/**
 * Reports the document's height as `resize` events, so the portal can size
 * the frame to the content. Returns a function that stops watching.
 */
export function watchHeight(
  element: HTMLElement,
  send: (height: number) => void,
): () => void {
  let last = -1;
  const report = () => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    send(height);
  };
  const observer = new ResizeObserver(report);
  observer.observe(element);
  report();
  return () => {
    observer.disconnect();
  };
}
