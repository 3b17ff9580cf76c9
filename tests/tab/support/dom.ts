/**
 * What jsdom lacks and Fluent UI uses: ResizeObserver (MessageBar), matchMedia (motion), CSS.escape.
 * Layout is not part of what these tests check, so observers never fire.
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
const css = (w.CSS ??= {}) as Record<string, unknown>;
css.escape ??= (value: string) => value.replace(/["\\]/g, '\\$&');

// Autosave updates the screen from its own timers, as it does in a browser; tests wait for the
// result with waitFor, so React's "not wrapped in act" notice for those updates is expected noise.
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('not wrapped in act')) return;
  consoleError(...args);
};

/**
 * jsdom matches every stylesheet rule against the element in getComputedStyle, which role queries,
 * user-event and Fluent's positioning call many times per action. Its selector engine (nwsapi) keeps
 * only the last 1000 compiled selectors, and Fluent's styles put thousands of rules on the page, so
 * each call walked past the cache and compiled every selector again: most of a test's time. The
 * engines' caches are made unbounded; the answers are the same, compiled once per test file.
 */
type SelectorCache = Record<'clear' | 'get' | 'has' | 'set' | 'size', unknown>;
export type SelectorEngine = Record<
  'matchLambdas' | 'selectLambdas' | 'matchResolvers' | 'selectResolvers',
  SelectorCache
>;

function unboundedCache(): SelectorCache {
  const entries = new Map<string, unknown>();
  return {
    clear: () => entries.clear(),
    get: (key: string) => entries.get(key),
    has: (key: string) => entries.has(key),
    set: (key: string, value: unknown) => (entries.set(key, value), value),
    size: () => entries.size,
  };
}

/** jsdom's selector engines behind `document`: one for querySelector and matches, one for styles. */
export function selectorEngines(): SelectorEngine[] {
  const implKey = Object.getOwnPropertySymbols(document).find((s) => s.description === 'impl');
  if (!implKey) return [];
  const impl = (document as unknown as Record<symbol, Record<string, unknown>>)[implKey]!;
  // jsdom makes each engine on first use.
  document.querySelector('*');
  const probe = document.createElement('style');
  probe.textContent = 'html {}';
  document.head.append(probe);
  getComputedStyle(document.documentElement);
  probe.remove();
  return [impl._nwsapi, impl._nwsapiDontThrow].filter(
    (engine): engine is SelectorEngine => typeof engine === 'object' && engine !== null,
  );
}

for (const engine of selectorEngines()) {
  for (const cache of ['matchLambdas', 'selectLambdas', 'matchResolvers', 'selectResolvers'] as const) {
    if (typeof engine[cache]?.get === 'function') Object.assign(engine[cache], unboundedCache());
  }
}
