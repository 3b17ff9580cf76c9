import { randomUUID } from 'node:crypto';
import { buildApp, type App } from '../../../bot/src/app.js';
import { loadConfig } from '../../../bot/src/config.js';
import { createLogger } from '../../../bot/src/logger.js';
import { createAssessmentStore } from '../../../storage/index.js';
import type { AssessmentStore, Clock } from '../../../core/index.js';
import { call } from '../../helpers/http.js';
import { startM365App, TEAM_A, TENANT, userId } from '../../helpers/m365-app.js';

/** Child data is special-category: opening a full record is audited like changing it. */
describe('audit of access to full records', () => {
  describe('local mode', () => {
    const at = new Date('2026-03-02T09:30:00.000Z');
    const clock: Clock = { now: () => at };
    let app: App;
    let store: AssessmentStore;
    let url: string;

    beforeAll(async () => {
      store = createAssessmentStore({ kind: 'sqlite-memory' });
      app = buildApp(
        loadConfig({ APP_MODE: 'local', PORT: '0', LOG_LEVEL: 'silent' }),
        createLogger('silent'),
        { store, clock },
      );
      ({ url } = await app.listen());
    });
    afterAll(() => app.close());

    it('records who read which record and when, once per read', async () => {
      const created = await call(url, 'POST', '/api/assessments', {
        body: { learner: { name: 'Audit Learner' } },
      });
      const id = (created.body as { id: string }).id;
      await call(url, 'GET', `/api/assessments/${id}`);
      await call(url, 'GET', `/api/assessments/${id}`);
      const history = await store.forSchool('local').history(id);
      expect(history.map((h) => h.action)).toEqual(['create', 'read', 'read']);
      expect(history[1]).toEqual({
        at: at.toISOString(),
        actorId: 'local-user',
        action: 'read',
        fields: [],
        reason: null,
        detail: null,
      });
    });

    it('does not count summaries (lists carry no narrative) as reads of a record', async () => {
      const created = await call(url, 'POST', '/api/assessments', {
        body: { learner: { name: 'Listed Learner' } },
      });
      const id = (created.body as { id: string }).id;
      await call(url, 'GET', '/api/assessments');
      await call(url, 'GET', '/api/reviews/due');
      expect((await store.forSchool('local').history(id)).map((h) => h.action)).toEqual(['create']);
    });

    it('records nothing for an id that does not exist', async () => {
      const id = randomUUID();
      expect((await call(url, 'GET', `/api/assessments/${id}`)).status).toBe(404);
      await expect(store.forSchool('local').history(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('Microsoft 365 mode', () => {
    it('records the signed-in user by tenant and object id, in their school only', async () => {
      const t = await startM365App();
      try {
        t.directory.addMember(TENANT, userId(1), TEAM_A);
        t.directory.addMember(TENANT, userId(2), TEAM_A);
        const created = await call(t.url, 'POST', '/api/assessments', {
          token: await t.token(userId(1)),
          body: { learner: { name: 'Audit Learner' } },
        });
        const id = (created.body as { id: string }).id;
        expect(
          (await call(t.url, 'GET', `/api/assessments/${id}`, { token: await t.token(userId(2)) })).status,
        ).toBe(200);
        const history = await t.store.forSchool(`${TENANT}/${TEAM_A}`).history(id);
        expect(history.map((h) => [h.action, h.actorId])).toEqual([
          ['create', `${TENANT}/${userId(1)}`],
          ['read', `${TENANT}/${userId(2)}`],
        ]);
      } finally {
        await t.close();
      }
    });
  });
});
