import type { Server } from 'restify';
import { z } from 'zod';
import {
  clauseKinds,
  clausesOf,
  policySectionTitles,
  referralSections,
  referralSectionTitles,
  requiredPolicySections,
  searchClauses,
  noAnswerRoutes,
  searchFaq,
  type Clause,
  type ContentLibrary,
  type FaqEntry,
} from '../../../../core/index.js';
import type { AppDeps } from '../app-deps.js';
import { handler } from '../handler.js';

/**
 * The resource pack over HTTP (DESIGN §3): clause library, FAQ search and the template and guides the
 * tab and the Word add-in render. Content is the team's text, not child data, but callers still sign
 * in like every other API call. Bodies keep their `{{variables}}`: clients fill them with
 * `fillVariables` from core and the school's profile.
 */

const MAX_QUERY = 500;

/** A blank `q` means "no search", so `?q=` lists everything instead of failing. */
const searchText = z
  .string()
  .trim()
  .max(MAX_QUERY, { error: `At most ${MAX_QUERY} characters.` })
  .transform((q) => (q === '' ? undefined : q));

const topParam = z
  .string()
  .regex(/^\d{1,3}$/, { error: 'A whole number.' })
  .transform(Number)
  .pipe(z.number().int().min(1).max(100));

const allSections = [...new Set<string>([...requiredPolicySections, ...referralSections])];

const clauseQuery = z
  .strictObject({
    kind: z.enum(clauseKinds, { error: 'Use "policy" or "referral".' }).optional(),
    q: searchText.optional(),
    section: z.enum(allSections, { error: 'Not a section of the policy or the referral form.' }).optional(),
    top: topParam.optional(),
  })
  .superRefine((query, ctx) => {
    if (!query.kind || !query.section) return;
    const sections: readonly string[] = query.kind === 'policy' ? requiredPolicySections : referralSections;
    if (!sections.includes(query.section)) {
      ctx.addIssue({
        code: 'custom',
        path: ['section'],
        message: `Not a section of a ${query.kind} clause.`,
      });
    }
  });

const faqQuery = z.strictObject({ q: searchText.optional(), top: topParam.optional() });

function clauseView(clause: Clause, score?: number) {
  return {
    id: clause.id,
    version: clause.version,
    kind: clause.kind,
    section: clause.section,
    sectionTitle:
      clause.kind === 'policy' ? policySectionTitles[clause.section] : referralSectionTitles[clause.section],
    order: clause.order,
    title: clause.title,
    body: clause.body,
    variables: clause.variables,
    sources: clause.sources,
    guidanceEdition: clause.guidanceEdition,
    ...checkFields(clause),
    ...(score === undefined ? {} : { score: round(score) }),
  };
}

function faqView(entry: FaqEntry, score: number | null) {
  return {
    id: entry.id,
    version: entry.version,
    question: entry.question,
    answer: entry.answer,
    score: score === null ? null : round(score),
    sources: entry.sources,
    tags: entry.tags,
    related: entry.related,
    guidanceEdition: entry.guidanceEdition,
    ...checkFields(entry),
  };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/**
 * Whether the item was checked against the official text of its editions (`checkedOn`, or null) and,
 * if not, what is still to check (`verify`, or null): staff must see an unchecked claim as unchecked.
 */
function checkFields(item: { checkedOn?: string | undefined; verify?: string | undefined }) {
  return { checkedOn: item.checkedOn ?? null, verify: item.verify ?? null };
}

function withCheck<T extends { checkedOn?: string | undefined; verify?: string | undefined }>(item: T) {
  return { ...item, ...checkFields(item) };
}

/** The fixed payloads, built once: content does not change while the server runs. */
function staticViews(content: ContentLibrary) {
  const { contexts, scales, decision, review } = content.riskTemplate;
  return {
    riskTemplate: {
      contexts: contexts.map(withCheck),
      scales: withCheck(scales),
      decision: withCheck(decision),
      review: withCheck(review),
    },
    hackett: withCheck(content.hackett),
    language: withCheck(content.language),
  };
}

/**
 * The resource pack is the same for every school and holds no child data, so these routes need sign-in
 * only (`identify`), not membership of a safeguarding team: staff outside the team draft policies with
 * the Word add-in too, and a trust-wide lead need not say which school a search is for.
 */
export function registerContentRoutes(server: Server, deps: AppDeps): void {
  const { content, logger } = deps;
  const views = staticViews(content);

  server.get(
    '/api/clauses',
    handler(
      logger,
      async (req, res, query) => {
        await deps.authenticator.identify(req);
        if (query.q) {
          const hits = searchClauses(content, query.q, {
            ...(query.kind ? { kind: query.kind } : {}),
            ...(query.section ? { section: query.section } : {}),
            ...(query.top ? { top: query.top } : {}),
          });
          res.send(200, { items: hits.map((h) => clauseView(h.clause, h.score)) });
          return;
        }
        const items = clausesOf(content, query.kind)
          .filter((c) => !query.section || c.section === query.section)
          .slice(0, query.top ?? Infinity)
          .map((c) => clauseView(c));
        res.send(200, { items });
      },
      { query: clauseQuery },
    ),
  );

  server.get(
    '/api/faq',
    handler(
      logger,
      async (req, res, query) => {
        await deps.authenticator.identify(req);
        if (query.q) {
          const hits = searchFaq(content, query.q, query.top ? { top: query.top } : {});
          // No good answer: say where the concern goes instead (it may be safeguarding outside HSB).
          res.send(200, {
            items: hits.map((h) => faqView(h.entry, h.score)),
            ...(hits.length ? {} : { noAnswer: noAnswerRoutes }),
          });
          return;
        }
        const items = content.faq.slice(0, query.top ?? Infinity).map((e) => faqView(e, null));
        res.send(200, { items });
      },
      { query: faqQuery },
    ),
  );

  const fixed: [string, unknown][] = [
    ['/api/content/risk-template', views.riskTemplate],
    ['/api/content/hackett', views.hackett],
    ['/api/content/language', views.language],
  ];
  for (const [path, body] of fixed) {
    server.get(
      path,
      handler(logger, async (req, res) => {
        await deps.authenticator.identify(req);
        res.send(200, body);
      }),
    );
  }
}
