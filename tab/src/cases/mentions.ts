import { renderMentions } from '../../../core/privacy/mentions';
import { ANOTHER_CHILD } from '../../../core/privacy/wording';
import type { Case, Child } from '../api/api-client';

/**
 * How staff on the case page read `@[child:<id>]` mentions: the child's name where the case's child
 * record was readable, otherwise the case's pseudonym, and "another child" for anyone not in the case.
 */
export function mentionRenderer(
  participants: Case['participants'],
  names: ReadonlyMap<string, string>,
): (text: string) => string {
  const labels = new Map(participants.map((p) => [p.childId, p.label]));
  return (text) => renderMentions(text, (id) => names.get(id) ?? labels.get(id) ?? ANOTHER_CHILD);
}

/** The names of the case's children, read from their own records (the only place a name is kept). */
export async function childrenOf(
  getChild: (id: string) => Promise<{ record: Child }>,
  participants: Case['participants'],
): Promise<Map<string, Child>> {
  const read = await Promise.allSettled(participants.map((p) => getChild(p.childId)));
  const children = new Map<string, Child>();
  read.forEach((r, i) => {
    if (r.status === 'fulfilled') children.set(participants[i]!.childId, r.value.record);
  });
  return children;
}
