/**
 * Messages between the inbox in a frame and the portal page around it
 * (issue 13). Events go to `window.parent` only, and only to an origin the
 * deployment allows to frame the app (FRAME_ANCESTORS), never to '*'.
 * Commands are taken only from `window.parent` at such an origin, and only
 * when they are well formed. This module holds the message types and the
 * bridge of an app that is not framed; the real bridge (host-bridge.ts)
 * loads only in a frame.
 */

export const EVENT_SOURCE = 'tasklist-inbox';
export const COMMAND_SOURCE = 'tasklist-inbox-host';

export type HostEvent =
  | { type: 'ready' }
  | { type: 'signed-in' }
  | { type: 'signed-out'; reason: 'signed-out' | 'expired' }
  | { type: 'task-opened'; taskId: string }
  | { type: 'task-completed'; taskId: string }
  | { type: 'resize'; height: number };

/**
 * `set-filter` names a whole inbox view: a queue, and optionally a sort and
 * custom conditions written as the inbox's URL writes them. `View` is what
 * the inbox's own validation makes of it.
 */
export type HostCommand<View = unknown> =
  { type: 'open-task'; taskId: string } | { type: 'set-filter'; view: View };

/** A `set-filter` command's fields in URL form, for the inbox to validate. */
export type ViewFields = Record<string, unknown>;

export interface HostBridge {
  /** True when framed by an allowed parent: events will be sent. */
  readonly connected: boolean;
  send(event: HostEvent): void;
  /** Stops listening for commands. */
  dispose(): void;
}

/** A bridge that sends nothing and hears nothing: the app is not framed. */
export const DETACHED_HOST: HostBridge = {
  connected: false,
  send: () => undefined,
  dispose: () => undefined,
};
