import { useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';

/**
 * Moves focus to the new page's level-1 heading when the path changes, so
 * keyboard and screen-reader users land on what just opened. Search-param
 * changes (filters, sort) keep focus where the user is.
 */
export function useRouteFocus(): void {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    let frames = 0;
    let handle = 0;
    const tryFocus = () => {
      const heading = document.querySelector<HTMLElement>('#main h1');
      if (heading) {
        heading.focus({ preventScroll: false });
        return;
      }
      // The page may still be loading; give it a moment, then stop looking.
      if (++frames < 120) handle = requestAnimationFrame(tryFocus);
    };
    handle = requestAnimationFrame(tryFocus);
    return () => {
      cancelAnimationFrame(handle);
    };
  }, [pathname]);
}
