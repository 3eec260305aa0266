import { afterEach, describe, expect, it } from 'vitest';
import {
  isTypingTarget,
  shortcutAllowed,
  shortcutFor,
  type KeyPress,
} from './keyboard-shortcuts';
import {
  readShortcutsEnabled,
  writeShortcutsEnabled,
} from './shortcuts-setting';

function press(
  key: string,
  target: EventTarget | null = document.body,
  extra: Partial<KeyPress> = {},
): KeyPress {
  return {
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    target,
    ...extra,
  };
}

afterEach(() => {
  document.body.replaceChildren();
});

function element(html: string, selector?: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  const found = selector
    ? host.querySelector<HTMLElement>(selector)
    : host.firstElementChild;
  if (!(found instanceof HTMLElement))
    throw new Error(`no ${selector ?? html}`);
  return found;
}

describe('shortcut keys', () => {
  it('maps each documented key to its shortcut', () => {
    expect(shortcutFor(press('j'))).toBe('next-task');
    expect(shortcutFor(press('k'))).toBe('previous-task');
    expect(shortcutFor(press('Escape'))).toBe('back-to-list');
    expect(shortcutFor(press('a'))).toBe('assign');
    expect(shortcutFor(press('f'))).toBe('focus-form');
    expect(shortcutFor(press('/'))).toBe('open-filters');
    expect(shortcutFor(press('?', document.body, { shiftKey: true }))).toBe(
      'show-help',
    );
    expect(['1', '2', '3', '4', '5'].map((k) => shortcutFor(press(k)))).toEqual(
      ['queue-1', 'queue-2', 'queue-3', 'queue-4', 'queue-5'],
    );
    expect(shortcutFor(press('Enter', document.body, { ctrlKey: true }))).toBe(
      'complete',
    );
    expect(shortcutFor(press('Enter', document.body, { metaKey: true }))).toBe(
      'complete',
    );
  });

  it('leaves other keys and browser chords alone', () => {
    expect(shortcutFor(press('Enter'))).toBeNull();
    expect(shortcutFor(press('J'))).toBeNull();
    expect(shortcutFor(press('6'))).toBeNull();
    expect(
      shortcutFor(press('a', document.body, { ctrlKey: true })),
    ).toBeNull();
    expect(
      shortcutFor(press('f', document.body, { metaKey: true })),
    ).toBeNull();
    expect(shortcutFor(press('j', document.body, { altKey: true }))).toBeNull();
    expect(
      shortcutFor(
        press('Enter', document.body, { ctrlKey: true, shiftKey: true }),
      ),
    ).toBeNull();
  });
});

describe('the shortcut guard', () => {
  it('counts inputs, text areas, selects, editable content, text roles and form-js as typing', () => {
    expect(isTypingTarget(element('<input type="text">'))).toBe(true);
    expect(isTypingTarget(element('<input type="checkbox">'))).toBe(true);
    expect(isTypingTarget(element('<input type="date">'))).toBe(true);
    expect(isTypingTarget(element('<textarea></textarea>'))).toBe(true);
    expect(isTypingTarget(element('<select><option>a</option></select>'))).toBe(
      true,
    );
    const editable = element(
      '<div contenteditable="true"><span>x</span></div>',
      'span',
    );
    // jsdom does not compute isContentEditable; a browser does.
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    expect(isTypingTarget(editable)).toBe(true);
    expect(
      isTypingTarget(element('<div role="combobox" tabindex="0"></div>')),
    ).toBe(true);
    expect(
      isTypingTarget(
        element(
          '<div class="fjs-container"><button>x</button></div>',
          'button',
        ),
      ),
    ).toBe(true);
  });

  it('does not count buttons, links, headings or the page as typing', () => {
    expect(isTypingTarget(element('<input type="submit">'))).toBe(false);
    expect(isTypingTarget(element('<button>x</button>'))).toBe(false);
    expect(isTypingTarget(element('<a href="/x">x</a>'))).toBe(false);
    expect(isTypingTarget(element('<h1 tabindex="-1">x</h1>'))).toBe(false);
    expect(isTypingTarget(document.body)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('never fires a single key while typing', () => {
    const input = element('<input>');
    for (const key of ['j', 'k', 'a', 'f', '/', '?', '1', 'Escape']) {
      const p = press(key, input);
      const id = shortcutFor(p);
      expect(id).not.toBeNull();
      if (id) expect(shortcutAllowed(p, id)).toBe(false);
    }
    expect(shortcutAllowed(press('j'), 'next-task')).toBe(true);
  });

  it('lets Ctrl+Enter complete from a field of the task’s form, and only there', () => {
    const inForm = element(
      '<div data-shortcut-scope="task-work"><div class="fjs-container"><input></div></div>',
      'input',
    );
    const elsewhere = element('<input>');
    const chord = { ctrlKey: true };
    expect(shortcutAllowed(press('Enter', inForm, chord), 'complete')).toBe(
      true,
    );
    expect(shortcutAllowed(press('Enter', elsewhere, chord), 'complete')).toBe(
      false,
    );
    expect(
      shortcutAllowed(press('Enter', document.body, chord), 'complete'),
    ).toBe(true);
  });

  it('leaves keys inside dialogs and menus to them', () => {
    const inDialog = element(
      '<div role="dialog"><button>x</button></div>',
      'button',
    );
    const inMenu = element(
      '<div role="menu"><div role="menuitem" tabindex="0">x</div></div>',
      '[role=menuitem]',
    );
    expect(shortcutAllowed(press('Escape', inDialog), 'back-to-list')).toBe(
      false,
    );
    expect(shortcutAllowed(press('j', inMenu), 'next-task')).toBe(false);
  });

  it('ignores handled, composing and (except moving) repeated key presses', () => {
    expect(
      shortcutAllowed(
        press('j', document.body, { defaultPrevented: true }),
        'next-task',
      ),
    ).toBe(false);
    expect(
      shortcutAllowed(
        press('j', document.body, { isComposing: true }),
        'next-task',
      ),
    ).toBe(false);
    expect(
      shortcutAllowed(press('j', document.body, { repeat: true }), 'next-task'),
    ).toBe(true);
    expect(
      shortcutAllowed(press('a', document.body, { repeat: true }), 'assign'),
    ).toBe(false);
  });
});

describe('the on/off setting', () => {
  it('is on by default and remembered in this browser', () => {
    expect(readShortcutsEnabled()).toBe(true);
    writeShortcutsEnabled(false);
    expect(readShortcutsEnabled()).toBe(false);
    expect(localStorage.getItem('tasklist-inbox.keyboard-shortcuts')).toBe(
      'off',
    );
    writeShortcutsEnabled(true);
    expect(readShortcutsEnabled()).toBe(true);
  });
});
