/**
 * The SharePoint store against the local Graph fake: Graph round trips per save, per create and per
 * due-review query (counted by the fake), and save latency with and without injected throttling,
 * each against a baseline measured in the same run (one bare Graph GET through the same client). A
 * plan save with the chronology entry its action makes, and a whole new case, are one $batch each.
 */
import { assessmentContent, childData, emptyAgencies, schoolServices } from '../core/index.js';
import { createGraphClient } from '../storage/sharepoint/index.js';
import { fakeSharePointStore, SCHOOL_A } from '../tests/helpers/sharepoint-fake-store.js';
import { seedAssessments } from '../tests/helpers/sharepoint-seed.js';
import { assessmentData, changeContext } from '../tests/helpers/assessment-data.js';
import { fmt, latencyStats, printComparison, sequentialSamples } from './lib/stats.js';

const SAVES = Number(process.env.BENCH_ITERATIONS ?? 500);
const WARMUP = 100;
const BIG_LIST = 5_200;
const CHRONOLOGY = 500;

async function main(): Promise<void> {
  const h = await fakeSharePointStore({
    store: {
      retry: {
        maxRetries: 8,
        baseDelayMs: 50,
        maxDelayMs: 2_000,
        maxRetryAfterMs: 30_000,
        timeoutMs: 10_000,
      },
    },
  });
  try {
    const { fake } = h;
    const repo = () => h.store.forSchool(SCHOOL_A, { userAssertion: 'dsl' });
    const bare = createGraphClient({
      baseUrl: fake.baseUrl,
      getAccessToken: async () => 't',
      product: 'bench/1',
    });
    const siteId = h.sites[SCHOOL_A]!;

    const created = await repo().create(assessmentData(), changeContext());
    let etag = created.etag;
    const save = async () => {
      const data = assessmentContent((await repo().get(created.record.id)).record);
      const saved = await repo().replace(
        created.record.id,
        { ...data, staffNotes: `${Date.now()}` },
        etag,
        changeContext(new Date(), { action: 'update', fields: ['staffNotes'], reason: 'bench' }),
      );
      etag = saved.etag;
    };
    const saveOnly = async () => {
      const current = await repo().get(created.record.id);
      fake.resetCounts();
      const saved = await repo().replace(
        created.record.id,
        { ...assessmentContent(current.record), staffNotes: `${Date.now()}` },
        current.etag,
        changeContext(new Date(), { action: 'update', fields: ['staffNotes'], reason: 'bench' }),
      );
      etag = saved.etag;
      return fake.roundTrips();
    };

    // Latency: a save as the API does it (read, then write) against one bare GET, same client stack.
    const baseline = latencyStats(
      await sequentialSamples(SAVES, WARMUP, () => bare.api(`/sites/${siteId}`).get() as Promise<unknown>),
    );
    const calm = latencyStats(await sequentialSamples(SAVES, WARMUP, save));
    fake.setRandomFaults({ seed: 7, rate: 0.15, kinds: ['429', '503'], retryAfterSeconds: 0 });
    const throttled = latencyStats(await sequentialSamples(SAVES, WARMUP, save));
    fake.setRandomFaults(undefined);

    // Round trips per operation.
    let saveTrips = 0;
    for (let i = 0; i < 50; i++) saveTrips += await saveOnly();
    fake.resetCounts();
    for (let i = 0; i < 50; i++) await repo().create(assessmentData(), changeContext());
    const createTrips = fake.roundTrips() / 50;
    fake.resetCounts();
    for (let i = 0; i < 50; i++) await repo().get(created.record.id);
    const readTrips = fake.roundTrips() / 50;

    // Cases and chronology.
    const records = () => h.store.recordsFor(SCHOOL_A, { userAssertion: 'dsl' });
    const child = await records().children.create(childData({ name: 'Bench Child' }), changeContext());
    fake.resetCounts();
    const caseIds: string[] = [];
    for (let i = 0; i < 50; i++) {
      const kase = await records().cases.create(
        {
          status: 'open',
          participants: [{ childId: child.record.id, roles: ['displayedHsb'], label: 'Child A' }],
          labelsIssued: 1,
          incidents: [],
          agencies: emptyAgencies(),
        },
        changeContext(),
      );
      caseIds.push(kase.record.id);
    }
    const caseCreateTrips = fake.roundTrips() / 50;
    const caseId = caseIds[0]!;
    const inCase = await repo().create(
      { ...assessmentData(), learner: undefined, caseId, childId: child.record.id },
      changeContext(),
      (await records().cases.get(caseId)).record.caseRef,
    );
    let inCaseTrips = 0;
    let inCaseEtag = inCase.etag;
    for (let i = 0; i < 50; i++) {
      fake.resetCounts();
      const saved = await repo().replace(
        inCase.record.id,
        { ...assessmentContent(inCase.record), staffNotes: `${i}` },
        inCaseEtag,
        changeContext(new Date(), { action: 'update', fields: ['staffNotes'], reason: 'bench' }),
      );
      inCaseEtag = saved.etag;
      inCaseTrips += fake.roundTrips();
    }
    // The same save with the chronology entry its action makes (activation, review, closing).
    let withEntryTrips = 0;
    const saveWithEntry = async (i: number) => {
      fake.resetCounts();
      const saved = await repo().replace(
        inCase.record.id,
        { ...assessmentContent(inCase.record), staffNotes: `entry ${i}` },
        inCaseEtag,
        changeContext(new Date(), { action: 'review', fields: ['reviews'] }),
        { chronology: [{ date: '2026-03-10', kind: 'review', summary: 'Reviewed.', by: 'Bench', caseId }] },
      );
      inCaseEtag = saved.etag;
      withEntryTrips += fake.roundTrips();
    };
    for (let i = 0; i < 50; i++) await saveWithEntry(i);
    const entrySaveTrips = withEntryTrips / 50;
    let n = 0;
    const entrySaves = latencyStats(await sequentialSamples(SAVES / 5, 10, () => saveWithEntry(n++)));
    const plainSaves = latencyStats(
      await sequentialSamples(SAVES / 5, 10, async () => {
        const saved = await repo().replace(
          inCase.record.id,
          { ...assessmentContent(inCase.record), staffNotes: `plain ${n++}` },
          inCaseEtag,
          changeContext(new Date(), { action: 'update', fields: ['staffNotes'], reason: 'bench' }),
        );
        inCaseEtag = saved.etag;
      }),
    );

    // A case opened through the service: two new children, a plan for each, its chronology.
    const services = schoolServices(h.store, {
      schoolId: SCHOOL_A,
      actor: { id: 'bench', kind: 'user' },
      callerName: 'Bench',
      clock: { now: () => new Date() },
      access: { userAssertion: 'dsl' },
    });
    const openBody = (i: number) => ({
      participants: [
        { child: { name: `Shown ${i}`, yearGroup: 'Year 9' }, roles: ['displayedHsb'] },
        { child: { name: `Harmed ${i}`, yearGroup: 'Year 8' }, roles: ['harmed'] },
      ],
    });
    await services.cases!.createCase(openBody(-1), services.signer);
    fake.resetCounts();
    for (let i = 0; i < 20; i++) await services.cases!.createCase(openBody(i), services.signer);
    const openTrips = fake.roundTrips() / 20;

    fake.resetCounts();
    for (let i = 0; i < CHRONOLOGY; i++) {
      await records().chronology.append(
        { date: '2026-03-10', kind: 'note', summary: `Entry ${i}.`, by: 'Bench', caseId },
        changeContext(),
      );
    }
    const appendTrips = fake.roundTrips() / CHRONOLOGY;
    fake.resetCounts();
    const started = performance.now();
    const timeline = await records().chronology.list({ caseId });
    const timelineMs = performance.now() - started;
    const timelineTrips = fake.roundTrips();

    seedAssessments(fake, siteId, BIG_LIST, (i) =>
      i % 4 === 0 ? '2026-03-20' : i % 4 === 1 ? '2026-09-01' : undefined,
    );
    fake.resetCounts();
    const due = await repo().list({ status: ['draft', 'active'], dueOnOrBefore: '2026-03-31' });
    const dueTrips = fake.roundTrips();
    const duePages = Math.ceil(due.length / 200);

    console.log(`\nGraph round trips (counted by the fake; list of ${BIG_LIST + 51} items, page size 200)`);
    console.log(`  save (replace, If-Match + audit entry in one $batch)  ${fmt(saveTrips / 50)} per save`);
    console.log(`  create (record + audit entry in one $batch)           ${fmt(createTrips)} per create`);
    console.log(`  read                                                   ${fmt(readTrips)} per read`);
    console.log(`  plan save in a case ($batch as above)                  ${fmt(inCaseTrips / 50)} per save`);
    console.log(`  plan save + chronology entry (one $batch)              ${fmt(entrySaveTrips)} per save`);
    console.log(`  case create (record, audit entry, participants)       ${fmt(caseCreateTrips)} per create`);
    console.log(`  case opened: 2 new children, 2 plans, 3 entries       ${fmt(openTrips)} per case`);
    console.log(`  chronology append (entry + audit entry in one $batch)  ${fmt(appendTrips)} per entry`);
    console.log(
      `  chronology of a case (${timeline.length} entries)             ${timelineTrips} round trips, ${fmt(timelineMs)} ms`,
    );
    console.log(
      `  due-review query (${due.length} due)                         ${dueTrips} for ${duePages} pages = ${fmt(dueTrips / duePages)} per page`,
    );

    const perSecond = (mean: number) => 1_000 / mean;
    printComparison(
      `Save latency (read + write), ${SAVES} sequential saves`,
      { name: 'save, no throttling', latency: calm, perSecond: perSecond(calm.mean) },
      { name: 'one bare Graph GET', latency: baseline, perSecond: perSecond(baseline.mean) },
    );
    printComparison(
      `Plan save in a case, with and without its chronology entry, ${SAVES / 5} sequential saves`,
      { name: 'save + chronology entry', latency: entrySaves, perSecond: perSecond(entrySaves.mean) },
      { name: 'save alone', latency: plainSaves, perSecond: perSecond(plainSaves.mean) },
    );
    printComparison(
      `Save latency with 15% of requests answered 429/503 (Retry-After: 0)`,
      { name: 'save, throttled', latency: throttled, perSecond: perSecond(throttled.mean) },
      { name: 'save, no throttling', latency: calm, perSecond: perSecond(calm.mean) },
    );
  } finally {
    await h.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
