/* global document, getComputedStyle */
// jsdom matches every stylesheet rule against the element in getComputedStyle, which role queries,
// user-event and Fluent's positioning call many times per action. Its selector engine (nwsapi) keeps
// only the last 1000 compiled selectors, and Fluent's styles put thousands of rules on the page, so
// each call walked past the cache and compiled every selector again: most of a jsdom test's time.
// The engines' caches are made unbounded: the answers are the same, each selector compiled once per
// test file. Given to every test file (jest.config.js setupFiles); does nothing outside jsdom.
// tests/tab/dom-support.test.ts checks that it takes effect.

function unboundedCache() {
  const entries = new Map();
  return {
    clear: () => entries.clear(),
    get: (key) => entries.get(key),
    has: (key) => entries.has(key),
    set: (key, value) => (entries.set(key, value), value),
    size: () => entries.size,
  };
}

/** jsdom's selector engines behind `document`: one for querySelector and matches, one for styles. */
function selectorEngines() {
  const implKey = Object.getOwnPropertySymbols(document).find((s) => s.description === 'impl');
  if (!implKey) return [];
  const impl = document[implKey];
  // jsdom makes each engine on first use.
  document.querySelector('*');
  const probe = document.createElement('style');
  probe.textContent = 'html {}';
  document.head.append(probe);
  getComputedStyle(document.documentElement);
  probe.remove();
  return [impl._nwsapi, impl._nwsapiDontThrow].filter(
    (engine) => typeof engine === 'object' && engine !== null,
  );
}

if (typeof document !== 'undefined') {
  for (const engine of selectorEngines()) {
    for (const cache of ['matchLambdas', 'selectLambdas', 'matchResolvers', 'selectResolvers']) {
      if (typeof engine[cache]?.get === 'function') Object.assign(engine[cache], unboundedCache());
    }
  }
}
