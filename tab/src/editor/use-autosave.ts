import { useEffect, useSyncExternalStore } from 'react';
import type { Autosave, EditorState } from './autosave-core';

export function useEditorState<R, D, I>(controller: Autosave<R, D, I>): EditorState<D, I> {
  return useSyncExternalStore(controller.subscribe, controller.getState);
}

/**
 * The autosave of a page, stopped when the page goes: a removal still waiting for its Undo is saved
 * first (leaving commits it). The page goes when the view changes inside the tab (unmount) or when
 * the document itself is left (`pagehide`).
 *
 * `pagehide` rather than `beforeunload` alone: Teams takes a tab's frame out of its window when the
 * person moves to another tab or app (unless it keeps the tab cached), and a frame taken out fires
 * `pagehide` but never `beforeunload`; mobile web views do not fire `beforeunload` either. The page
 * may come back from the back-forward cache after `pagehide`, so the autosave keeps running.
 */
export function useCloseOnLeave<R, D, I>(controller: Autosave<R, D, I>): void {
  useEffect(() => {
    const hide = () => {
      if (controller.commitRemovals()) void controller.flush();
    };
    window.addEventListener('pagehide', hide);
    return () => {
      window.removeEventListener('pagehide', hide);
      void controller.close();
    };
  }, [controller]);
}

/**
 * Unsaved changes live only in memory, so leaving the page would lose them: the browser (and the
 * Teams client) asks the user first.
 */
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
