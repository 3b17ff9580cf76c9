import type Database from 'better-sqlite3';
import type { Outbox, OutboxEntry } from '../../core/index.js';
import type { StatementCache } from './statement-cache.js';

/** Entries kept per school: enough to see what was sent lately, never a growing log. */
export const OUTBOX_KEPT = 200;

/** Local mode's outbox in SQLite, so what was "sent" is still there after a restart. */
export class SqliteOutbox implements Outbox {
  constructor(
    private readonly db: Database.Database,
    private readonly statements: StatementCache,
    private readonly schoolId: string,
  ) {}

  async add(entry: OutboxEntry): Promise<void> {
    const s = this.statements;
    this.db.transaction(() => {
      s.get(`INSERT INTO notification_outbox (id, school_id, created_at, data) VALUES (?, ?, ?, ?)`).run(
        entry.id,
        this.schoolId,
        entry.createdAt,
        JSON.stringify(entry),
      );
      s.get(
        `DELETE FROM notification_outbox WHERE school_id = ? AND seq <= (
           SELECT seq FROM notification_outbox WHERE school_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)`,
      ).run(this.schoolId, this.schoolId, OUTBOX_KEPT);
    })();
  }

  async list(limit: number): Promise<OutboxEntry[]> {
    const rows = this.statements
      .get(`SELECT data FROM notification_outbox WHERE school_id = ? ORDER BY seq DESC LIMIT ?`)
      .all(this.schoolId, limit) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as OutboxEntry);
  }
}
