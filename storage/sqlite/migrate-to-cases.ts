import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  childData,
  emptyAgencies,
  emptyPlanContent,
  participantLabel,
  tokeniseNames,
  type AssessmentData,
  type Case,
  type Child,
  type ChildRole,
  type ChronologyEntry,
  type Learner,
  type Participant,
  type PlanRecord,
} from '../../core/index.js';

/** The shape plans had before cases: the learner and the other children, by name, inside the plan. */
interface OldRecord extends Omit<PlanRecord, 'kind'> {
  kind?: PlanRecord['kind'];
  learner: Learner;
  otherChildren: { id: string; name: string; role: ChildRole; yearGroup?: string }[];
}

const ACTOR = { id: 'system-migration', kind: 'app' } as const;
const BY = 'System (upgrade to cases)';

/**
 * Moves every plan saved before cases existed into a case, without losing anything: the learner and
 * each other child become child records and participants of the case (roles kept), each child harmed
 * gets an empty support plan, the harmed child's wishes move from the decision into that plan, the
 * incidents move to the case, and names typed in free text become mention tokens.
 */
export function moveAssessmentsIntoCases(db: Database.Database): void {
  const rows = db
    .prepare(
      'SELECT id, school_id, case_ref, version, data, created_at FROM assessments WHERE case_id IS NULL',
    )
    .all() as {
    id: string;
    school_id: string;
    case_ref: string;
    version: number;
    data: string;
    created_at: string;
  }[];
  const insertChild = db.prepare(
    `INSERT INTO children (id, school_id, name, year_group, date_of_birth, retain_until, version, data, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
  );
  const insertCase = db.prepare(
    `INSERT INTO cases (id, school_id, case_ref, status, version, data, created_at, updated_at)
     VALUES (?, ?, ?, ?, 1, ?, ?, ?)`,
  );
  const insertParticipant = db.prepare(
    'INSERT INTO case_participants (case_id, child_id, school_id) VALUES (?, ?, ?)',
  );
  const insertPlan = db.prepare(
    `INSERT INTO assessments (id, school_id, case_ref, kind, case_id, child_id, status, overall_risk, next_due,
       year_group, learner_name, version, schema_version, data, created_at, updated_at)
     VALUES (?, ?, ?, 'support-plan', ?, ?, 'draft', NULL, NULL, NULL, NULL, 1, 1, ?, ?, ?)`,
  );
  const updatePlan = db.prepare(
    `UPDATE assessments SET case_id = ?, child_id = ?, kind = 'risk-assessment', learner_name = NULL,
       year_group = NULL, version = ?, data = ? WHERE id = ?`,
  );
  const audit = db.prepare(
    `INSERT INTO record_audit (school_id, record_type, record_id, at, actor_id, actor_kind, action, fields, reason, detail)
     VALUES (?, ?, ?, ?, ?, ?, 'create', ?, ?, NULL)`,
  );
  const planAudit = db.prepare(
    `INSERT INTO audit (school_id, assessment_id, at, actor_id, actor_kind, action, fields, reason, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  );
  const insertEntry = db.prepare(
    `INSERT INTO chronology (id, school_id, case_id, child_id, date, data, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );

  const at = new Date().toISOString();
  const reason = 'Moved into a case: each child now has a record of their own.';
  for (const row of rows) {
    const parsed = JSON.parse(row.data) as OldRecord;
    const old: OldRecord = {
      ...parsed,
      caseRef: row.case_ref,
      createdAt: parsed.createdAt ?? row.created_at,
    };
    const school = row.school_id;
    const newChild = (data: ReturnType<typeof childData>): Child => {
      const child: Child = { ...data, id: randomUUID(), createdAt: old.createdAt, updatedAt: at, version: 1 };
      insertChild.run(
        child.id,
        school,
        child.name,
        child.yearGroup ?? null,
        child.dateOfBirth ?? null,
        child.retainUntil,
        JSON.stringify(child),
        child.createdAt,
        child.updatedAt,
      );
      audit.run(school, 'child', child.id, at, ACTOR.id, ACTOR.kind, JSON.stringify(['name']), reason);
      return child;
    };

    const learner = newChild(childData({ ...old.learner }));
    const others = (old.otherChildren ?? []).map((c) => ({
      child: newChild(childData({ name: c.name, ...(c.yearGroup ? { yearGroup: c.yearGroup } : {}) })),
      role: c.role,
    }));
    const named = [learner, ...others.map((o) => o.child)].map((c) => ({ id: c.id, name: c.name }));
    const otherNames = named.slice(1);

    const caseId = randomUUID();
    const participants: Participant[] = [
      { childId: learner.id, roles: ['displayedHsb'], label: participantLabel(0), assessmentId: row.id },
      ...others.map((o, i) => ({ childId: o.child.id, roles: [o.role], label: participantLabel(i + 1) })),
    ];

    const wishes = old.decision?.victimWishes?.trim() ? old.decision.victimWishes : undefined;
    const firstHarmed = participants.find((p, i) => i > 0 && p.roles.includes('harmed'));
    for (const p of participants.slice(1)) {
      if (!p.roles.includes('harmed')) continue;
      const planId = randomUUID();
      const content: AssessmentData = {
        ...emptyPlanContent(),
        kind: 'support-plan',
        caseId,
        childId: p.childId,
      };
      if (p === firstHarmed && wishes) {
        content.supportPlan = {
          measures: [],
          viewsAndWishes: tokeniseNames(
            wishes,
            named.filter((c) => c.id !== p.childId),
          ),
        };
      }
      const plan: PlanRecord = {
        ...content,
        id: planId,
        caseRef: old.caseRef,
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      insertPlan.run(planId, school, old.caseRef, caseId, p.childId, JSON.stringify(plan), at, at);
      planAudit.run(
        school,
        planId,
        at,
        ACTOR.id,
        ACTOR.kind,
        'create',
        JSON.stringify(['supportPlan']),
        reason,
      );
      p.assessmentId = planId;
    }

    const kase: Case = {
      id: caseId,
      caseRef: old.caseRef,
      status: old.status === 'closed' ? 'closed' : 'open',
      participants,
      labelsIssued: participants.length,
      incidents: tokeniseNames(old.incidents ?? [], named),
      agencies: emptyAgencies(),
      // Wishes with no child harmed to hold them stay with the case rather than be lost.
      ...(wishes && !firstHarmed
        ? { summary: `Wishes of the child harmed, as recorded: ${tokeniseNames(wishes, named)}` }
        : {}),
      ...(old.closedOn ? { closedOn: old.closedOn } : {}),
      createdAt: old.createdAt,
      updatedAt: at,
      version: 1,
    };
    insertCase.run(caseId, school, kase.caseRef, kase.status, JSON.stringify(kase), kase.createdAt, at);
    for (const p of participants) insertParticipant.run(caseId, p.childId, school);
    audit.run(
      school,
      'case',
      caseId,
      at,
      ACTOR.id,
      ACTOR.kind,
      JSON.stringify(['participants', 'incidents']),
      reason,
    );
    const entry: ChronologyEntry = {
      id: randomUUID(),
      date: at.slice(0, 10),
      kind: 'note',
      summary: 'Case made from an existing risk assessment.',
      by: BY,
      caseId,
      recordedAt: at,
    };
    insertEntry.run(entry.id, school, caseId, null, entry.date, JSON.stringify(entry), at);

    const { learner: _l, otherChildren: _o, decision, ...rest } = old;
    const plan: PlanRecord = {
      ...tokeniseNames(rest, otherNames, learner.name),
      ...(decision
        ? { decision: tokeniseNames((({ victimWishes: _w, ...d }) => d)(decision), otherNames, learner.name) }
        : {}),
      kind: 'risk-assessment',
      caseId,
      childId: learner.id,
      otherChildren: [],
      incidents: [],
      version: row.version + 1,
      updatedAt: at,
    };
    updatePlan.run(caseId, learner.id, plan.version, JSON.stringify(plan), row.id);
    planAudit.run(
      school,
      row.id,
      at,
      ACTOR.id,
      ACTOR.kind,
      'update',
      JSON.stringify(['learner', 'otherChildren', 'incidents', 'decision.victimWishes']),
      reason,
    );
  }
}
