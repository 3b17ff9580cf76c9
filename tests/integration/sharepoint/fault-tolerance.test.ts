/**
 * The fault proof: 1,000 saves through the SharePoint store while the Graph fake throws 429s, 503s,
 * timeouts (before and after the write lands) and concurrent edits at random. Checked against the
 * fake's own stored state: every acknowledged save is there exactly once, nothing unacknowledged is,
 * and no write happened twice.
 */
import {
  ConflictError,
  RateLimitedError,
  UpstreamError,
  type AssessmentRepository,
} from '../../../core/index.js';
import { assessmentData, changeContext } from '../../helpers/assessment-data.js';
import { fakeSharePointStore, SCHOOL_A, type FakeStoreHarness } from '../../helpers/sharepoint-fake-store.js';
import { RECORD_CHUNK_COLUMNS } from '../../../storage/sharepoint/sharepoint-schema.js';

const SAVES = 1_000;
const ASSESSMENTS = 8;
const WRITERS_PER_ASSESSMENT = 2;

function tokensIn(notes: string | undefined): string[] {
  return (notes ?? '').split('\n').filter((line) => line.startsWith('w'));
}

describe('SharePoint store under injected faults', () => {
  let harness: FakeStoreHarness;
  let retries = 0;

  beforeAll(async () => {
    harness = await fakeSharePointStore({
      fake: { hangMs: 2_000 },
      store: {
        retry: { maxRetries: 10, baseDelayMs: 1, maxDelayMs: 10, maxRetryAfterMs: 5_000, timeoutMs: 150 },
        onRetry: () => retries++,
      },
    });
    // Keep every version, so that the proof can count writes one by one.
    harness.fake.list(harness.sites[SCHOOL_A]!, 'HSB assessments').majorVersionLimit = 1_000_000;
  });
  afterAll(() => harness.close());

  it('loses nothing and overwrites nothing silently across 1,000 saves', async () => {
    const repo = (): AssessmentRepository => harness.store.forSchool(SCHOOL_A, { userAssertion: 'dsl' });
    const { fake } = harness;

    fake.setRandomFaults({
      seed: 20_260_310,
      rate: 0.2,
      kinds: ['429', '503', 'timeout', 'timeout-after-commit', 'conflict'],
      retryAfterSeconds: 0,
    });

    // Creates under faults too: retried POSTs must not leave duplicates or gaps.
    const created = [];
    for (let i = 0; i < ASSESSMENTS; i++) {
      for (;;) {
        try {
          created.push(await repo().create(assessmentData({ staffNotes: '' }), changeContext()));
          break;
        } catch (error) {
          if (!(error instanceof UpstreamError || error instanceof RateLimitedError)) throw error;
        }
      }
    }
    expect(created.map((c) => c.record.caseRef)).toEqual(
      Array.from({ length: ASSESSMENTS }, (_, i) => `HSB-2026-${String(i + 1).padStart(4, '0')}`),
    );

    const acknowledged = new Map<string, string[]>(created.map((c) => [c.record.id, []]));
    let remaining = SAVES;
    let conflicts = 0;
    let failures = 0;

    async function writer(id: string, name: string): Promise<void> {
      let n = 0;
      while (remaining > 0) {
        remaining--;
        const token = `w${name}-${n++}`;
        for (;;) {
          try {
            const current = await repo().get(id);
            const {
              id: _i,
              caseRef: _c,
              createdAt: _a,
              updatedAt: _u,
              version: _v,
              ...data
            } = current.record;
            await repo().replace(
              id,
              { ...data, staffNotes: `${data.staffNotes ?? ''}\n${token}` },
              current.etag,
              changeContext(new Date(), { action: 'update', fields: ['staffNotes'], reason: token }),
            );
            acknowledged.get(id)!.push(token);
            break;
          } catch (error) {
            if (error instanceof ConflictError && error.reason === 'stale') conflicts++;
            else if (error instanceof UpstreamError || error instanceof RateLimitedError) failures++;
            else throw error;
          }
        }
      }
    }

    await Promise.all(
      created.flatMap((c, i) =>
        Array.from({ length: WRITERS_PER_ASSESSMENT }, (_, j) => writer(c.record.id, `${i}.${j}`)),
      ),
    );
    fake.setRandomFaults(undefined);

    const injected = fake.faultsInjected();
    const total = [...acknowledged.values()].reduce((a, t) => a + t.length, 0);
    expect(total).toBe(SAVES);

    const list = fake.list(harness.sites[SCHOOL_A]!, 'HSB assessments');
    const log = fake.list(harness.sites[SCHOOL_A]!, 'HSB audit log');
    expect(list.items.size).toBe(ASSESSMENTS);

    for (const c of created) {
      const item = [...list.items.values()].find((i) => i.fields.RecordId === c.record.id)!;
      const json = RECORD_CHUNK_COLUMNS.map((col) => item.fields[col] ?? '').join('');
      const stored = JSON.parse(json) as { record: { staffNotes?: string } };
      const tokens = tokensIn(stored.record.staffNotes);
      const acked = acknowledged.get(c.record.id)!;
      // Nothing lost, nothing extra, nothing twice.
      expect([...tokens].sort()).toEqual([...acked].sort());
      expect(new Set(tokens).size).toBe(tokens.length);

      // Every write of ours is one version; the others are the injected concurrent edits.
      const ours = item.versions.filter(
        (v) => (v.lastModifiedBy as { user: { id: string } }).user.id === 'obo:dsl',
      );
      expect(ours).toHaveLength(1 + acked.length);
      expect(item.version).toBe(item.versions.length);

      // The audit log holds each acknowledged save exactly once.
      const entries = [...log.items.values()].filter(
        (e) => e.fields.AssessmentId === c.record.id && e.fields.Action === 'update',
      );
      expect(entries.map((e) => e.fields.Reason).sort()).toEqual([...acked].sort());
    }

    // The faults really happened, of every kind, and the store rode them out.
    const kinds = new Set(injected.map((f) => f.kind));
    expect([...kinds].sort()).toEqual(['429', '503', 'conflict', 'timeout', 'timeout-after-commit']);
    expect(injected.length).toBeGreaterThan(300);
    expect(injected.filter((f) => f.inner).length).toBeGreaterThan(50);
    expect(retries).toBeGreaterThan(200);
    expect(conflicts).toBeGreaterThan(0);
    console.log(
      `fault proof: ${SAVES} saves acknowledged; ${injected.length} faults injected ` +
        `(${[...kinds].map((k) => `${k} ${injected.filter((f) => f.kind === k).length}`).join(', ')}); ` +
        `${retries} retries, ${conflicts} stale-ETag conflicts re-read, ${failures} saves re-tried after giving up`,
    );
  }, 120_000);
});
