import { AssessmentService, type Actor, type Clock } from '../../../core/index.js';
import { createAssessmentStore } from '../../../storage/index.js';

describe('AssessmentService: reads and exports are recorded before the record is handed over', () => {
  const at = new Date('2026-01-15T14:00:00.000Z');
  const clock: Clock = { now: () => at };
  const dsl: Actor = { id: 'tenant/dsl-oid', kind: 'user' };

  async function setUp() {
    const store = createAssessmentStore({ kind: 'sqlite-memory' });
    const repository = store.forSchool('tenant/team');
    const service = new AssessmentService({ repository, clock });
    const created = await service.create({ learner: { name: 'Export Learner' } }, dsl);
    return { store, repository, service, id: created.record.id };
  }

  it('records an export with who, when, which record and for which audience', async () => {
    const { service, repository, id } = await setUp();
    const stored = await service.readForExport(id, dsl, 'parents');
    expect(stored.record.id).toBe(id);
    expect((await repository.history(id)).at(-1)).toEqual({
      at: at.toISOString(),
      actorId: dsl.id,
      action: 'export',
      fields: [],
      reason: null,
      detail: 'parents',
    });
  });

  it('hands nothing over when the access cannot be recorded', async () => {
    const { service, repository, id } = await setUp();
    repository.recordAccess = () => Promise.reject(new Error('audit store unavailable'));
    await expect(service.read(id, dsl)).rejects.toThrow('audit store unavailable');
    await expect(service.readForExport(id, dsl, 'staff')).rejects.toThrow('audit store unavailable');
  });
});
