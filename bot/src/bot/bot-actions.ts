import type { Attachment, TurnContext } from 'botbuilder';
import {
  classificationInputSchema,
  classify,
  schoolServices,
  type AssessmentStore,
  type ClassificationInput,
  type Clock,
  type DueView,
  MAX_AGE,
  noAnswerRoutes,
  type SchoolServices,
} from '../../../core/index.js';
import type { Logger } from '../logger.js';
import { assessmentCreatedCard, caseCreatedCard } from './cards/assessment-card.js';
import {
  ageInputId,
  CARD_CHILDREN,
  classifyFormCard,
  classifyResultCard,
  sendInputId,
  type ClassifyPrefill,
} from './cards/classify-cards.js';
import { faqCard, RELATED_SHOWN } from './cards/faq-card.js';
import { helpCard } from './cards/help-card.js';
import { reviewsCard, type DueReview } from './cards/reviews-card.js';
import type { CommandName } from './command-parser.js';
import type { DeepLinks } from './deep-links.js';
import { guidanceItems, type FaqAnswers, type GuidanceLink } from './faq-answers.js';
import type { HackettGuide } from './hackett-guide.js';
import type { RefusalCode, SchoolAccess } from './school-access.js';

const BOT_SIGNER = 'HSB assistant (Teams bot)';

/** What an action answers with: a card, or a short Markdown text. */
export type Reply = { card: Attachment } | { text: string };

/**
 * A draft needs `learner.name`, and the bot must never ask for a child's name in a chat; the tab shows
 * this placeholder until someone records the name there.
 */
export const UNRECORDED_LEARNER_NAME = 'Not yet recorded';

/** The `reviews` command looks two weeks ahead (the API's default); the daily digest one week. */
export const REVIEWS_WINDOW_DAYS = 14;

export const REFUSALS: Record<RefusalCode, string> = {
  GROUP_CHAT:
    'I can’t show or start assessments in a group chat, because I can’t be sure everyone here is in your safeguarding team. Use your safeguarding team’s channel, or chat with me 1:1.',
  NOT_SAFEGUARDING_TEAM:
    'Assessments are only available in your school’s safeguarding team. If this team should have them, ask your DSL or IT administrator.',
  NOT_A_MEMBER:
    'Assessments are only for members of your safeguarding team, and I couldn’t find you in it. Ask your DSL if you need access.',
  NO_SAFEGUARDING_TEAM_INSTALLED:
    'I haven’t been added to your safeguarding team yet, so I can’t reach its assessments. Ask someone in that team to add me, then try again.',
};

export const STORE_UNAVAILABLE =
  'I couldn’t reach the assessment records just now. Please try again in a moment, or open the assessments tab.';

const NO_FAQ_MATCH =
  'I don’t have an FAQ answer close enough to that. Try other words (for example **ask what counts as HSB?**), or type **help**. For a decision about a case, talk to your DSL.';

/**
 * What the bot says when no FAQ entry answers a question well: that, plainly, then where to take the
 * concern (`noAnswerRoutes`: the question may be about safeguarding outside harmful sexual behaviour),
 * where to get advice now, then any part of the policy, referral form or risk assessment that does match.
 */
export function noGoodAnswer(guidance: readonly GuidanceLink[]): string {
  const lines = [
    'I don’t have a good answer for that in the FAQ.',
    '',
    ...noAnswerRoutes.routes.map((route) => `- ${route}`),
    `- (${noAnswerRoutes.source}.)`,
    '- For advice on a case now: your DSL or a deputy, or your local children’s social care front door (MASH).',
    '- The **Professionals Online Safety Helpline** (SWGfL) advises staff on online safety issues, such as images shared online.',
    '- The **NSPCC helpline** gives any adult advice about a child’s safety.',
  ];
  if (guidance.length) {
    lines.push('', 'These parts of the guidance in the app may help:', ...guidanceItems(guidance));
  }
  lines.push('', 'Try other words, or type **help**.');
  return lines.join('\n');
}

export const CLASSIFY_PROBLEM = `Please give each child’s age as a whole number from 0 to ${MAX_AGE} and answer every question, then select Place on the continuum.`;

/** A card submits every input as a string; lists as comma-separated values, an empty input as "". */
function cardAnswers(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  const d = data as Record<string, unknown>;
  const list = (value: unknown) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : value;
  const children = [];
  for (let n = 0; n < CARD_CHILDREN; n++) {
    const age = d[ageInputId(n)];
    if (age === undefined || age === '') continue;
    children.push({
      age: typeof age === 'string' && /^\d{1,3}$/.test(age) ? Number(age) : age,
      ...(d[sendInputId(n)] === 'true' ? { sendOrDevelopmentalNeed: true } : {}),
    });
  }
  const setting = d.setting === '' ? undefined : d.setting;
  const aggravating = list(d.aggravating);
  return {
    children,
    seen: list(d.seen),
    consent: d.consent,
    power: d.power,
    frequency: d.frequency,
    ...(setting === undefined ? {} : { setting }),
    ...(aggravating === undefined ? {} : { aggravating }),
  };
}

export interface BotActionsOptions {
  faq: FaqAnswers;
  hackett: HackettGuide;
  links: DeepLinks;
  access: SchoolAccess;
  store: AssessmentStore;
  clock: Clock;
  logger: Logger;
}

/** Everything the bot can do, whether asked by a typed command or by a card button. */
export class BotActions {
  constructor(private readonly options: BotActionsOptions) {}

  help(welcome = false): Reply {
    return { card: helpCard({ tabUrl: this.options.links.tab(), welcome }) };
  }

  ask(question: string): Reply {
    const match = this.options.faq.best(question);
    const guidance = this.options.faq.guidance(question);
    if (!match) return { text: noGoodAnswer(guidance) };
    // A policy clause, referral section or risk-assessment context can answer part of a question better
    // than any FAQ entry; the card names it beside the answer rather than hiding it.
    return { card: faqCard(match.best, match.related.slice(0, RELATED_SHOWN), { full: false, guidance }) };
  }

  faq(id: string, full: boolean): Reply {
    const answer = this.options.faq.byId(id);
    if (!answer) return { text: NO_FAQ_MATCH };
    const related = (this.options.faq.best(answer.question)?.related ?? []).filter((r) => r.id !== id);
    return { card: faqCard(answer, related.slice(0, RELATED_SHOWN), { full }) };
  }

  /**
   * Opens a case the way the quick start does (a child with a placeholder name who displayed HSB, and
   * their draft risk assessment) through the case service, and links to the case's page.
   */
  async newCase(context: TurnContext): Promise<Reply> {
    return this.withSchool(context, async (services) => {
      if (!services.cases) return this.startAssessment(services);
      const stored = await services.cases.createCase(
        { participants: [{ child: { name: UNRECORDED_LEARNER_NAME }, roles: ['displayedHsb'] }] },
        services.signer,
      );
      const kase = stored.record;
      this.options.logger.info({ caseId: kase.id, via: 'bot' }, 'case opened');
      const plans = [];
      for (const p of kase.participants) {
        if (!p.assessmentId) continue;
        const plan = await services.plans.get(p.assessmentId);
        plans.push({ kind: plan.record.kind, label: p.label });
      }
      return {
        card: caseCreatedCard({ caseRef: kase.caseRef, url: this.options.links.case(kase.id), plans }),
      };
    });
  }

  async newAssessment(context: TurnContext): Promise<Reply> {
    return this.withSchool(context, (services) => this.startAssessment(services));
  }

  private async startAssessment({ plans, signer }: SchoolServices): Promise<Reply> {
    const stored = await plans.create({ learner: { name: UNRECORDED_LEARNER_NAME } }, signer.actor);
    this.options.logger.info({ assessmentId: stored.record.id, via: 'bot' }, 'draft assessment created');
    return {
      card: assessmentCreatedCard({
        caseRef: stored.record.caseRef,
        url: this.options.links.assessment(stored.record.id),
      }),
    };
  }

  async reviews(context: TurnContext): Promise<Reply> {
    return this.withSchool(context, async (services) => {
      const items = await dueReviews(services, REVIEWS_WINDOW_DAYS);
      return {
        card: reviewsCard({
          items,
          today: services.plans.today(),
          withinDays: REVIEWS_WINDOW_DAYS,
          linkFor: (id) => this.options.links.assessment(id),
          tabUrl: this.options.links.tab(),
        }),
      };
    });
  }

  classifyForm(prefill: ClassifyPrefill = {}, problem = ''): Reply {
    return { card: classifyFormCard(prefill, problem) };
  }

  /** Places the card's answers with the same rules as POST /api/classify; asks again if incomplete. */
  classify(data: unknown): Reply {
    const parsed = classificationInputSchema.safeParse(cardAnswers(data));
    if (!parsed.success) return this.classifyForm(prefillFrom(data), CLASSIFY_PROBLEM);
    const input: ClassificationInput = parsed.data;
    return { card: classifyResultCard(classify(input), this.options.hackett) };
  }

  unknown(suggestion: CommandName | null): Reply {
    if (suggestion === 'ask') {
      return {
        text: 'To ask me something, type **ask** and your question, for example **ask what counts as HSB?**',
      };
    }
    const hint = suggestion
      ? `Did you mean **${suggestion}**? `
      : 'You can ask me a question (for example **ask what counts as HSB?**). ';
    return { text: `I’m not sure what you meant. ${hint}Type **help** to see everything I can do.` };
  }

  private async withSchool(
    context: TurnContext,
    act: (services: SchoolServices) => Promise<Reply>,
  ): Promise<Reply> {
    try {
      const decision = await this.options.access.decide(context);
      if (!decision.allowed) {
        this.options.logger.info({ code: decision.code }, 'assessment command refused');
        return { text: REFUSALS[decision.code] };
      }
      // The bot acts app-only: it has no user token to pass on (DESIGN §5: app-only access for the bot).
      const services = schoolServices(this.options.store, {
        schoolId: decision.schoolId,
        actor: decision.actor,
        // Chronology lines the bot writes say the bot did it on the member's behalf; the member's own
        // name stays out of the record.
        callerName: BOT_SIGNER,
        clock: this.options.clock,
      });
      return await act(services);
    } catch (error) {
      this.options.logger.error({ err: error }, 'assessment command failed');
      return { text: STORE_UNAVAILABLE };
    }
  }
}

/**
 * The plans whose review is due, as a chat may show them: case reference, plan kind and the case's
 * pseudonym of the plan's child. The same list for the `reviews` command and the daily digest.
 */
export async function dueReviews(services: SchoolServices, withinDays: number): Promise<DueReview[]> {
  const due = await services.plans.due(withinDays);
  const labels = new Map<string, string>();
  if (services.cases && due.some((r) => r.caseId)) {
    for (const kase of await services.cases.listCases()) {
      for (const p of kase.participants) labels.set(`${kase.id}/${p.childId}`, p.label);
    }
  }
  return due.map((r) => safeDueReview(r, labels.get(`${r.caseId}/${r.childId}`)));
}

/** Keeps only what a chat may show: the summary row also holds the learner's name. */
export function safeDueReview(row: DueView, label?: string): DueReview {
  return {
    id: row.id,
    caseRef: row.caseRef,
    kind: row.kind,
    ...(label ? { label } : {}),
    status: row.status,
    nextDue: row.nextDue,
    overallRisk: row.overallRisk,
  };
}

function prefillFrom(data: unknown): ClassifyPrefill {
  if (typeof data !== 'object' || data === null) return {};
  const out: ClassifyPrefill = {};
  const keys = [
    ...Array.from({ length: CARD_CHILDREN }, (_, n) => [ageInputId(n), sendInputId(n)]).flat(),
    ...['seen', 'consent', 'power', 'frequency', 'setting', 'aggravating'],
  ];
  for (const key of keys) {
    const value = (data as Record<string, unknown>)[key];
    if (typeof value === 'string' && /^[a-z0-9,-]{1,200}$/.test(value)) out[key] = value;
  }
  return out;
}
