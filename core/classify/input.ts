import { z } from 'zod';
import { childRoles, type DecisionOption } from '../assessment/schema.js';
import { parseWith } from '../validation.js';

/**
 * What staff describe when asking for a first placement of a behaviour: the behaviour and each child's
 * age, never who the children are. Shared by POST /api/classify, the bot's card and the tab.
 */

export const seenKinds = [
  'talk',
  'looking-showing',
  'touching-clothed',
  'touching-intimate',
  'images',
  'sexual-acts',
  'force',
] as const;
export type SeenKind = (typeof seenKinds)[number];

/** Ordered from least to most concerning: the property tests rely on the order. */
export const consentAnswers = ['mutual', 'unclear', 'not-given'] as const;
export type ConsentAnswer = (typeof consentAnswers)[number];

export const powerAnswers = ['equal', 'some', 'misused'] as const;
export type PowerAnswer = (typeof powerAnswers)[number];

export const frequencyAnswers = ['once', 'occasional', 'repeated'] as const;
export type FrequencyAnswer = (typeof frequencyAnswers)[number];

export const settings = ['school', 'online', 'outside-school', 'home'] as const;
export type Setting = (typeof settings)[number];

/**
 * The UKCIS "Sharing nudes and semi-nudes" (2024) criteria for an immediate referral, which apply to
 * any sexual behaviour, not only images, plus the wider-context factors KCSIE Part five asks the DSL
 * to weigh (exploitation, harm within the family).
 */
export const aggravatingFactors = [
  'adult-involved',
  'coercion',
  'capacity-to-consent',
  'images-atypical-or-violent',
  'under-13-in-images',
  'immediate-risk',
  'exploitation',
  'within-family',
] as const;
export type AggravatingFactor = (typeof aggravatingFactors)[number];

/** What the guidance says must at least be considered; the same four options as KCSIE Part five. */
export const classificationActions = [
  'manage-internally',
  'early-help',
  'refer-csc',
  'report-police',
] as const;
export type ClassificationAction = (typeof classificationActions)[number];

/**
 * The API names the referral `refer-csc`; the assessment record and content/risk-assessment/decision.yaml
 * name the same option `referral-csc`. Labels are read from that content through this mapping, so
 * there is one title for each option.
 */
export function decisionOptionOf(action: ClassificationAction): DecisionOption {
  return action === 'refer-csc' ? 'referral-csc' : action;
}

/** Ages in whole years; SEND settings and Brook's tool reach young people up to 25. */
export const MAX_AGE = 25;
export const MAX_CHILDREN = 10;

const age = z
  .number({ error: 'A number of years.' })
  .int({ error: 'A whole number of years.' })
  .min(0, { error: 'At least 0.' })
  .max(MAX_AGE, { error: `At most ${MAX_AGE}.` });

const uniqueList = <T extends readonly [string, ...string[]]>(values: T, min: number) =>
  z
    .array(z.enum(values, { error: `Use one of: ${values.join(', ')}.` }))
    .min(min, { error: min ? 'Choose at least one.' : 'Not valid.' })
    .max(values.length, { error: 'Each answer at most once.' })
    .refine((list) => new Set(list).size === list.length, { error: 'Each answer at most once.' });

export const classificationChildSchema = z.strictObject({
  age,
  role: z.enum(childRoles, { error: `Use one of: ${childRoles.join(', ')}.` }).optional(),
  /** The age the child functions at, where a need makes it differ from their age. */
  developmentalAge: age.optional(),
  /** A learning difficulty, disability or developmental need that may affect understanding of consent. */
  sendOrDevelopmentalNeed: z.boolean({ error: 'true or false.' }).optional(),
});
export type ClassificationChild = z.output<typeof classificationChildSchema>;

export const classificationInputSchema = z
  .strictObject({
    children: z
      .array(classificationChildSchema)
      .min(1, { error: 'Give the age of at least one child.' })
      .max(MAX_CHILDREN, { error: `At most ${MAX_CHILDREN} children.` }),
    seen: uniqueList(seenKinds, 1),
    consent: z.enum(consentAnswers, { error: `Use one of: ${consentAnswers.join(', ')}.` }),
    power: z.enum(powerAnswers, { error: `Use one of: ${powerAnswers.join(', ')}.` }),
    frequency: z.enum(frequencyAnswers, { error: `Use one of: ${frequencyAnswers.join(', ')}.` }),
    setting: z.enum(settings, { error: `Use one of: ${settings.join(', ')}.` }).optional(),
    aggravating: uniqueList(aggravatingFactors, 0).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.children.every((c) => c.role === 'witness')) {
      ctx.addIssue({
        code: 'custom',
        path: ['children'],
        message: 'Give the age of at least one child involved in the behaviour, not only witnesses.',
      });
    }
  });
export type ClassificationInput = z.input<typeof classificationInputSchema>;

/** Parses a request body, or throws a ValidationError (`INVALID_CLASSIFICATION` / `UNKNOWN_FIELD`). */
export function parseClassificationInput(value: unknown): ClassificationInput {
  return parseWith(classificationInputSchema, value, 'INVALID_CLASSIFICATION');
}
