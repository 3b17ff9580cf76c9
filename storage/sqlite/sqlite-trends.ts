import type Database from 'better-sqlite3';
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
import type { StatementCache } from './statement-cache.js';

/** The columns a case row carries for trend reports, written with the record on every save. */
export function trendColumns(record: Case): { reportedOn: string; trend: string } {
  const facts = caseTrendFacts(record);
  return { reportedOn: facts.reportedOn, trend: JSON.stringify(facts) };
}

/** Migration 5: the report date and counted facts of every case saved before trend reports. */
export function backfillTrendFacts(db: Database.Database): void {
  const update = db.prepare('UPDATE cases SET reported_on = ?, trend = ? WHERE id = ?');
  const rows = db.prepare('SELECT id, data FROM cases').all() as { id: string; data: string }[];
  for (const row of rows) {
    const { reportedOn, trend } = trendColumns(JSON.parse(row.data) as Case);
    update.run(reportedOn, trend, row.id);
  }
}

/**
 * Three indexed queries over the range (cases by report date; their children; their first plan
 * activation), none of which reads a full record.
 */
export function sqliteTrends(statements: StatementCache, schoolId: string): ReportsReadModel {
  const inRange = 'SELECT id FROM cases WHERE school_id = @school AND reported_on BETWEEN @from AND @to';
  return {
    async trendCases(range: ReportRange): Promise<TrendCase[]> {
      const params = { school: schoolId, from: range.from, to: range.to };
      const cases = statements
        .get('SELECT id, trend FROM cases WHERE school_id = @school AND reported_on BETWEEN @from AND @to')
        .all(params) as { id: string; trend: string | null }[];
      const children = statements
        .get(
          `SELECT ch.id, ch.year_group, ch.sex FROM children ch
           WHERE ch.school_id = @school AND ch.id IN (
             SELECT p.child_id FROM case_participants p WHERE p.school_id = @school AND p.case_id IN (${inRange}))`,
        )
        .all(params) as { id: string; year_group: string | null; sex: ChildSex | null }[];
      const plans = statements
        .get(
          `SELECT case_id, MIN(date) AS first FROM chronology
           WHERE school_id = @school AND kind = 'plan-activated' AND case_id IN (${inRange})
           GROUP BY case_id`,
        )
        .all(params) as { case_id: string; first: string }[];
      const childFacts = new Map(children.map((c) => [c.id, { yearGroup: c.year_group, sex: c.sex }]));
      const firstPlan = new Map(plans.map((p) => [p.case_id, p.first]));
      return cases.flatMap((row) => {
        const facts = parseTrendFacts(row.trend);
        return facts ? [trendCase(facts, childFacts, firstPlan.get(row.id) ?? null)] : [];
      });
    },
  };
}
