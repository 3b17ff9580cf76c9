import {
  NotFoundError,
  schoolServices,
  type DocumentArchiveStore,
  type AssessmentStore,
  type SchoolServices,
} from '../../core/index.js';
import { fixedClock } from '../helpers/test-server.js';

export interface ErasureHarness {
  store: AssessmentStore;
  schoolId: string;
  /** Everything the backend holds for the deployment, as text: every row, item, version and file. */
  scan(): Promise<string>;
  /**
   * The same without earlier versions, where the backend keeps them. SharePoint keeps the earlier
   * versions of a record rewritten for another child, and Graph cannot delete one version: those
   * still hold the erased child's id as a reference (never their name) until version limits drop them.
   */
  current?(): Promise<string>;
  cleanup(): Promise<void>;
}

const ERASED = 'Zoë Ångström';
const OTHER = 'Sam Smith';
const isDsl = async () => true;
const notDsl = async () => false;
const DSL = { actor: { id: 'tenant-1/dsl', kind: 'user' as const }, name: 'Dee Esel' };

/** Forms a name survives in: composed, decomposed, any case, with zero-width characters between. */
function comparable(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u200b-\u200d\u2060\ufeff]/g, '')
    .toLowerCase();
}

/**
 * What a retention erasure must do on every backend: after it, nothing the backend holds names the
 * child or carries their id, the case goes on for the other child with "another child" in its place,
 * and one line without personal data is left.
 */
export function describeRecordErasureContract(name: string, setup: () => Promise<ErasureHarness>): void {
  describe(`Retention erasure: ${name}`, () => {
    let harness: ErasureHarness;
    let services: SchoolServices;

    beforeEach(async () => {
      harness = await setup();
      services = schoolServices(harness.store, {
        schoolId: harness.schoolId,
        actor: DSL.actor,
        callerName: DSL.name,
        clock: fixedClock('2026-03-10T10:00:00Z'),
      });
    });
    afterEach(() => harness.cleanup());

    /** Two cases: one with the other child too, one the erased child's alone; a transfer; notes. */
    async function seed() {
      const cases = services.cases!;
      const shared = await cases.createCase(
        {
          participants: [
            {
              child: { name: ERASED, dateOfBirth: '2001-02-03', yearGroup: 'Year 11' },
              roles: ['displayedHsb'],
            },
            { child: { name: OTHER, dateOfBirth: '2011-05-06', yearGroup: 'Year 9' }, roles: ['harmed'] },
          ],
          summary: `${ERASED} said something to ${OTHER} at lunch.`,
          incidents: [{ date: '2026-03-01', description: `${ERASED.normalize('NFD')} followed ${OTHER}.` }],
        },
        DSL,
      );
      const erasedId = shared.record.participants[0]!.childId;
      const otherId = shared.record.participants[1]!.childId;
      await cases.addChronology(
        shared.record.id,
        { date: '2026-03-02', kind: 'note', summary: `Spoke to ${ERASED.toUpperCase()} and to ${OTHER}.` },
        DSL,
      );
      const alone = await cases.createCase(
        {
          participants: [{ child: { id: erasedId }, roles: ['displayedHsb'] }],
          summary: 'Unkind messages online.',
        },
        DSL,
      );
      const otherPlanId = shared.record.participants[1]!.assessmentId!;
      const otherPlan = await services.plans.read(otherPlanId, DSL.actor);
      await services.plans.replace(
        otherPlanId,
        {
          ...otherPlan.record,
          supportPlan: { measures: [], viewsAndWishes: `Does not want to sit near ${ERASED}.` },
        },
        otherPlan.etag,
        DSL.actor,
      );
      await services.records!.sendTransfer(
        erasedId,
        { receivingSchool: 'Hillside Academy', sentOn: '2026-03-09', method: 'secure-transfer-service' },
        DSL,
      );
      // A generated document of each plan in the shared case, where the backend archives them: the
      // other child's staff version names the erased child too.
      if ('documentsFor' in harness.store) {
        const archive = (harness.store as unknown as DocumentArchiveStore).documentsFor(harness.schoolId);
        for (const p of shared.record.participants) {
          await archive.save(
            {
              assessmentId: p.assessmentId!,
              caseRef: shared.record.caseRef,
              audience: 'staff',
              fileName: `${shared.record.caseRef}-${p.label}.docx`,
              contentType: 'application/octet-stream',
              content: new TextEncoder().encode(`Staff copy naming ${ERASED} and ${OTHER}.`),
            },
            { actor: DSL.actor, at: new Date('2026-03-10T10:00:00Z') },
          );
        }
      }
      return { shared, alone, erasedId, otherId, otherPlanId };
    }

    it('leaves nothing that names the child or carries their id, in any form', async () => {
      const { erasedId, alone } = await seed();
      const before = comparable(await harness.scan());
      expect(before).toContain(comparable(ERASED));
      expect(before).toContain(erasedId);

      const line = await services.records!.erase(
        erasedId,
        { reason: `Retention date reached for ${ERASED.normalize('NFD')}; reviewed, nothing to keep.` },
        DSL,
        isDsl,
      );

      const after = comparable(await harness.scan());
      expect(after).not.toContain(comparable(ERASED));
      expect(after).not.toContain(comparable('Zoë'));
      expect(after).not.toContain(alone.record.id);
      const current = harness.current ? comparable(await harness.current()) : after;
      expect(current).not.toContain(erasedId);
      expect(line.reason).toBe('Retention date reached for [name removed]; reviewed, nothing to keep.');
      expect(line.counts).toMatchObject({ cases: 1, casesKept: 1 });
      expect(await services.records!.erasures()).toEqual([line]);
    });

    it('keeps the other child’s case and plan, with the erased child as "another child"', async () => {
      const { shared, erasedId, otherId, otherPlanId } = await seed();
      await services.records!.erase(erasedId, { reason: 'Retention review' }, DSL, isDsl);

      const kept = await services.cases!.readCase(shared.record.id, DSL.actor);
      expect(kept.record.participants.map((p) => [p.childId, p.label])).toEqual([[otherId, 'Child B']]);
      expect(kept.record.summary).toBe(`another child said something to @[child:${otherId}] at lunch.`);
      expect(kept.record.incidents[0]!.description).toBe(`another child followed @[child:${otherId}].`);
      const plan = await services.plans.read(otherPlanId, DSL.actor);
      expect(plan.record.supportPlan?.viewsAndWishes).toBe('Does not want to sit near another child.');
      const notes = await services.cases!.caseChronology(shared.record.id);
      expect(notes.map((n) => n.summary)).toContain(`Spoke to another child and to @[child:${otherId}].`);
      await expect(services.cases!.readChild(erasedId, DSL.actor)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('is refused to anyone but the DSL, and changes nothing then', async () => {
      const { erasedId } = await seed();
      const before = await harness.scan();
      await expect(services.records!.erase(erasedId, { reason: 'x' }, DSL, notDsl)).rejects.toMatchObject({
        code: 'DSL_ONLY',
      });
      await expect(services.records!.erase(erasedId, { reason: '  ' }, DSL, isDsl)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      expect(await harness.scan()).toBe(before);
    });
  });
}
