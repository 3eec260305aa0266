/**
 * The inbox's keyboard shortcuts: which key is which shortcut, and when a
 * key press must be left alone. The shell listens and dispatches; features
 * register what each shortcut does (components/shortcut-actions.ts).
 */
export const QUEUE_SHORTCUTS = [
  'queue-1',
  'queue-2',
  'queue-3',
  'queue-4',
  'queue-5',
] as const;

export type ShortcutId =
  | 'next-task'
  | 'previous-task'
  | 'back-to-list'
  | 'assign'
  | 'focus-form'
  | 'complete'
  | 'open-filters'
  | 'show-help'
  | (typeof QUEUE_SHORTCUTS)[number];

/** The parts of a KeyboardEvent the matching reads (so tests can pass plain objects). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
  repeat?: boolean;
  isComposing?: boolean;
  defaultPrevented?: boolean;
  target: EventTarget | null;
}

const SINGLE_KEYS: Record<string, ShortcutId> = {
  j: 'next-task',
  k: 'previous-task',
  Escape: 'back-to-list',
  a: 'assign',
  f: 'focus-form',
  '/': 'open-filters',
  '?': 'show-help',
  '1': 'queue-1',
  '2': 'queue-2',
  '3': 'queue-3',
  '4': 'queue-4',
  '5': 'queue-5',
};

/** The shortcut a key press stands for, or null. `key` values, so any layout works. */
export function shortcutFor(press: KeyPress): ShortcutId | null {
  if (press.altKey) return null;
  if (press.ctrlKey || press.metaKey) {
    return press.key === 'Enter' && !press.shiftKey ? 'complete' : null;
  }
  return SINGLE_KEYS[press.key] ?? null;
}

// Input types that are buttons, not places to type.
const BUTTON_INPUTS = new Set(['button', 'submit', 'reset', 'image']);
const FIELD_ROLES =
  '[role="textbox"],[role="searchbox"],[role="combobox"],[role="spinbutton"],[role="slider"],[role="listbox"],[role="grid"]';
// Inside these, keys belong to the widget (react-aria handles Escape and arrows).
const OVERLAYS =
  '[role="dialog"],[role="alertdialog"],[role="menu"],[role="listbox"]';
/** form-js renders its own widgets; every key inside one is the form's. */
const FORM_JS = '.fjs-container';
/** The task's work area: Ctrl+Enter may complete from inside its fields. */
export const TASK_WORK_SCOPE = '[data-shortcut-scope="task-work"]';

function elementOf(target: EventTarget | null): Element | null {
  return target instanceof Element ? target : null;
}

/** Whether the key press happens while typing: inputs, text areas, selects, editable content, form-js. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = elementOf(target);
  if (!element) return false;
  if (element instanceof HTMLInputElement)
    return !BUTTON_INPUTS.has(element.type);
  if (
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement
  )
    return true;
  if (element instanceof HTMLElement && element.isContentEditable) return true;
  return element.closest(`${FIELD_ROLES},${FORM_JS}`) !== null;
}

/**
 * Whether a shortcut may act on this key press. Single keys never act while
 * the user types or inside a dialog or menu. Ctrl+Enter types nothing, so it
 * also works from a field of the task's own form, which is where people are
 * when they are done with it.
 */
export function shortcutAllowed(press: KeyPress, id: ShortcutId): boolean {
  if (press.defaultPrevented || press.isComposing) return false;
  if (press.repeat && id !== 'next-task' && id !== 'previous-task')
    return false;
  const element = elementOf(press.target);
  if (element?.closest(OVERLAYS)) return false;
  if (!isTypingTarget(press.target)) return true;
  return id === 'complete' && element?.closest(TASK_WORK_SCOPE) != null;
}
