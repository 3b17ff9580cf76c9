import { ConflictError } from '../../core/index.js';

/** A row of a versioned JSON record: its version counts saves and is the ETag. */
export interface VersionedRow {
  version: number;
  data: string;
}

export function sqliteEtag(version: number): string {
  return `"v${version}"`;
}

/** What GET answers for a row. */
export function storedRow<T>(row: VersionedRow): { record: T; etag: string } {
  return { record: JSON.parse(row.data) as T, etag: sqliteEtag(row.version) };
}

/**
 * The record a replace starts from, when the caller's If-Match is the row's current version;
 * otherwise the 412 conflict that tells them someone else has saved it since (with the current ETag,
 * so the client can fetch it and merge). Call inside the write transaction.
 */
export function recordToReplace<T>(row: VersionedRow, ifMatch: string, noun: string): T {
  if (sqliteEtag(row.version) !== ifMatch) {
    throw new ConflictError(
      'stale',
      'ETAG_MISMATCH',
      `Someone else has saved this ${noun} since.`,
      sqliteEtag(row.version),
    );
  }
  return JSON.parse(row.data) as T;
}
