import { useSyncExternalStore } from 'react';

/**
 * Whether the tab is as narrow as a meeting side panel or a phone. The channel tab can be squeezed
 * that far too; what fits two columns at 1366 px has to become one at 320 px.
 */
const NARROW = '(max-width: 640px)';

function subscribe(changed: () => void): () => void {
  const query = window.matchMedia?.(NARROW);
  if (!query) return () => undefined;
  query.addEventListener('change', changed);
  return () => query.removeEventListener('change', changed);
}

const narrowNow = () => window.matchMedia?.(NARROW).matches ?? false;

export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, narrowNow, () => false);
}
