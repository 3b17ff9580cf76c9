import type { Page } from 'playwright-core';
import { seriousViolations, type AxeViolation } from './tab-browser.js';

/**
 * What a person at the keyboard must never meet: focus dropped to <body> (the next Tab starts again at
 * the top of the page), a focused control they cannot see because something is drawn over it (WCAG 2.2,
 * 2.4.11), an accessibility violation, or (in the 320 px meeting side panel) a page that scrolls sideways.
 *
 * The watcher runs inside the page from before the app's first script (page.addInitScript), so it sees
 * every document, including the one after a reload. Browser-side code is plain text: these tests compile
 * without the DOM's types.
 */
const watcher = `(() => {
  if (window.__focusWatch) return;
  const describe = (el) => {
    if (!el || el === document.body) return '<body>';
    const name = (el.getAttribute('aria-label') || el.getAttribute('data-path') || el.textContent || '')
      .replace(/\\s+/g, ' ').trim().slice(0, 60);
    const role = el.getAttribute('role');
    return el.tagName.toLowerCase() + (role ? '[role=' + role + ']' : '') + (name ? ' "' + name + '"' : '');
  };
  const state = { losses: [], pending: null, lastKey: null, leaving: false, strict: false };
  const onBody = () => !document.activeElement || document.activeElement === document.body;
  // A reload or leaving the page blurs everything: that is the browser's doing, not the app's.
  addEventListener('pagehide', () => { state.leaving = true; }, true);
  addEventListener('beforeunload', () => { state.leaving = true; }, true);
  addEventListener('keydown', (e) => {
    // Focus still on <body> when the next key is pressed: the app never put it anywhere.
    if (state.pending) { state.losses.push(state.pending); state.pending = null; }
    state.lastKey = (e.shiftKey && e.key !== 'Shift' ? 'Shift+' : '') + e.key;
  }, true);
  document.addEventListener('focusout', (e) => {
    if (e.relatedTarget || state.leaving) return;
    // Tab past the last control leaves the page for the browser's own UI.
    if (state.lastKey === 'Tab' || state.lastKey === 'Shift+Tab') return;
    const from = describe(e.target);
    const afterKey = state.lastKey;
    // The app may move focus on in the same task or the next frame (a dialog restoring focus, a new
    // row's first field): only a fall that outlasts that is one.
    queueMicrotask(() => requestAnimationFrame(() => requestAnimationFrame(() => {
      if (state.leaving || !onBody() || state.pending) return;
      const fall = { from, afterKey, at: Math.round(performance.now()) };
      // Strict: a fall counts even if the app repairs it later.
      if (state.strict) state.losses.push(fall);
      else state.pending = fall;
    })));
  }, true);
  // Focus put somewhere by the app before the next key repairs a fall (a view that focuses its heading
  // once its record has loaded).
  document.addEventListener('focusin', () => { state.pending = null; }, true);
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  window.__focusWatch = {
    strict(on) { state.strict = on; },
    // Three frames first: a focusout just before is still being judged (two frames) and must count.
    async take() {
      await frame(); await frame(); await frame();
      const out = state.losses.slice();
      if (state.pending) out.push(state.pending);
      state.losses = [];
      state.pending = null;
      return out;
    },
  };
})()`;

export interface FocusLoss {
  /** The element that had focus. */
  from: string;
  /** The last key pressed before focus fell. */
  afterKey: string | null;
  at: number;
}

/** Installs the focus watcher in every document the page loads from now on (call before goto). */
export async function watchFocus(page: Page): Promise<void> {
  await page.addInitScript(watcher);
}

/** The falls to <body> since the last call, and forgets them. */
export async function takeFocusLosses(page: Page): Promise<FocusLoss[]> {
  return (await page.evaluate('window.__focusWatch ? window.__focusWatch.take() : []')) as FocusLoss[];
}

/**
 * Why the focused element cannot be seen, or null when it can: on <body>, no size, off screen, or drawn
 * under another element. The check hit-tests the centre and four points just inside the corners of its
 * box (those within the viewport): the element itself, something inside it, an ancestor (a control
 * that lets pointer events through) or its own label must be on top at every point. This generalises
 * the sticky-bar check of tab-browser.ts to anything drawn over the control: a bar, a toast, a popover.
 */
export async function focusObstruction(page: Page): Promise<string | null> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'focus is on <body>';
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return 'the focused element has no size';
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const ix = Math.min(3, r.width / 4);
    const iy = Math.min(3, r.height / 4);
    const points = [
      [r.left + r.width / 2, r.top + r.height / 2],
      [r.left + ix, r.top + iy],
      [r.right - ix, r.top + iy],
      [r.left + ix, r.bottom - iy],
      [r.right - ix, r.bottom - iy],
    ].filter(([x, y]) => x >= 0 && y >= 0 && x < vw && y < vh);
    if (points.length === 0) return 'the focused element is outside the viewport';
    const name = (n) => ((n.getAttribute && (n.getAttribute('aria-label') || n.getAttribute('role'))) ||
      n.tagName.toLowerCase() + (n.className && typeof n.className === 'string' ? '.' + n.className.split(' ')[0] : '') ||
      '').slice(0, 60);
    for (const [x, y] of points) {
      const top = document.elementFromPoint(x, y);
      if (!top) continue;
      if (top === el || el.contains(top) || top.contains(el)) continue;
      if (top.tagName === 'LABEL' && (top.control === el || top.htmlFor === el.id)) continue;
      return 'covered at (' + Math.round(x) + ', ' + Math.round(y) + ') by ' + name(top);
    }
    return null;
  })()`);
}

/** The page's width beyond its viewport, in CSS pixels; 0 when nothing scrolls sideways. */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return (await page.evaluate(
    'document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth',
  )) as number;
}

/** A step that has not finished by then is stuck: say which, rather than time out the whole test. */
const STEP_LIMIT = 240_000;

export interface StepProblems {
  step: string;
  focusLosses: FocusLoss[];
  focus: string | null;
  violations: AxeViolation[];
  overflow: number;
}

export interface StepOptions {
  /** The step leaves focus nowhere on purpose (a reload): skip the visible-focus check. */
  focusElsewhere?: boolean;
  /**
   * Focus may not rest on <body> beyond the next frames even if the app puts it somewhere before the
   * next key (a record's page that focuses its title once loaded): a step where the app is known to
   * hold focus throughout.
   */
  strictFocus?: boolean;
}

const setStrict = (page: Page, on: boolean) =>
  page.evaluate(`window.__focusWatch && window.__focusWatch.strict(${on})`);

/**
 * Runs the steps of a keyboard-only journey and checks after each one: no fall of focus to <body>
 * since the last check, the focused element visible and uncovered, axe clean (serious and critical,
 * Fluent's focus guards aside: see seriousViolations), and, when `narrow`, no sideways scroll.
 * Every problem of a step is reported together, named by the step.
 */
export class KeyboardJourney {
  readonly log: string[] = [];

  constructor(
    readonly page: Page,
    readonly narrow: boolean,
  ) {}

  async step(name: string, action: () => Promise<void>, options: StepOptions = {}): Promise<void> {
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Step "${name}" took over ${STEP_LIMIT / 1000} s.`)),
        STEP_LIMIT,
      );
    });
    try {
      if (options.strictFocus) await setStrict(this.page, true);
      await Promise.race([action(), limit]);
    } catch (e) {
      // A step that could not go on often could not because focus had fallen: say so beside the error.
      const losses = await takeFocusLosses(this.page).catch(() => []);
      const message = e instanceof Error ? e.message : String(e);
      throw new Error(
        `Step "${name}" failed: ${message}` +
          (losses.length ? `\nFocus fell to <body> meanwhile: ${JSON.stringify(losses)}` : ''),
        { cause: e },
      );
    } finally {
      clearTimeout(timer);
    }
    const problems = await this.check(name, options);
    if (options.strictFocus) await setStrict(this.page, false);
    this.log.push(`${name}: ${Date.now() - started} ms`);
    // KEYBOARD_TRACE=1 follows a long journey as it runs.
    if (process.env.KEYBOARD_TRACE) process.stderr.write(`${this.log.at(-1)}\n`);
    const clean: StepProblems = { step: name, focusLosses: [], focus: null, violations: [], overflow: 0 };
    if (JSON.stringify(problems) !== JSON.stringify(clean)) {
      throw new Error(`Step "${name}" failed its keyboard checks:\n${JSON.stringify(problems, null, 2)}`);
    }
  }

  async check(name: string, options: StepOptions = {}): Promise<StepProblems> {
    const focusLosses = await takeFocusLosses(this.page);
    const focus = options.focusElsewhere ? null : await focusObstruction(this.page);
    const violations = await seriousViolations(this.page);
    const overflow = this.narrow ? Math.max(0, await sidewaysOverflow(this.page)) : 0;
    return { step: name, focusLosses, focus, violations, overflow };
  }
}
