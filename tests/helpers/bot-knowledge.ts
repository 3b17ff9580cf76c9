import { join } from 'node:path';
import { interimContent } from '../../bot/src/bot/interim-content.js';
import { projectRoot } from '../../bot/src/paths.js';

/** The FAQ and Hackett guide the running bot uses, from the repository's content/. */
export function botKnowledge() {
  return interimContent(join(projectRoot(), 'content'));
}
