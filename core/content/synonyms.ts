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
    made up, making up, lying, lied, lies, liar, not telling the truth, false allegation,
    false accusation, malicious, fabricated, invented, untrue, not true, exaggerating, exaggerated,
    crying wolf, attention seeking, attention-seeking, fake claim
  `),
  group('takedown', ['takedown', 'report-remove', 'taken-down'], `
    take down, taken down, takedown, remove, removed, removing, get rid of, wipe it, off the web,
    off the internet, report remove
  `),
  group('nudes', ['nudes', 'semi-nudes', 'images', 'sharing'], `
    nudes, nude, pic, pics, pix, naked, sexting, sext, sexts, sexted, semi-nude, semi-nudes, nudie,
    nudies, explicit image, explicit images, explicit photo, revenge porn, indecent image,
    indecent images, topless, intimate image, intimate images, noods, nudez, dirty pics, rude pics,
    rude photos, rude pictures, rude selfie, spicy pics, body pics, dick pic, dick pics, d pic
  `),
  group('airdrop', ['airdrop', 'unwanted', 'images', 'bluetooth'], `
    airdrop, airdropped, air drop, bluetooth, unsolicited, cyberflashing, cyber flashing
  `),
  group('social-apps', ['online', 'social-media', 'messages'], `
    snapchat, snap, snaps, insta, instagram, whatsapp, tiktok, tik tok, group chat, facebook, dms, dm,
    messaged
  `),
  group('upskirting', ['upskirting', 'skirt', 'voyeurism'], `
    upskirting, upskirt, up skirt, under skirt, creepshot, creepshots, creep shot, photo under
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
    police, 101, 999, cops, copper, officer, pcso, arrested, arrest, crime, criminal, cps, court,
    illegal, against the law, offence, offense, prosecute, prosecuted, charged, feds
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
    learning disability, learning disabilities, special needs, additional needs, non-verbal,
    nonverbal, pmld, sld, mld, developmental delay, global delay, special school, resource base
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
  // Everyday words for what the FAQ names in policy language, grouped by the entry's subject.
  group('early-years', ['eyfs', 'nursery', 'young-children', 'reception'], `
    toddler, toddlers, preschool, pre-school, nursery age, early years, little ones, playgroup,
    childminder, childminders, two year old, three year old, four year old, under fives, under 5s
  `),
  group('body-words', ['private-parts', 'genitals', 'touching'], `
    willy, willies, winkie, penis, vagina, fanny, foof, genital, genitals, privates, down below,
    knickers, undies, underwear, boxers
  `),
  group('sexual-play', ['normal', 'curiosity', 'development', 'age-appropriate'], `
    playing doctors, doctors and nurses, show me yours, curious, curiosity, exploring, exploration,
    developmentally, natural, normal behaviour, normal for their age, age appropriate, kissing,
    cuddling, humping, sexualised play, sexualized
  `),
  group('sexual-activity', ['sex', 'sexual', 'relationship'], `
    shag, shagging, smash, smashed, hook up, hooking up, hooked up, link up, linking, got with,
    banged, did stuff, doing stuff, fingered, fingering, blowjob, bj, oral sex, handjob, losing virginity
  `),
  group('physical-harassment', ['touching', 'harassment', 'sexual-harassment'], `
    bra, bras, skirt lifting, lifting skirts, flicking, pulling down trousers, pantsing, debagging,
    wedgie, slapping, rubbing against, brushing against, cornered, pinned, trousers down, shorts down,
    pants down, pulled down, skirt up, kissed her, kissed him, tried to kiss, forced a kiss
  `),
  group('exposure', ['exposure', 'exposing', 'masturbation', 'genitals'], `
    flashed, flashing, flasher, mooning, mooned, wanking, wank, wanked, touching himself,
    touching herself, playing with himself, dropped his trousers, showed his, showed her
  `),
  group('pornography', ['pornography', 'porn', 'explicit', 'videos'], `
    porn, porno, pornographic, xxx, adult content, adult videos, adult site, adult website,
    onlyfans, hentai, sex video, sex videos, rude video, rude videos
  `),
  group('sextortion', ['sextortion', 'blackmail', 'money', 'threats'], `
    blackmail, blackmailed, blackmailing, extort, extorted, extortion, pay, paid, paying, payment,
    money, gift card, gift cards, bitcoin, scam, scammed, scammer, threatening to share,
    threatened to post, catfish, catfished, catfishing, fake profile, fake account, pretending to be
  `),
  group('leaked', ['leaked', 'shared', 'spread', 'viral'], `
    leaked, leak, leaks, exposed, exposing page, going round, went round, gone viral, viral,
    circulating, passed round, forwarded
  `),
  group('extended-family', ['family', 'home', 'intra-familial'], `
    relative, relatives, extended family, family member, family members, family friend, uncle,
    auntie, aunt, nan, nana, grandma, grandad, grandparents, grandparent, at home
  `),
  group('dares', ['dares', 'initiation', 'hazing', 'group'], `
    truth or dare, dare, dares, dared, daring, forfeit, forfeits, challenge, challenges, initiation,
    hazing, ritual, rite of passage
  `),
  group('court-outcome', ['court', 'conviction', 'verdict', 'outcome', 'criminal-case'], `
    convicted, conviction, sentenced, sentence, found guilty, guilty, verdict, trial, jury,
    magistrates, youth court, cautioned, caution, referral order, youth offending
  `),
  group('police-delay', ['delay', 'waiting', 'investigation'], `
    chase, chasing, chased, heard nothing, no update, no updates, no news, taking ages, taking forever,
    dragging on, still waiting, slow, months
  `),
  group('advice-line', ['helpline', 'advice', 'contacts'], `
    advice, advise, adviser, advisor, expert advice, specialist advice, hotline, phone line,
    who can i ring, who can i call, who do i ring, someone to talk to, talk it through
  `),
  group('accused', ['displayed', 'displayed-hsb'], `
    accused, the accused, alleged, accused child, child accused, pupil accused, harmer,
    responsible for it
  `),
  group('recording-words', ['record', 'recording', 'words', 'language'], `
    write up, write it up, written down, incident form, incident log, concern form, chronology,
    terminology, words to use, what to call, label, labelling
  `),
  group('need-to-know', ['need-to-know', 'anonymity', 'staff', 'sharing'], `
    need to know, who to tell, who should know, which staff, tell staff, tell colleagues,
    inform staff, inform colleagues, other staff
  `),
  group('identity', ['anonymity', 'naming', 'rumours'], `
    identity, identified, identify, named, naming, name and shame, naming and shaming, outed, anonymous,
    anonymously, unnamed
  `),
  // Places outside lessons where the two children meet: the content calls them activities.
  group('activities', ['activities', 'separation', 'keep-apart'], `
    club, clubs, after-school club, after school club, team, squad, rehearsal, rehearsals, choir,
    orchestra, band practice, scouts, guides, cadets, fixture, fixtures, extracurricular, extra-curricular
  `),
  group('off-site-gathering', ['party', 'weekend', 'off-site'], `
    sleepover, sleepovers, stayed over, staying over, stay over, birthday party, house party, gathering
  `),
  group('lgbt', ['lgbt', 'gay', 'homophobic', 'transphobic', 'sexuality'], `
    gay, lesbian, bi, bisexual, trans, transgender, non-binary, nonbinary, queer, homophobic,
    homophobia, transphobic, transphobia, sexual orientation, coming out, lgbtq, lgbtq+
  `),
  group('witnesses', ['witnesses', 'friendship-groups', 'bystanders', 'taking-sides'], `
    witness, witnesses, bystander, bystanders, onlookers, friends, mates, friendship group,
    friendship groups, taking sides, ganging up, frozen out, retaliation, revenge, payback
  `),
  group('signs', ['signs', 'indicators', 'withdrawn', 'worried'], `
    behaviour change, changed behaviour, withdrawn, not herself, not himself, not eating,
    frightened, scared, avoiding, avoids, nightmares, bedwetting, wetting, soiling, self harm
  `),
  group('support-harmed', ['support', 'wellbeing', 'counselling', 'trusted-adult'], `
    wellbeing, counselling, counsellor, therapy, therapist, mental health, emotional support,
    check in, check ins, key adult, key worker, trusted adult, safe space, safe person
  `),
  group('historic', ['historic', 'delayed', 'past', 'years-ago'], `
    years ago, last year, long time ago, ages ago, back when, in the past, historical, old incident,
    a while ago, months ago, former pupil, former student, ex-pupil, ex pupil, ex-student, old pupil,
    left the school, alumni, alumnus
  `),
  group('early-help', ['early-help', 'threshold'], `
    team around the family, taf, family support, family hub, targeted support, level of need,
    continuum of need, thresholds
  `),
  group('referral-form', ['referral', 'writing', 'form'], `
    marf, referral form, filling in, fill in, fill out, write a referral, writing a referral
  `),
  group('ofsted', ['ofsted', 'inspection', 'inspectors'], `
    inspector, inspectors, inspection, inspected, inspect, deep dive, section 5, section 8
  `),
  group('safety-plan', ['risk-assessment', 'safety-plan'], `
    ra, ras, safety plan, support plan, safeguarding plan, risk plan, risk management plan, keep apart,
    kept apart, keeping apart
  `),
  // Being pushed to do something sexual is named many ways; the content calls it pressure or coercion.
  group('pressure', ['pressure', 'coercion', 'asking-for-nudes'], `
    pressure, pressured, pressuring, pressurised, pressurized, coerce, coerced, coercing, coercion,
    keeps asking, kept asking, keep asking, asked for, asking for, begging, nagging, demanding, pestering,
    wont stop asking, streak, streaks
  `),
  // Everyday names for the child who displayed the behaviour, made only of small words.
  group('who-did-it', ['displayed', 'displayed-hsb'], `
    who did it, that did it, who did this, who done it
  `),
  // Passing an image or message on, which the content calls sharing or forwarding. Not "screenshot":
  // the content uses the word itself, for keeping evidence as much as for sharing.
  group('passed-on', ['shared', 'forwarded', 'sent-on', 'without-consent'], `
    sent round, sent it round, passed round, passed around, shared round, shared around
  `),
  // Relationships, sex and health education and the lessons around it.
  group('rshe', ['rshe', 'prevention', 'whole-school'], `
    rse, rshe, pshe, pshce, relationships education, sex education, consent lessons
  `),
  // Images made or changed by software, which the content calls AI-generated or altered.
  group('altered-images', ['ai', 'deepfake', 'altered-images', 'fake-nudes', 'edited'], `
    deepfake, deepfakes, deep fake, deep fakes, photoshop, photoshopped, edited, morphed, face swap,
    faceswap, nudify, undress app, artificial intelligence, computer generated, computer-generated,
    ai generated, ai-generated, fake nude, fake nudes, fake image, fake picture, fake photo
  `),
  // Looking at an image of a child is itself regulated; the content calls it viewing.
  group('viewing', ['viewing', 'view', 'look'], `
    look at it, looked at it, looking at it, view it, viewing it, see it, open it, check the image,
    check the photo, showed me, shown me
  `),
  // What to say and ask while a child is telling you: the content calls it listening and open questions.
  group('listening', ['listening', 'open-questions', 'leading-questions'], `
    what do i say, what should i say, what to say, what can i say, how do i respond, how should i respond,
    how do i react, ask questions, asking questions, question them, interview, interviewing,
    investigate, investigating, put words in, putting ideas
  `),
  // Whether school can respond itself or must pass the matter on: the content's response options.
  group('in-house', ['manage-internally', 'internally', 'in-house', 'options'], `
    in house, in-house, internally, ourselves, deal with it in school, handle it in school,
    manage it in school, keep it in school, pass it on, refer on, escalate
  `),
  // Someone asking for a list of steps wants the first actions, whoever takes them.
  group('first-steps', ['first-steps', 'straight-away', 'immediate'], `
    checklist, check list, step by step, steps to take, first steps, what to do first, quick guide,
    action plan, immediate actions, right now
  `),
];

/**
 * The groups whose words name sexual behaviour, sexual harm or the people in a report of it. A question
 * using one is about this app's subject however else it is worded; school life in general (parents,
 * staff, transport, records) is not.
 */
export const onTopicGroups: ReadonlySet<string> = new Set([
  'child-harmed',
  'displayed-hsb',
  'relationship',
  'false-report',
  'nudes',
  'airdrop',
  'upskirting',
  'touching',
  'banter',
  'sexual-comments',
  'body-words',
  'sexual-play',
  'sexual-activity',
  'physical-harassment',
  'exposure',
  'pornography',
  'leaked',
  'dares',
  'accused',
  'lgbt',
]);

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

/**
 * Between the words of a trigger, up to two small words may stand ("made up" matches "made it all up",
 * "take down" matches "take them down"): people split phrasal verbs round pronouns and determiners.
 */
const FILLERS = 'it|them|this|that|these|those|all|him|her|the|a|an|his|their|some|any';
const GAP = `(?:[\\s-]+(?:${FILLERS})){0,2}[\\s-]+`;

function compileTrigger(trigger: string, group: SynonymGroup): CompiledTrigger {
  const words = normaliseText(trigger).replace(/'/g, '').split(/[\s-]+/);
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return {
    first: words[0]!,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escaped.join(GAP)}(?![\\p{L}\\p{N}])`, 'u'),
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
 * Phrases in which a trigger word has another sense: "get in touch" is contact, not touching; a parent
 * who "grabbed him" is a worry about harm at home, not sexual behaviour. They are blanked out before
 * triggers are matched, so they bring in no synonyms and do not make a question one about the subject.
 */
export const senseSlips: readonly RegExp[] = [
  /\b(?:in|into) touch\b/g,
  /\btouch(?:ed|ing)? (?:base|on|upon)\b/g,
  /\b(?:dad|daddy|mum|mummy|mom|father|mother|parent|parents|stepdad|stepmum|step dad|step mum|carer|carers|uncle|aunt|grandad|grandma|nan) (?:(?:has|had|just) )?(?:grabbed|grabbing|grabs|grab)\b/g,
];

function withoutSenseSlips(q: string): string {
  return senseSlips.reduce((text, slip) => text.replace(slip, (m) => ' '.repeat(m.length)), q);
}

/** Extra words to search for, and the words typed that brought them in. */
export interface Expansion {
  /** The words of the query that triggered it, normalised ("off sick" → ["off", "sick"]). */
  words: readonly string[];
  terms: readonly string[];
  /** Whether the words name sexual behaviour or its harm (a group of `onTopicGroups`). */
  onTopic: boolean;
}

/**
 * Extra words to search for, given what someone typed: synonym groups whose triggers appear, and the
 * phase and ages for a year group or age ("y8", "yr 8", "year 8", "aged 12" → secondary), each with
 * the typed words that brought it in.
 */
export function expandQueryDetailed(query: string): Expansion[] {
  const q = withoutSenseSlips(normaliseQuery(query));
  const out: Expansion[] = [];
  const matched = new Set<SynonymGroup>();
  for (const word of new Set(q.split(/[^\p{L}\p{N}+]+/u))) {
    for (const trigger of triggersByFirstWord.get(word) ?? []) {
      if (matched.has(trigger.group)) continue;
      const m = trigger.pattern.exec(q);
      if (!m) continue;
      matched.add(trigger.group);
      out.push({
        words: m[0].split(/[\s-]+/),
        terms: trigger.group.terms,
        onTopic: onTopicGroups.has(trigger.group.id),
      });
    }
  }
  for (const m of q.matchAll(YEAR)) {
    const phase = yearGroupPhase(Number(m[1]));
    if (!phase) continue;
    out.push({
      words: m[0].split(/\s+/),
      terms: [...PHASE_TERMS[phase.phase], String(phase.ages[0]), String(phase.ages[1])],
      onTopic: false,
    });
  }
  for (const m of q.matchAll(AGE)) {
    const phase = phaseOfAge(Number(m[1] ?? m[2]));
    if (phase) out.push({ words: m[0].split(/[\s/-]+/), terms: PHASE_TERMS[phase], onTopic: false });
  }
  const pair = ageGap(q);
  if (pair) out.push(pair);
  for (const [pattern, phase] of PHASE_WORDS) {
    const m = pattern.exec(q);
    if (m) out.push({ words: m[0].split(/\s+/), terms: PHASE_TERMS[phase], onTopic: false });
  }
  return out;
}

/**
 * Two ages or year groups side by side ("13 and 16", "year 8 and year 11", "shes 14 and hes 15"): the
 * question is about the gap between the children, which the content discusses as similar age against
 * an imbalance of age or power. Two or more years apart counts as a gap, as in a relationship between
 * a Year 9 and a Year 11.
 */
const AGE_PAIR =
  /\b((?:year|yr|y)\s?)?(\d{1,2})s?\s(?:and|&|vs|with|\+)\s(?:(?:hes|shes|he is|she is|theyre|they are|the other is|the other)\s)?((?:year|yr|y)\s?)?(\d{1,2})s?\b/;

function ageGap(q: string): Expansion | undefined {
  const m = AGE_PAIR.exec(q);
  if (!m) return undefined;
  const years = Boolean(m[1] ?? m[3]);
  const toAge = (n: number) => (years ? n + 5 : n);
  const [a, b] = [toAge(Number(m[2])), toAge(Number(m[4]))];
  if ([a, b].some((age) => age < 3 || age > 19) || a === b) return undefined;
  const terms =
    Math.abs(a - b) >= 2
      ? ['age-gap', 'imbalance', 'older', 'younger', 'power', 'age-of-consent']
      : ['similar-age', 'similar', 'relationship', 'age-of-consent'];
  return { words: m[0].split(/[\s&+]+/).filter(Boolean), terms, onTopic: false };
}

/** The extra words alone (see `expandQueryDetailed`). */
export function expandQuery(query: string): string[] {
  return [...new Set(expandQueryDetailed(query).flatMap((e) => e.terms))];
}
