import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ASSESSMENT_SCHEMA_VERSION, type ChangeContext } from '../../../core/index.js';
import { recordFields, type StoredRecord } from '../../../storage/sharepoint/assessment-fields.js';
import { assessmentData, testActor } from '../../helpers/assessment-data.js';
import {
  LEGACY_NAMES,
  legacyRecords,
  otherNamesInPlans,
  type LegacyRecord,
} from '../../helpers/legacy-plans.js';
import { fakeSharePointStore, SCHOOL_A, type FakeStoreHarness } from '../../helpers/sharepoint-fake-store.js';

/**
 * An assessment as the app saved it before cases existed: the other children by name, the harmed
 * child's wishes in the decision, names typed in free text, and no Kind, CaseId, ChildId or PlanKey.
 */
function seedLegacyPlan(
  harness: FakeStoreHarness,
  otherChildren: { name: string; role: string; yearGroup?: string }[] = [
    { name: 'Bea Harmed', role: 'harmed', yearGroup: 'Year 8' },
    { name: 'Cal Witness', role: 'witness' },
  ],
): StoredRecord {
  const at = new Date('2025-11-03T09:00:00Z');
  const data = assessmentData({
    status: 'active',
    learner: { name: 'Alex Learner', yearGroup: 'Year 9', dateOfBirth: '2011-05-02', send: 'ADHD' },
    otherChildren,
    incidents: [{ date: '2025-11-01', description: 'Alex pushed Bea Harmed at lunch.' }],
    decision: {
      options: ['early-help'],
      rationale: 'Bea Harmed told her teacher; CAL WITNESS confirmed it.',
      victimWishes: 'Bea wants to stay in her class.',
    },
    staffNotes: 'Cal Witness saw it.',
  });
  const legacy = { ...data } as Partial<typeof data>;
  delete legacy.kind;
  const record = {
    ...legacy,
    id: randomUUID(),
    caseRef: 'HSB-2025-0007',
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  } as StoredRecord;
  const change: ChangeContext = { actor: testActor, at, action: 'create', fields: ['learner.name'] };
  const fields = {
    Title: record.caseRef,
    CaseRef: record.caseRef,
    CaseYear: 2025,
    RecordId: record.id,
    ...recordFields(record, change, randomUUID()),
  } as Record<string, unknown>;
  for (const column of ['Kind', 'CaseId', 'ChildId']) delete fields[column];
  expect(JSON.parse(String(fields.RecordJson))).toMatchObject({ schemaVersion: ASSESSMENT_SCHEMA_VERSION });
  const list = harness.fake.list(harness.sites[SCHOOL_A]!, 'HSB assessments');
  harness.fake.sharepoint.createItem(list, fields, {
    id: 'seed',
    displayName: 'Seed',
    kind: 'application',
    sites: 'all',
  });
  return record;
}

/** A record of the shared real-shaped copy, saved as the app saved it before cases existed. */
function seedLegacyRecord(harness: FakeStoreHarness, legacy: LegacyRecord): void {
  const record = legacy as unknown as StoredRecord;
  const change: ChangeContext = {
    actor: testActor,
    at: new Date(legacy.updatedAt),
    action: 'update',
    fields: ['reviews'],
  };
  const fields = {
    Title: record.caseRef,
    CaseRef: record.caseRef,
    CaseYear: Number(record.caseRef.split('-')[1]),
    RecordId: record.id,
    ...recordFields(record, change, randomUUID()),
  } as Record<string, unknown>;
  for (const column of ['Kind', 'CaseId', 'ChildId']) delete fields[column];
  const list = harness.fake.list(harness.sites[SCHOOL_A]!, 'HSB assessments');
  harness.fake.sharepoint.createItem(list, fields, {
    id: 'seed',
    displayName: 'Seed',
    kind: 'application',
    sites: 'all',
  });
}

describe('SharePoint migration to cases, child records and plans per child', () => {
  let harness: FakeStoreHarness;
  beforeEach(async () => {
    harness = await fakeSharePointStore();
  });
  afterEach(() => harness.close());

  const migrate = (dryRun: boolean) =>
    harness.store.migrateRecords(SCHOOL_A, {
      dryRun,
      actor: { id: 'tenant-1/admin', kind: 'user' },
      now: () => new Date('2026-03-01T08:00:00Z'),
    });

  it('migrates a copy of real-shaped data: every assessment, its reviews and sign-off, no other child’s name in any plan', async () => {
    const legacy = legacyRecords();
    for (const r of legacy) seedLegacyRecord(harness, r);
    const report = await migrate(false);
    expect(report.migrated).toHaveLength(legacy.length);
    const records = harness.store.recordsFor(SCHOOL_A);
    const plans = harness.store.forSchool(SCHOOL_A);
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
    const support = await plans.list({ kind: 'support-plan' });
    expect(support.map((s) => s.caseRef).sort()).toEqual(['HSB-2025-0001', 'HSB-2025-0002']);
  });

  it('plans on a dry run without writing anything', async () => {
    seedLegacyPlan(harness);
    harness.fake.resetCounts();
    const report = await migrate(true);
    expect(report.migrated).toEqual([{ caseRef: 'HSB-2025-0007', children: 3, supportPlans: 1 }]);
    expect(harness.fake.writes()).toBe(0);
  });

  it('moves every field where it belongs, keeps names only in child records, and changes nothing the second time', async () => {
    const legacy = seedLegacyPlan(harness);
    const report = await migrate(false);
    expect(report.migrated).toHaveLength(1);

    const records = harness.store.recordsFor(SCHOOL_A);
    const plans = harness.store.forSchool(SCHOOL_A);
    const children = await records.children.list();
    expect(children.map((c) => c.name)).toEqual(['Alex Learner', 'Bea Harmed', 'Cal Witness']);
    const idOf = (name: string) => children.find((c) => c.name === name)!.id;
    const alex = (await records.children.get(idOf('Alex Learner'))).record;
    expect(alex).toMatchObject({
      yearGroup: 'Year 9',
      dateOfBirth: '2011-05-02',
      send: 'ADHD',
      retainUntil: '2036-05-02',
    });
    expect((await records.children.get(idOf('Bea Harmed'))).record.yearGroup).toBe('Year 8');

    const plan = (await plans.get(legacy.id)).record;
    const [kase] = await records.cases.list();
    expect(kase).toMatchObject({ caseRef: 'HSB-2025-0007', status: 'open' });
    expect(kase!.participants).toEqual([
      { childId: idOf('Alex Learner'), roles: ['displayedHsb'], label: 'Child A' },
      { childId: idOf('Bea Harmed'), roles: ['harmed'], label: 'Child B' },
      { childId: idOf('Cal Witness'), roles: ['witness'], label: 'Child C' },
    ]);
    expect(plan).toMatchObject({
      kind: 'risk-assessment',
      caseId: kase!.id,
      childId: idOf('Alex Learner'),
      caseRef: 'HSB-2025-0007',
      status: 'active',
      otherChildren: [],
      incidents: [],
      createdAt: legacy.createdAt,
    });
    expect(plan.learner).toBeUndefined();
    const { victimWishes, ...decisionKept } = legacy.decision!;
    expect(victimWishes).toBeDefined();
    expect(plan.decision).toEqual({
      ...decisionKept,
      rationale: `@[child:${idOf('Bea Harmed')}] told her teacher; @[child:${idOf('Cal Witness')}] confirmed it.`,
    });
    expect(plan.staffNotes).toBe(`@[child:${idOf('Cal Witness')}] saw it.`);
    // Everything else the plan held is as it was.
    expect(plan.risks).toEqual(legacy.risks);
    expect(plan.review).toEqual(legacy.review);
    expect(plan.signOff).toEqual(legacy.signOff);

    const fullCase = (await records.cases.get(kase!.id)).record;
    expect(fullCase.incidents).toEqual([
      expect.objectContaining({ id: legacy.incidents[0]!.id, date: '2025-11-01' }),
    ]);
    expect(fullCase.incidents[0]!.description).toContain(`@[child:${idOf('Bea Harmed')}] at lunch.`);
    expect(await records.chronology.list({ caseId: kase!.id })).toEqual([
      expect.objectContaining({ kind: 'note', summary: 'Case made from an existing risk assessment.' }),
    ]);
    expect(fullCase.participants[0]!.assessmentId).toBe(legacy.id);

    const inCase = await plans.list({ caseId: kase!.id });
    expect(inCase.map((p) => p.kind).sort()).toEqual(['risk-assessment', 'support-plan']);
    const support = inCase.find((p) => p.kind === 'support-plan')!;
    expect(support).toMatchObject({ childId: idOf('Bea Harmed'), caseRef: 'HSB-2025-0007', status: 'draft' });
    expect(fullCase.participants[1]!.assessmentId).toBe(support.id);
    expect((await plans.get(support.id)).record.supportPlan).toEqual({
      measures: [],
      viewsAndWishes: 'Bea wants to stay in her class.',
    });

    // No name left outside the children list.
    const site = harness.sites[SCHOOL_A]!;
    for (const list of ['HSB assessments', 'HSB cases', 'HSB chronology', 'HSB audit log']) {
      const text = JSON.stringify([...harness.fake.list(site, list).items.values()].map((i) => i.fields));
      for (const name of ['Alex Learner', 'Bea Harmed', 'Cal Witness', 'CAL WITNESS']) {
        expect(text).not.toContain(name);
      }
    }
    expect((await plans.history(legacy.id)).map((h) => h.action)).toEqual(['create', 'update']);

    harness.fake.resetCounts();
    const again = await migrate(false);
    expect(again.migrated).toEqual([]);
    expect(again.alreadyDone).toBe(2);
    expect(harness.fake.writes()).toBe(0);
  });

  it('finishes a run that stopped part-way, without a second copy of anything', async () => {
    const legacy = seedLegacyPlan(harness);
    // The last write (the plan joining its case) fails every time: children, case and support plan
    // are already in place when the run stops.
    harness.fake.injectFaults(
      Array.from({ length: 40 }, () => ({ kind: '503' as const })),
      (info) => info.op === 'items.update',
    );
    await expect(migrate(false)).rejects.toBeDefined();
    harness.fake.clearFaults();
    expect((await harness.store.forSchool(SCHOOL_A).get(legacy.id)).record.caseId).toBeUndefined();

    const resumed = await migrate(false);
    expect(resumed.migrated).toHaveLength(1);
    const records = harness.store.recordsFor(SCHOOL_A);
    expect(await records.children.list()).toHaveLength(3);
    expect(await records.cases.list()).toHaveLength(1);
    expect(await harness.store.forSchool(SCHOOL_A).list({ kind: 'support-plan' })).toHaveLength(1);
    expect((await harness.store.forSchool(SCHOOL_A).get(legacy.id)).record.caseId).toBeDefined();
  });

  it('keeps wishes recorded without a child harmed in the case', async () => {
    const legacy = seedLegacyPlan(harness, [{ name: 'Cal Witness', role: 'witness' }]);
    await migrate(false);
    const [kase] = await harness.store.recordsFor(SCHOOL_A).cases.list();
    expect((await harness.store.recordsFor(SCHOOL_A).cases.get(kase!.id)).record.summary).toBe(
      'Wishes of the child harmed, as recorded: Bea wants to stay in her class.',
    );
    expect(
      (await harness.store.forSchool(SCHOOL_A).get(legacy.id)).record.decision?.victimWishes,
    ).toBeUndefined();
    expect(await harness.store.forSchool(SCHOOL_A).list({ kind: 'support-plan' })).toEqual([]);
  });

  it('runs as a script that prints case references and counts, never a name', async () => {
    seedLegacyPlan(harness);
    const env = { ...process.env, GRAPH_ACCESS_TOKEN: 'admin', GRAPH_BASE_URL: harness.fake.baseUrl };
    const script = join(__dirname, '../../../scripts/sharepoint-migrate.ts');
    const tsx = join(__dirname, '../../../node_modules/.bin/tsx');
    const site = ['--site', harness.sites[SCHOOL_A]!];
    const run = promisify(execFile);
    const dry = await run(tsx, [script, ...site, '--dry-run'], { env });
    expect(dry.stdout).toContain('+ HSB-2025-0007: a case, 3 child records, 1 support plan');
    expect(dry.stdout).toContain('1 assessment would be moved.');
    const real = await run(tsx, [script, ...site], { env });
    expect(real.stdout).toContain('1 assessment moved.');
    const again = await run(tsx, [script, ...site], { env });
    expect(again.stdout).toContain('Nothing to change.');
    expect(dry.stdout + real.stdout + again.stdout).not.toMatch(/Alex|Bea|Cal/);
  }, 90_000);
});
