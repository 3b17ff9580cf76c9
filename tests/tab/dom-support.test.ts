/** @jest-environment jsdom */
import { selectorEngines } from './support/dom';
import { describe, expect, it } from '@jest/globals';

describe('the jsdom support for the tab tests', () => {
  it('keeps every compiled selector, so a page with thousands of style rules is not compiled again on each style read', () => {
    const engines = selectorEngines();
    // One engine for querySelector and matches, one for getComputedStyle.
    expect(engines).toHaveLength(2);
    const style = document.createElement('style');
    style.textContent = Array.from({ length: 1500 }, (_, i) => `.rule-${i} { display: none; }`).join('\n');
    document.head.append(style);
    const box = document.createElement('div');
    box.className = 'rule-1499';
    document.body.append(box);
    expect(getComputedStyle(box).display).toBe('none');
    for (let i = 0; i < 1500; i++) document.querySelector(`.rule-${i}`);
    for (const engine of engines) {
      expect(
        (engine.matchResolvers.size as () => number)() + (engine.selectResolvers.size as () => number)(),
      ).toBeGreaterThan(1500);
    }
  });
});
