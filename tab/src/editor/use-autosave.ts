import { useEffect, useSyncExternalStore } from 'react';
import type { Autosave, EditorState } from './autosave-core';

export function useEditorState<R, D, I>(controller: Autosave<R, D, I>): EditorState<D, I> {
  return useSyncExternalStore(controller.subscribe, controller.getState);
}

/**
 * Unsaved changes live only in memory, so leaving the page would lose them: the browser (and the
 * Teams client) asks the user first.
 */
export function useLeaveWarning<R, D, I>(controller: Autosave<R, D, I>): void {
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!controller.hasUnsavedChanges()) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [controller]);
}
