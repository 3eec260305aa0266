import { useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { takeKeepFocus } from './shortcut-actions';

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
    if (takeKeepFocus()) return;
    // The old page's heading may linger while the new one loads, so keep
    // following the current h1 for a moment, unless the user moved focus.
    let focused: HTMLElement | null = null;
    let frames = 0;
    let handle = 0;
    const tick = () => {
      const active = document.activeElement;
      if (focused && active !== focused && active !== document.body) return;
      const heading = document.querySelector<HTMLElement>('#main h1');
      if (heading && heading !== focused) {
        heading.focus();
        focused = heading;
      }
      if (++frames < 180) handle = requestAnimationFrame(tick);
    };
    handle = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(handle);
    };
  }, [pathname]);
}
