import { useEffect, useSyncExternalStore } from 'react';
import type { Autosave, EditorState } from './autosave-core';

export function useEditorState<R, D, I>(controller: Autosave<R, D, I>): EditorState<D, I> {
  return useSyncExternalStore(controller.subscribe, controller.getState);
}

/**
 * Unsaved changes live only in memory, so leaving the page would lose them: the browser (and the
 * Teams client) asks the user first.
 */
/**
 * The autosave of a page, stopped when the page goes: a removal still waiting for its Undo is saved
 * first (leaving commits it).
 */
export function useCloseOnLeave<R, D, I>(controller: Autosave<R, D, I>): void {
  useEffect(() => () => void controller.close(), [controller]);
}

export function useLeaveWarning<R, D, I>(controller: Autosave<R, D, I>): void {
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      // Removals waiting for their Undo are committed on the way out; while that save is in flight
      // the browser asks, like for any other unsaved change.
      if (controller.commitRemovals()) void controller.flush();
      if (!controller.hasUnsavedChanges()) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [controller]);
}
