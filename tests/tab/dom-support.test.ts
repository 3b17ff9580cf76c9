/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';

interface SelectorEngine {
  matchResolvers: { size(): number };
  selectResolvers: { size(): number };
}

/** jsdom's selector engines behind `document`, as tests/setup/jsdom-selector-cache.js finds them. */
function selectorEngines(): SelectorEngine[] {
  const implKey = Object.getOwnPropertySymbols(document).find((s) => s.description === 'impl');
  const impl = implKey
    ? (document as unknown as Record<symbol, Record<string, unknown>>)[implKey]
    : undefined;
  return [impl?._nwsapi, impl?._nwsapiDontThrow].filter((e): e is SelectorEngine => typeof e === 'object');
}

describe('the jsdom set-up for every test file', () => {
  it('keeps every compiled selector, so a page with thousands of style rules is not compiled again on each style read', () => {
    const style = document.createElement('style');
    style.textContent = Array.from({ length: 1500 }, (_, i) => `.rule-${i} { display: none; }`).join('\n');
    document.head.append(style);
    const box = document.createElement('div');
    box.className = 'rule-1499';
    document.body.append(box);
    expect(getComputedStyle(box).display).toBe('none');
    for (let i = 0; i < 1500; i++) document.querySelector(`.rule-${i}`);
    // One engine for querySelector and matches, one for getComputedStyle; each still holds them all.
    const engines = selectorEngines();
    expect(engines).toHaveLength(2);
    for (const engine of engines) {
      expect(engine.matchResolvers.size() + engine.selectResolvers.size()).toBeGreaterThanOrEqual(1500);
    }
  });
});
