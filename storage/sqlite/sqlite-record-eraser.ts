import type Database from 'better-sqlite3';
import type { ErasureLine, ErasureTarget, RecordEraser } from '../../core/index.js';
import type { StatementCache } from './statement-cache.js';

const json = (ids: readonly string[]): string => JSON.stringify(ids);

/**
 * Retention erasure in SQLite: one transaction removes the child, their plans (whose full record and
 * every earlier state live only in their row and its audit lines), the cases that were theirs alone,
 * the chronology entries named, and every audit line about any of them. Local mode keeps no copy of
 * generated documents, so there are none to remove.
 */
export class SqliteRecordEraser implements RecordEraser {
  constructor(
    private readonly db: Database.Database,
    private readonly statements: StatementCache,
    private readonly schoolId: string,
  ) {}

  async erase(target: ErasureTarget): Promise<void> {
    const s = this.statements;
    const school = this.schoolId;
    const plans = json(target.planIds);
    const cases = json(target.caseIds);
    const entries = json(target.chronologyIds);
    this.db.transaction(() => {
      s.get(
        `DELETE FROM audit WHERE school_id = ? AND assessment_id IN (SELECT value FROM json_each(?))`,
      ).run(school, plans);
      s.get(`DELETE FROM assessments WHERE school_id = ? AND id IN (SELECT value FROM json_each(?))`).run(
        school,
        plans,
      );
      s.get(
        `DELETE FROM record_audit WHERE school_id = ? AND (
           (record_type = 'child' AND record_id = ?)
           OR (record_type = 'case' AND record_id IN (SELECT value FROM json_each(?)))
           OR (record_type = 'chronology' AND record_id IN (SELECT value FROM json_each(?))))`,
      ).run(school, target.childId, cases, entries);
      s.get(`DELETE FROM chronology WHERE school_id = ? AND id IN (SELECT value FROM json_each(?))`).run(
        school,
        entries,
      );
      s.get(
        `DELETE FROM case_participants WHERE school_id = ?
           AND (child_id = ? OR case_id IN (SELECT value FROM json_each(?)))`,
      ).run(school, target.childId, cases);
      s.get(`DELETE FROM cases WHERE school_id = ? AND id IN (SELECT value FROM json_each(?))`).run(
        school,
        cases,
      );
      s.get('DELETE FROM children WHERE school_id = ? AND id = ?').run(school, target.childId);
    })();
  }

  async rewriteChronology(id: string, summary: string): Promise<void> {
    this.statements
      .get(`UPDATE chronology SET data = json_set(data, '$.summary', ?) WHERE school_id = ? AND id = ?`)
      .run(summary, this.schoolId, id);
  }

  async eraseDocuments(): Promise<number> {
    return 0;
  }

  async recordErasure(line: ErasureLine): Promise<void> {
    this.statements
      .get(`INSERT INTO erasures (id, school_id, at, actor_id, reason, counts) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(line.id, this.schoolId, line.at, line.actorId, line.reason, JSON.stringify(line.counts));
  }

  async erasures(): Promise<ErasureLine[]> {
    const rows = this.statements
      .get('SELECT id, at, actor_id, reason, counts FROM erasures WHERE school_id = ? ORDER BY seq DESC')
      .all(this.schoolId) as { id: string; at: string; actor_id: string; reason: string; counts: string }[];
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      reason: r.reason,
      counts: JSON.parse(r.counts) as ErasureLine['counts'],
    }));
  }
}
