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
    victim, victims, survivor, complainant
  `),
  group('displayed-hsb', ['displayed', 'displayed-hsb'], `
    perpetrator, perpetrators, alleged perpetrator, perp, abuser, offender, the aggressor, instigator
  `),
  group('decision', ['options', 'decision', 'factors'], `
    weigh, decide, deciding, decision, options
  `),
  group('relationship', ['relationship', 'age-of-consent', 'dating'], `
    sleeping together, boyfriend, girlfriend, dating, seeing each other, in a relationship
  `),
  group('false-report', ['false-report', 'malicious', 'made-up'], `
    made up, lying, lied, lies, not telling the truth, false allegation, false accusation, malicious
  `),
  group('takedown', ['takedown', 'report-remove', 'taken-down'], `
    take down, take it down, takedown, remove it, report remove
  `),
  group('nudes', ['nudes', 'semi-nudes', 'images', 'sharing'], `
    nudes, nude, pic, pics, pix, naked, sexting, sext, sexts, sexted, semi-nude, semi-nudes, nudie,
    nudies, explicit image, explicit images, explicit photo, revenge porn, indecent image,
    indecent images, topless, intimate image, intimate images
  `),
  group('airdrop', ['airdrop', 'unwanted', 'images', 'bluetooth'], `
    airdrop, airdropped, air drop, bluetooth, unsolicited, cyberflashing, cyber flashing
  `),
  group('social-apps', ['online', 'social-media', 'messages'], `
    snapchat, snap, snaps, insta, instagram, whatsapp, tiktok, tik tok, group chat, facebook, dms, dm,
    messaged
  `),
  group('upskirting', ['upskirting', 'skirt', 'voyeurism'], `
    upskirting, upskirt, up skirt, under skirt
  `),
  group('touching', ['touching', 'groping', 'sexual', 'assault', 'harassment'], `
    touching, touched, touch, touches, groping, groped, grope, gropes, grabbed, grabbing, grab, grabs,
    bum, bums, bottom, backside, pinching, pinched, chest, breasts, boobs, private parts, privates,
    crotch
  `),
  group('banter', ['banter', 'jokes', 'culture', 'zero-tolerance'], `
    banter, joking, joke, jokes, joked, messing about, messing around, mucking about, having a laugh,
    boys will be boys, horseplay, laddish, lad culture
  `),
  group('sexual-comments', ['sexual-comments', 'harassment', 'verbal'], `
    comments, comment, name-calling, name calling, slag, slut, whore, sket, frigid, catcalling,
    wolf whistling, remarks
  `),
  group('csc', ['childrens', 'social-care', 'csc', 'mash', 'referral'], `
    csc, mash, social services, social care, childrens services, children services,
    childrens social care, social worker, social workers, front door, cin, child in need
  `),
  group('police', ['police', 'criminal', 'investigation'], `
    police, 101, 999, cops, copper, officer, pcso, arrested, arrest, crime, criminal, cps, court
  `),
  group('dsl-unavailable', ['dsl', 'deputy', 'unavailable', 'absent'], `
    off sick, no dsl, dsl unavailable
  `),
  group('exclusion', ['exclusion', 'suspension', 'sanction'], `
    permex, pex, expel, expelled, exclude, excluded, excluding, exclusion, suspend, suspended,
    suspension, fixed term, fixed-term, fte, kicked out, managed move
  `),
  group('sanction', ['discipline', 'sanction', 'behaviour-policy'], `
    detention, detentions, punish, punished, punishment, sanction, sanctions, consequence, consequences,
    isolation
  `),
  group('parents', ['parents', 'carers'], `
    mum, mom, dad, mother, father, parent, parents, carer, carers, stepdad, step dad, stepmum, step mum,
    guardian
  `),
  group('records', ['record', 'recording', 'notes'], `
    cpoms, myconcern, my concern, log it, logging, notes, paperwork
  `),
  group('confidentiality', ['confidentiality', 'secret', 'dont-tell'], `
    keep it secret, secret, confidential
  `),
  group('nfa', ['no-further-action', 'nfa', 'outcome'], `
    nfa, no further action, not guilty, acquitted
  `),
  group('send', ['send', 'senco', 'learning-disability'], `
    sen, senco, autistic, autism, asd, asc, adhd, ehcp, learning difficulties, learning difficulty,
    learning disability, learning disabilities, special needs, additional needs
  `),
  group('sibling', ['sibling', 'intra-familial', 'family'], `
    sibling, siblings, brother, sister, step brother, stepbrother, step sister, stepsister,
    half brother, half sister, cousin
  `),
  group('helpline', ['helpline', 'advice'], `
    helpline, hsbss, swgfl, advice line
  `),
  group('training', ['training', 'cpd'], `
    inset, cpd, course, courses, training
  `),
  group('rumours', ['rumours', 'gossip', 'anonymity'], `
    gossip, gossiping, rumour, rumours, rumor, rumors
  `),
  group('records-retention', ['retention', 'records', 'data-protection'], `
    retention, retain, gdpr, data protection, destroy
  `),
  group('transfer', ['transfer', 'cp-file', 'new-school'], `
    moving school, changing school, transfer, transferring, cp file, in-year transfer
  `),
  group('outside-school', ['outside-school', 'community', 'weekend'], `
    party, weekend, holiday, holidays, outside school
  `),
  group('transport', ['transport', 'bus', 'journey'], `
    bus, buses, coach, taxi, minibus, train, journey
  `),
  group('disclosure', ['disclosure', 'report'], `
    disclosed, disclosure, confided, opened up, reported
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

/** England's year groups: Year N children are aged N+4 to N+5 during the school year. */
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

/** Extra words to search for, and the words typed that brought them in. */
export interface Expansion {
  /** The words of the query that triggered it, normalised ("off sick" → ["off", "sick"]). */
  words: readonly string[];
  terms: readonly string[];
}

/**
 * Extra words to search for, given what someone typed: synonym groups whose triggers appear, and the
 * phase and ages for a year group or age ("y8", "yr 8", "year 8", "aged 12" → secondary), each with
 * the typed words that brought it in.
 */
export function expandQueryDetailed(query: string): Expansion[] {
  const q = normaliseQuery(query);
  const out: Expansion[] = [];
  const matched = new Set<SynonymGroup>();
  for (const word of new Set(q.split(/[^\p{L}\p{N}+]+/u))) {
    for (const trigger of triggersByFirstWord.get(word) ?? []) {
      if (matched.has(trigger.group)) continue;
      const m = trigger.pattern.exec(q);
      if (!m) continue;
      matched.add(trigger.group);
      out.push({ words: m[0].split(/[\s-]+/), terms: trigger.group.terms });
    }
  }
  for (const m of q.matchAll(YEAR)) {
    const phase = yearGroupPhase(Number(m[1]));
    if (!phase) continue;
    out.push({
      words: m[0].split(/\s+/),
      terms: [...PHASE_TERMS[phase.phase], String(phase.ages[0]), String(phase.ages[1])],
    });
  }
  for (const m of q.matchAll(AGE)) {
    const phase = phaseOfAge(Number(m[1] ?? m[2]));
    if (phase) out.push({ words: m[0].split(/[\s/-]+/), terms: PHASE_TERMS[phase] });
  }
  for (const [pattern, phase] of PHASE_WORDS) {
    const m = pattern.exec(q);
    if (m) out.push({ words: m[0].split(/\s+/), terms: PHASE_TERMS[phase] });
  }
  return out;
}

/** The extra words alone (see `expandQueryDetailed`). */
export function expandQuery(query: string): string[] {
  return [...new Set(expandQueryDetailed(query).flatMap((e) => e.terms))];
}
