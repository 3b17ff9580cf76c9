import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContentLibrary } from '../../../bot/src/content/load-content.js';
import type { HackettGuide, LanguageGuide, RiskTemplate } from '../../../tab/src/api/content-types';

interface TabContent {
  riskTemplate: RiskTemplate;
  language: LanguageGuide;
  hackett: HackettGuide;
}

/**
 * The real content/ folder, loaded and validated as the server loads it for the content routes, once
 * per jest run: the first test file to ask keeps the guides the tab uses, as JSON (as the tab gets
 * them), in the run's folder (tests/setup/run-folder.js), and later files read that copy. Without
 * the run's folder (another jest config), each file loads content/ itself.
 */
function load(): TabContent {
  const runDir = process.env.HSB_TEST_RUN_DIR;
  const copy = runDir ? join(runDir, 'tab-content.json') : undefined;
  if (copy && existsSync(copy)) return JSON.parse(readFileSync(copy, 'utf8')) as TabContent;
  const library = loadContentLibrary(join(__dirname, '..', '..', '..', 'content'));
  const content: TabContent = {
    riskTemplate: library.riskTemplate,
    language: library.language,
    hackett: library.hackett,
  };
  if (copy) {
    // Written whole, then renamed into place: a worker reading at the same time sees no half file.
    const part = `${copy}.${process.pid}`;
    writeFileSync(part, JSON.stringify(content));
    renameSync(part, copy);
  }
  return content;
}

const content = load();

export function riskTemplate(): RiskTemplate {
  return content.riskTemplate;
}

export function languageGuide(): LanguageGuide {
  return content.language;
}

export function hackettGuide(): HackettGuide {
  return content.hackett;
}
