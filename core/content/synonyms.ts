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

/** Triggers are written as one comma-separated list per group, so the table reads like a thesaurus. */
function group(id: string, terms: readonly string[], triggers: string): SynonymGroup {
  return { id, terms, triggers: triggers.split(',').map((t) => t.trim().replace(/\s+/g, ' ')).filter(Boolean) };
}

export const synonymGroups: readonly SynonymGroup[] = [
  // KCSIE and staff say "victim" and "perpetrator"; the content says "the child harmed" and "the child who
  // displayed harmful sexual behaviour" (content/README.md, writing rules). Search must bridge the two.
  group('child-harmed', ['harmed', 'child-harmed'], `
    victim, victims, survivor, the girl who was hurt, the boy who was hurt, complainant
  `),
  group('displayed-hsb', ['displayed', 'displayed-hsb'], `
    perpetrator, perpetrators, alleged perpetrator, perp, abuser, offender, the accused, who did it,
    who did this, the aggressor, instigator
  `),
  group('decision', ['options', 'decision', 'factors'], `
    weigh up, weighing up, weigh, decide, deciding, decision, which option, what option, options, in
    house, in-house, deal with it ourselves, handle it ourselves
  `),
  group('relationship', ['relationship', 'age-of-consent', 'dating'], `
    having sex, had sex, have sex, sleeping together, slept together, slept with, boyfriend,
    girlfriend, going out, dating, seeing each other, in a relationship
  `),
  group('false-report', ['false-report', 'malicious', 'made-up'], `
    making it up, made it up, make it up, making things up, made up, lying, lied, lies, not telling
    the truth, get back at, getting back at, false allegation, false accusation, malicious,
    attention seeking
  `),
  group('takedown', ['takedown', 'report-remove', 'taken-down'], `
    taken down, take down, take it down, takedown, get it removed, removed from, off the internet,
    remove it, report remove
  `),
  group('nudes', ['nudes', 'semi-nudes', 'images', 'sharing'], `
    nudes, nude, nude pic, nude pics, pic, pics, pix, naked, naked photo, naked pic, sexting, sext,
    sexts, sexted, dick pic, dick pics, semi-nude, semi-nudes, nudie, nudies, explicit image,
    explicit images, explicit photo, revenge porn, indecent image, indecent images, topless,
    intimate image, intimate images
  `),
  group('airdrop', ['airdrop', 'unwanted', 'images', 'bluetooth'], `
    airdrop, airdropped, air drop, air dropped, air-dropped, bluetooth, dick pic, dick pics,
    unsolicited, cyberflashing, cyber flashing
  `),
  group('social-apps', ['online', 'social-media', 'messages'], `
    snapchat, snap, snaps, insta, instagram, whatsapp, tiktok, tik tok, group chat, facebook,
    discord, xbox, playstation, fortnite, roblox, dms, dm, messaged
  `),
  group('upskirting', ['upskirting', 'skirt', 'voyeurism'], `
    upskirting, upskirt, up skirt, up her skirt, up a girls skirt, up a girl skirt, up girls skirt,
    under skirt, under her skirt, under a skirt, under a teachers skirt, phone under skirt, phone
    under her skirt, filmed up, photo up
  `),
  group('touching', ['touching', 'groping', 'sexual', 'assault', 'harassment'], `
    touching, touched, touch, touches, groping, groped, grope, gropes, grabbed, grabbing, grab,
    grabs, bum, bums, bottom, backside, slapping, slapped, pinching, pinched, inappropriate
    touching, felt up, feeling up, humping, chest, chests, breasts, boobs, private parts, privates,
    crotch
  `),
  group('banter', ['banter', 'jokes', 'culture', 'zero-tolerance'], `
    banter, joking, joke, jokes, joked, just a joke, messing about, messing around, mucking about,
    having a laugh, a laugh, boys will be boys, horseplay, laddish, lad culture
  `),
  group('sexual-comments', ['sexual-comments', 'harassment', 'verbal'], `
    comments, comment, name-calling, name calling, slag, slut, whore, sket, frigid, rating girls,
    rating, catcalling, wolf whistling, remarks, rude messages, sexual messages
  `),
  group('csc', ['childrens', 'social-care', 'csc', 'mash', 'referral'], `
    csc, mash, social services, social care, childrens services, children services, childrens social
    care, social worker, social workers, front door, first response, spoa, marf, duty team, cin,
    child in need
  `),
  group('police', ['police', 'criminal', 'investigation'], `
    police, polic, 101, 999, cops, copper, officer, pcso, arrested, arrest, crime, criminal, cps,
    court
  `),
  group('dsl-unavailable', ['dsl', 'deputy', 'unavailable', 'absent'], `
    dsl off, dsl away, dsl sick, dsl is off, dsl is away, dsl is sick, dsl absent, dsl not in, dsl
    out, off sick, no dsl, no deputy, no one on site, nobody on site, no one from the safeguarding
    team, nobody from the safeguarding team, dsl on a course, dsl unavailable, cant reach the dsl,
    cant get hold of the dsl
  `),
  group('exclusion', ['exclusion', 'suspension', 'sanction'], `
    perm ex, perm-ex, permex, pex, expel, expelled, exclude, excluded, excluding, exclusion,
    suspend, suspended, suspension, fixed term, fixed-term, fte, kicked out, managed move
  `),
  group('sanction', ['discipline', 'sanction', 'behaviour-policy'], `
    detention, detentions, punish, punished, punishment, sanction, sanctions, consequence,
    consequences, isolation
  `),
  group('parents', ['parents', 'carers'], `
    mum, mom, dad, mother, father, parent, parents, carer, carers, stepdad, step dad, stepmum, step
    mum, guardian
  `),
  group('records', ['record', 'recording', 'notes'], `
    cpoms, myconcern, my concern, write up, write it up, write down, log it, logging, notes,
    paperwork
  `),
  group('confidentiality', ['confidentiality', 'secret', 'dont-tell'], `
    promise not to tell, dont tell, not to tell, keep it secret, keep it a secret, secret, keep it
    confidential, confidential, between us
  `),
  group('nfa', ['no-further-action', 'nfa', 'outcome'], `
    nfa, nfad, nfaed, no further action, not guilty, acquitted, case dropped, dropped the case
  `),
  group('send', ['send', 'senco', 'learning-disability'], `
    sen, senco, autistic, autism, asd, asc, adhd, ehcp, learning difficulties, learning difficulty,
    learning disability, learning disabilities, special needs, additional needs
  `),
  group('sibling', ['sibling', 'intra-familial', 'family'], `
    sibling, siblings, brother, sister, step brother, stepbrother, step sister, stepsister, half
    brother, half sister, cousin
  `),
  group('helpline', ['helpline', 'advice'], `
    helpline, hsbss, swgfl, phone number, who can i ring, who do i call for advice, advice line
  `),
  group('training', ['training', 'cpd'], `
    inset, cpd, course, courses, training, twilight, staff meeting
  `),
  group('rumours', ['rumours', 'gossip', 'anonymity'], `
    gossip, gossiping, rumour, rumours, rumor, rumors, talking about it, everyone knows, named
    online, posted her name, posted his name
  `),
  group('records-retention', ['retention', 'records', 'data-protection'], `
    retention, retain, how long do we keep, dob+25, dob 25, gdpr, data protection, delete the
    record, destroy
  `),
  group('transfer', ['transfer', 'cp-file', 'new-school'], `
    new school, moving school, changing school, leaving for, transfer, transferring, cp file,
    safeguarding file, in-year transfer
  `),
  group('outside-school', ['outside-school', 'community', 'weekend'], `
    party, house party, weekend, saturday, sunday, park, holiday, holidays, outside school, not on
    school premises, off site, in the community
  `),
  group('transport', ['transport', 'bus', 'journey'], `
    bus, buses, coach, taxi, minibus, train, journey, school bus, public bus
  `),
  group('disclosure', ['disclosure', 'report'], `
    disclosed, disclosure, told me, confided, opened up, reported
  `),
  group('staff-member', ['staff'], `
    teacher, teachers, ta, ect, nqt, colleague, member of staff, staff member, lsa, supply teacher,
    cover teacher
  `),
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
