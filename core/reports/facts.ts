import type { ChildRole, DecisionOption, HackettLevel, RiskContext } from '../assessment/schema.js';
import type { Case, ReferralAgency, ReferralStatus } from '../cases/case.js';
import type { ChildSex } from '../cases/child.js';
import type { SeenKind } from '../classify/input.js';
import { dateInZone, type IsoDate } from '../dates.js';

/**
 * The part of a case that trend reports count: no narrative, no names, no case reference. Backends
 * store this projection beside the record on every write, so a report over thousands of cases reads a
 * few hundred bytes per case instead of each full record.
 */
export interface TrendIncident {
  date?: IsoDate;
  time?: string;
  context?: RiskContext;
  online?: boolean;
  kinds: SeenKind[];
  level?: HackettLevel;
}

export interface CaseTrendFacts {
  /** The date the case was opened: the date a report is counted under. */
  reportedOn: IsoDate;
  incidents: TrendIncident[];
  participants: { childId: string; roles: ChildRole[] }[];
  decision?: { options: DecisionOption[]; decidedOn?: IsoDate };
  referrals: { to: ReferralAgency; status: ReferralStatus }[];
}

/** A case as a trend report reads it: its facts plus what the child records and plans add. */
export interface TrendCase extends Omit<CaseTrendFacts, 'participants'> {
  participants: {
    /** Used only to count children in more than one case; never leaves the server. */
    childId: string;
    roles: ChildRole[];
    yearGroup: string | null;
    sex: ChildSex | null;
  }[];
  /** The first date a plan of this case became active, if one has. */
  firstPlanOn: IsoDate | null;
}

/** Both ends included. */
export interface ReportRange {
  from: IsoDate;
  to: IsoDate;
}

type CaseForFacts = Pick<Case, 'createdAt' | 'incidents' | 'participants' | 'decision' | 'agencies'>;

export function caseTrendFacts(c: CaseForFacts): CaseTrendFacts {
  const facts: CaseTrendFacts = {
    reportedOn: dateInZone(new Date(c.createdAt)),
    incidents: c.incidents.map((i) => {
      const incident: TrendIncident = { kinds: [...(i.kinds ?? [])] };
      if (i.date) incident.date = i.date;
      if (i.time) incident.time = i.time;
      if (i.context) incident.context = i.context;
      if (i.online !== undefined) incident.online = i.online;
      if (i.hackettLevel) incident.level = i.hackettLevel;
      return incident;
    }),
    participants: c.participants.map((p) => ({ childId: p.childId, roles: [...p.roles] })),
    referrals: c.agencies.referrals.map((r) => ({ to: r.to, status: r.status })),
  };
  if (c.decision) {
    facts.decision = { options: [...c.decision.options] };
    if (c.decision.decidedOn) facts.decision.decidedOn = c.decision.decidedOn;
  }
  return facts;
}

/** The stored projection read back; anything unreadable counts as nothing rather than failing a report. */
export function parseTrendFacts(json: string | null | undefined): CaseTrendFacts | undefined {
  if (!json) return undefined;
  try {
    const value = JSON.parse(json) as Partial<CaseTrendFacts>;
    if (typeof value.reportedOn !== 'string') return undefined;
    return {
      reportedOn: value.reportedOn,
      incidents: Array.isArray(value.incidents) ? value.incidents : [],
      participants: Array.isArray(value.participants) ? value.participants : [],
      referrals: Array.isArray(value.referrals) ? value.referrals : [],
      ...(value.decision ? { decision: value.decision } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Joins a case's facts with its children's year group and sex and its first plan date. */
export function trendCase(
  facts: CaseTrendFacts,
  children: ReadonlyMap<string, { yearGroup: string | null; sex: ChildSex | null }>,
  firstPlanOn: IsoDate | null,
): TrendCase {
  return {
    ...facts,
    participants: facts.participants.map((p) => ({
      childId: p.childId,
      roles: p.roles,
      yearGroup: children.get(p.childId)?.yearGroup ?? null,
      sex: children.get(p.childId)?.sex ?? null,
    })),
    firstPlanOn,
  };
}
