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
      const height = Math.ceil(bar.getBoundingClientRect().height);
      root.style.scrollPaddingTop = `${height + 8}px`;
      // The bar grew (its status wrapped) after a control took focus: bring that control back out
      // from under it, within the new padding.
      const focused = document.activeElement;
      if (focused instanceof HTMLElement && !bar.contains(focused) && focused !== document.body) {
        const top = focused.getBoundingClientRect().top;
        if (top < bar.getBoundingClientRect().bottom) focused.scrollIntoView({ block: 'nearest' });
      }
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
