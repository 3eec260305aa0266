import { useLingui } from '@lingui/react/macro';
import { useEffect, useRef } from 'react';
import { useShortcutAction } from '../../components/shortcut-actions';

export interface ListKeyboardOptions {
  ids: readonly string[];
  hasMore: boolean;
  selectedTaskId: string | undefined;
  /**
   * Shows the list without the open task; `keepFocus` when the task's card
   * has just been focused, so the route change must leave focus there.
   */
  onBack: (keepFocus: boolean) => void;
  scrollToIndex: (index: number) => void;
  /** The rows the virtualiser rendered; a change may bring the wanted card. */
  rendered: unknown;
}

// The inbox has one task list; its cards carry their task ids.
// eslint-disable-next-line lingui/no-unlocalized-strings -- a CSS selector
const CARDS = '.task-list__items [data-task-id]';

function findCard(id: string): HTMLElement | null {
  const cards = document.querySelectorAll<HTMLElement>(CARDS);
  return [...cards].find((card) => card.dataset.taskId === id) ?? null;
}

/** The task whose card has focus, if any. */
function focusedTaskId(): string | undefined {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !active.matches(CARDS))
    return undefined;
  return active.dataset.taskId;
}

/**
 * `j` / `k` move focus through the cards (Enter then opens one, as on any
 * link), `Escape` leaves the open task for its card in the list. The list is
 * virtualised, so the wanted card is scrolled into being, then focused.
 */
export function useListKeyboard({
  ids,
  hasMore,
  selectedTaskId,
  onBack,
  scrollToIndex,
  rendered,
}: ListKeyboardOptions): void {
  const { t } = useLingui();
  // A card scrolled towards but not yet rendered; focused once it is.
  const pending = useRef<string | null>(null);

  useEffect(() => {
    const id = pending.current;
    const card = id ? findCard(id) : null;
    if (!card) return;
    pending.current = null;
    card.focus();
  }, [rendered]);

  const focusCard = (index: number, id: string) => {
    scrollToIndex(index);
    const card = findCard(id);
    pending.current = card ? null : id;
    card?.focus();
  };

  const cursor = (): number => {
    const id = focusedTaskId() ?? selectedTaskId;
    return id ? ids.indexOf(id) : -1;
  };

  const move = (delta: 1 | -1) => {
    const from = cursor();
    const to =
      from === -1 ? 0 : Math.min(Math.max(from + delta, 0), ids.length - 1);
    const id = ids[to];
    if (id === undefined) return null;
    focusCard(to, id);
    if (to === from && delta > 0) {
      return hasMore ? t`Loading more tasks…` : t`This is the last task.`;
    }
    if (to === from) return t`This is the first task.`;
    const position = to + 1;
    const total = ids.length;
    return hasMore
      ? t`Task ${position} of ${total}+`
      : t`Task ${position} of ${total}`;
  };

  useShortcutAction('next-task', () => move(1));
  useShortcutAction('previous-task', () => move(-1));
  useShortcutAction(
    'back-to-list',
    () => {
      if (!selectedTaskId) return null;
      const index = ids.indexOf(selectedTaskId);
      if (index !== -1) focusCard(index, selectedTaskId);
      onBack(index !== -1);
      return t`Back to the list`;
    },
    Boolean(selectedTaskId),
  );
}

/**
 * The hook as a component that renders nothing, so the list can load it
 * after its first render (the key listener that calls it loads late too).
 */
export function ListKeyboard(props: ListKeyboardOptions): null {
  useListKeyboard(props);
  return null;
}
