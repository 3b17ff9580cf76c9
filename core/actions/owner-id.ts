import { z } from 'zod';

/** The local user's id in local mode (no sign-in): the same id the server gives the caller. */
export const LOCAL_USER_ID = 'local-user';

/** The prefix of a person in local mode's small staff directory: `local:<slug>`. */
export const LOCAL_PERSON_PREFIX = 'local:';

const ENTRA_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LOCAL_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LOCAL_SLUG_MAX = 60;

export type OwnerIdKind = 'entra' | 'local';

/** Which kind of id `id` is, or undefined when it is neither. */
export function ownerIdKind(id: string): OwnerIdKind | undefined {
  if (ENTRA_OBJECT_ID.test(id)) return 'entra';
  if (id === LOCAL_USER_ID) return 'local';
  if (id.startsWith(LOCAL_PERSON_PREFIX)) {
    const slug = id.slice(LOCAL_PERSON_PREFIX.length);
    if (slug.length <= LOCAL_SLUG_MAX && LOCAL_SLUG.test(slug)) return 'local';
  }
  return undefined;
}

/**
 * The id of a person a strategy or measure is given to, chosen in the people picker (absent for a
 * name typed freely). One of:
 * - an Entra object id: a GUID (8-4-4-4-12 hex digits, any version), stored in lower case, as
 *   Microsoft Graph writes it; sent in upper case it is lowered, not refused;
 * - `local-user`, the one user of local mode;
 * - `local:<slug>`, a person in local mode's staff directory: lower-case letters and digits in
 *   words joined by single hyphens, at most 60 characters after the prefix.
 * Either form is accepted in either mode: a record moved between modes stays readable, and an id
 * that names no one there simply reaches no one (the notifier only writes to ids of its own kind).
 */
export const ownerIdSchema = z
  .string({ error: 'Give the owner’s id as text.' })
  .transform((id) => (ENTRA_OBJECT_ID.test(id.toLowerCase()) ? id.toLowerCase() : id))
  .refine((id) => ownerIdKind(id) !== undefined, {
    error: 'An Entra object id (a GUID), "local-user" or "local:" and a slug.',
  });

export type OwnerId = z.output<typeof ownerIdSchema>;

/** `local:<slug>` for a name in local mode's directory: "Alex Morgan (DSL)" → `local:alex-morgan-dsl`. */
export function localPersonId(displayName: string): string {
  const slug = displayName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, LOCAL_SLUG_MAX)
    .replace(/-+$/, '');
  return `${LOCAL_PERSON_PREFIX}${slug || 'person'}`;
}

/**
 * The id an action names its owner by, for a signed-in actor: the Entra object id of a Microsoft 365
 * user (whose actor id is `<tenant id>/<object id>`), or the local user's own id.
 */
export function ownerIdOfActor(actor: { id: string; kind: string }): string {
  if (actor.kind !== 'user') return actor.id;
  return actor.id.slice(actor.id.lastIndexOf('/') + 1).toLowerCase();
}
