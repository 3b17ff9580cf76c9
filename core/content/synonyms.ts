import { normaliseText } from './text-terms.js';

/**
 * The words staff type, mapped to the words the content uses. A trigger is matched on word boundaries
 * in the query; the group's terms are then searched too, at a lower weight than the words typed, so a
 * synonym widens a search without outranking what the person actually asked. Shared by FAQ and
 * clause search.
 */
export interface SynonymGroup {
  id: string;
  triggers: readonly string[];
  terms: readonly string[];
}

export const synonymGroups: readonly SynonymGroup[] = [
  // KCSIE and staff say "victim" and "perpetrator"; the content says "the child harmed" and "the child who
  // displayed harmful sexual behaviour" (content/README.md, writing rules). Search must bridge the two.
  {
    id: 'child-harmed',
    triggers: ['victim', 'victims', 'survivor', 'the girl who was hurt', 'the boy who was hurt', 'complainant'],
    terms: ['harmed', 'child-harmed'],
  },
  {
    id: 'displayed-hsb',
    triggers: [
      'perpetrator', 'perpetrators', 'alleged perpetrator', 'perp', 'abuser', 'offender', 'the accused',
      'who did it', 'who did this', 'the aggressor', 'instigator',
    ],
    terms: ['displayed', 'displayed-hsb'],
  },
  {
    id: 'decision',
    triggers: [
      'weigh up', 'weighing up', 'weigh', 'decide', 'deciding', 'decision', 'which option', 'what option',
      'options', 'in house', 'in-house', 'deal with it ourselves', 'handle it ourselves',
    ],
    terms: ['options', 'decision', 'factors'],
  },
  {
    id: 'relationship',
    triggers: [
      'having sex', 'had sex', 'have sex', 'sleeping together', 'slept together', 'slept with', 'boyfriend',
      'girlfriend', 'going out', 'dating', 'seeing each other', 'in a relationship',
    ],
    terms: ['relationship', 'age-of-consent', 'dating'],
  },
  {
    id: 'false-report',
    triggers: [
      'making it up', 'made it up', 'make it up', 'making things up', 'made up', 'lying', 'lied', 'lies',
      'not telling the truth', 'get back at', 'getting back at', 'false allegation', 'false accusation',
      'malicious', 'attention seeking',
    ],
    terms: ['false-report', 'malicious', 'made-up'],
  },
  {
    id: 'takedown',
    triggers: [
      'taken down', 'take down', 'take it down', 'takedown', 'get it removed', 'removed from', 'off the internet',
      'remove it', 'report remove',
    ],
    terms: ['takedown', 'report-remove', 'taken-down'],
  },
  {
    id: 'nudes',
    triggers: [
      'nudes',
      'nude',
      'nude pic',
      'nude pics',
      'pic',
      'pics',
      'pix',
      'naked',
      'naked photo',
      'naked pic',
      'sexting',
      'sext',
      'sexts',
      'sexted',
      'dick pic',
      'dick pics',
      'semi-nude',
      'semi-nudes',
      'nudie',
      'nudies',
      'explicit image',
      'explicit images',
      'explicit photo',
      'revenge porn',
      'indecent image',
      'indecent images',
      'topless',
      'intimate image',
      'intimate images',
    ],
    terms: ['nudes', 'semi-nudes', 'images', 'sharing'],
  },
  {
    id: 'airdrop',
    triggers: [
      'airdrop',
      'airdropped',
      'air drop',
      'air dropped',
      'air-dropped',
      'bluetooth',
      'dick pic',
      'dick pics',
      'unsolicited',
      'cyberflashing',
      'cyber flashing',
    ],
    terms: ['airdrop', 'unwanted', 'images', 'bluetooth'],
  },
  {
    id: 'social-apps',
    triggers: [
      'snapchat',
      'snap',
      'snaps',
      'insta',
      'instagram',
      'whatsapp',
      'tiktok',
      'tik tok',
      'group chat',
      'facebook',
      'discord',
      'xbox',
      'playstation',
      'fortnite',
      'roblox',
      'dms',
      'dm',
      'messaged',
    ],
    terms: ['online', 'social-media', 'messages'],
  },
  {
    id: 'upskirting',
    triggers: [
      'upskirting',
      'upskirt',
      'up skirt',
      'up her skirt',
      'up a girls skirt',
      'up a girl skirt',
      'up girls skirt',
      'under skirt',
      'under her skirt',
      'under a skirt',
      'under a teachers skirt',
      'phone under skirt',
      'phone under her skirt',
      'filmed up',
      'photo up',
    ],
    terms: ['upskirting', 'skirt', 'voyeurism'],
  },
  {
    id: 'touching',
    triggers: [
      'touching',
      'touched',
      'touch',
      'touches',
      'groping',
      'groped',
      'grope',
      'gropes',
      'grabbed',
      'grabbing',
      'grab',
      'grabs',
      'bum',
      'bums',
      'bottom',
      'backside',
      'slapping',
      'slapped',
      'pinching',
      'pinched',
      'inappropriate touching',
      'felt up',
      'feeling up',
      'humping',
      'chest',
      'chests',
      'breasts',
      'boobs',
      'private parts',
      'privates',
      'crotch',
    ],
    terms: ['touching', 'groping', 'sexual', 'assault', 'harassment'],
  },
  {
    id: 'banter',
    triggers: [
      'banter',
      'joking',
      'joke',
      'jokes',
      'joked',
      'just a joke',
      'messing about',
      'messing around',
      'mucking about',
      'having a laugh',
      'a laugh',
      'boys will be boys',
      'horseplay',
      'laddish',
      'lad culture',
    ],
    terms: ['banter', 'jokes', 'culture', 'zero-tolerance'],
  },
  {
    id: 'sexual-comments',
    triggers: [
      'comments',
      'comment',
      'name-calling',
      'name calling',
      'slag',
      'slut',
      'whore',
      'sket',
      'frigid',
      'rating girls',
      'rating',
      'catcalling',
      'wolf whistling',
      'remarks',
      'rude messages',
      'sexual messages',
    ],
    terms: ['sexual-comments', 'harassment', 'verbal'],
  },
  {
    id: 'csc',
    triggers: [
      'csc',
      'mash',
      'social services',
      'social care',
      'childrens services',
      'children services',
      'childrens social care',
      'social worker',
      'social workers',
      'front door',
      'first response',
      'spoa',
      'marf',
      'duty team',
      'cin',
      'child in need',
    ],
    terms: ['childrens', 'social-care', 'csc', 'mash', 'referral'],
  },
  {
    id: 'police',
    triggers: [
      'police',
      'polic',
      '101',
      '999',
      'cops',
      'copper',
      'officer',
      'pcso',
      'arrested',
      'arrest',
      'crime',
      'criminal',
      'cps',
      'court',
    ],
    terms: ['police', 'criminal', 'investigation'],
  },
  {
    id: 'dsl-unavailable',
    triggers: [
      'dsl off',
      'dsl away',
      'dsl sick',
      'dsl is off',
      'dsl is away',
      'dsl is sick',
      'dsl absent',
      'dsl not in',
      'dsl out',
      'off sick',
      'no dsl',
      'no deputy',
      'no one on site',
      'nobody on site',
      'no one from the safeguarding team',
      'nobody from the safeguarding team',
      'dsl on a course',
      'dsl unavailable',
      'cant reach the dsl',
      'cant get hold of the dsl',
    ],
    terms: ['dsl', 'deputy', 'unavailable', 'absent'],
  },
  {
    id: 'exclusion',
    triggers: [
      'perm ex',
      'perm-ex',
      'permex',
      'pex',
      'expel',
      'expelled',
      'exclude',
      'excluded',
      'excluding',
      'exclusion',
      'suspend',
      'suspended',
      'suspension',
      'fixed term',
      'fixed-term',
      'fte',
      'kicked out',
      'managed move',
    ],
    terms: ['exclusion', 'suspension', 'sanction'],
  },
  {
    id: 'sanction',
    triggers: [
      'detention',
      'detentions',
      'punish',
      'punished',
      'punishment',
      'sanction',
      'sanctions',
      'consequence',
      'consequences',
      'isolation',
    ],
    terms: ['discipline', 'sanction', 'behaviour-policy'],
  },
  {
    id: 'parents',
    triggers: [
      'mum',
      'mom',
      'dad',
      'mother',
      'father',
      'parent',
      'parents',
      'carer',
      'carers',
      'stepdad',
      'step dad',
      'stepmum',
      'step mum',
      'guardian',
    ],
    terms: ['parents', 'carers'],
  },
  {
    id: 'records',
    triggers: [
      'cpoms',
      'myconcern',
      'my concern',
      'write up',
      'write it up',
      'write down',
      'log it',
      'logging',
      'notes',
      'paperwork',
    ],
    terms: ['record', 'recording', 'notes'],
  },
  {
    id: 'confidentiality',
    triggers: [
      'promise not to tell',
      'dont tell',
      'not to tell',
      'keep it secret',
      'keep it a secret',
      'secret',
      'keep it confidential',
      'confidential',
      'between us',
    ],
    terms: ['confidentiality', 'secret', 'dont-tell'],
  },
  {
    id: 'nfa',
    triggers: [
      'nfa',
      'nfad',
      'nfaed',
      'no further action',
      'not guilty',
      'acquitted',
      'case dropped',
      'dropped the case',
    ],
    terms: ['no-further-action', 'nfa', 'outcome'],
  },
  {
    id: 'send',
    triggers: [
      'sen',
      'senco',
      'autistic',
      'autism',
      'asd',
      'asc',
      'adhd',
      'ehcp',
      'learning difficulties',
      'learning difficulty',
      'learning disability',
      'learning disabilities',
      'special needs',
      'additional needs',
    ],
    terms: ['send', 'senco', 'learning-disability'],
  },
  {
    id: 'sibling',
    triggers: [
      'sibling',
      'siblings',
      'brother',
      'sister',
      'step brother',
      'stepbrother',
      'step sister',
      'stepsister',
      'half brother',
      'half sister',
      'cousin',
    ],
    terms: ['sibling', 'intra-familial', 'family'],
  },
  {
    id: 'helpline',
    triggers: [
      'helpline',
      'hsbss',
      'swgfl',
      'phone number',
      'who can i ring',
      'who do i call for advice',
      'advice line',
    ],
    terms: ['helpline', 'advice'],
  },
  {
    id: 'training',
    triggers: ['inset', 'cpd', 'course', 'courses', 'training', 'twilight', 'staff meeting'],
    terms: ['training', 'cpd'],
  },
  {
    id: 'rumours',
    triggers: [
      'gossip',
      'gossiping',
      'rumour',
      'rumours',
      'rumor',
      'rumors',
      'talking about it',
      'everyone knows',
      'named online',
      'posted her name',
      'posted his name',
    ],
    terms: ['rumours', 'gossip', 'anonymity'],
  },
  {
    id: 'records-retention',
    triggers: [
      'retention',
      'retain',
      'how long do we keep',
      'dob+25',
      'dob 25',
      'gdpr',
      'data protection',
      'delete the record',
      'destroy',
    ],
    terms: ['retention', 'records', 'data-protection'],
  },
  {
    id: 'transfer',
    triggers: [
      'new school',
      'moving school',
      'changing school',
      'leaving for',
      'transfer',
      'transferring',
      'cp file',
      'safeguarding file',
      'in-year transfer',
    ],
    terms: ['transfer', 'cp-file', 'new-school'],
  },
  {
    id: 'outside-school',
    triggers: [
      'party',
      'house party',
      'weekend',
      'saturday',
      'sunday',
      'park',
      'holiday',
      'holidays',
      'outside school',
      'not on school premises',
      'off site',
      'in the community',
    ],
    terms: ['outside-school', 'community', 'weekend'],
  },
  {
    id: 'transport',
    triggers: ['bus', 'buses', 'coach', 'taxi', 'minibus', 'train', 'journey', 'school bus', 'public bus'],
    terms: ['transport', 'bus', 'journey'],
  },
  {
    id: 'disclosure',
    triggers: ['disclosed', 'disclosure', 'told me', 'confided', 'opened up', 'reported'],
    terms: ['disclosure', 'report'],
  },
  {
    id: 'staff-member',
    triggers: [
      'teacher',
      'teachers',
      'ta',
      'ect',
      'nqt',
      'colleague',
      'member of staff',
      'staff member',
      'lsa',
      'supply teacher',
      'cover teacher',
    ],
    terms: ['staff'],
  },
];

export interface YearGroupExpansion {
  phase: 'primary' | 'secondary' | 'sixth-form';
  ages: readonly [number, number];
}

/** England's year groups: Year N children are N+4 to N+5 years old during the school year. */
export function yearGroupPhase(year: number): YearGroupExpansion | undefined {
  if (!Number.isInteger(year) || year < 0 || year > 13) return undefined;
  const ages = [year + 4, year + 5] as const;
  if (year <= 6) return { phase: 'primary', ages };
  if (year <= 11) return { phase: 'secondary', ages };
  return { phase: 'sixth-form', ages };
}

function phaseOfAge(age: number): YearGroupExpansion['phase'] | undefined {
  if (age < 3 || age > 19) return undefined;
  if (age <= 10) return 'primary';
  if (age <= 16) return 'secondary';
  return 'sixth-form';
}

const PHASE_TERMS: Record<YearGroupExpansion['phase'], readonly string[]> = {
  primary: ['primary', 'young-children'],
  secondary: ['secondary'],
  'sixth-form': ['secondary', 'sixth-form'],
};

const YEAR = /\b(?:year|yr|yrs|y)\s?(\d{1,2})s?\b/g;
const AGE = /\b(\d{1,2})\s?(?:-\s?)?(?:years?\s?olds?|yr\s?olds?|yos?|y\/o)\b|\b(?:aged?|ages)\s(\d{1,2})\b/g;
const PHASE_WORDS: readonly [RegExp, YearGroupExpansion['phase']][] = [
  [
    /\b(?:reception|eyfs|nursery|foundation stage|ks1|ks 1|key stage 1|infants?|ks2|ks 2|key stage 2|juniors?|primary)\b/,
    'primary',
  ],
  [/\b(?:ks3|ks 3|key stage 3|ks4|ks 4|key stage 4|gcses?|secondary|high school)\b/, 'secondary'],
  [/\b(?:sixth form|6th form|post-16|post 16|ks5|a levels?|college)\b/, 'sixth-form'],
];

interface CompiledTrigger {
  /** The trigger's first word: a query without it cannot match, so the pattern is not even tried. */
  first: string;
  pattern: RegExp;
  group: SynonymGroup;
}

function compileTrigger(trigger: string, group: SynonymGroup): CompiledTrigger {
  const words = normaliseText(trigger).replace(/'/g, '').split(/[\s-]+/);
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return {
    first: words[0]!,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escaped.join('[\\s-]+')}(?![\\p{L}\\p{N}])`, 'u'),
    group,
  };
}

const triggersByFirstWord = new Map<string, CompiledTrigger[]>();
for (const group of synonymGroups) {
  for (const trigger of group.triggers) {
    const compiled = compileTrigger(trigger, group);
    const list = triggersByFirstWord.get(compiled.first) ?? [];
    list.push(compiled);
    triggersByFirstWord.set(compiled.first, list);
  }
}

/** The query as triggers see it: normalised, apostrophes removed ("don't" → "dont"). */
export function normaliseQuery(query: string): string {
  return normaliseText(query).replace(/'/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Extra words to search for, given what someone typed: synonym groups whose triggers appear, and the
 * phase and ages for a year group or age ("y8", "yr 8", "year 8", "a 12 year old" → secondary).
 */
export function expandQuery(query: string): string[] {
  const q = normaliseQuery(query);
  const extra = new Set<string>();
  const matched = new Set<SynonymGroup>();
  for (const word of new Set(q.split(/[^\p{L}\p{N}+]+/u))) {
    for (const trigger of triggersByFirstWord.get(word) ?? []) {
      if (!matched.has(trigger.group) && trigger.pattern.test(q)) matched.add(trigger.group);
    }
  }
  for (const group of synonymGroups) if (matched.has(group)) for (const term of group.terms) extra.add(term);
  for (const m of q.matchAll(YEAR)) {
    const phase = yearGroupPhase(Number(m[1]));
    if (!phase) continue;
    for (const term of PHASE_TERMS[phase.phase]) extra.add(term);
    extra.add(String(phase.ages[0]));
    extra.add(String(phase.ages[1]));
  }
  for (const m of q.matchAll(AGE)) {
    const age = Number(m[1] ?? m[2]);
    const phase = phaseOfAge(age);
    if (phase) for (const term of PHASE_TERMS[phase]) extra.add(term);
  }
  for (const [pattern, phase] of PHASE_WORDS) {
    if (pattern.test(q)) for (const term of PHASE_TERMS[phase]) extra.add(term);
  }
  return [...extra];
}
