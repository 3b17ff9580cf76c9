/**
 * The contract every AssessmentStore backend must pass (SQLite always, the Graph fake always, a real
 * SharePoint tenant when its settings are present). A backend test file calls
 * `describeAssessmentRepositoryContract('name', setup)`; `setup` builds a fresh, empty store.
 */
import {
  ConflictError,
  assessmentContent,
  NotFoundError,
  isCaseRef,
  type AssessmentStore,
  type StoredPlan,
} from '../../core/index.js';
import { assessmentData, changeContext, testActor } from '../helpers/assessment-data.js';

export interface ContractHarness {
  store: AssessmentStore;
  /** Two school ids the backend can hold; defaults to 'school-a' and 'school-b'. */
  schools?: [string, string];
  cleanup(): Promise<void>;
}

const SUMMARY_KEYS = [
  'caseId',
  'caseRef',
  'childId',
  'id',
  'kind',
  'learnerName',
  'nextDue',
  'overallRisk',
  'status',
  'updatedAt',
  'yearGroup',
];

export function describeAssessmentRepositoryContract(
  name: string,
  setup: () => Promise<ContractHarness>,
): void {
  describe(`AssessmentRepository contract: ${name}`, () => {
    let harness: ContractHarness;
    let schoolA: string;
    let schoolB: string;

    beforeEach(async () => {
      harness = await setup();
      [schoolA, schoolB] = harness.schools ?? ['school-a', 'school-b'];
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    const repoA = () => harness.store.forSchool(schoolA);
    const repoB = () => harness.store.forSchool(schoolB);

    describe('create', () => {
      it('assigns id, case reference, version 1 and timestamps, and keeps the content exactly', async () => {
        const data = assessmentData({
          learner: { name: 'Round Trip', yearGroup: 'Year 10', send: 'Autism; speech and language needs' },
        });
        const created = await repoA().create(data, changeContext('2026-03-10T10:00:00Z'));
        expect(created.record.id).toEqual(expect.any(String));
        expect(created.record.caseRef).toBe('HSB-2026-0001');
        expect(created.record.version).toBe(1);
        expect(created.record.createdAt).toBe('2026-03-10T10:00:00.000Z');
        expect(created.record.updatedAt).toBe('2026-03-10T10:00:00.000Z');
        expect(created.etag).toEqual(expect.any(String));
        const read = await repoA().get(created.record.id);
        expect(read.record).toEqual(created.record);
        expect(read.etag).toBe(created.etag);
        const content = assessmentContent(read.record);
        expect(content).toEqual(data);
      });

      it('numbers case references per school and per year, restarting each year', async () => {
        const refs: string[] = [];
        for (const at of [
          '2026-01-05T09:00:00Z',
          '2026-06-05T09:00:00Z',
          '2026-12-31T23:59:00Z',
          '2027-01-01T00:01:00Z',
        ]) {
          refs.push((await repoA().create(assessmentData(), changeContext(at))).record.caseRef);
        }
        expect(refs).toEqual(['HSB-2026-0001', 'HSB-2026-0002', 'HSB-2026-0003', 'HSB-2027-0001']);
        expect(
          (await repoB().create(assessmentData(), changeContext('2026-07-01T09:00:00Z'))).record.caseRef,
        ).toBe('HSB-2026-0001');
      });

      it('gives concurrent creates distinct, gap-free case references', async () => {
        const created = await Promise.all(
          Array.from({ length: 10 }, () =>
            repoA().create(assessmentData(), changeContext('2026-04-01T09:00:00Z')),
          ),
        );
        const refs = created.map((c) => c.record.caseRef).sort();
        expect(refs.every(isCaseRef)).toBe(true);
        expect(refs).toEqual(
          Array.from({ length: 10 }, (_, i) => `HSB-2026-${String(i + 1).padStart(4, '0')}`),
        );
        expect(new Set(created.map((c) => c.record.id)).size).toBe(10);
      });
    });

    describe('get', () => {
      it('throws NotFoundError for an unknown id', async () => {
        await expect(repoA().get('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(
          NotFoundError,
        );
      });

      it('never returns another school’s record', async () => {
        const created = await repoA().create(assessmentData(), changeContext());
        await expect(repoB().get(created.record.id)).rejects.toBeInstanceOf(NotFoundError);
      });
    });

    describe('replace', () => {
      async function createOne(): Promise<StoredPlan> {
        return repoA().create(assessmentData(), changeContext('2026-03-10T10:00:00Z'));
      }

      it('writes a new version with a new ETag, keeping id, case reference and creation time', async () => {
        const created = await createOne();
        const next = assessmentData({
          learner: { name: 'Test Learner', yearGroup: 'Year 9' },
          staffNotes: 'Seen by DSL.',
        });
        const replaced = await repoA().replace(
          created.record.id,
          next,
          created.etag,
          changeContext('2026-03-11T08:00:00Z', {
            action: 'update',
            fields: ['learner.yearGroup', 'staffNotes'],
          }),
        );
        expect(replaced.record.version).toBe(2);
        expect(replaced.etag).not.toBe(created.etag);
        expect(replaced.record.id).toBe(created.record.id);
        expect(replaced.record.caseRef).toBe(created.record.caseRef);
        expect(replaced.record.createdAt).toBe(created.record.createdAt);
        expect(replaced.record.updatedAt).toBe('2026-03-11T08:00:00.000Z');
        expect(replaced.record.staffNotes).toBe('Seen by DSL.');
        expect(await repoA().get(created.record.id)).toEqual(replaced);
      });

      it('refuses a stale ETag with a ConflictError and leaves the record untouched', async () => {
        const created = await createOne();
        const first = await repoA().replace(
          created.record.id,
          assessmentData({ staffNotes: 'first' }),
          created.etag,
          changeContext(undefined, { action: 'update' }),
        );
        const error = await repoA()
          .replace(
            created.record.id,
            assessmentData({ staffNotes: 'second' }),
            created.etag,
            changeContext(undefined, { action: 'update' }),
          )
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConflictError);
        expect((error as ConflictError).reason).toBe('stale');
        expect((await repoA().get(created.record.id)).record.staffNotes).toBe('first');
        expect((await repoA().get(created.record.id)).etag).toBe(first.etag);
      });

      it('lets exactly one of two concurrent writers with the same ETag win', async () => {
        const created = await createOne();
        const results = await Promise.allSettled(
          ['a', 'b'].map((note) =>
            repoA().replace(
              created.record.id,
              assessmentData({ staffNotes: note }),
              created.etag,
              changeContext(undefined, { action: 'update' }),
            ),
          ),
        );
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
        const stored = await repoA().get(created.record.id);
        expect(stored.record.version).toBe(2);
        expect(stored.record.staffNotes).toBe(
          (won[0] as PromiseFulfilledResult<StoredPlan>).value.record.staffNotes,
        );
      });

      it('throws NotFoundError for an unknown id or another school’s record', async () => {
        const created = await createOne();
        await expect(
          repoA().replace(
            '00000000-0000-4000-8000-000000000000',
            assessmentData(),
            created.etag,
            changeContext(),
          ),
        ).rejects.toBeInstanceOf(NotFoundError);
        await expect(
          repoB().replace(created.record.id, assessmentData(), created.etag, changeContext()),
        ).rejects.toBeInstanceOf(NotFoundError);
      });
    });

    describe('list', () => {
      async function seed() {
        const draft = await repoA().create(
          assessmentData({ learner: { name: 'Draft One', yearGroup: 'Year 7' } }),
          changeContext(),
        );
        const dueSoon = await repoA().create(
          assessmentData({
            status: 'active',
            review: { nextDue: '2026-03-20' },
            decision: { options: ['manage-internally'], rationale: 'r' },
          }),
          changeContext(),
        );
        const dueLater = await repoA().create(
          assessmentData({
            status: 'active',
            review: { nextDue: '2026-05-01' },
            decision: { options: ['early-help'], rationale: 'r' },
          }),
          changeContext(),
        );
        await repoB().create(assessmentData({ review: { nextDue: '2026-03-01' } }), changeContext());
        return { draft, dueSoon, dueLater };
      }

      it('returns summaries of this school only, without narrative text', async () => {
        const { draft } = await seed();
        const all = await repoA().list();
        expect(all).toHaveLength(3);
        for (const row of all) expect(Object.keys(row).sort()).toEqual(SUMMARY_KEYS);
        const row = all.find((r) => r.id === draft.record.id)!;
        expect(row).toEqual({
          id: draft.record.id,
          kind: 'risk-assessment',
          caseId: null,
          childId: null,
          caseRef: draft.record.caseRef,
          status: 'draft',
          learnerName: 'Draft One',
          yearGroup: 'Year 7',
          overallRisk: null,
          nextDue: null,
          updatedAt: draft.record.updatedAt,
        });
      });

      it('filters by status and by next review date', async () => {
        const { draft, dueSoon, dueLater } = await seed();
        expect((await repoA().list({ status: ['draft'] })).map((r) => r.id)).toEqual([draft.record.id]);
        expect((await repoA().list({ status: ['active'] })).map((r) => r.id).sort()).toEqual(
          [dueSoon.record.id, dueLater.record.id].sort(),
        );
        expect(await repoA().list({ status: [] })).toEqual([]);
        expect((await repoA().list({ dueOnOrBefore: '2026-03-20' })).map((r) => r.id)).toEqual([
          dueSoon.record.id,
        ]);
        expect(await repoA().list({ dueOnOrBefore: '2026-03-19' })).toEqual([]);
        expect(
          (await repoA().list({ status: ['active'], dueOnOrBefore: '2026-12-31' })).map((r) => r.id).sort(),
        ).toEqual([dueSoon.record.id, dueLater.record.id].sort());
      });

      it('reflects updates in the summary columns', async () => {
        const { dueSoon } = await seed();
        await repoA().replace(
          dueSoon.record.id,
          {
            ...assessmentData({
              status: 'closed',
              closingReason: 'Plan completed',
              review: { nextDue: '2026-03-20' },
            }),
          },
          dueSoon.etag,
          changeContext(undefined, { action: 'update' }),
        );
        expect((await repoA().list({ status: ['closed'] })).map((r) => r.id)).toEqual([dueSoon.record.id]);
      });
    });

    describe('history and access', () => {
      it('records who changed which fields, when and why — never the values', async () => {
        const created = await repoA().create(
          assessmentData(),
          changeContext('2026-03-10T10:00:00Z', { fields: ['learner'] }),
        );
        await repoA().replace(
          created.record.id,
          assessmentData({ staffNotes: 'Private note' }),
          created.etag,
          changeContext('2026-03-11T10:00:00Z', {
            action: 'update',
            fields: ['staffNotes'],
            reason: 'New information from the form tutor',
          }),
        );
        await repoA().recordAccess(created.record.id, {
          actor: testActor,
          at: new Date('2026-03-12T10:00:00Z'),
          action: 'read',
        });
        await repoA().recordAccess(created.record.id, {
          actor: testActor,
          at: new Date('2026-03-12T11:00:00Z'),
          action: 'export',
          detail: 'parents',
        });
        const history = await repoA().history(created.record.id);
        expect(history).toEqual([
          {
            at: '2026-03-10T10:00:00.000Z',
            actorId: testActor.id,
            action: 'create',
            fields: ['learner'],
            reason: null,
            detail: null,
          },
          {
            at: '2026-03-11T10:00:00.000Z',
            actorId: testActor.id,
            action: 'update',
            fields: ['staffNotes'],
            reason: 'New information from the form tutor',
            detail: null,
          },
          {
            at: '2026-03-12T10:00:00.000Z',
            actorId: testActor.id,
            action: 'read',
            fields: [],
            reason: null,
            detail: null,
          },
          {
            at: '2026-03-12T11:00:00.000Z',
            actorId: testActor.id,
            action: 'export',
            fields: [],
            reason: null,
            detail: 'parents',
          },
        ]);
        expect(JSON.stringify(history)).not.toContain('Private note');
      });

      it('does not reveal or touch another school’s history', async () => {
        const created = await repoA().create(assessmentData(), changeContext());
        await expect(repoB().history(created.record.id)).rejects.toBeInstanceOf(NotFoundError);
        await expect(
          repoB().recordAccess(created.record.id, { actor: testActor, at: new Date(), action: 'read' }),
        ).rejects.toBeInstanceOf(NotFoundError);
      });
    });

    it('round-trips a large assessment without loss', async () => {
      const risks = Array.from({ length: 40 }, (_, i) => ({
        id: `r${i}`,
        context: 'classroom',
        description: `Risk ${i}: ${'detail '.repeat(100)}`,
        likelihood: (i % 3) + 1,
        impact: ((i + 1) % 3) + 1,
        strategies: Array.from({ length: 5 }, (_, j) => ({
          id: `s${i}-${j}`,
          action: `Strategy ${j} ${'x'.repeat(200)}`,
          owner: 'Class teacher',
          inPlace: j % 2 === 0,
        })),
      }));
      const data = assessmentData({ risks, staffNotes: 'ü — “quotes” and emoji 🧒 and \\ backslashes' });
      const created = await repoA().create(data, changeContext());
      const content = assessmentContent((await repoA().get(created.record.id)).record);
      expect(content).toEqual(data);
    });
  });
}
