import type { HackettLevel } from '../../../../core/index.js';
import type { HackettGuide } from '../hackett-guide.js';
import type {
  AgeBand,
  BehaviourKind,
  ConsentAnswer,
  FrequencyAnswer,
  Placement,
  PowerAnswer,
} from '../hackett-placement.js';
import formTemplate from './classify-form.json';
import resultTemplate from './classify-result.json';
import { markdownList, sourcesMarkdown } from './markdown-blocks.js';
import { cardAttachment, expandCard } from './render-card.js';

export const BROOK_TOOL_URL =
  'https://www.brook.org.uk/our-work/using-the-sexual-behaviours-traffic-light-tool';

/** Choice titles: the labels of the guided card, in our words (Brook's behaviour lists are not used). */
export const AGE_BAND_CHOICES: readonly { value: AgeBand; title: string }[] = [
  { value: 'under-5', title: 'Under 5' },
  { value: '5-9', title: '5 to 9' },
  { value: '9-13', title: '9 to 13' },
  { value: '13-17', title: '13 to 17' },
];

export const BEHAVIOUR_CHOICES: readonly { value: BehaviourKind; title: string }[] = [
  { value: 'talk', title: 'Sexual talk, jokes or comments' },
  { value: 'looking-showing', title: 'Looking at or showing bodies' },
  { value: 'touching-clothed', title: 'Kissing, hugging or touching over clothes' },
  { value: 'touching-intimate', title: 'Touching genitals, or under clothes' },
  { value: 'images', title: 'Nude or sexual images or videos (asking for, sending, sharing)' },
  { value: 'sexual-acts', title: 'Sexual acts, or acting them out' },
  { value: 'force', title: 'Physical force or violence' },
];

export const CONSENT_CHOICES: readonly { value: ConsentAnswer; title: string }[] = [
  { value: 'mutual', title: 'Mutual: everyone involved freely agreed' },
  { value: 'unclear', title: 'Unclear' },
  { value: 'not-given', title: 'Not given, or not possible (age, ability, pressure)' },
];

export const POWER_CHOICES: readonly { value: PowerAnswer; title: string }[] = [
  { value: 'equal', title: 'Similar age, size, ability and status' },
  { value: 'some', title: 'Some difference in age, ability or status' },
  { value: 'misused', title: 'A difference was used: threats, bribes, force or status' },
];

export const FREQUENCY_CHOICES: readonly { value: FrequencyAnswer; title: string }[] = [
  { value: 'once', title: 'Once' },
  { value: 'occasional', title: 'Now and then' },
  { value: 'repeated', title: 'Repeatedly, compulsively, or carrying on after adults stepped in' },
];

export interface ClassifyPrefill {
  ageBand?: string;
  seen?: string;
  consent?: string;
  power?: string;
  frequency?: string;
}

export function classifyFormCard(prefill: ClassifyPrefill = {}, problem = '') {
  return cardAttachment(
    expandCard(formTemplate, {
      problem,
      ageBand: prefill.ageBand ?? '',
      seen: prefill.seen ?? '',
      consent: prefill.consent ?? '',
      power: prefill.power ?? '',
      frequency: prefill.frequency ?? '',
      ageBands: AGE_BAND_CHOICES,
      kinds: BEHAVIOUR_CHOICES,
      consents: CONSENT_CHOICES,
      powers: POWER_CHOICES,
      frequencies: FREQUENCY_CHOICES,
    }),
  );
}

const LEVEL_COLOR: Record<HackettLevel, string> = {
  normal: 'Good',
  inappropriate: 'Warning',
  problematic: 'Warning',
  abusive: 'Attention',
  violent: 'Attention',
};

export function classifyResultCard(placement: Placement, guide: HackettGuide) {
  const level = guide.level(placement.level);
  return cardAttachment(
    expandCard(resultTemplate, {
      title: level.title,
      color: LEVEL_COLOR[placement.level],
      description: level.description,
      reasonsMarkdown: markdownList(placement.reasons),
      responsesMarkdown: markdownList(level.schoolResponse),
      notesMarkdown: placement.notes.map((n) => `**${n}**`).join('\n\n'),
      sourcesMarkdown: `Follows ${guide.guidanceEdition}. Sources:\r${sourcesMarkdown(guide.sources.slice(0, 2))}\r- [Brook: using the Sexual Behaviours Traffic Light Tool](${BROOK_TOOL_URL}) (age-by-age examples, for trained staff)`,
      brookUrl: BROOK_TOOL_URL,
    }),
  );
}
