import { useEffect, useRef } from 'react';
import { parseRoute } from '../app/router';

/**
 * Brings a strategy or measure into view, with focus on its first field, when the address names it
 * (`#/assessments/<id>/<section>/<item id>`, the links of "My actions"). Runs once as the item first
 * appears, so it never takes focus from someone already working on the page.
 */
export function useLinkedItem<T extends HTMLElement>(itemId: string | undefined) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const route = parseRoute(window.location.hash);
    if (!itemId || route.name !== 'assessment' || route.item !== itemId) return;
    const el = ref.current;
    el?.scrollIntoView?.({ block: 'center' });
    el?.querySelector<HTMLElement>('input, textarea')?.focus({ preventScroll: true });
  }, [itemId]);
  return ref;
}
