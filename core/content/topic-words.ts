import { normaliseQuery } from './synonyms.js';

/**
 * What a question is about, beyond the synonym groups (synonyms.ts): the words of this app's subject
 * that no group carries, the everyday words of school life that say nothing about it, and the other
 * kinds of safeguarding worry the FAQ does not answer. The search's good-answer cut (answer-quality.ts)
 * reads them through the evidence search.ts gathers.
 */

/**
 * The everyday vocabulary of running a school, of any job and of office IT: the calendar, bookings,
 * contracts and pay, reports and exams, rooms and transport, accounts and devices, and the words for a
 * process or a member of staff. Every school's FAQ uses some of them ("year", "term", "staff", "trip"),
 * so a question whose match rests on them alone is about school life, not about this app's subject:
 * they carry no weight in `AnswerEvidence.domainCoverage` (answer-quality.ts).
 */
export const schoolLifeWords: readonly string[] = [
  // calendar
  'year', 'years', 'yr', 'yrs', 'term', 'terms', 'termly', 'date', 'dates', 'spring', 'autumn', 'summer',
  'holiday', 'holidays', 'half-term', 'inset', 'deadline', 'deadlines', 'timetable', 'calendar', 'start', 'starts', 'finish', 'today', 'tomorrow',
  // employment and administration
  'book', 'booking', 'booked', 'apply', 'applying', 'application', 'entitled', 'entitlement', 'contract',
  'salary', 'pay', 'payroll', 'pension', 'leave', 'annual', 'overtime', 'appraisal', 'interview', 'recruit',
  'recruitment', 'vacancy', 'rota', 'duty', 'cover', 'admissions', 'admission', 'appeal', 'appeals',
  'budget', 'invoice', 'order', 'ordering', 'process', 'procedure', 'deal', 'dealing',
  'ehcp',
  // teaching and assessment
  'report', 'reports', 'homework', 'marking', 'mark', 'exam', 'exams', 'mock', 'mocks', 'grades', 'grade',
  'coursework', 'sats', 'gcse', 'gcses', 'curriculum', 'subject', 'subjects', 'maths', 'english', 'science',
  // people at work
  'staff', 'teacher', 'teachers', 'ta', 'tas', 'colleague', 'colleagues', 'head', 'headteacher', 'governor',
  'governors', 'volunteer', 'volunteers', 'supply',
  // places, transport and events
  'trip', 'trips', 'minibus', 'hall', 'classroom', 'office', 'canteen', 'lunch', 'menu',
  'parking', 'sports', 'assembly', 'fire', 'drill', 'drills', 'uniform', 'kit', 'weather',
  // accounts and devices
  'password', 'passwords', 'reset', 'login', 'account', 'email', 'emails',
  'teams', 'outlook', 'laptop', 'laptops', 'computer', 'computers', 'pc', 'printer', 'printing', 'wifi',
  'sims', 'software', 'locked',
  // staffing ratios, claims and hours
  'ratio', 'ratios', 'claim', 'claims', 'expenses', 'hours',
];

/**
 * The other kinds of safeguarding worry, as staff name them: harm at home, neglect, a child missing,
 * self-harm, radicalisation, exploitation for crime, cultural harms. The FAQ answers none of them, and
 * an HSB answer shown for one misleads; the "no good answer" reply gives the routes for them instead
 * (`noAnswerRoutes` in labels.ts).
 */
export const otherSafeguardingPatterns: readonly RegExp[] = [
  /\bneglect/,
  /\bbruis/,
  /\bradicali[sz]/,
  /\bextremis/,
  /\bself[ -]?harm/,
  /\bsuicid/,
  /\bwant(?:s|ed|ing)? to (?:die|be dead|end it)\b/,
  /\bkill(?:ing)? (?:her|him|my|them|your)sel(?:f|ves)\b/,
  /\bend(?:ing)? (?:her|his|their|my) (?:own )?life\b/,
  /\boverdos/,
  /\bmissing (?:from|education)\b/,
  /\b(?:go|goes|going|gone|went) missing\b/,
  /\bcutting (?:herself|himself|themselves|themself|(?:her|his|their|my) (?:arms?|legs?|wrists?|skin))\b/,
  /\bstarving\b/,
  /\b(?:dirty|smelly|unwashed) clothes\b/,
  /\bclothes (?:are |always |often )?(?:dirty|smelly|unwashed)\b/,
  /\b(?:hits|hit|beats|smacks|punches|kicks) (?:her|his|their|the) (?:kids|children|child|son|daughter|baby)\b/,
  /\b(?:dad|daddy|mum|mummy|mom|mother|father|stepdad|stepmum|step dad|step mum|parent|parents|carer|uncle|aunt|grandad|grandma|nan|brother|sister) (?:has |had |just |keeps |always )?(?:hit|hits|hitting|smacked|smacks|punched|punches|kicked|kicks|beat|beats|beaten|slapped|slaps|strangled|burnt|burned|locks|locked)\b/,
  /\bhand ?print\b/,
  /\b(?:black eye|finger ?marks?|belt marks?|cigarette burns?)\b/,
  /\b(?:parent|parents|mum|dad|mother|father|carer|carers)\b[^.?!]{0,60}\b(?:drunk|smell(?:s|ing|ed)? of (?:alcohol|drink|booze|cannabis|weed)|on drugs)\b/,
  /\bcounty lines\b/,
  /\bcriminal(?:ly)? exploit/,
  /\bfgm\b/,
  /\bgenital mutilation\b/,
  /\bforced marriage\b/,
  /\bhonou?r[ -]based\b/,
  /\bdomestic (?:abuse|violence)\b/,
  /\bphysical(?:ly)? abuse/,
  /\beating disorder/,
  /\bmalnourish/,
];

/**
 * A word of the subject said in order to set it aside ("not sexual, but who do I tell", "nothing sexual
 * happened"): the question is then not about sexual behaviour, whatever else it says.
 */
export const negatedTopic: RegExp =
  /\b(?:not|nothing|isnt|wasnt|arent|werent|never|no)\s+(?:\w+\s+)?(?:sexual|sexually|sexualised|sexualized)\b/g;

/** The question with the subject's words it sets aside blanked out (`negatedTopic`). */
export function withoutNegatedTopic(query: string): string {
  return normaliseQuery(query).replace(negatedTopic, (m) => ' '.repeat(m.length));
}

/** Whether a question names another kind of safeguarding worry (`otherSafeguardingPatterns`). */
export function namesOtherSafeguarding(query: string): boolean {
  const q = normaliseQuery(query);
  return otherSafeguardingPatterns.some((p) => p.test(q));
}

/**
 * Words that say which child, not what happened: nearly every question names a boy or a girl, so they
 * should not decide which entry answers it. Search weighs them at half a word (search.ts); an entry
 * about boys who are harmed or girls who harm is still found by what is said of them.
 */
export const childWords: readonly string[] = ['boy', 'boys', 'girl', 'girls', 'lad', 'lads', 'lass', 'lasses'];

/**
 * Words of the content's own subject that no synonym group carries: the policy words for sexual
 * behaviour and harm, as staff type them too.
 */
export const onTopicWords: readonly string[] = [
  'sexual', 'sexually', 'sex', 'sexualised', 'sexualized', 'hsb', 'sexy', 'harassment', 'harassed', 'harassing',
  'rape', 'raped', 'grooming', 'groomed', 'indecent', 'intimate', 'upskirting',
  'nudes', 'semi-nudes', 'pornography', 'sextortion', 'voyeurism', 'lado',
  // Blackmail between young people is most often over images (sextortion), and a child being
  // blackmailed may speak of harming themselves: the sextortion answer is the right one then.
  'blackmail', 'blackmailed', 'blackmailing',
  // Said of sexual activity between young people, not of forms or information sharing.
  'consensual', 'non-consensual',
];
