import { z } from 'zod';
import {
  decisionFactors,
  decisionOptions,
  hackettLevels,
  riskContexts,
  riskLevels,
  strategyImpacts,
} from '../assessment/schema.js';
import { isOfficialSource, officialSourceHosts } from './guidance-documents.js';
import { profileVariables, type SchoolProfile } from './school-profile.js';
import { referralSections, requiredPolicySections } from './sections.js';

/**
 * One zod schema per kind of content file (content/README.md). Objects are strict, so a misspelt
 * field fails loudly instead of vanishing. The parser adds the cross-file rules (unique ids and
 * orders, coverage of sections, variables, related ids, answer length).
 */

const KEBAB = '[a-z0-9]+(?:-[a-z0-9]+)*';

function prefixedId(prefix: string) {
  return z.string().regex(new RegExp(`^${prefix.replace('.', '\\.')}\\.${KEBAB}$`), {
    error: `Use "${prefix}." followed by lower-case kebab-case words.`,
  });
}

const text = z.string().trim().min(1, { error: 'Must not be empty.' });
const textList = z.array(text).min(1, { error: 'List at least one.' });
const kebab = z.string().regex(new RegExp(`^${KEBAB}$`), { error: 'Use lower-case kebab-case.' });

const profileText = z.string().trim().max(200);

/** A calendar date written YYYY-MM-DD (YAML may hand it over as a string or, unquoted, as a Date). */
const isoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.iso.date({ error: 'A date written YYYY-MM-DD.' }),
);

/** A school profile from a form or a request: only the profile variables, each at most 200 characters. */
export const schoolProfileSchema = z.strictObject(
  Object.fromEntries(profileVariables.map((name) => [name, profileText.optional()])) as Record<
    (typeof profileVariables)[number],
    z.ZodOptional<typeof profileText>
  >,
) satisfies z.ZodType<SchoolProfile>;

export const sourceSchema = z.strictObject({
  title: text,
  /** The edition relied on, as its publisher names it: "2026", "as enacted", "updated March 2024". */
  edition: text.optional(),
  /** The part, paragraph or section relied on: "Part five, paras 447–452", "s.66B". */
  section: text.optional(),
  url: z
    .url({
      protocol: /^https$/,
      hostname: z.regexes.domain,
      error: 'Give a full https web address.',
    })
    .refine((url) => !/\s/.test(url), { error: 'A web address has no spaces.' })
    .refine(isOfficialSource, {
      error: `Cite the official publisher, not a copy; allowed hosts: ${officialSourceHosts.map((h) => h.host).join(', ')}.`,
    }),
});
export type Source = z.output<typeof sourceSchema>;

const EDITION = /^[^;]*\b(?:19|20)\d{2}$/;
export const guidanceEditionSchema = z
  .string()
  .trim()
  .refine((value) => value.split(';').every((part) => EDITION.test(part.trim())), {
    error: 'Name each edition with its year, e.g. "KCSIE 2025" or "KCSIE 2025; UKCIS 2024".',
  });

const variablesSchema = z
  .array(z.enum(profileVariables, { error: `Use only: ${profileVariables.join(', ')}.` }))
  .refine((names) => new Set(names).size === names.length, { error: 'A variable is listed twice.' });

function baseFields(prefix: string) {
  return {
    id: prefixedId(prefix),
    version: z.number().int({ error: 'A whole number.' }).min(1, { error: 'At least 1.' }),
    title: text,
    body: text,
    variables: variablesSchema,
    sources: z.array(sourceSchema).min(1, { error: 'Cite at least one source.' }),
    guidanceEdition: guidanceEditionSchema,
    /** The day the item's facts were checked against the official text of the editions it cites. */
    checkedOn: isoDate.optional(),
    /** What is still to check, and where; required until the item has been checked. */
    verify: text.optional(),
  };
}

const order = z.number().int({ error: 'A whole number.' }).min(1, { error: 'At least 1.' });

export const policyClauseSchema = z.strictObject({
  ...baseFields('policy'),
  kind: z.literal('policy'),
  section: z.enum(requiredPolicySections, {
    error: `Use one of: ${requiredPolicySections.join(', ')}.`,
  }),
  order,
});

export const referralClauseSchema = z.strictObject({
  ...baseFields('referral'),
  kind: z.literal('referral'),
  section: z.enum(referralSections, { error: `Use one of: ${referralSections.join(', ')}.` }),
  order,
});

export const faqFileSchema = z.strictObject({
  ...baseFields('faq'),
  tags: z.array(kebab).min(1, { error: 'Give at least one tag.' }),
  related: z.array(
    z.string().regex(new RegExp(`^(?:policy|referral)\\.${KEBAB}$`), {
      error: 'Use a clause id or a section anchor such as "policy.records".',
    }),
  ),
});

export const templateContexts = riskContexts.filter(
  (c): c is Exclude<(typeof riskContexts)[number], 'other'> => c !== 'other',
);
export type TemplateContext = (typeof templateContexts)[number];

export const riskContextTemplateSchema = z.strictObject({
  ...baseFields('context'),
  id: z.enum(
    templateContexts.map((c) => `context.${c}` as const),
    { error: `Use "context." and one of: ${templateContexts.join(', ')}.` },
  ),
  order,
  prompts: textList,
  exampleStrategies: textList,
});

const scalePoint = z.strictObject({
  value: z.number().int().min(1).max(3),
  label: text,
  description: text,
});

export const riskScalesSchema = z.strictObject({
  ...baseFields('risk'),
  id: z.literal('risk.scales'),
  likelihood: z.array(scalePoint),
  impact: z.array(scalePoint),
  levels: z.array(z.strictObject({ level: z.enum(riskLevels), label: text, description: text })),
});

export const decisionGuideSchema = z.strictObject({
  ...baseFields('risk'),
  id: z.literal('risk.decision'),
  options: z.array(
    z.strictObject({
      id: z.enum(decisionOptions, { error: `Use one of: ${decisionOptions.join(', ')}.` }),
      title: text,
      description: text,
      whenToConsider: textList,
    }),
  ),
  factors: z.array(
    z.strictObject({
      id: z.enum(decisionFactors, { error: `Use one of: ${decisionFactors.join(', ')}.` }),
      title: text,
      prompt: text,
    }),
  ),
});

export const reviewGuideSchema = z.strictObject({
  ...baseFields('risk'),
  id: z.literal('risk.review'),
  prompts: textList,
  earlyReviewTriggers: textList,
  /** How a strategy's effect is named wherever a review is shown. */
  strategyImpacts: z.array(
    z.strictObject({
      id: z.enum(strategyImpacts, { error: `Use one of: ${strategyImpacts.join(', ')}.` }),
      label: text,
    }),
  ),
});

export const hackettGuideSchema = z.strictObject({
  ...baseFields('guide'),
  id: z.literal('guide.hackett'),
  levels: z.array(
    z.strictObject({
      id: z.enum(hackettLevels, { error: `Use one of: ${hackettLevels.join(', ')}.` }),
      title: text,
      description: text,
      signs: textList,
      schoolResponse: textList,
    }),
  ),
});

export const languageTermScopes = ['child', 'any'] as const;

export const languageGuideSchema = z.strictObject({
  ...baseFields('guide'),
  id: z.literal('guide.language'),
  terms: z
    .array(
      z.strictObject({
        id: kebab,
        term: text,
        match: textList,
        alternatives: textList,
        why: text,
        scope: z.enum(languageTermScopes, { error: 'Use "child" or "any".' }),
      }),
    )
    .min(1, { error: 'List at least one term.' }),
});

export type PolicyClause = z.output<typeof policyClauseSchema>;
export type ReferralClause = z.output<typeof referralClauseSchema>;
/** A policy or referral clause: what Word inserts and the API serves at /api/clauses. */
export type Clause = PolicyClause | ReferralClause;

type FaqFile = z.output<typeof faqFileSchema>;
/** A FAQ entry: the question as staff ask it and a 60–220 word answer. */
export type FaqEntry = Omit<FaqFile, 'title' | 'body'> & { question: string; answer: string };

export type RiskContextTemplate = z.output<typeof riskContextTemplateSchema> & { context: TemplateContext };
export type RiskScales = z.output<typeof riskScalesSchema>;
export type DecisionGuide = z.output<typeof decisionGuideSchema>;
export type ReviewGuide = z.output<typeof reviewGuideSchema>;
export type HackettGuide = z.output<typeof hackettGuideSchema>;
export type LanguageGuide = z.output<typeof languageGuideSchema>;
export type LanguageTerm = LanguageGuide['terms'][number];

export interface RiskTemplate {
  contexts: readonly RiskContextTemplate[];
  scales: RiskScales;
  decision: DecisionGuide;
  review: ReviewGuide;
}

/** Everything in content/, validated: what bot, tab and Word add-in show. */
export interface ContentLibrary {
  /** Policy clauses in policy order. */
  policy: readonly PolicyClause[];
  /** Referral clauses in form order. */
  referral: readonly ReferralClause[];
  faq: readonly FaqEntry[];
  riskTemplate: RiskTemplate;
  hackett: HackettGuide;
  language: LanguageGuide;
}
