/**
 * The fault proof: 1,000 saves through the SharePoint store while the Graph fake throws 429s, 503s,
 * timeouts (before and after the write lands) and concurrent edits at random. Checked against the
 * fake's own stored state: every acknowledged save is there exactly once, nothing unacknowledged is,
 * and no write happened twice.
 */
import {
  assessmentContent,
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
    let foundOnReread = 0;

    // Each writer behaves like a careful client: read, and if its change is not there yet, make it and
    // save with the ETag it read; on any failure, read again before trying again. A save that was
    // reported as failed but had landed (an answer lost to a timeout) is then found, not made twice.
    async function writer(id: string, name: string): Promise<void> {
      let n = 0;
      while (remaining > 0) {
        remaining--;
        const token = `w${name}-${n++}`;
        for (let attempt = 0; ; attempt++) {
          try {
            const current = await repo().get(id);
            if (tokensIn(current.record.staffNotes).includes(token)) {
              foundOnReread++;
              acknowledged.get(id)!.push(token);
              break;
            }
            const data = assessmentContent(current.record);
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

    const problems: string[] = [];
    for (const c of created) {
      const ref = c.record.caseRef;
      const item = [...list.items.values()].find((i) => i.fields.RecordId === c.record.id)!;
      const json = RECORD_CHUNK_COLUMNS.map((col) => item.fields[col] ?? '').join('');
      const stored = JSON.parse(json) as { record: { staffNotes?: string } };
      const tokens = tokensIn(stored.record.staffNotes);
      const acked = acknowledged.get(c.record.id)!;
      // Nothing lost, nothing extra, nothing twice.
      const lost = acked.filter((t) => !tokens.includes(t));
      const extra = tokens.filter((t) => !acked.includes(t));
      const twice = tokens.filter((t, i) => tokens.indexOf(t) !== i);
      if (lost.length) problems.push(`${ref}: acknowledged but lost ${lost.join(',')}`);
      if (extra.length) problems.push(`${ref}: stored but never acknowledged ${extra.join(',')}`);
      if (twice.length) problems.push(`${ref}: stored twice ${twice.join(',')}`);

      // Every write of ours is one version; the others are the injected concurrent edits.
      const ours = item.versions.filter(
        (v) => (v.lastModifiedBy as { user: { id: string } }).user.id === 'obo:dsl',
      );
      if (ours.length !== 1 + acked.length) {
        problems.push(`${ref}: ${ours.length} versions written for ${1 + acked.length} acknowledged writes`);
      }
      if (item.version !== item.versions.length) problems.push(`${ref}: version history has gaps`);

      // The audit trail (audit log, completed from version history) shows each save exactly once,
      // and the log itself never holds one write twice.
      const history = await harness.store.forSchool(SCHOOL_A).history(c.record.id);
      const audited = history
        .filter((h) => h.action === 'update' && h.reason?.startsWith('w'))
        .map((h) => h.reason!);
      const unaudited = acked.filter((t) => !audited.includes(t));
      const auditedTwice = audited.filter((t, i) => audited.indexOf(t) !== i);
      if (unaudited.length)
        problems.push(`${ref}: saves missing from the audit trail ${unaudited.join(',')}`);
      if (auditedTwice.length) problems.push(`${ref}: saves audited twice ${auditedTwice.join(',')}`);
      const entryIds = [...log.items.values()].map((e) => String(e.fields.EntryId));
      if (new Set(entryIds).size !== entryIds.length) problems.push(`${ref}: a write logged twice`);
    }
    expect(problems).toEqual([]);

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
        `${retries} retries, ${conflicts} stale-ETag conflicts re-read, ${failures} saves that gave up ` +
        `(${foundOnReread} saves found already made on re-reading)`,
    );
  }, 300_000);
});
