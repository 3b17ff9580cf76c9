import type { AccessContext, AuditEntry, ChangeContext } from '../../core/index.js';
import type { Fields } from './assessment-fields.js';

export const AUDIT_FIELDS = ['Action', 'ChangedFields', 'Reason', 'Detail', 'ActorId', 'At', 'EntryId'];

export interface GraphVersion {
  id: string;
  lastModifiedDateTime?: string;
  lastModifiedBy?: { user?: { id?: string }; application?: { id?: string } };
  fields?: Fields;
}

interface GraphItem {
  id: string;
  fields?: Fields;
}

/** The audit log entry of a change (EntryId = the write's id) or of a read or export. */
export function auditLogFields(
  assessmentId: string,
  context: ChangeContext | AccessContext,
  entryId: string,
): Fields {
  const change = 'fields' in context ? context : undefined;
  return {
    Title: context.action,
    AssessmentId: assessmentId,
    Action: context.action,
    ChangedFields: change ? JSON.stringify(change.fields) : null,
    Reason: change?.reason ?? null,
    Detail: 'detail' in context ? (context.detail ?? null) : null,
    ActorId: context.actor.id,
    ActorKind: context.actor.kind,
    At: context.at.toISOString(),
    EntryId: entryId,
  };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function names(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

const ACTIONS = new Set<AuditEntry['action']>(['create', 'update', 'review', 'read', 'export']);

export interface LoggedEntry {
  entryId: string | null;
  itemId: number;
  entry: AuditEntry;
}

export function auditEntriesFrom(items: GraphItem[]): LoggedEntry[] {
  return items.map((item) => {
    const f = item.fields ?? {};
    const action = ACTIONS.has(f.Action as AuditEntry['action'])
      ? (f.Action as AuditEntry['action'])
      : 'read';
    return {
      entryId: text(f.EntryId),
      itemId: Number(item.id),
      entry: {
        at: String(f.At ?? ''),
        actorId: String(f.ActorId ?? ''),
        action,
        fields: names(f.ChangedFields),
        reason: text(f.Reason),
        detail: text(f.Detail),
      },
    };
  });
}

/**
 * The history of one assessment, oldest first: the audit log, plus anything only the item's own
 * version history knows — a save whose log entry could not be written, or an edit someone made in
 * SharePoint directly (recognised by a WriteId that did not change), shown with SharePoint's record
 * of who made it.
 */
export function mergeHistory(logged: LoggedEntry[], versions: GraphVersion[]): AuditEntry[] {
  const known = new Set(logged.map((l) => l.entryId).filter((id): id is string => id !== null));
  const fromVersions: { at: string; order: number; entry: AuditEntry }[] = [];
  let previousWrite: unknown;
  for (const v of [...versions].sort((a, b) => Number.parseFloat(a.id) - Number.parseFloat(b.id))) {
    const f = v.fields ?? {};
    const ours = typeof f.WriteId === 'string' && f.WriteId !== previousWrite;
    previousWrite = f.WriteId;
    if (ours && known.has(f.WriteId as string)) continue;
    const entry: AuditEntry = ours
      ? {
          at: String(f.ChangedAt ?? ''),
          actorId: String(f.ActorId ?? ''),
          action: ACTIONS.has(f.ChangeAction as AuditEntry['action'])
            ? (f.ChangeAction as AuditEntry['action'])
            : 'update',
          fields: names(f.ChangedFields),
          reason: text(f.ChangeReason),
          detail: null,
        }
      : {
          at: v.lastModifiedDateTime ? new Date(v.lastModifiedDateTime).toISOString() : '',
          actorId: `sharepoint:${v.lastModifiedBy?.user?.id ?? v.lastModifiedBy?.application?.id ?? 'unknown'}`,
          action: 'update',
          fields: [],
          reason: null,
          detail: 'edited-in-sharepoint',
        };
    fromVersions.push({ at: entry.at, order: Number.parseFloat(v.id), entry });
  }
  const all = [
    ...logged.map((l) => ({ at: l.entry.at, rank: 0, order: l.itemId, entry: l.entry })),
    ...fromVersions.map((v) => ({ at: v.at, rank: 1, order: v.order, entry: v.entry })),
  ];
  all.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.rank - b.rank || a.order - b.order));
  return all.map((a) => a.entry);
}
