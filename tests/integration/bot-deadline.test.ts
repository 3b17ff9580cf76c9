import { Writable } from 'node:stream';
import type { AssessmentRepository, AssessmentStore } from '../../core/index.js';
import { buildApp, type App } from '../../bot/src/app.js';
import { loadConfig } from '../../bot/src/config.js';
import { createLogger } from '../../bot/src/logger.js';
import { createAssessmentStore } from '../../storage/index.js';
import { startFakeConnector } from '../helpers/fake-connector.js';
import { cardAction } from '../helpers/teams-activities.js';
import { call } from '../helpers/test-server.js';

/** A store whose writes take `delayMs`, as SharePoint can under throttling. */
function slowStore(inner: AssessmentStore, delayMs: number): AssessmentStore {
  return {
    forSchool(schoolId, access) {
      const repository = inner.forSchool(schoolId, access);
      return new Proxy(repository, {
        get(target, property: keyof AssessmentRepository) {
          const value = target[property];
          if (property !== 'create' || typeof value !== 'function') return value;
          return async (...args: unknown[]) => {
            await new Promise((r) => setTimeout(r, delayMs));
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
    },
    close: () => inner.close(),
  };
}

describe('card actions answer within the Teams invoke deadline', () => {
  let app: App;
  let url: string;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  const inner = createAssessmentStore({ kind: 'sqlite-memory' });

  beforeAll(async () => {
    connector = await startFakeConnector();
    const sink = new Writable({ write: (_c, _e, cb) => cb() });
    app = buildApp(
      loadConfig({ APP_MODE: 'local', PORT: '0', DATA_DIR: '.data-unused' }),
      createLogger('info', sink),
      {
        store: slowStore(inner, 1_500),
        bot: { invokeDeadlineMs: 300 },
      },
    );
    ({ url } = await app.listen());
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
  });

  it('says it is still working, instead of letting Teams time out, when the store is slow', async () => {
    const started = Date.now();
    const res = await call(`${url}/api/messages`, {
      method: 'POST',
      body: cardAction('assessment.new', {}, { serviceUrl: connector.serviceUrl, scope: 'channel' }),
    });
    const elapsed = Date.now() - started;
    expect(res.status).toBe(200);
    expect(elapsed).toBeLessThan(1_200);
    expect(JSON.stringify(res.body.value)).toContain('taking longer than usual');
    // The draft is still made once the store answers, so the card points people to the tab.
    await new Promise((r) => setTimeout(r, 1_600));
    expect(await inner.forSchool('local').list()).toHaveLength(1);
  });
});
