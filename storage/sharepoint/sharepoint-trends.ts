import {
  caseTrendFacts,
  parseTrendFacts,
  trendCase,
  type Case,
  type ChildSex,
  type ReportRange,
  type ReportsReadModel,
  type TrendCase,
} from '../../core/index.js';
import { fromSharePointDate, toSharePointDate, type Fields } from './assessment-fields.js';
import { allPages } from './graph-paging.js';
import { expandFields, literal, query } from './odata.js';
import type { RepositoryContext } from './sharepoint-assessment-repository.js';
import type { SchoolLocation } from './site-resolver.js';

/** The columns a case item carries for trend reports, written with the record on every save. */
export function trendFields(
  record: Pick<Case, 'createdAt' | 'incidents' | 'participants' | 'decision' | 'agencies'>,
): Fields {
  const facts = caseTrendFacts(record);
  return { ReportedOn: toSharePointDate(facts.reportedOn), TrendJson: JSON.stringify(facts) };
}

interface Item {
  fields?: Fields;
}

/** Ids per `RecordId eq … or …` filter, as the repositories use. */
const IDS_PER_FILTER = 15;
/** Past this many filtered requests for children, reading every child's two columns costs fewer trips. */
const MAX_CHILD_FILTERS = 5;

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * Trend reports on SharePoint: paged queries filtered on indexed columns (the case's ReportedOn, the
 * chronology's Kind and EntryDate, the child's RecordId) that select only the columns counted, never
 * the record JSON.
 */
export function sharePointTrends(ctx: RepositoryContext): ReportsReadModel {
  const path = (loc: SchoolLocation, key: 'cases' | 'children' | 'chronology') =>
    `/sites/${loc.siteId}/lists/${loc.lists[key]}/items`;
  const pages = (url: string) => allPages<Item>(ctx.client, ctx.baseUrl, url);

  async function childFacts(loc: SchoolLocation, ids: readonly string[]) {
    const select = expandFields(['RecordId', 'YearGroup', 'Sex']);
    const unique = [...new Set(ids)];
    const items: Item[] = [];
    if (unique.length <= IDS_PER_FILTER * MAX_CHILD_FILTERS) {
      for (let i = 0; i < unique.length; i += IDS_PER_FILTER) {
        const filter = unique
          .slice(i, i + IDS_PER_FILTER)
          .map((id) => `fields/RecordId eq ${literal(id)}`)
          .join(' or ');
        items.push(
          ...(await pages(
            `${path(loc, 'children')}${query({ $filter: filter, $expand: select, $top: ctx.pageSize })}`,
          )),
        );
      }
    } else {
      items.push(
        ...(await pages(`${path(loc, 'children')}${query({ $expand: select, $top: ctx.pageSize })}`)),
      );
    }
    const facts = new Map<string, { yearGroup: string | null; sex: ChildSex | null }>();
    for (const item of items) {
      const id = text(item.fields?.RecordId);
      if (id)
        facts.set(id, {
          yearGroup: text(item.fields?.YearGroup),
          sex: text(item.fields?.Sex) as ChildSex | null,
        });
    }
    return facts;
  }

  async function firstPlans(loc: SchoolLocation, from: string) {
    const items = await pages(
      `${path(loc, 'chronology')}${query({
        $filter: `fields/Kind eq 'plan-activated' and fields/EntryDate ge ${literal(toSharePointDate(from)!)}`,
        $expand: expandFields(['CaseId', 'EntryDate']),
        $top: ctx.pageSize,
      })}`,
    );
    const first = new Map<string, string>();
    for (const item of items) {
      const caseId = text(item.fields?.CaseId);
      const date = fromSharePointDate(item.fields?.EntryDate);
      if (!caseId || !date) continue;
      const known = first.get(caseId);
      if (!known || date < known) first.set(caseId, date);
    }
    return first;
  }

  return {
    async trendCases(range: ReportRange): Promise<TrendCase[]> {
      const loc = await ctx.location();
      const items = await pages(
        `${path(loc, 'cases')}${query({
          $filter:
            `fields/ReportedOn ge ${literal(toSharePointDate(range.from)!)} and ` +
            `fields/ReportedOn le ${literal(toSharePointDate(range.to)!)}`,
          $expand: expandFields(['RecordId', 'TrendJson']),
          $top: ctx.pageSize,
        })}`,
      );
      const cases = items.flatMap((item) => {
        const id = text(item.fields?.RecordId);
        const facts = parseTrendFacts(text(item.fields?.TrendJson));
        return id && facts ? [{ id, facts }] : [];
      });
      if (cases.length === 0) return [];
      const children = await childFacts(
        loc,
        cases.flatMap((c) => c.facts.participants.map((p) => p.childId)),
      );
      const plans = await firstPlans(loc, range.from);
      return cases.map((c) => trendCase(c.facts, children, plans.get(c.id) ?? null));
    },
  };
}
