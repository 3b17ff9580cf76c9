import { useEffect, useSyncExternalStore } from 'react';
import type { AutosaveController, EditorState } from './autosave-controller';

export function useEditorState(controller: AutosaveController): EditorState {
  return useSyncExternalStore(controller.subscribe, controller.getState);
}

/**
 * Unsaved changes live only in memory, so leaving the page would lose them: the browser (and the
 * Teams client) asks the user first.
 */
export function useLeaveWarning(controller: AutosaveController): void {
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
