/**
 * Trend reports at the size of a large school or a trust: 20,000 cases and 60,000 chronology entries.
 * SQLite: the trends query (read model + counting, as the route runs it) against listing the same
 * cases, measured in the same run. SharePoint, on the local Graph fake: Graph round trips per report
 * against round trips to list the same cases.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  childData,
  emptyAgencies,
  formatCaseRef,
  ReportService,
  type CaseData,
  type ChildSex,
} from '../core/index.js';
import { toSharePointDate } from '../storage/sharepoint/assessment-fields.js';
import { trendFields } from '../storage/sharepoint/sharepoint-trends.js';
import { SqliteAssessmentStore } from '../storage/sqlite/index.js';
import { changeContext } from '../tests/helpers/assessment-data.js';
import { fakeSharePointStore, SCHOOL_A } from '../tests/helpers/sharepoint-fake-store.js';
import { fmt, latencyStats, printComparison, sequentialSamples } from './lib/stats.js';

const CASES = Number(process.env.BENCH_CASES ?? 20_000);
const ENTRIES_PER_CASE = 3;
const CHILDREN = Math.round(CASES * 0.6);
const SAMPLES = Number(process.env.BENCH_ITERATIONS ?? 10);
/** The report covers the academic year 2025/26; the query also reads 2024/25 to compare with. */
const RANGE = { from: '2025-09-01', to: '2026-08-31' };
const SPAN_DAYS = 730;
const FIRST_DAY = Date.parse('2024-09-01T09:00:00Z');

/** A small deterministic generator, so every run measures the same data. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

interface SeedCase {
  at: Date;
  data: CaseData;
}

function seedCases(childIds: readonly string[]): SeedCase[] {
  const r = random(16);
  return Array.from({ length: CASES }, (_, i) => {
    const at = new Date(FIRST_DAY + Math.floor((i / CASES) * SPAN_DAYS) * 86_400_000);
    const day = at.toISOString().slice(0, 10);
    const first = pick(r, childIds);
    const second = pick(r, childIds);
    const participants: CaseData['participants'] = [
      { childId: first, roles: ['displayedHsb'], label: 'Child A' },
    ];
    if (second !== first) participants.push({ childId: second, roles: ['harmed'], label: 'Child B' });
    const data: CaseData = {
      status: r() < 0.7 ? 'closed' : 'open',
      participants,
      labelsIssued: participants.length,
      incidents: [
        {
          id: 'i1',
          date: day,
          time: pick(r, ['08:15', '10:40', '12:20', '13:05', '14:50', '16:10', '20:30']),
          context: pick(r, ['classroom', 'corridors', 'toilets-changing', 'break-lunch', 'online'] as const),
          online: r() < 0.3,
          kinds: [pick(r, ['talk', 'touching-clothed', 'images', 'looking-showing'] as const)],
          hackettLevel: pick(r, ['inappropriate', 'problematic', 'abusive'] as const),
          description: 'Factual account of what was seen and heard.',
        },
      ],
      decision: {
        options: [pick(r, ['manage-internally', 'early-help', 'referral-csc'] as const)],
        factors: [],
        rationale: 'The DSL’s reasons.',
        decidedOn: new Date(at.getTime() + Math.floor(r() * 10) * 86_400_000).toISOString().slice(0, 10),
      },
      agencies: {
        ...emptyAgencies(),
        referrals: r() < 0.4 ? [{ id: 'r1', to: 'childrens-social-care', on: day, status: 'accepted' }] : [],
      },
    };
    return { at, data };
  });
}

const sexes: readonly ChildSex[] = ['female', 'male', 'other', 'not-known'];
const years = ['Year 5', 'Year 6', 'Year 7', 'Year 8', 'Year 9', 'Year 10', 'Year 11'];

async function sqliteBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hsb-bench-trends-'));
  const file = join(dir, 'bench.sqlite');
  try {
    const seedStarted = performance.now();
    const seeding = new SqliteAssessmentStore({ file, synchronous: 'NORMAL' });
    const school = seeding.recordsFor('school');
    const r = random(7);
    const childIds: string[] = [];
    for (let i = 0; i < CHILDREN; i++) {
      const child = await school.children.create(
        childData({ name: `Child ${i}`, yearGroup: pick(r, years), sex: pick(r, sexes) }),
        changeContext('2024-09-01T09:00:00Z'),
      );
      childIds.push(child.record.id);
    }
    const cases = seedCases(childIds);
    for (const c of cases) {
      const made = await school.cases.create(c.data, changeContext(c.at));
      const day = c.at.toISOString().slice(0, 10);
      for (const kind of ['concern', 'decision', 'plan-activated'] as const) {
        await school.chronology.append(
          { date: day, kind, summary: 'Entry.', by: 'Bench', caseId: made.record.id },
          changeContext(c.at),
        );
      }
    }
    await seeding.close();
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    const store = new SqliteAssessmentStore({ file });
    try {
      const records = store.recordsFor('school');
      const reports = new ReportService(records, (c) => c);
      const listed = (await records.cases.list()).length;
      const read = (await records.reports.trendCases({ from: '2024-09-01', to: RANGE.to })).length;
      const dsl = latencyStats(await sequentialSamples(SAMPLES, 2, () => reports.trends(RANGE, 'dsl')));
      const governors = latencyStats(
        await sequentialSamples(SAMPLES, 2, () => reports.trends(RANGE, 'governors')),
      );
      const list = latencyStats(await sequentialSamples(SAMPLES, 2, () => records.cases.list()));
      console.log(
        `\nSQLite (file, WAL): ${CASES} cases, ${CASES * ENTRIES_PER_CASE} chronology entries, ${CHILDREN} children ` +
          `(seeded in ${fmt(seedSeconds, 1)} s); the report reads ${read} cases, the list ${listed}`,
      );
      const perSecond = (mean: number) => 1_000 / mean;
      printComparison(
        'Trends report for 2025/26 (with 2024/25 to compare) against listing the same cases',
        { name: 'trends, safeguarding team', latency: dsl, perSecond: perSecond(dsl.mean) },
        { name: 'GET /api/cases list (all cases)', latency: list, perSecond: perSecond(list.mean) },
      );
      printComparison(
        'Governors’ trends (with suppression) against the same list',
        { name: 'trends, governors', latency: governors, perSecond: perSecond(governors.mean) },
        { name: 'GET /api/cases list (all cases)', latency: list, perSecond: perSecond(list.mean) },
      );
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SEEDER = { id: 'seed', displayName: 'Seed', kind: 'application' as const, sites: 'all' as const };

async function sharePointBench(): Promise<void> {
  // The fake evaluates each page's filter over the whole list: at this size a page takes longer than
  // the store's default deadline on a busy machine, which is the fake's cost, not Graph's.
  const h = await fakeSharePointStore({
    store: {
      retry: {
        maxRetries: 2,
        baseDelayMs: 50,
        maxDelayMs: 2_000,
        maxRetryAfterMs: 30_000,
        timeoutMs: 300_000,
      },
    },
  });
  try {
    const { fake } = h;
    const siteId = h.sites[SCHOOL_A]!;
    const r = random(7);
    // Straight into the fake's lists, with the columns the store writes (creating 100,000 items
    // one request at a time would take many minutes and measure nothing of interest).
    const childList = fake.list(siteId, 'HSB children');
    const childIds: string[] = [];
    for (let i = 0; i < CHILDREN; i++) {
      const id = randomUUID();
      childIds.push(id);
      fake.sharepoint.createItem(
        childList,
        {
          Title: `Child ${i}`,
          ChildName: `Child ${i}`,
          RecordId: id,
          YearGroup: pick(r, years),
          Sex: pick(r, sexes),
        },
        SEEDER,
      );
    }
    const caseList = fake.list(siteId, 'HSB cases');
    const chronologyList = fake.list(siteId, 'HSB chronology');
    seedCases(childIds).forEach((c, i) => {
      const id = randomUUID();
      const at = c.at.toISOString();
      const year = Number(at.slice(0, 4));
      const caseRef = formatCaseRef(year, i + 1);
      fake.sharepoint.createItem(
        caseList,
        {
          Title: caseRef,
          CaseRef: caseRef,
          CaseYear: year,
          RecordId: id,
          Status: c.data.status,
          Participants: JSON.stringify(c.data.participants),
          CreatedAt: at,
          ChangedAt: at,
          ...trendFields({ ...c.data, createdAt: at }),
        },
        SEEDER,
      );
      for (const kind of ['concern', 'decision', 'plan-activated']) {
        fake.sharepoint.createItem(
          chronologyList,
          {
            Title: kind,
            RecordId: randomUUID(),
            CaseId: id,
            EntryDate: toSharePointDate(at.slice(0, 10)),
            Kind: kind,
          },
          SEEDER,
        );
      }
    });

    const records = h.store.recordsFor(SCHOOL_A, { userAssertion: 'dsl' });
    const reports = new ReportService(records, (c) => c);
    fake.resetCounts();
    const started = performance.now();
    await reports.trends(RANGE, 'governors');
    const reportMs = performance.now() - started;
    const reportTrips = fake.roundTrips();
    fake.resetCounts();
    const listStarted = performance.now();
    const listed = await records.cases.list();
    const listMs = performance.now() - listStarted;
    const listTrips = fake.roundTrips();
    console.log(
      `\nSharePoint on the Graph fake: ${CASES} cases, ${CASES * ENTRIES_PER_CASE} chronology entries, ${CHILDREN} children, page size 200`,
    );
    console.log(`  trends report (2 years read)   ${reportTrips} Graph round trips, ${fmt(reportMs)} ms`);
    console.log(
      `  list the same ${listed.length} cases     ${listTrips} Graph round trips, ${fmt(listMs)} ms`,
    );
    console.log(
      `  ratio (report / list): round trips ${fmt(reportTrips / listTrips)}×, time ${fmt(reportMs / listMs)}×`,
    );
  } finally {
    await h.close();
  }
}

/** `BENCH_TRENDS=sqlite` or `sharepoint` runs one half. */
async function main(): Promise<void> {
  const only = process.env.BENCH_TRENDS;
  if (only !== 'sharepoint') await sqliteBench();
  if (only !== 'sqlite') await sharePointBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
