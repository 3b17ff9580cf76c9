import template from './help.json';
import { cardAttachment, expandCard, memoCard } from './render-card.js';

/** The commands as the help card lists them; the Teams manifest's command list says the same. */
export const COMMAND_LIST: readonly { name: string; description: string }[] = [
  { name: 'help', description: 'What I can do (hi or hello work too).' },
  {
    name: 'ask …',
    description: 'Ask a question, e.g. "ask what counts as HSB?": the closest FAQ answer, with sources.',
  },
  {
    name: 'new case',
    description:
      'Open a case with a draft risk assessment. I only ever show its case reference; add the children in the tab.',
  },
  {
    name: 'new assessment',
    description: 'Start a draft risk assessment in a new case. I only ever show its case reference.',
  },
  { name: 'reviews', description: 'Case references whose review is due or overdue (due works too).' },
  { name: 'classify', description: 'Think through where a behaviour sits on Hackett’s continuum.' },
];

const INTRO =
  'I help your safeguarding team respond to harmful sexual behaviour between children, using the HSB resource pack. @mention me in your safeguarding channel, or chat with me 1:1.';

const PRIVACY =
  'I never ask for or show a child’s name here: cases and plans appear by case reference only, and names are added in the tab. Decisions stay with your DSL.';

const cache = new Map<string, string>();

export function helpCard(options: { tabUrl: string; welcome?: boolean }) {
  return cardAttachment(
    memoCard(cache, `${options.welcome ? 'welcome' : 'help'} ${options.tabUrl}`, () =>
      expandCard(template, {
        title: options.welcome ? 'Thanks for adding the HSB Safeguarding Assistant' : 'What I can do',
        intro: INTRO,
        commands: COMMAND_LIST,
        privacy: PRIVACY,
        tabUrl: options.tabUrl,
      }),
    ),
  );
}
