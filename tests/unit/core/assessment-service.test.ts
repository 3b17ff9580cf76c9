import {
  AssessmentService,
  ConflictError,
  assessmentContent,
  type AssessmentRepository,
} from '../../../core/index.js';
import { SqliteAssessmentStore } from '../../../storage/sqlite/index.js';
import { activeAssessmentBody, testActor } from '../../helpers/assessment-data.js';
import { fixedClock } from '../../helpers/test-server.js';

const review = {
  date: '2026-03-09',
  behaviourChanges: 'Settled.',
  strategyImpacts: [],
  nextDue: '2026-04-06',
};

describe('AssessmentService.addReview', () => {
  let store: SqliteAssessmentStore;
  beforeEach(() => {
    store = new SqliteAssessmentStore({ file: ':memory:' });
  });
  afterEach(() => store.close());

  /** A repository that lets another writer save once between this service's read and its write. */
  function racingRepository(times: number): AssessmentRepository {
    const inner = store.forSchool('s');
    let races = times;
    return {
      ...inner,
      create: inner.create.bind(inner),
      get: inner.get.bind(inner),
      list: inner.list.bind(inner),
      history: inner.history.bind(inner),
      recordAccess: inner.recordAccess.bind(inner),
      async replace(id, data, ifMatch, context) {
        if (races-- > 0) {
          const current = await inner.get(id);
          const content = assessmentContent(current.record);
          await inner.replace(id, { ...content, staffNotes: `someone else ${races}` }, current.etag, {
            ...context,
            action: 'update',
          });
        }
        return inner.replace(id, data, ifMatch, context);
      },
    };
  }

  it('retries an append without If-Match when someone else saved meanwhile, keeping both changes', async () => {
    const service = new AssessmentService({
      repository: racingRepository(1),
      clock: fixedClock('2026-03-10T10:00:00Z'),
    });
    const created = await service.create(activeAssessmentBody(), testActor);
    const stored = await service.addReview(created.record.id, review, testActor);
    expect(stored.record.reviews).toHaveLength(1);
    expect(stored.record.staffNotes).toBe('someone else 0');
    expect(stored.record.version).toBe(3);
  });

  it('gives up after three attempts rather than looping', async () => {
    const service = new AssessmentService({
      repository: racingRepository(5),
      clock: fixedClock('2026-03-10T10:00:00Z'),
    });
    const created = await service.create(activeAssessmentBody(), testActor);
    await expect(service.addReview(created.record.id, review, testActor)).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await store.forSchool('s').get(created.record.id)).record.reviews).toEqual([]);
  });

  it('never retries when the client sent If-Match: the client must see the other change', async () => {
    const service = new AssessmentService({
      repository: racingRepository(1),
      clock: fixedClock('2026-03-10T10:00:00Z'),
    });
    const created = await service.create(activeAssessmentBody(), testActor);
    await expect(service.addReview(created.record.id, review, testActor, created.etag)).rejects.toMatchObject(
      { reason: 'stale' },
    );
  });
});
