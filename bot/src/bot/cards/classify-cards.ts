import {
  aggravatingChoices,
  classificationQuestions,
  consentChoices,
  frequencyChoices,
  MAX_AGE,
  powerChoices,
  seenChoices,
  settingChoices,
  type Classification,
  type HackettLevel,
} from '../../../../core/index.js';
import type { HackettGuide } from '../hackett-guide.js';
import formTemplate from './classify-form.json';
import resultTemplate from './classify-result.json';
import { markdownList, sourcesMarkdown } from './markdown-blocks.js';
import { cardAttachment, expandCard, type AdaptiveCardJson } from './render-card.js';

export const BROOK_TOOL_URL =
  'https://www.brook.org.uk/our-work/using-the-sexual-behaviours-traffic-light-tool';

/** How many children the card asks about: the two most often involved, and one more. */
export const CARD_CHILDREN = 3;

export const ageInputId = (n: number) => `age${n + 1}`;
export const sendInputId = (n: number) => `send${n + 1}`;

/** What the card sends back, or is shown again with: every value as the card submits it, a string. */
export type ClassifyPrefill = Partial<Record<string, string>>;

export function classifyFormCard(prefill: ClassifyPrefill = {}, problem = '') {
  const children = Array.from({ length: CARD_CHILDREN }, (_, n) => ({
    ageId: ageInputId(n),
    sendId: sendInputId(n),
    label: n === 0 ? 'Child 1' : `Child ${n + 1} (if any)`,
    required: n === 0,
    send: prefill[sendInputId(n)] === 'true' ? 'true' : 'false',
    sendLabel: classificationQuestions.sendNeed,
    maxAge: MAX_AGE,
    ageProblem: `A whole number of years, 0 to ${MAX_AGE}.`,
  }));
  const card = expandCard(formTemplate, {
    problem,
    children,
    seen: prefill.seen ?? '',
    consent: prefill.consent ?? '',
    power: prefill.power ?? '',
    frequency: prefill.frequency ?? '',
    setting: prefill.setting ?? '',
    aggravating: prefill.aggravating ?? '',
    agesLabel: classificationQuestions.ages,
    seenLabel: classificationQuestions.seen,
    consentLabel: classificationQuestions.consent,
    powerLabel: classificationQuestions.power,
    frequencyLabel: classificationQuestions.frequency,
    settingLabel: classificationQuestions.setting,
    aggravatingLabel: classificationQuestions.aggravating,
    kinds: seenChoices,
    consents: consentChoices,
    powers: powerChoices,
    frequencies: frequencyChoices,
    settings: settingChoices,
    factors: aggravatingChoices,
  });
  return cardAttachment(withAges(card, prefill));
}

/** An Input.Number's value must be a number or absent, which a template cannot say: set it here. */
function withAges(card: AdaptiveCardJson, prefill: ClassifyPrefill): AdaptiveCardJson {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    if (element.type === 'Input.Number' && typeof element.id === 'string') {
      const given = prefill[element.id];
      if (given !== undefined && /^\d{1,2}$/.test(given)) element.value = Number(given);
    }
    Object.values(element).forEach(visit);
  };
  visit(card.body);
  return card;
}

const LEVEL_COLOR: Record<HackettLevel, string> = {
  normal: 'Good',
  inappropriate: 'Warning',
  problematic: 'Warning',
  abusive: 'Attention',
  violent: 'Attention',
};

export function classifyResultCard(placement: Classification, guide: HackettGuide) {
  const level = guide.level(placement.level);
  return cardAttachment(
    expandCard(resultTemplate, {
      title: level.title,
      color: LEVEL_COLOR[placement.level],
      description: level.description,
      reasonsMarkdown: markdownList(placement.reasons),
      actionsMarkdown: markdownList(placement.actions.map((a) => guide.actionTitle(a))),
      notesMarkdown: placement.notes.map((n) => `**${n}**`).join('\n\n'),
      dslNote: placement.note,
      sourcesMarkdown: `Follows ${guide.guidanceEdition}. Sources:\r${sourcesMarkdown(guide.sources.slice(0, 2))}\r- [Brook: using the Sexual Behaviours Traffic Light Tool](${BROOK_TOOL_URL}) (age-by-age examples, for trained staff)`,
      brookUrl: BROOK_TOOL_URL,
    }),
  );
}
