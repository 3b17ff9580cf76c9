import {
  ActionsService,
  hasOwnedActionScan,
  schoolServices,
  type AssessmentRepository,
  type AssessmentStore,
  type SchoolServices,
} from '../../../core/index.js';
import { createAssessmentStore } from '../../../storage/index.js';
import { fixedClock } from '../../helpers/test-server.js';

const ME = '5f2b9c1e-8a7d-4e3b-9c6a-1d2e3f4a5b6c';
const OTHER = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('the school’s actions (SQLite store)', () => {
  let store: AssessmentStore;
  let services: SchoolServices;

  beforeEach(() => {
    store = createAssessmentStore({ kind: 'sqlite-memory' });
    services = schoolServices(store, {
      schoolId: 'local',
      actor: { id: 'local-user', kind: 'local' },
      callerName: 'Tester',
      clock: fixedClock('2026-03-10T10:00:00Z'),
    });
  });
  afterEach(() => store.close());

  const strategy = (over: Record<string, unknown>) => ({ action: 'Act', owner: 'Someone', ...over });

  async function planWith(strategies: Record<string, unknown>[], status?: 'closed') {
    const created = await services.plans.create(
      {
        learner: { name: 'Pat Example' },
        risks: [{ context: 'online', description: 'd', likelihood: 1, impact: 1, strategies }],
      },
      { id: 'local-user', kind: 'local' },
    );
    if (status === 'closed') {
      const body = { ...created.record, status: 'closed', closingReason: 'Moved school.' };
      await services.plans.replace(created.record.id, body, created.etag, {
        id: 'local-user',
        kind: 'local',
      });
    }
    return created.record;
  }

  it('counts overdue actions in open plans only, whoever owns them, in place or undated not counted', async () => {
    await planWith([
      strategy({ ownerId: ME, due: '2026-03-01' }),
      strategy({ ownerId: OTHER, due: '2026-03-09' }),
      strategy({ ownerId: ME, due: '2026-03-10' }),
      strategy({ ownerId: ME, due: '2026-03-01', inPlace: true }),
      strategy({ ownerId: ME }),
    ]);
    await planWith([strategy({ due: '2026-02-01' })]);
    await planWith([strategy({ ownerId: ME, due: '2026-02-01' })], 'closed');
    // A typed name's action with a due date is overdue too, though no one can be told of it.
    expect(await services.actions.overdueCount()).toBe(3);
  });

  it('lists only the owner’s actions in open plans', async () => {
    const open = await planWith([strategy({ ownerId: ME, due: '2026-03-20' }), strategy({ ownerId: OTHER })]);
    await planWith([strategy({ ownerId: ME })], 'closed');
    const mine = await services.actions.mine(ME);
    expect(mine.items.map((a) => [a.assessmentId, a.due])).toEqual([[open.id, '2026-03-20']]);
    expect((await services.actions.mine('local:nobody')).items).toEqual([]);
  });

  it('gives the same answers on a backend with no scan, reading plan by plan (as on SharePoint)', async () => {
    await planWith([
      strategy({ ownerId: ME, due: '2026-03-01' }),
      strategy({ ownerId: OTHER, due: '2026-03-02' }),
    ]);
    await planWith([strategy({ ownerId: ME, due: '2026-04-01' })]);
    const sqlite = store.forSchool('local');
    expect(hasOwnedActionScan(sqlite)).toBe(true);
    const plain: AssessmentRepository = {
      create: (...a) => sqlite.create(...a),
      get: (id) => sqlite.get(id),
      replace: (...a) => sqlite.replace(...a),
      list: (q) => sqlite.list(q),
      history: (id) => sqlite.history(id),
      recordAccess: (...a) => sqlite.recordAccess(...a),
    };
    const slow = new ActionsService({ repository: plain, clock: fixedClock('2026-03-10T10:00:00Z') });
    expect(await slow.overdueCount()).toBe(await services.actions.overdueCount());
    expect(await slow.mine(ME)).toEqual(await services.actions.mine(ME));
  });
});
