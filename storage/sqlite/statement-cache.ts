import type Database from 'better-sqlite3';

/**
 * Prepared statements, compiled once per database and reused: preparing costs more than running the
 * small queries this store makes. Dynamic SQL (the status filter's placeholders) is cached per shape,
 * of which there are only a handful.
 */
export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  get(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
