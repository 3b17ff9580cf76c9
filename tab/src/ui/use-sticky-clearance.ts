import { useEffect, useRef } from 'react';

/**
 * Keeps whatever takes focus clear of a bar stuck to the top of the page (WCAG 2.2, 2.4.11 Focus Not
 * Obscured): the page's scroll padding follows the bar's height, which changes as it wraps, so the
 * browser scrolls a focused control below the bar rather than under it.
 */
export function useStickyClearance<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const bar = ref.current;
    const root = document.documentElement;
    if (!bar || typeof ResizeObserver === 'undefined') return;
    const update = () => {
      root.style.scrollPaddingTop = `${Math.ceil(bar.getBoundingClientRect().height) + 8}px`;
    };
    const observer = new ResizeObserver(update);
    observer.observe(bar);
    update();
    return () => {
      observer.disconnect();
      root.style.scrollPaddingTop = '';
    };
  }, []);
  return ref;
}
