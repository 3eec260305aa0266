import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * Keeps the task under the user's eyes in place when tasks appear or vanish
 * above it (a poll), and counts tasks that arrived above the viewport.
 * Rows have a fixed height, so positions follow from indexes.
 */
export function useScrollAnchor(
  ids: readonly string[],
  scrollRef: RefObject<HTMLElement | null>,
  rowHeight: number,
) {
  const previous = useRef<readonly string[]>(ids);
  const [newAbove, setNewAbove] = useState(0);

  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = ids;
    const element = scrollRef.current;
    if (!element || before === ids || element.scrollTop <= 0) return;
    const firstVisible = Math.floor(element.scrollTop / rowHeight);
    const offset = element.scrollTop - firstVisible * rowHeight;
    const anchorId = before[firstVisible];
    // A page added below leaves the anchor where it was: no search through
    // thousands of loaded ids for it.
    if (anchorId === undefined || ids[firstVisible] === anchorId) return;
    const anchorIndex = ids.indexOf(anchorId);
    if (anchorIndex === -1 || anchorIndex === firstVisible) return;
    element.scrollTop = anchorIndex * rowHeight + offset;
    const known = new Set(before);
    const arrived = ids
      .slice(0, anchorIndex)
      .filter((id) => !known.has(id)).length;
    if (arrived > 0) setNewAbove((count) => count + arrived);
  }, [ids, scrollRef, rowHeight]);

  return {
    newAbove,
    clear: () => {
      setNewAbove(0);
    },
  };
}
