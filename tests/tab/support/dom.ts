import { TextEncoder as NodeTextEncoder } from 'node:util';
import { configure } from '@testing-library/react';

// The tab re-renders its whole page on each change; on CI's busy two cores an answer or a focus move
// can take longer than testing-library's default second. findBy and waitFor return as soon as what
// they wait for holds, so a longer limit slows only a test that is failing anyway.
configure({ asyncUtilTimeout: 10_000 });

/**
 * What jsdom lacks and the tab uses: ResizeObserver (MessageBar), matchMedia (motion), CSS.escape
 * (Fluent UI) and TextEncoder (the API client sizes a save before sending it keepalive). Layout is
 * not part of what these tests check, so observers never fire.
 */
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const w = window as unknown as Record<string, unknown>;
w.ResizeObserver ??= NoopResizeObserver;
w.matchMedia ??= (query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
  addListener: () => undefined,
  removeListener: () => undefined,
  dispatchEvent: () => false,
});
w.TextEncoder ??= NodeTextEncoder;
const css = (w.CSS ??= {}) as Record<string, unknown>;
css.escape ??= (value: string) => value.replace(/["\\]/g, '\\$&');

// Autosave updates the screen from its own timers, as it does in a browser; tests wait for the
// result with waitFor, so React's "not wrapped in act" notice for those updates is expected noise.
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('not wrapped in act')) return;
  // Griffel's warning that two components' style classes were joined as text: the later ones then
  // fail to override the earlier (use mergeClasses). A test that renders such a thing fails.
  if (typeof args[0] === 'string' && args[0].startsWith('mergeClasses():')) throw new Error(args[0]);
  consoleError(...args);
};
