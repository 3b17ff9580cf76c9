import { dueReviews } from '../../../bot/src/bot/bot-actions.js';
import { schoolServices, type AssessmentStore, type SchoolServices } from '../../../core/index.js';
import { createAssessmentStore } from '../../../storage/index.js';
import { fakeSharePointStore, SCHOOL_A, type FakeStoreHarness } from '../../helpers/sharepoint-fake-store.js';
import { fixedClock } from '../../helpers/test-server.js';

const HSB_NAME = 'Zéphyrine Canarywood';
const HARMED_NAME = 'Quillón Sparrowhåwk';

/**
 * The rows the `reviews` command and the daily digest show, on both backends: each plan of a case by
 * its kind, the support plan by the case's pseudonym, and nothing else about the child. The same
 * services also give the team's plan list the learner's name from the child record.
 */
describe.each(['sqlite', 'sharepoint'] as const)('due reviews on %s', (backend) => {
  let harness: FakeStoreHarness | undefined;
  let store: AssessmentStore;
  let services: SchoolServices;

  beforeAll(async () => {
    if (backend === 'sharepoint') {
      harness = await fakeSharePointStore();
      store = harness.store;
    } else {
      store = createAssessmentStore({ kind: 'sqlite-memory' });
    }
    services = schoolServices(store, {
      schoolId: SCHOOL_A,
      actor: { id: 'dsl-1', kind: 'user' },
      callerName: 'Ms DSL',
      clock: fixedClock('2026-03-09T09:00:00Z'),
    });
    const opened = await services.cases!.createCase(
      {
        participants: [
          { child: { name: HSB_NAME, yearGroup: 'Year 8' }, roles: ['displayedHsb'] },
          { child: { name: HARMED_NAME, yearGroup: 'Year 7' }, roles: ['harmed'] },
        ],
      },
      services.signer,
    );
    for (const [i, p] of opened.record.participants.entries()) {
      const plan = await services.plans.get(p.assessmentId!);
      await services.plans.replace(
        plan.record.id,
        { ...plan.record, review: { nextDue: i === 0 ? '2026-03-12' : '2026-03-06' } },
        plan.etag,
        services.signer.actor,
      );
    }
  });
  afterAll(async () => {
    if (harness) await harness.close();
    else await store.close();
  });

  it('names each plan by kind, the support plan by pseudonym, and no child', async () => {
    const rows = await dueReviews(services, 14);
    expect(rows.map(({ kind, label, status, nextDue }) => ({ kind, label, status, nextDue }))).toEqual([
      { kind: 'support-plan', label: 'Child B', status: 'draft', nextDue: '2026-03-06' },
      { kind: 'risk-assessment', label: 'Child A', status: 'draft', nextDue: '2026-03-12' },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/Canarywood|Sparrow|Year/);
  });

  it('lists the plans of a case made by POST /api/cases with the learner’s name from the child record', async () => {
    const list = await services.plans.list();
    expect(list.map((r) => [r.kind, r.learnerName, r.yearGroup]).sort()).toEqual([
      ['risk-assessment', HSB_NAME, 'Year 8'],
      ['support-plan', HARMED_NAME, 'Year 7'],
    ]);
  });
});
