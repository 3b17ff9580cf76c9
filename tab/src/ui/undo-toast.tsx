import { Button, Toast, ToastTitle, useToastController } from '@fluentui/react-components';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { flushSync } from 'react-dom';
import { appToasterId } from './toasts';
import {
  focusEntry,
  focusPlace,
  LapseTimer,
  placeOf,
  UNDO_MS,
  type Place,
  type RemovalSpec,
} from './undo-removal';

/** What holds removals back from saving: a page's autosave (autosave-core.ts). */
export interface RemovalHolder<D> {
  holdRemoval(id: string, remove: (draft: D) => D, restore: (draft: D) => D): void;
  undoRemoval(id: string): boolean;
  commitRemoval(id: string): void;
  heldRemovals(): readonly string[];
  subscribe(listener: () => void): () => void;
}

type Remove<D> = (spec: RemovalSpec<D>) => void;

// One page edits one kind of record; the section that asks knows which (useRemoval<D>).
const RemovalContext = createContext<Remove<unknown> | null>(null);

let sequence = 0;

/** The toast's own element, to know whether it has focus when it goes. */
const toastSelector = (id: string) => `[data-undo-toast="${CSS.escape(id)}"]`;

/**
 * Keeps what has focus clear of the toasts at the foot of the window (WCAG 2.2, 2.4.11): the page's
 * bottom scroll padding follows the height of the stack, so the browser scrolls a focused control above it.
 */
function clearOfToasts(): void {
  const stack = document.querySelector<HTMLElement>('[data-toaster-position]');
  const height = stack ? Math.ceil(stack.getBoundingClientRect().height) : 0;
  document.documentElement.style.scrollPaddingBottom = height > 0 ? `${height + 16}px` : '';
}

function UndoToast({
  id,
  message,
  place,
  onUndo,
  timer,
}: {
  id: string;
  message: string;
  place: Place;
  onUndo: () => void;
  timer: LapseTimer;
}) {
  const undo = useRef<HTMLButtonElement>(null);
  // Focus comes here from the Remove button, so Enter undoes at once and nothing falls to the page.
  useEffect(() => {
    undo.current?.focus();
    clearOfToasts();
    return () => {
      requestAnimationFrame(clearOfToasts);
    };
  }, []);
  // The toast sits at the edge of the window; Tab and Shift+Tab go back to where the entry was.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab') return;
    if (focusPlace(place, event.shiftKey)) event.preventDefault();
  };
  return (
    <Toast
      data-undo-toast={id}
      onFocus={() => timer.pause()}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) timer.resume();
      }}
      onMouseEnter={() => timer.pause()}
      onMouseLeave={() => {
        if (!document.activeElement?.closest(toastSelector(id))) timer.resume();
      }}
    >
      <ToastTitle
        action={
          <Button ref={undo} size="small" onClick={onUndo} onKeyDown={onKeyDown}>
            Undo
          </Button>
        }
      >
        {message}
      </ToastTitle>
    </Toast>
  );
}

interface Live {
  timer: LapseTimer;
  place: Place;
  entry: string;
}

/** When nothing near the entry is left to take focus: the section's heading, never the page's body. */
function focusFallback(): void {
  const heading =
    document.getElementById('section-title') ?? document.querySelector<HTMLElement>('main h1, h1');
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus();
}

/**
 * Gives the sections of one page (a plan, a case) removal with Undo: the entry leaves the view at
 * once, nothing is asked, and a toast offers Undo for UNDO_MS (paused while it has focus or the
 * pointer). Autosave keeps saving the record with the entry in it until the toast lapses or is
 * closed; Undo puts the entry back in its place with focus in it.
 */
export function UndoRemovalProvider<D>({
  holder,
  children,
}: {
  holder: RemovalHolder<D>;
  children: ReactNode;
}) {
  const { dispatchToast, dismissToast } = useToastController(appToasterId);
  const live = useRef(new Map<string, Live>());

  const settle = useCallback(
    (id: string): Live | undefined => {
      const item = live.current.get(id);
      if (!item) return undefined;
      item.timer.cancel();
      live.current.delete(id);
      if (document.activeElement?.closest(toastSelector(id)) && !focusPlace(item.place)) focusFallback();
      dismissToast(id);
      return item;
    },
    [dismissToast],
  );

  const lapse = useCallback(
    (id: string) => {
      if (settle(id)) holder.commitRemoval(id);
    },
    [holder, settle],
  );

  const undo = useCallback(
    (id: string) => {
      const item = live.current.get(id);
      if (!item) return;
      item.timer.cancel();
      live.current.delete(id);
      let back = false;
      // The entry is drawn again before focus moves to it, so focus never passes through the body.
      flushSync(() => {
        back = holder.undoRemoval(id);
      });
      if (!(back && focusEntry(item.entry)) && !focusPlace(item.place)) focusFallback();
      dismissToast(id);
    },
    [holder, dismissToast],
  );

  // A removal the autosave no longer holds (the other version was chosen in a conflict) has no Undo.
  useEffect(
    () =>
      holder.subscribe(() => {
        const held = new Set(holder.heldRemovals());
        for (const id of [...live.current.keys()]) if (!held.has(id)) settle(id);
      }),
    [holder, settle],
  );

  // Leaving the page: the autosave commits what is held (useCloseOnLeave); the toasts go with it.
  useEffect(() => {
    const items = live.current;
    return () => {
      for (const [id, item] of items) {
        item.timer.cancel();
        dismissToast(id);
      }
      items.clear();
    };
  }, [dismissToast]);

  const remove = useCallback<Remove<D>>(
    (spec) => {
      sequence += 1;
      const id = `removal-${sequence}`;
      const place = placeOf(spec.entry);
      // Focus leaves the entry before it goes (then moves on to the toast's Undo), never to the body.
      if (!focusPlace(place)) focusFallback();
      holder.holdRemoval(id, spec.remove, spec.restore);
      const timer = new LapseTimer(UNDO_MS, () => lapse(id));
      live.current.set(id, { timer, place, entry: spec.entry });
      dispatchToast(
        <UndoToast id={id} message={spec.message} place={place} onUndo={() => undo(id)} timer={timer} />,
        {
          toastId: id,
          timeout: -1,
          intent: 'info',
          politeness: 'polite',
          // Closed another way (Escape, Delete): the Undo is gone, so the removal goes ahead.
          onStatusChange: (_, data) => {
            if (data.status === 'dismissed') lapse(id);
          },
        },
      );
    },
    [holder, dispatchToast, lapse, undo],
  );

  const value = useMemo(() => remove as unknown as Remove<unknown>, [remove]);
  return <RemovalContext.Provider value={value}>{children}</RemovalContext.Provider>;
}

/**
 * `remove(spec)` for a section: takes the entry out of view with an Undo toast. The plan and case
 * editors give every section one (UndoRemovalProvider); without it there is nothing to hold a
 * removal back from saving, so removing fails loudly rather than saving at once.
 */
export function useRemoval<D>(): Remove<D> {
  const remove = useContext(RemovalContext) as unknown as Remove<D> | null;
  return useCallback<Remove<D>>(
    (spec) => {
      if (!remove) throw new Error('Removing needs the page’s UndoRemovalProvider.');
      remove(spec);
    },
    [remove],
  );
}
