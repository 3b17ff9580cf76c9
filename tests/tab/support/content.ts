import { join } from 'node:path';
import { loadContentLibrary } from '../../../bot/src/content/load-content.js';
import type { HackettGuide, LanguageGuide, RiskTemplate } from '../../../tab/src/api/content-types';

/** The real content/ folder, loaded and validated as the server loads it for the content routes. */
const library = loadContentLibrary(join(__dirname, '..', '..', '..', 'content'));

export function riskTemplate(): RiskTemplate {
  return library.riskTemplate;
}

export function languageGuide(): LanguageGuide {
  return library.language;
}

export function hackettGuide(): HackettGuide {
  return library.hackett;
}
