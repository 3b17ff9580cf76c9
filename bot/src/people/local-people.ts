import {
  LOCAL_USER_ID,
  localPersonId,
  mergePeople,
  type PeopleDirectory,
  type Person,
} from '../../../core/index.js';

/**
 * Local mode's people: the local user and the names configured in LOCAL_STAFF, as if they were the
 * safeguarding team, so the owner picker, "My actions" and the outbox can be tried with no tenant.
 */
export class LocalPeopleDirectory implements PeopleDirectory {
  private readonly people: Person[];

  constructor(localUserName: string, staff: readonly string[]) {
    const seen = new Set<string>([LOCAL_USER_ID]);
    this.people = [{ id: LOCAL_USER_ID, displayName: localUserName, source: 'local' }];
    for (const name of staff) {
      const displayName = name.normalize('NFC').trim();
      const id = localPersonId(displayName);
      if (displayName === '' || seen.has(id)) continue;
      seen.add(id);
      this.people.push({ id, displayName, source: 'local' });
    }
  }

  async find(q: string | undefined, top: number): Promise<Person[]> {
    return mergePeople(this.people, [], q, top);
  }

  /** The display name of a local id, for the outbox's "to". */
  nameOf(id: string): string | undefined {
    return this.people.find((p) => p.id === id)?.displayName;
  }
}
