import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schoolServices, type AssessmentStore } from '../../../core/index.js';
import { migrate, migrations, SqliteAssessmentStore } from '../../../storage/sqlite/index.js';
import { activeAssessmentBody } from '../../helpers/assessment-data.js';
import { fixedClock } from '../../helpers/test-server.js';
import { LEGACY_NAMES, legacyRecords, otherNamesInPlans } from '../../helpers/legacy-plans.js';

const LEARNER = 'Casey Canary';
const HARMED = 'Zoë Ångström';
const WITNESS = 'Sam Smith';
const WISHES = `${HARMED} wants to change tutor group; ${LEARNER} is not to be told.`;

/**
 * A database as the released app left it (schema version 2, plans holding every child by name),
 * filled by the released code path, then opened by this version.
 */
describe('SQLite migration 4: existing assessments move into cases', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hsb-cases-'));
    file = join(dir, 'hsb.sqlite');
    const db = new Database(file);
    migrate(db, migrations.slice(0, 2));
    const insert = db.prepare(
      `INSERT INTO assessments (id, school_id, case_ref, status, overall_risk, next_due, year_group, learner_name,
         version, schema_version, data, created_at, updated_at)
       VALUES (?, 'school', ?, ?, ?, ?, 'Year 9', ?, 3, 1, ?, '2026-02-01T09:00:00.000Z', '2026-02-03T09:00:00.000Z')`,
    );
    const body = activeAssessmentBody(LEARNER) as Record<string, unknown>;
    const record = {
      ...body,
      id: '11111111-1111-4111-8111-111111111111',
      caseRef: 'HSB-2026-0001',
      createdAt: '2026-02-01T09:00:00.000Z',
      updatedAt: '2026-02-03T09:00:00.000Z',
      version: 3,
      learner: { name: LEARNER, yearGroup: 'Year 9', dateOfBirth: '2012-05-01', send: 'EHCP' },
      otherChildren: [
        { id: 'c1', name: HARMED, role: 'harmed', yearGroup: 'Year 8' },
        { id: 'c2', name: WITNESS, role: 'witness' },
      ],
      incidents: [{ id: 'inc1', date: '2026-02-02', description: `Touched ${HARMED} over clothing.` }],
      risks: [
        {
          id: 'r1',
          context: 'corridors',
          description: `Contact with Zoe\u0308 at changeovers.`,
          likelihood: 3,
          impact: 2,
          levelBefore: 'high',
          strategies: [
            { id: 's1', action: `Keep apart from ${HARMED}.`, owner: 'Head of Year 9', inPlace: true },
          ],
        },
      ],
      decision: {
        options: ['early-help'],
        factors: [],
        rationale: `Discussed with ${WITNESS}.`,
        victimWishes: WISHES,
      },
      sharing: [],
      review: { nextDue: '2026-03-05' },
      reviews: [],
      signOff: [],
      overallRisk: 'high',
    };
    insert.run(record.id, record.caseRef, 'active', 'high', '2026-03-05', LEARNER, JSON.stringify(record));
    const second = {
      ...record,
      id: '22222222-2222-4222-8222-222222222222',
      caseRef: 'HSB-2026-0002',
      otherChildren: [],
      decision: undefined,
    };
    insert.run(second.id, second.caseRef, 'draft', null, null, LEARNER, JSON.stringify(second));
    db.prepare(`INSERT INTO case_ref_counters (school_id, year, last) VALUES ('school', 2026, 2)`).run();
    db.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function open(): Promise<SqliteAssessmentStore> {
    return new SqliteAssessmentStore({ file });
  }

  it('makes a case, a child record per child, and a support plan for the child harmed, losing nothing', async () => {
    const store = await open();
    try {
      const records = store.recordsFor('school');
      const children = await records.children.list();
      expect(children.map((c) => c.name).sort()).toEqual([LEARNER, LEARNER, WITNESS, HARMED].sort());
      const cases = await records.cases.list();
      expect(cases.map((c) => c.caseRef)).toEqual(['HSB-2026-0001', 'HSB-2026-0002']);
      const kase = (await records.cases.get(cases[0]!.id)).record;
      expect(kase.participants.map((p) => [p.label, p.roles])).toEqual([
        ['Child A', ['displayedHsb']],
        ['Child B', ['harmed']],
        ['Child C', ['witness']],
      ]);
      const [learner, harmed, witness] = kase.participants;
      expect(learner!.assessmentId).toBe('11111111-1111-4111-8111-111111111111');
      expect(witness!.assessmentId).toBeUndefined();
      expect(kase.incidents[0]!.description).toBe(`Touched @[child:${harmed!.childId}] over clothing.`);

      const plan = (await store.forSchool('school').get(learner!.assessmentId!)).record;
      expect(plan).toMatchObject({
        kind: 'risk-assessment',
        caseId: kase.id,
        childId: learner!.childId,
        status: 'active',
      });
      expect(plan.learner).toBeUndefined();
      expect(plan.otherChildren).toEqual([]);
      expect(plan.decision?.victimWishes).toBeUndefined();
      const stored = JSON.stringify(plan);
      expect(stored).not.toMatch(/Zo[eë]|Ångström|Sam Smith/);
      expect(plan.risks[0]!.description).toBe(`Contact with @[child:${harmed!.childId}] at changeovers.`);
      expect(plan.decision?.rationale).toBe(`Discussed with @[child:${witness!.childId}].`);

      const support = (await store.forSchool('school').get(harmed!.assessmentId!)).record;
      expect(support).toMatchObject({ kind: 'support-plan', childId: harmed!.childId, status: 'draft' });
      expect(support.supportPlan?.viewsAndWishes).toBe(
        // The plan is the harmed child's own: their name stays, the other child's becomes a mention.
        `${HARMED} wants to change tutor group; @[child:${learner!.childId}] is not to be told.`,
      );

      const child = (await records.children.get(learner!.childId)).record;
      expect(child).toMatchObject({
        name: LEARNER,
        dateOfBirth: '2012-05-01',
        send: 'EHCP',
        retainUntil: '2037-05-01',
      });
      expect((await store.forSchool('school').history(plan.id)).at(-1)).toMatchObject({
        actorId: 'system-migration',
      });

      // Migration 5 gave every migrated case its report date and counted facts: trend reports see them.
      const trend = await records.reports.trendCases({ from: '2000-01-01', to: '2099-12-31' });
      expect(trend).toHaveLength(2);
      expect(trend.flatMap((t) => t.participants.map((p) => p.roles[0])).sort()).toEqual(
        ['displayedHsb', 'displayedHsb', 'harmed', 'witness'].sort(),
      );
    } finally {
      await store.close();
    }
  });

  it('shows the migrated plan through the API exactly as staff knew it, and keeps numbering cases', async () => {
    const store = await open();
    try {
      const clock = fixedClock('2026-03-10T10:00:00Z');
      const { plans } = schoolServices(store as AssessmentStore, {
        schoolId: 'school',
        actor: { id: 'u', kind: 'local' },
        callerName: 'Dee Esel',
        clock,
      });
      const view = (await plans.get('11111111-1111-4111-8111-111111111111')).record;
      expect(view.learner).toMatchObject({ name: LEARNER, yearGroup: 'Year 9' });
      expect(view.otherChildren.map((c) => [c.name, c.role])).toEqual([
        [HARMED, 'harmed'],
        [WITNESS, 'witness'],
      ]);
      expect(view.incidents).toHaveLength(1);
      expect(view.overallRisk).toBe('high');
      const [row] = await plans.list({ status: ['active'] });
      expect(row).toMatchObject({ learnerName: LEARNER, caseRef: 'HSB-2026-0001' });
      const fresh = await plans.create({ learner: { name: 'New Child' } }, { id: 'u', kind: 'local' });
      expect(fresh.record.caseRef).toBe('HSB-2026-0003');
    } finally {
      await store.close();
    }
  });

  it('runs once: reopening changes nothing', async () => {
    (await open()).close();
    const before = new Database(file).prepare('SELECT COUNT(*) AS n FROM children').get() as { n: number };
    const store = await open();
    await store.close();
    const after = new Database(file).prepare('SELECT COUNT(*) AS n FROM children').get() as { n: number };
    expect(after.n).toBe(before.n);
    expect(before.n).toBe(4);
  });
});

describe('SQLite migration 4 on a copy of real-shaped data', () => {
  it('keeps every assessment with its reviews and sign-off, and leaves no other child’s name in any plan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hsb-cases-real-'));
    try {
      const file = join(dir, 'hsb.sqlite');
      const db = new Database(file);
      migrate(db, migrations.slice(0, 2));
      const insert = db.prepare(
        `INSERT INTO assessments (id, school_id, case_ref, status, overall_risk, next_due, year_group, learner_name,
           version, schema_version, data, created_at, updated_at)
         VALUES (?, 'school', ?, ?, ?, ?, ?, ?, 3, 1, ?, ?, ?)`,
      );
      const legacy = legacyRecords();
      for (const r of legacy) {
        const review = r.review as { nextDue?: string };
        insert.run(
          r.id,
          r.caseRef,
          r.status,
          (r.overallRisk as string | null) ?? null,
          review.nextDue ?? null,
          r.learner.yearGroup ?? null,
          r.learner.name,
          JSON.stringify({ ...r, version: 3 }),
          r.createdAt,
          r.updatedAt,
        );
      }
      db.prepare(`INSERT INTO case_ref_counters (school_id, year, last) VALUES ('school', 2025, 3)`).run();
      db.close();

      const store = new SqliteAssessmentStore({ file });
      try {
        const plans = store.forSchool('school');
        const records = store.recordsFor('school');
        expect(await otherNamesInPlans(plans, records.children)).toEqual([]);
        for (const r of legacy) {
          const plan = (await plans.get(r.id)).record;
          expect(plan).toMatchObject({ caseRef: r.caseRef, status: r.status, kind: 'risk-assessment' });
          expect(plan.reviews.map((v) => [v.date, v.newRiskLevel])).toEqual(
            (r.reviews as { date: string; newRiskLevel?: string }[]).map((v) => [v.date, v.newRiskLevel]),
          );
          expect(plan.signOff).toEqual(r.signOff);
        }
        const names = new Set((await records.children.list()).map((c) => c.name));
        expect([...names].sort()).toEqual([...LEGACY_NAMES, 'Eve Solo'].sort());
        // Each child harmed (Bea in the first case, Alex in the second) has a support plan of their own.
        const support = await plans.list({ kind: 'support-plan' });
        expect(support.map((s) => s.caseRef).sort()).toEqual(['HSB-2025-0001', 'HSB-2025-0002']);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
