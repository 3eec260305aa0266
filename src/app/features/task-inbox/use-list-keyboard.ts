import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState, type RefObject } from 'react';
import { useShortcutAction } from '../../components/shortcut-actions';
import { keepFocusOnNextRoute } from '../../components/use-route-focus';
import type { TaskSearch } from './task-search';

const TEXT = {
  position: (n: number, total: number, more: boolean) =>
    more
      ? `Task ${String(n)} of ${String(total)}+`
      : `Task ${String(n)} of ${String(total)}`,
  first: 'This is the first task.',
  last: 'This is the last task.',
  loadingMore: 'Loading more tasks…',
  back: 'Back to the list',
};

interface ListKeyboardOptions {
  ids: readonly string[];
  hasMore: boolean;
  selectedTaskId: string | undefined;
  search: TaskSearch;
  scrollRef: RefObject<HTMLElement | null>;
  scrollToIndex: (index: number) => void;
  /** The rows the virtualiser rendered; a change may bring the wanted card. */
  rendered: unknown;
}

function findCard(root: HTMLElement | null, id: string): HTMLElement | null {
  const cards = root?.querySelectorAll<HTMLElement>('[data-task-id]') ?? [];
  return [...cards].find((card) => card.dataset.taskId === id) ?? null;
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
  search,
  scrollRef,
  scrollToIndex,
  rendered,
}: ListKeyboardOptions): void {
  const navigate = useNavigate();
  const [wanted, setWanted] = useState<string | null>(null);

  useEffect(() => {
    if (!wanted) return;
    const card = findCard(scrollRef.current, wanted);
    if (!card) return;
    card.focus();
    setWanted(null);
  }, [wanted, rendered, scrollRef]);

  const cursor = (): number => {
    const active = document.activeElement;
    const focused =
      active instanceof HTMLElement && scrollRef.current?.contains(active)
        ? active.closest<HTMLElement>('[data-task-id]')?.dataset.taskId
        : undefined;
    const id = focused ?? selectedTaskId;
    return id ? ids.indexOf(id) : -1;
  };

  const move = (delta: 1 | -1) => () => {
    const from = cursor();
    const to =
      from === -1 ? 0 : Math.min(Math.max(from + delta, 0), ids.length - 1);
    const id = ids[to];
    if (id === undefined) return null;
    scrollToIndex(to);
    setWanted(id);
    if (to === from && delta > 0) return hasMore ? TEXT.loadingMore : TEXT.last;
    if (to === from) return TEXT.first;
    return TEXT.position(to + 1, ids.length, hasMore);
  };

  useShortcutAction('next-task', move(1));
  useShortcutAction('previous-task', move(-1));
  useShortcutAction(
    'back-to-list',
    () => {
      if (!selectedTaskId) return null;
      const index = ids.indexOf(selectedTaskId);
      if (index !== -1) {
        scrollToIndex(index);
        setWanted(selectedTaskId);
        keepFocusOnNextRoute();
      }
      void navigate({ to: '/tasks', search });
      return TEXT.back;
    },
    Boolean(selectedTaskId),
  );
}
