import type { MyActions } from '../api/api-client';

export type MyAction = MyActions['items'][number];

/** How soon "due soon" is: within a school week of today. */
export const DUE_SOON_DAYS = 7;

export const actionGroups = [
  { id: 'overdue', title: 'Overdue' },
  { id: 'soon', title: 'Due soon' },
  { id: 'later', title: 'Later' },
  { id: 'undated', title: 'No date' },
  { id: 'in-place', title: 'In place' },
] as const;

export type ActionGroupId = (typeof actionGroups)[number]['id'];

/** `iso` (YYYY-MM-DD) plus `days`, as a calendar date: no clock, so no time zone can shift it. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d! + days));
  return date.toISOString().slice(0, 10);
}

/**
 * Which group an action is in. The server decides "overdue" (it knows the school's today); an action
 * already in place is listed apart, whatever its date, since nothing is left to do but review it.
 */
export function groupOf(item: MyAction, today: string): ActionGroupId {
  if (item.inPlace) return 'in-place';
  if (item.overdue) return 'overdue';
  if (!item.due) return 'undated';
  return item.due <= addDays(today, DUE_SOON_DAYS) ? 'soon' : 'later';
}

/** The groups that have actions, in the order above; each keeps the server's order (by due date). */
export function groupActions(answer: MyActions): { id: ActionGroupId; title: string; items: MyAction[] }[] {
  return actionGroups
    .map((g) => ({ ...g, items: answer.items.filter((i) => groupOf(i, answer.today) === g.id) }))
    .filter((g) => g.items.length > 0);
}
