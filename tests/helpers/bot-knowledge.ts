import { join } from 'node:path';
import { libraryFaqAnswers, libraryHackettGuide } from '../../bot/src/bot/library-knowledge.js';
import { loadContentLibrary } from '../../bot/src/content/load-content.js';
import { projectRoot } from '../../bot/src/paths.js';

/** The FAQ and Hackett guide the running bot uses, from the repository's content/. */
export function botKnowledge() {
  const library = loadContentLibrary(join(projectRoot(), 'content'));
  return { faq: libraryFaqAnswers(library), hackett: libraryHackettGuide(library) };
}
