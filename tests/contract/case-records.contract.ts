import {
  ConflictError,
  NotFoundError,
  childData,
  emptyAgencies,
  type AssessmentStore,
  type CaseData,
  type CaseOpening,
  type CaseRecordStore,
} from '../../core/index.js';
import { assessmentData, changeContext, testActor } from '../helpers/assessment-data.js';

export interface CaseRecordsHarness {
  store: CaseRecordStore & AssessmentStore;
  /** Two schools the backend can hold, e.g. two SharePoint sites. */
  schools?: [string, string];
  cleanup: () => Promise<void>;
}

const CHILD_ONE = childData({ name: 'Zoë Ångström', dateOfBirth: '2012-09-01', yearGroup: 'Year 9' });
const CHILD_TWO = childData({ name: 'Sam Smith', yearGroup: 'Year 8' });

function caseData(childIds: string[], overrides: Partial<CaseData> = {}): CaseData {
  return {
    status: 'open',
    participants: childIds.map((childId, i) => ({
      childId,
      roles: [i === 0 ? 'displayedHsb' : 'harmed'],
      label: `Child ${String.fromCharCode(65 + i)}`,
    })),
    labelsIssued: childIds.length,
    incidents: [],
    agencies: emptyAgencies(),
    ...overrides,
  };
}

/**
 * What every backend of children, cases and chronology must do. Backend-neutral: it speaks only to
 * the interfaces in core/repositories/case-records.ts.
 */
export function describeCaseRecordsContract(name: string, setup: () => Promise<CaseRecordsHarness>): void {
  describe(`CaseRecords contract: ${name}`, () => {
    let harness: CaseRecordsHarness;
    let schoolA: string;
    let schoolB: string;

    beforeEach(async () => {
      harness = await setup();
      [schoolA, schoolB] = harness.schools ?? ['school-a', 'school-b'];
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    const a = () => harness.store.recordsFor(schoolA);
    const b = () => harness.store.recordsFor(schoolB);

    describe('children', () => {
      it('keep what was written, exactly, with server-made id, version and timestamps', async () => {
        const created = await a().children.create(CHILD_ONE, changeContext('2026-03-10T10:00:00Z'));
        expect(created.record).toMatchObject({
          ...CHILD_ONE,
          id: expect.any(String),
          version: 1,
          createdAt: '2026-03-10T10:00:00.000Z',
          updatedAt: '2026-03-10T10:00:00.000Z',
        });
        expect(created.record.retainUntil).toBe('2037-09-01');
        expect((await a().children.get(created.record.id)).record).toEqual(created.record);
      });

      it('replace only with the current ETag, and give a new one', async () => {
        const created = await a().children.create(CHILD_ONE, changeContext());
        const next = { ...CHILD_ONE, yearGroup: 'Year 10' };
        const saved = await a().children.replace(
          created.record.id,
          next,
          created.etag,
          changeContext('2026-03-11T10:00:00Z', { action: 'update', fields: ['yearGroup'] }),
        );
        expect(saved.etag).not.toBe(created.etag);
        expect(saved.record).toMatchObject({
          yearGroup: 'Year 10',
          version: 2,
          createdAt: created.record.createdAt,
        });
        await expect(
          a().children.replace(created.record.id, CHILD_ONE, created.etag, changeContext()),
        ).rejects.toMatchObject({ reason: 'stale' });
        await expect(
          a().children.replace(created.record.id, CHILD_ONE, created.etag, changeContext()),
        ).rejects.toBeInstanceOf(ConflictError);
      });

      it('list by name, or only the ids asked for, and never another school’s', async () => {
        const one = await a().children.create(CHILD_ONE, changeContext());
        const two = await a().children.create(CHILD_TWO, changeContext());
        await b().children.create(childData({ name: 'Other School' }), changeContext());
        const all = await a().children.list();
        expect(all.map((c) => c.name)).toEqual(['Sam Smith', 'Zoë Ångström']);
        expect(all[0]).toEqual({
          id: two.record.id,
          name: 'Sam Smith',
          yearGroup: 'Year 8',
          dateOfBirth: null,
          updatedAt: two.record.updatedAt,
        });
        expect((await a().children.list({ ids: [one.record.id] })).map((c) => c.id)).toEqual([one.record.id]);
        expect(await a().children.list({ ids: [] })).toEqual([]);
        await expect(b().children.get(one.record.id)).rejects.toBeInstanceOf(NotFoundError);
      });

      it('audit changes and reads by field name, never by value', async () => {
        const created = await a().children.create(
          CHILD_ONE,
          changeContext('2026-03-10T10:00:00Z', { fields: ['name'] }),
        );
        await a().children.recordAccess(created.record.id, {
          actor: testActor,
          at: new Date('2026-03-10T11:00:00Z'),
          action: 'read',
        });
        const history = await a().children.history(created.record.id);
        expect(history.map((h) => h.action)).toEqual(['create', 'read']);
        expect(JSON.stringify(history)).not.toContain('Zoë');
        await expect(a().children.history('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(
          NotFoundError,
        );
      });
    });

    describe('cases', () => {
      async function twoChildren(): Promise<string[]> {
        const one = await a().children.create(CHILD_ONE, changeContext());
        const two = await a().children.create(CHILD_TWO, changeContext());
        return [one.record.id, two.record.id];
      }

      it('get a case reference per school and year, in order', async () => {
        const ids = await twoChildren();
        const first = await a().cases.create(caseData(ids), changeContext('2026-03-10T10:00:00Z'));
        const second = await a().cases.create(caseData(ids), changeContext('2026-03-11T10:00:00Z'));
        const nextYear = await a().cases.create(caseData(ids), changeContext('2027-01-05T10:00:00Z'));
        const otherSchool = await b().cases.create(caseData(ids), changeContext('2026-03-10T10:00:00Z'));
        expect(first.record.caseRef).toMatch(/^HSB-2026-0*1$/);
        expect(second.record.caseRef).toMatch(/^HSB-2026-0*2$/);
        expect(nextYear.record.caseRef).toMatch(/^HSB-2027-0*1$/);
        expect(otherSchool.record.caseRef).toMatch(/^HSB-2026-0*1$/);
      });

      it('keep content exactly and refuse a stale replace', async () => {
        const ids = await twoChildren();
        const data = caseData(ids, {
          summary: 'Reported by @[child:' + ids[1] + '] on Monday.',
          agencies: { ...emptyAgencies(), cscStatus: 'child-in-need' },
        });
        const created = await a().cases.create(data, changeContext());
        expect((await a().cases.get(created.record.id)).record).toEqual(created.record);
        expect(created.record).toMatchObject(data);
        // A child who was harmed and also displayed HSB keeps both plans through a replace.
        const both = {
          ...data.participants[0]!,
          roles: ['displayedHsb', 'harmed'] as CaseData['participants'][number]['roles'],
          assessmentId: 'plan-1',
          plans: [
            { kind: 'risk-assessment' as const, assessmentId: 'plan-1' },
            { kind: 'support-plan' as const, assessmentId: 'plan-2' },
          ],
        };
        const closed = await a().cases.replace(
          created.record.id,
          {
            ...data,
            participants: [both, data.participants[1]!],
            status: 'closed',
            closingReason: 'Resolved.',
          },
          created.etag,
          changeContext('2026-03-12T10:00:00Z', { action: 'update', fields: ['status'] }),
        );
        expect(closed.record).toMatchObject({
          status: 'closed',
          caseRef: created.record.caseRef,
          version: 2,
        });
        expect((await a().cases.get(created.record.id)).record.participants[0]).toEqual(both);
        await expect(
          a().cases.replace(created.record.id, data, created.etag, changeContext()),
        ).rejects.toMatchObject({
          reason: 'stale',
        });
      });

      it('list by status and by child, as summaries without free text', async () => {
        const ids = await twoChildren();
        const other = await a().children.create(childData({ name: 'Third Child' }), changeContext());
        const open = await a().cases.create(caseData(ids, { summary: 'Narrative text' }), changeContext());
        const closed = await a().cases.create(
          caseData([other.record.id], { status: 'closed' }),
          changeContext(),
        );
        expect((await a().cases.list()).map((c) => c.id)).toEqual([open.record.id, closed.record.id]);
        expect((await a().cases.list({ status: ['closed'] })).map((c) => c.id)).toEqual([closed.record.id]);
        expect((await a().cases.list({ childId: ids[1] })).map((c) => c.id)).toEqual([open.record.id]);
        const [row] = await a().cases.list({ status: ['open'] });
        expect(Object.keys(row!).sort()).toEqual(['caseRef', 'id', 'participants', 'status', 'updatedAt']);
        expect(JSON.stringify(row)).not.toContain('Narrative');
        expect(await b().cases.list()).toEqual([]);
      });

      it('follow a child who joins or leaves a case in the by-child list', async () => {
        const ids = await twoChildren();
        const created = await a().cases.create(caseData([ids[0]!]), changeContext());
        expect(await a().cases.list({ childId: ids[1] })).toEqual([]);
        const joined = await a().cases.replace(
          created.record.id,
          caseData(ids),
          created.etag,
          changeContext(),
        );
        expect((await a().cases.list({ childId: ids[1] })).map((c) => c.id)).toEqual([created.record.id]);
        await a().cases.replace(created.record.id, caseData([ids[0]!]), joined.etag, changeContext());
        expect(await a().cases.list({ childId: ids[1] })).toEqual([]);
      });
    });

    describe('chronology', () => {
      it('is append-only, ordered by date then by when it was recorded, and filtered by case and child', async () => {
        const child = await a().children.create(CHILD_ONE, changeContext());
        const kase = await a().cases.create(caseData([child.record.id]), changeContext());
        const caseId = kase.record.id;
        const later = await a().chronology.append(
          { date: '2026-03-12', kind: 'review', summary: 'Reviewed.', by: 'Dee Esel', caseId },
          changeContext('2026-03-12T10:00:00Z'),
        );
        const earlier = await a().chronology.append(
          { date: '2026-03-10', kind: 'concern', summary: 'Case opened.', by: 'Dee Esel', caseId },
          changeContext('2026-03-12T11:00:00Z'),
        );
        const forChild = await a().chronology.append(
          {
            date: '2026-03-12',
            kind: 'plan-activated',
            summary: 'Activated.',
            by: 'Dee Esel',
            caseId,
            childId: child.record.id,
          },
          changeContext('2026-03-12T12:00:00Z'),
        );
        const correction = await a().chronology.append(
          {
            date: '2026-03-12',
            kind: 'note',
            summary: 'Correction.',
            by: 'Dee Esel',
            caseId,
            corrects: later.id,
          },
          changeContext('2026-03-12T13:00:00Z'),
        );
        expect((await a().chronology.list({ caseId })).map((e) => e.id)).toEqual([
          earlier.id,
          later.id,
          forChild.id,
          correction.id,
        ]);
        expect((await a().chronology.list({ childId: child.record.id })).map((e) => e.id)).toEqual([
          forChild.id,
        ]);
        expect(await a().chronology.get(correction.id)).toEqual(correction);
        expect(correction).toMatchObject({ corrects: later.id, recordedAt: '2026-03-12T13:00:00.000Z' });
        expect(await b().chronology.list({ caseId })).toEqual([]);
        await expect(b().chronology.get(later.id)).rejects.toBeInstanceOf(NotFoundError);
        expect('update' in a().chronology || 'delete' in a().chronology).toBe(false);
      });
    });

    describe('opening a case as one unit', () => {
      /** A case with two new children and a plan for each, as the case service builds it. */
      function opening(ids: { kase: string; one: string; two: string; ra: string; sp: string }): CaseOpening {
        const at = changeContext('2026-03-10T10:00:00Z');
        const kase = caseData([ids.one, ids.two]);
        kase.participants[0]!.assessmentId = ids.ra;
        kase.participants[1]!.assessmentId = ids.sp;
        const plan = (childId: string, kind: 'risk-assessment' | 'support-plan') => ({
          ...assessmentData(),
          learner: undefined,
          kind,
          caseId: ids.kase,
          childId,
        });
        return {
          case: { id: ids.kase, data: kase, context: at },
          children: [
            { id: ids.one, data: CHILD_ONE, context: at },
            { id: ids.two, data: CHILD_TWO, context: at },
          ],
          plans: [
            { id: ids.ra, data: plan(ids.one, 'risk-assessment'), context: at },
            { id: ids.sp, data: plan(ids.two, 'support-plan'), context: at },
          ],
          chronology: [
            {
              entry: {
                date: '2026-03-10',
                kind: 'concern',
                summary: 'Case opened.',
                by: 'Dee',
                caseId: ids.kase,
              },
              context: at,
            },
            {
              entry: {
                date: '2026-03-10',
                kind: 'note',
                summary: 'Plan started.',
                by: 'Dee',
                caseId: ids.kase,
                childId: ids.one,
              },
              context: at,
            },
          ],
        };
      }
      const uuid = () => globalThis.crypto.randomUUID();
      const someIds = () => ({ kase: uuid(), one: uuid(), two: uuid(), ra: uuid(), sp: uuid() });

      it('writes the children, the case, its plans (with its reference) and its chronology together', async () => {
        const ids = someIds();
        const opened = await a().cases.open(opening(ids));
        expect(opened.case.record).toMatchObject({
          id: ids.kase,
          caseRef: expect.stringMatching(/^HSB-2026-\d+$/),
        });
        expect(opened.children.map((c) => c.record.id)).toEqual([ids.one, ids.two]);
        expect(opened.plans.map((p) => [p.record.id, p.record.caseRef])).toEqual([
          [ids.ra, opened.case.record.caseRef],
          [ids.sp, opened.case.record.caseRef],
        ]);
        const stored = await a().cases.get(ids.kase);
        expect(stored).toEqual(opened.case);
        expect((await a().children.get(ids.two)).record.name).toBe(CHILD_TWO.name);
        expect((await harness.store.forSchool(schoolA).get(ids.sp)).etag).toBe(opened.plans[1]!.etag);
        expect((await a().chronology.list({ caseId: ids.kase })).map((e) => e.summary)).toEqual([
          'Case opened.',
          'Plan started.',
        ]);
        expect((await a().cases.list({ childId: ids.two })).map((c) => c.id)).toEqual([ids.kase]);
        const plans = await harness.store.forSchool(schoolA).list({ caseId: ids.kase });
        expect(plans.map((p) => p.kind).sort()).toEqual(['risk-assessment', 'support-plan']);
        expect((await a().cases.history(ids.kase)).map((h) => h.action)).toEqual(['create']);
      });

      it('leaves nothing behind when a part cannot be written', async () => {
        const ids = someIds();
        const first = await a().cases.open(opening(ids));
        // The second plan is one the store must refuse (a kind it does not know): its write fails after
        // the case, the children and the first plan were written, and all of them must go again.
        const again = someIds();
        const refused = opening(again);
        refused.plans[1] = {
          ...refused.plans[1]!,
          data: { ...refused.plans[1]!.data, kind: 'not-a-kind' as never },
        };
        await expect(a().cases.open(refused)).rejects.toThrow();
        await expect(a().cases.get(again.kase)).rejects.toBeInstanceOf(NotFoundError);
        await expect(a().children.get(again.one)).rejects.toBeInstanceOf(NotFoundError);
        expect(await a().chronology.list({ caseId: again.kase })).toEqual([]);
        expect(await harness.store.forSchool(schoolA).list({ caseId: again.kase })).toEqual([]);
        expect((await a().cases.get(first.case.record.id)).record.caseRef).toBe(first.case.record.caseRef);
        expect((await a().children.list()).map((c) => c.id).sort()).toEqual([ids.one, ids.two].sort());
      });
    });

    describe('a plan save with the chronology entries it makes', () => {
      it('writes them with the save, and not at all when the save is refused', async () => {
        const plans = harness.store.forSchool(schoolA);
        const kase = await a().cases.create(caseData([]), changeContext());
        const caseId = kase.record.id;
        const created = await plans.create(
          { ...assessmentData(), caseId },
          changeContext(),
          kase.record.caseRef,
        );
        const entry = {
          date: '2026-03-11',
          kind: 'plan-activated' as const,
          summary: 'Activated.',
          by: 'Dee',
          caseId,
        };
        const update = changeContext('2026-03-11T10:00:00Z', { action: 'update', fields: ['status'] });
        const saved = await plans.replace(
          created.record.id,
          { ...assessmentData(), caseId },
          created.etag,
          update,
          {
            chronology: [entry, { ...entry, kind: 'note', summary: 'Second.' }],
          },
        );
        expect(saved.etag).not.toBe(created.etag);
        expect((await a().chronology.list({ caseId })).map((e) => [e.kind, e.summary])).toEqual([
          ['plan-activated', 'Activated.'],
          ['note', 'Second.'],
        ]);
        await expect(
          plans.replace(created.record.id, { ...assessmentData(), caseId }, created.etag, update, {
            chronology: [{ ...entry, summary: 'Stale.' }],
          }),
        ).rejects.toBeInstanceOf(ConflictError);
        expect((await a().chronology.list({ caseId })).map((e) => e.summary)).not.toContain('Stale.');
      });
    });
  });
}
