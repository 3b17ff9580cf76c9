import { changedFields } from '../../../core/assessment/lifecycle';
import {
  replaceCaseSchema,
  type Agencies,
  type CaseDecision,
  type CaseIncident,
  type Participant,
} from '../../../core/cases/case';
import type { Case } from '../api/api-client';
import type { AutosaveModel } from '../editor/autosave-core';
import { mergeDrafts } from '../editor/merge';
import { problemsOf, trimDeep } from '../editor/payload';
import type { Draft } from '../editor/draft';
import { caseFieldLabels, type CaseFieldPath } from './labels';

/** The case as the page edits it: what GET returned, with its parts typed as the case model has them. */
export type CaseDraft = Omit<Case, 'incidents' | 'decision' | 'agencies' | 'participants'> & {
  incidents: CaseIncident[];
  decision?: CaseDecision;
  agencies: Agencies;
  participants: Participant[];
};

/** Fields the server manages: never part of what the user changed. */
const serverManaged = ['id', 'caseRef', 'createdAt', 'updatedAt', 'version', 'labelsIssued', 'closedOn'];

function contentOf(draft: CaseDraft): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...draft };
  for (const key of serverManaged) delete copy[key];
  // A participant's label and plans are the server's; what the user changes is who and in what role.
  copy.participants = draft.participants.map((p) => ({ childId: p.childId, roles: p.roles }));
  return trimDeep(copy);
}

const diff = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  changedFields(a as never, b as never);

const decisionComplete = (d: CaseDecision | undefined) =>
  !!d && d.options.length > 0 && d.rationale.trim() !== '';

/**
 * How autosave saves a case: like a plan, a decision being written waits until it has a way forward
 * and the reasons, so a recorded decision is never replaced by half of a new one.
 */
export const caseModel: AutosaveModel<Case, CaseDraft, never> = {
  toDraft: (record) => record as unknown as CaseDraft,
  idOf: (draft) => draft.id,
  payload(draft, saved) {
    const decisionHeldBack = !!draft.decision && !decisionComplete(draft.decision);
    const sent = caseModel.sentVersion(draft, saved, { incomplete: [], decisionHeldBack });
    const content = contentOf(sent);
    const changed = diff(contentOf(saved), content);
    // The body keeps each participant's label and plans, as GET gave them, for the server to check.
    const body = {
      ...content,
      participants: sent.participants,
      id: draft.id,
      caseRef: draft.caseRef,
    };
    const problems = problemsOf(replaceCaseSchema.safeParse(body));
    return { body, changed, problems, incomplete: [], decisionHeldBack };
  },
  sentVersion(draft, saved, held) {
    if (!held.decisionHeldBack) return draft;
    const sent = { ...draft };
    if (saved.decision) sent.decision = saved.decision;
    else delete sent.decision;
    return sent;
  },
  // The merge of a plan works key by key; a case's incidents carry ids just as a plan's do.
  merge: (base, mine, theirs) => {
    const { merged, overlaps } = mergeDrafts(
      base as unknown as Draft,
      mine as unknown as Draft,
      theirs as unknown as Draft,
    );
    return { merged: merged as unknown as CaseDraft, overlaps };
  },
  changedBetween: (a, b) => diff(contentOf(a), contentOf(b)),
  needsReason: () => false,
};

/** The words for a dotted path of the case ("Referral 2: Outcome"), from the page's own labels. */
export function describeCasePath(path: string): string {
  const parts = path.split(/[.:]/);
  const numbered = (noun: string, listPath: string, rest: string[]) => {
    const [index, ...field] = rest;
    const n = index !== undefined && /^\d+$/.test(index) ? ` ${Number(index) + 1}` : '';
    const label = field.length ? caseFieldLabels[`${listPath}.${field[0]}` as CaseFieldPath] : undefined;
    return `${noun}${n}${label ? `: ${label}` : ''}`;
  };
  if (parts[0] === 'incidents') return numbered('Incident', 'incidents', parts.slice(1));
  if (parts[0] === 'agencies' && parts[1] === 'referrals')
    return numbered('Referral', 'agencies.referrals', parts.slice(2));
  if (parts[0] === 'agencies' && parts[1] === 'police' && parts[2] === 'agreedSharing')
    return numbered('Agreed sharing', 'agencies.police.agreedSharing', parts.slice(3));
  if (parts[0] === 'participants') return caseFieldLabels.participants;
  for (let n = parts.length; n > 0; n -= 1) {
    const label = caseFieldLabels[parts.slice(0, n).join('.') as CaseFieldPath];
    if (label) return label;
  }
  return 'A field of the case';
}
