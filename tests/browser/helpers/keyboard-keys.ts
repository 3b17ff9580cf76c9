import type { Locator, Page } from 'playwright-core';

/** Generous: two cores are shared by the whole team, and a save may wait on the one before. */
export const WAIT = 30_000;

/** Whether `target` has focus now: never waits for it to appear. */
export async function hasFocus(target: Locator): Promise<boolean> {
  return target
    .evaluate((el) => el === el.ownerDocument.activeElement, undefined, { timeout: 2_000 })
    .catch(() => false);
}

/**
 * Presses `key` (Tab by default) until `target` has focus, as a keyboard user moves; fails after `max`
 * presses. Unlike tab-browser's tabTo it first waits for the target to be on screen, and then never
 * waits on it again, so a missing target fails in seconds instead of stalling every press.
 */
export async function tabTo(page: Page, target: Locator, max = 60, key = 'Tab'): Promise<void> {
  await target.waitFor({ timeout: WAIT });
  for (let i = 0; i < max; i++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press(key);
  }
  if (await hasFocus(target)) return;
  throw new Error(
    `Could not reach ${target.toString()} with ${max} × ${key}; focus is on ${await focused(page)}.`,
  );
}

/** A short description of what has focus, for failure messages. */
export async function focused(page: Page): Promise<string> {
  return (await page.evaluate(
    "(() => { const a = document.activeElement; return a ? a.outerHTML.slice(0, 160) : 'nothing'; })()",
  )) as string;
}

/** Waits, without sleeping blindly, until `target` has focus; fails with what has it instead. */
export async function waitForFocus(page: Page, target: Locator, timeout = WAIT): Promise<void> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if (await hasFocus(target)) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`${target.toString()} never got focus; focus is on ${await focused(page)}`);
}

/**
 * Waits until the page expression `test` is true. Polled from here, because page.waitForFunction
 * evaluates its text with eval in the page, which the tab's Content-Security-Policy rightly refuses.
 */
export async function waitUntil(page: Page, test: string, timeout = WAIT): Promise<void> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if (await page.evaluate(test)) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`Waited ${timeout} ms for ${test}`);
}

/** Shift+Tab until `target` has focus. */
export function shiftTabTo(page: Page, target: Locator, max = 80): Promise<void> {
  return tabTo(page, target, max, 'Shift+Tab');
}

/** Types text where focus is, as a person does: key by key. */
export async function type(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
}

export async function press(page: Page, ...keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
}

/** The ways a date box may show an ISO date: as it is (a native date input's value) or en-GB dd/mm/yyyy. */
export function dateShown(iso: string): string[] {
  const [year, month, day] = iso.split('-');
  return [iso, `${day}/${month}/${year}`];
}

/**
 * Types an ISO date into the focused date box, then Tab moves on (which is when a typed date is read),
 * and checks the box took it. A native `type="date"` box takes digits in the order of the browser's own
 * interface language, not the page's locale: Debian's Chromium here runs in US English, so month, day,
 * year (as tab-case.test.ts types them). A text box (the en-GB date field, which reads typed dates) takes
 * dd/mm/yyyy. Either way the person only types.
 */
export async function typeDate(page: Page, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  const box = await page.evaluateHandle('document.activeElement');
  const native = await page.evaluate("document.activeElement && document.activeElement.type === 'date'");
  await page.keyboard.type(native ? `${month}${day}${year}` : `${day}/${month}/${year}`);
  await page.keyboard.press('Tab');
  const value = await box.evaluate((el: { value?: string }) => el.value ?? '');
  await box.dispose();
  if (!dateShown(iso).includes(value)) {
    throw new Error(`Typed the date ${iso}, but the date box holds “${value}”.`);
  }
}

/** The text of the option a native select shows. */
export async function selectedLabel(select: Locator): Promise<string> {
  return select.evaluate((el) => (el.selectedOptions[0]?.textContent ?? '').trim());
}

/**
 * Moves a focused native select to the option `label` with the arrow keys: a closed select in Chromium
 * (Windows, Linux) applies each option as the arrow reaches it, which is how the compact editor's section
 * list is used from the keyboard.
 */
export async function arrowToOption(page: Page, select: Locator, label: string | RegExp): Promise<void> {
  const matches = (text: string) => (typeof label === 'string' ? text === label : label.test(text));
  const labels = (await select.evaluate((el) =>
    [...el.options].map((o) => (o.textContent ?? '').trim()),
  )) as string[];
  const want = labels.findIndex(matches);
  if (want < 0) throw new Error(`No option ${String(label)} in ${labels.join(' | ')}`);
  for (let i = 0; i < labels.length; i++) {
    const at = labels.indexOf(await selectedLabel(select));
    if (at === want) return;
    await page.keyboard.press(at < want ? 'ArrowDown' : 'ArrowUp');
  }
  throw new Error(`Could not reach option ${String(label)}`);
}
