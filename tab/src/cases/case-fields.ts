import { useCallback, useEffect, useState } from 'react';
import type { CaseDraft } from './case-model';

/** What every section of the case page receives. */
export interface CaseSectionProps {
  draft: CaseDraft;
  edit: (update: (draft: CaseDraft) => CaseDraft) => void;
  /** The problem autosave found at a dotted path, if any. */
  problemAt: (path: string) => string | undefined;
  /** Moves focus to the field at a dotted path once it is on screen (the first field of a new row). */
  focusPath: (path: string) => void;
}

/**
 * After "Add", focus goes to the new row's first field: the caller names its path, and once the row
 * has rendered the field carrying that `data-path` takes focus.
 */
export function useFocusPath(): (path: string) => void {
  const [pending, setPending] = useState<string | null>(null);
  useEffect(() => {
    if (pending === null) return;
    const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(pending)}"]`);
    if (!el) return;
    el.focus();
    setPending(null);
  });
  return useCallback((path: string) => setPending(path), []);
}
