/**
 * A new case and a plan save with its chronology entry, through the services, on SharePoint: how many
 * Graph round trips they cost, and that a case whose writing fails part way leaves nothing behind.
 */
import { defaultListNames } from '../../../storage/sharepoint/sharepoint-schema.js';
import { schoolServices, type SchoolServices } from '../../../core/index.js';
import { fakeSharePointStore, SCHOOL_A, type FakeStoreHarness } from '../../helpers/sharepoint-fake-store.js';
import { fixedClock } from '../../helpers/test-server.js';
import { activeAssessmentBody, testActor } from '../../helpers/assessment-data.js';

describe('opening a case and saving a plan on SharePoint', () => {
  let h: FakeStoreHarness;
  let services: SchoolServices;
  beforeEach(async () => {
    h = await fakeSharePointStore();
    services = schoolServices(h.store, {
      schoolId: SCHOOL_A,
      actor: testActor,
      callerName: 'Dee Esel',
      clock: fixedClock('2026-03-10T10:00:00Z'),
      access: { userAssertion: 'dsl' },
    });
  });
  afterEach(() => h.close());

  const body = (displayed: string, harmed: string) => ({
    participants: [
      { child: { name: displayed, yearGroup: 'Year 9' }, roles: ['displayedHsb'] },
      { child: { name: harmed, yearGroup: 'Year 8' }, roles: ['harmed'] },
    ],
  });
  const itemCounts = () =>
    Object.fromEntries(
      Object.entries(defaultListNames)
        .filter(([key]) => key !== 'auditLog' && key !== 'documents')
        .map(([key, name]) => [key, h.fake.list(h.sites[SCHOOL_A]!, name).items.size]),
    );

  it('writes a case with two new children, their plans and chronology in one round trip', async () => {
    await services.cases!.createCase(body('Ada One', 'Bea Two'), services.signer);
    h.fake.resetCounts();
    const stored = await services.cases!.createCase(body('Cal Three', 'Dan Four'), services.signer);
    expect(h.fake.roundTrips()).toBe(1);
    const [ra, sp] = stored.record.participants;
    expect((await services.plans.read(ra!.assessmentId!, testActor)).record.kind).toBe('risk-assessment');
    expect((await services.plans.read(sp!.assessmentId!, testActor)).record.kind).toBe('support-plan');
    const summaries = await services.plans.list();
    expect(
      summaries
        .filter((s) => s.caseId === stored.record.id)
        .map((s) => s.learnerName)
        .sort(),
    ).toEqual(['Cal Three', 'Dan Four']);
  });

  it('leaves no half-made case when a later write fails for good', async () => {
    await services.cases!.createCase(body('Ada One', 'Bea Two'), services.signer);
    const before = itemCounts();
    const plans = h.fake.list(h.sites[SCHOOL_A]!, defaultListNames.assessments).id;
    // The second plan's write is refused; the case, children, pairs and first plan were made by then.
    let seen = 0;
    h.fake.injectFaults(
      [{ kind: 'refused' }],
      (info) => info.op === 'items.create' && info.path.includes(plans) && ++seen === 2,
    );
    await expect(
      services.cases!.createCase(body('Cal Three', 'Dan Four'), services.signer),
    ).rejects.toThrow();
    expect(h.fake.faultsInjected().map((f) => f.kind)).toEqual(['refused']);
    expect(itemCounts()).toEqual(before);
    expect((await services.cases!.findChildren('Cal')).length).toBe(0);
  });

  it('saves a review with the chronology entry it makes in one $batch', async () => {
    const created = await services.plans.create(activeAssessmentBody('Ada One'), testActor);
    h.fake.resetCounts();
    const review = {
      date: '2026-03-09',
      behaviourChanges: 'Settled.',
      strategyImpacts: [],
      nextDue: '2026-04-06',
    };
    const saved = await services.plans.addReview(
      created.record.id,
      { ...review, newRiskLevel: 'low' },
      testActor,
    );
    // One batch writes the plan, its audit line and the chronology entry (the other requests read).
    expect(h.fake.roundTrips('batch')).toBe(1);
    expect(h.fake.roundTrips('items.create') + h.fake.roundTrips('items.update')).toBe(0);
    expect(saved.record.overallRisk).toBe('low');
    const entries = await services.cases!.caseChronology(saved.record.caseId!);
    expect(entries.filter((e) => e.kind === 'review').map((e) => [e.date, e.childId])).toEqual([
      ['2026-03-09', saved.record.childId],
    ]);
    expect(entries.filter((e) => e.kind === 'plan-activated')).toHaveLength(1);
  });
});
