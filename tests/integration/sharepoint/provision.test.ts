import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  createGraphClient,
  listSpecs,
  provisionSharePoint,
  type ProvisionPlan,
} from '../../../storage/sharepoint/index.js';
import { GraphFake } from '../../fakes/graph/index.js';
import { fastRetry } from '../../helpers/sharepoint-fake-store.js';

const run = promisify(execFile);

describe('SharePoint provisioning', () => {
  let fake: GraphFake;
  let siteId: string;
  const client = () =>
    createGraphClient({
      baseUrl: fake.baseUrl,
      getAccessToken: async () => 'admin',
      product: 'hsb-tests/1',
      retry: fastRetry,
    });
  const provision = (dryRun: boolean): Promise<ProvisionPlan> =>
    provisionSharePoint(client(), { siteId, baseUrl: fake.baseUrl, dryRun });

  beforeEach(async () => {
    fake = await GraphFake.start();
    siteId = fake.addGroupSite('team');
  });
  afterEach(() => fake.close());

  it('plans without changing anything on a dry run', async () => {
    const plan = await provision(true);
    expect(plan.steps.filter((s) => s.action === 'create-list').map((s) => s.list)).toEqual([
      'HSB assessments',
      'HSB audit log',
      'HSB documents',
      'HSB children',
      'HSB cases',
      'HSB case participants',
      'HSB chronology',
    ]);
    expect(plan.changes).toBe(7);
    expect(fake.writes()).toBe(0);
    expect(fake.sharepoint.site(siteId).lists.size).toBe(0);
  });

  it('creates the lists with their columns, indexes and unique keys, with versioning on', async () => {
    const plan = await provision(false);
    expect(plan.problems).toBe(0);
    const assessments = fake.list(siteId, 'HSB assessments');
    const col = (name: string) => assessments.columns.find((c) => c.name === name)!;
    // The plans of one case share its reference; PlanKey is what stays unique.
    expect(col('CaseRef')).toMatchObject({ indexed: true, enforceUniqueValues: false });
    expect(col('PlanKey')).toMatchObject({ indexed: true, enforceUniqueValues: true });
    for (const name of ['Kind', 'CaseId', 'ChildId', 'OverallRisk', 'Dsl']) {
      expect(col(name)).toMatchObject({ indexed: true });
    }
    expect(col('RecordId')).toMatchObject({ indexed: true, enforceUniqueValues: true });
    expect(col('Status')).toMatchObject({ indexed: true });
    expect(col('NextReviewDue')).toMatchObject({ indexed: true });
    expect(col('NextReviewDue').definition.dateTime).toEqual({ format: 'dateOnly', displayAs: 'standard' });
    expect(col('RecordJson').definition.text).toMatchObject({ allowMultipleLines: true, textType: 'plain' });
    expect(col('ChangeReason').definition.text).toMatchObject({ allowMultipleLines: true });
    expect(assessments.versioning).toBe(true);
    expect(fake.list(siteId, 'HSB documents').template).toBe('documentLibrary');
    expect(fake.list(siteId, 'HSB audit log').columns.find((c) => c.name === 'EntryId')).toMatchObject({
      enforceUniqueValues: true,
    });
    const columnsOf = (list: string) => fake.list(siteId, list).columns;
    const indexed = (list: string, name: string) => columnsOf(list).find((c) => c.name === name);
    expect(indexed('HSB cases', 'CaseRef')).toMatchObject({ indexed: true, enforceUniqueValues: true });
    expect(indexed('HSB cases', 'Status')).toMatchObject({ indexed: true });
    expect(indexed('HSB case participants', 'ChildId')).toMatchObject({ indexed: true });
    expect(indexed('HSB chronology', 'CaseId')).toMatchObject({ indexed: true });
    expect(indexed('HSB chronology', 'EntryDate')).toMatchObject({ indexed: true });
    expect(indexed('HSB children', 'RetainUntil')).toMatchObject({ indexed: true });
    // A child's name has a column in the children list only.
    const withNames = listSpecs.filter((l) => l.columns.some((c) => /Name$/.test(c.name)));
    expect(withNames.map((l) => l.key).sort()).toEqual(['assessments', 'children']);
    // Seven lists created in one $batch round trip.
    expect(fake.roundTrips('batch')).toBe(1);
  });

  it('changes nothing the second time', async () => {
    await provision(false);
    fake.resetCounts();
    const again = await provision(false);
    expect(again.changes).toBe(0);
    expect(again.problems).toBe(0);
    expect(fake.writes()).toBe(0);
  });

  it('adds only what is missing to existing lists, never deletes, and reports clashes without touching them', async () => {
    const existing = fake.sharepoint.createList(siteId, {
      displayName: 'HSB assessments',
      columns: [
        { name: 'CaseRef', text: {} },
        { name: 'Status', text: {} },
        { name: 'SchoolNotes', text: {} },
      ],
    });
    fake.sharepoint.createItem(
      existing,
      { Title: 'kept', CaseRef: 'HSB-2025-0001', SchoolNotes: 'theirs' },
      {
        id: 'x',
        displayName: 'x',
        kind: 'user',
        sites: 'all',
      },
    );
    const plan = await provision(false);
    const caseRef = existing.columns.find((c) => c.name === 'CaseRef')!;
    expect(caseRef).toMatchObject({ indexed: true, enforceUniqueValues: false });
    // Status exists as text, not as a choice: reported, left alone.
    expect(plan.steps).toContainEqual(expect.objectContaining({ action: 'problem', column: 'Status' }));
    expect(existing.columns.find((c) => c.name === 'Status')!.definition.text).toBeDefined();
    expect(existing.columns.find((c) => c.name === 'SchoolNotes')).toBeDefined();
    expect([...existing.items.values()].map((i) => i.fields.SchoolNotes)).toEqual(['theirs']);
    const spec = listSpecs.find((s) => s.key === 'assessments')!;
    for (const c of spec.columns) expect(existing.columns.some((x) => x.name === c.name)).toBe(true);
    expect(plan.problems).toBe(1);
  });

  it('lifts the uniqueness of CaseRef that an earlier version asked for, once', async () => {
    const earlier = fake.sharepoint.createList(siteId, {
      displayName: 'HSB assessments',
      columns: [{ name: 'CaseRef', text: {}, indexed: true, enforceUniqueValues: true }],
    });
    const plan = await provision(false);
    expect(plan.steps).toContainEqual(expect.objectContaining({ action: 'drop-unique', column: 'CaseRef' }));
    expect(earlier.columns.find((c) => c.name === 'CaseRef')).toMatchObject({ enforceUniqueValues: false });
    expect((await provision(false)).changes).toBe(0);
  });

  it('runs as `npm run sharepoint:provision` and prints its plan', async () => {
    const env = { ...process.env, GRAPH_ACCESS_TOKEN: 'admin', GRAPH_BASE_URL: fake.baseUrl };
    const script = join(__dirname, '../../../scripts/sharepoint-provision.ts');
    const tsx = join(__dirname, '../../../node_modules/.bin/tsx');
    const dry = await run(tsx, [script, '--site', siteId, '--dry-run'], { env });
    expect(dry.stdout).toContain('(dry run: nothing is changed)');
    expect(dry.stdout).toContain('+ HSB assessments: create-list');
    expect(dry.stdout).toContain('7 changes would be made.');
    expect(fake.sharepoint.site(siteId).lists.size).toBe(0);

    const real = await run(tsx, [script, '--site', siteId], { env });
    expect(real.stdout).toContain('7 changes made.');
    const second = await run(tsx, [script, '--site', siteId], { env });
    expect(second.stdout).toContain('Nothing to change.');

    const missing = await run(tsx, [script], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(missing).toMatchObject({ code: 2 });
    expect((missing as { stderr: string }).stderr).toContain('--site');
  }, 90_000);
});
