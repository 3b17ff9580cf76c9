import { Spinner } from '@fluentui/react-components';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { firstFocusable } from './undo-removal';

/**
 * Focus after an action, so that it never falls to the page's body or jumps to the top: after Add,
 * back to the add-form's first field; after creating a record, to the new page's title; after a
 * change of status or a saved review, to what says it happened.
 */

/** Focuses an element once the screen shows it: after the render that follows an action. */
export function focusSoon(find: () => HTMLElement | null, tries = 20): void {
  const attempt = (left: number) => {
    const el = find();
    if (el?.isConnected) {
      el.focus();
      if (document.activeElement === el) return;
    }
    if (left > 0) requestAnimationFrame(() => attempt(left - 1));
  };
  requestAnimationFrame(() => attempt(tries));
}

let arrival = false;

/** The next page to open puts focus on its title (a record just created: its page is new). */
export function focusTitleOnArrival(): void {
  arrival = true;
}

/** On a page's first render: takes focus to its title if the action that opened it asked for that. */
export function useArrivalFocus(titleId: string): void {
  // Before paint when the title is already drawn, in the same commit that took the loading status
  // (Opening) and its focus away; otherwise as soon as the title shows.
  useLayoutEffect(() => {
    if (!arrival) return;
    arrival = false;
    const title = document.getElementById(titleId);
    title?.focus();
    if (!title || document.activeElement !== title) focusSoon(() => document.getElementById(titleId));
  }, [titleId]);
}

/**
 * What a page shows while it loads. When an action opened the page (focusTitleOnArrival), this
 * status line holds focus, from the moment the old view goes until the page's title takes it, so
 * focus never rests on the page's body in between.
 */
export function Opening({ label }: { label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // Before paint, in the same commit that took away what had focus.
  useLayoutEffect(() => {
    if (arrival) ref.current?.focus();
  }, []);
  return (
    <div ref={ref} role="status" tabIndex={-1}>
      <Spinner size="small" label={label} />
    </div>
  );
}

/**
 * An add-form: after Add, focus returns to its first field for the next entry and a status line,
 * read by screen readers, says what was added.
 */
export function useAddForm<T extends HTMLElement = HTMLDivElement>() {
  const ref = useRef<T>(null);
  const [added, setAdded] = useState('');
  const announce = useCallback((text: string) => {
    setAdded(text);
    focusSoon(() => (ref.current ? firstFocusable(ref.current) : null));
  }, []);
  return { ref, added, announce };
}

/** The status line of an add-form: always in the page, so that a change to it is announced. */
export function AddedStatus({ text }: { text: string }) {
  return (
    <span role="status" className="visually-hidden">
      {text}
    </span>
  );
}
