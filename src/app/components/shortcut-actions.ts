import { useEffect, useRef } from 'react';
import type { ShortcutId } from '../lib/keyboard-shortcuts';

/**
 * What a shortcut does right now. It returns what to announce to screen
 * readers, or null when its own UI already announces the result (the assign
 * button's "Assigning…", the form's "Please review 2 fields").
 */
export type ShortcutAction = () => string | null;

// The latest registration wins, so the innermost screen's action is the one
// that runs; unmounting restores the previous one.
const registry = new Map<ShortcutId, ShortcutAction[]>();

/** Registers an action; returns the function that removes it again. */
export function registerShortcutAction(
  id: ShortcutId,
  action: ShortcutAction,
): () => void {
  const stack = registry.get(id) ?? [];
  stack.push(action);
  registry.set(id, stack);
  return () => {
    const current = registry.get(id) ?? [];
    const index = current.lastIndexOf(action);
    if (index !== -1) current.splice(index, 1);
    if (current.length === 0) registry.delete(id);
  };
}

// Kept here, with the actions, rather than in use-route-focus: the list loads
// this module anyway, so the first load carries no extra chunk for it.
let keepFocusUntil = 0;

/**
 * Tells the next path change (within a second) to leave focus alone: the
 * action put it somewhere better, e.g. Escape returning to the task's card.
 */
export function keepFocusOnNextRoute(): void {
  keepFocusUntil = Date.now() + 1000;
}

/** Whether the path change now happening should leave focus alone. */
export function takeKeepFocus(): boolean {
  if (Date.now() >= keepFocusUntil) return false;
  keepFocusUntil = 0;
  return true;
}

export type ShortcutOutcome =
  { handled: false } | { handled: true; announcement: string | null };

/** Runs the action registered for a shortcut, if any. */
export function runShortcutAction(id: ShortcutId): ShortcutOutcome {
  const action = registry.get(id)?.at(-1);
  if (!action) return { handled: false };
  return { handled: true, announcement: action() };
}

/**
 * Lets a component own what a shortcut does while it is on screen (and
 * `enabled`). The action always sees the component's latest props.
 */
export function useShortcutAction(
  id: ShortcutId,
  action: ShortcutAction,
  enabled = true,
): void {
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => {
    if (!enabled) return;
    return registerShortcutAction(id, () => latest.current());
  }, [id, enabled]);
}
