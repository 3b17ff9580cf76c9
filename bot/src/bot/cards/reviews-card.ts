import { daysBetween, type IsoDate, type PlanKind, type RiskLevel } from '../../../../core/index.js';
import { planMention } from './assessment-card.js';
import { cardAttachment, expandCard, memoCard } from './render-card.js';
import template from './reviews.json';

/**
 * The fields of a due review the bot may show: never the learner's name (it is in the summary row) and
 * no narrative; the child appears only as the case's pseudonym.
 */
export interface DueReview {
  id: string;
  caseRef: string;
  kind: PlanKind;
  /** The case's pseudonym of the plan's child ("Child B"), when the plan is in a case. */
  label?: string;
  status: 'draft' | 'active' | 'closed';
  nextDue: IsoDate;
  overallRisk: RiskLevel | null;
}

/** A channel card stays readable (and well under Teams' card size limit) with this many rows. */
export const MAX_ROWS = 10;

const RISK: Record<RiskLevel, { label: string; color: string }> = {
  high: { label: 'High', color: 'Attention' },
  medium: { label: 'Medium', color: 'Warning' },
  low: { label: 'Low', color: 'Good' },
};

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

export function formatDate(date: IsoDate): string {
  return DATE_FORMAT.format(new Date(`${date}T00:00:00Z`));
}

export function dueLabel(nextDue: IsoDate, today: IsoDate): string {
  const days = daysBetween(today, nextDue);
  if (days < -1) return `Overdue by ${-days} days`;
  if (days === -1) return 'Overdue by 1 day';
  if (days === 0) return 'Due today';
  if (days === 1) return 'Due tomorrow';
  return `Due in ${days} days`;
}

const cache = new Map<string, string>();

export function reviewsCard(options: {
  items: readonly DueReview[];
  today: IsoDate;
  withinDays: number;
  linkFor: (id: string) => string;
  tabUrl: string;
  digest?: boolean;
}) {
  // The same list is asked for again and again between changes: expand it once per distinct content.
  const key = JSON.stringify([
    options.items,
    options.today,
    options.withinDays,
    options.tabUrl,
    options.digest ?? false,
  ]);
  return cardAttachment(memoCard(cache, key, () => buildReviewsCard(options)));
}

function buildReviewsCard(options: Parameters<typeof reviewsCard>[0]) {
  const { items, today, withinDays } = options;
  const shown = items.slice(0, MAX_ROWS);
  const more = items.length - shown.length;
  const window = withinDays === 7 ? 'the next 7 days' : `the next ${withinDays} days`;
  return expandCard(template, {
    title: options.digest ? 'Reviews due this week' : 'Reviews due',
    subtitle: `Overdue, or due in ${window}, as of ${formatDate(today)}. Drafts are included.`,
    items: shown.map((r) => ({
      caseRef: r.caseRef,
      plan: planMention(r),
      url: options.linkFor(r.id),
      status: r.status,
      dueDate: formatDate(r.nextDue),
      dueLabel: dueLabel(r.nextDue, today),
      overdue: r.nextDue < today,
      risk: r.overallRisk ? RISK[r.overallRisk].label : 'Not scored',
      riskColor: r.overallRisk ? RISK[r.overallRisk].color : 'Default',
    })),
    more,
    moreLabel: `And ${more} more: open the assessments tab to see them all.`,
    emptyLabel: `Nothing is overdue or due in ${window}.`,
    tabUrl: options.tabUrl,
  });
}
