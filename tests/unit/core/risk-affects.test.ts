import { join } from 'node:path';
import { loadContentLibrary } from '../../../bot/src/content/load-content.js';
import {
  ValidationError,
  assessmentDocument,
  contentLabels,
  createAssessmentSchema,
  parseWith,
  readStoredPlan,
  replaceAssessmentSchema,
  type Assessment,
  type DocumentAudience,
  type PlanRecord,
} from '../../../core/index.js';
import { affectsText } from '../../../core/content/labels.js';
import { buildReferral, referralBlocks, type ReferralDraft } from '../../../core/referral/index.js';
import { readRecord, recordFields } from '../../../storage/sharepoint/assessment-fields.js';
import { SqliteAssessmentStore } from '../../../storage/sqlite/index.js';
import { assessmentData, changeContext } from '../../helpers/assessment-data.js';
import { canaryAssessment } from '../../helpers/canary-assessment.js';
import { planA } from '../../word/fixtures/case.js';

const labels = contentLabels(loadContentLibrary(join(__dirname, '../../../content')).riskTemplate);

const risk = (affects: unknown) => ({
  context: 'corridors',
  description: 'Unsupervised changeovers',
  likelihood: 2,
  impact: 2,
  ...(affects === undefined ? {} : { affects }),
});

function refused(value: unknown): ValidationError {
  try {
    parseWith(createAssessmentSchema, { learner: { name: 'A' }, risks: [risk(value)] });
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

describe('who could be harmed: several choices', () => {
  it('takes several choices and keeps them in the order given', () => {
    const input = parseWith(createAssessmentSchema, {
      learner: { name: 'A' },
      risks: [risk(['staff', 'harmed', 'others'])],
    });
    expect(input.risks[0]!.affects).toEqual(['staff', 'harmed', 'others']);
  });

  it('is an empty list when not given', () => {
    const input = parseWith(createAssessmentSchema, { learner: { name: 'A' }, risks: [risk(undefined)] });
    expect(input.risks[0]!.affects).toEqual([]);
  });

  it('still accepts the single value older clients send, as a list of one (POST and PUT)', () => {
    const created = parseWith(createAssessmentSchema, { learner: { name: 'A' }, risks: [risk('harmed')] });
    expect(created.risks[0]!.affects).toEqual(['harmed']);
    const replaced = parseWith(replaceAssessmentSchema, {
      status: 'draft',
      learner: { name: 'A' },
      risks: [risk('staff')],
    });
    expect(replaced.risks[0]!.affects).toEqual(['staff']);
  });

  it.each([
    ['a choice twice', ['others', 'others']],
    ['five choices', ['learner', 'harmed', 'others', 'staff', 'staff']],
    ['an unknown choice', ['parents']],
    ['an unknown single value', 'everyone'],
    ['a number', 3],
  ])('refuses %s with VALIDATION_FAILED at the field, without repeating the value', (_label, value) => {
    const e = refused(value);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.details.map((d) => d.path.replace(/\.\d+$/, ''))).toContain('risks.0.affects');
    expect(JSON.stringify(e.details)).not.toMatch(/parents|everyone/);
  });
});

describe('reading a plan saved when one value could be chosen', () => {
  const legacy = (affects: unknown) =>
    ({
      risks: [{ ...risk(affects), id: 'r1', strategies: [], levelBefore: 'medium' }],
    }) as unknown as PlanRecord;

  it('reads a single value as a list of one, and no value as an empty list', () => {
    expect(readStoredPlan(legacy('harmed')).risks[0]!.affects).toEqual(['harmed']);
    expect(readStoredPlan(legacy(undefined)).risks[0]!.affects).toEqual([]);
  });

  it('leaves a plan already in today’s shape as it is', () => {
    const current = legacy(['staff']);
    expect(readStoredPlan(current)).toBe(current);
  });

  it('is applied by the SQLite backend to what it reads', async () => {
    const store = new SqliteAssessmentStore({ file: ':memory:' });
    try {
      const repo = store.forSchool('school-a');
      const created = await repo.create(assessmentData({ risks: [risk(['others'])] }), changeContext());
      // The JSON exactly as an older version of the app wrote it.
      const row = store.db.prepare('SELECT data FROM assessments WHERE id = ?').get(created.record.id) as {
        data: string;
      };
      const old = JSON.parse(row.data) as { risks: Record<string, unknown>[] };
      old.risks[0]!.affects = 'staff';
      store.db
        .prepare('UPDATE assessments SET data = ? WHERE id = ?')
        .run(JSON.stringify(old), created.record.id);
      expect((await repo.get(created.record.id)).record.risks[0]!.affects).toEqual(['staff']);
    } finally {
      await store.close();
    }
  });

  it('is applied by the SharePoint backend to what it reads', () => {
    const record = { ...assessmentData({ risks: [risk(['others'])] }), id: 'p1', caseRef: 'HSB-2026-0001' };
    const stored = { ...record, createdAt: '2026-03-10T10:00:00Z', updatedAt: '2026-03-10T10:00:00Z' };
    const { affects: _gone, ...withoutAffects } = stored.risks[0]!;
    const old = { ...stored, risks: [{ ...withoutAffects, affects: 'learner' }] } as unknown as typeof stored;
    const fields = recordFields(old, changeContext(), 'w1');
    expect(readRecord(fields).risks[0]!.affects).toEqual(['learner']);
  });
});

describe('who could be harmed in what people read', () => {
  const rowOf = (audience: DocumentAudience): string | undefined =>
    assessmentDocument(canaryAssessment(), audience, { generatedOn: '2026-03-10', labels })
      .blocks.flatMap((b) => (b.kind === 'fields' ? b.rows : []))
      .find(([label]) => label === 'Who could be harmed')?.[1];

  it('lists every choice for staff, in a fixed order', () => {
    expect(rowOf('staff')).toBe('The child harmed, Other children');
    expect(rowOf('full')).toBe('The child harmed, Other children');
  });

  it('says "other children" once to the learner’s parents, never "the child harmed"', () => {
    expect(rowOf('parents')).toBe('Other children');
  });

  it('joins labels in the fixed order whatever order they were chosen in', () => {
    expect(affectsText(['staff', 'learner'])).toBe('The learner, Staff');
    expect(affectsText([])).toBe('');
  });

  it('tells the referral which contexts put other children and staff at risk', () => {
    const plan: Assessment = planA();
    plan.risks = [
      { ...risk(undefined), id: 'r1', affects: ['others', 'staff'], strategies: [], levelBefore: 'medium' },
      {
        ...risk(undefined),
        id: 'r2',
        context: 'online',
        affects: ['others'],
        strategies: [],
        levelBefore: 'low',
      },
    ] as Assessment['risks'];
    const draft: ReferralDraft = buildReferral({
      assessment: plan,
      clauses: referralBlocks.map((block, i) => ({
        id: `referral.${block}`,
        version: i + 1,
        kind: 'referral',
        section: block,
        title: block,
      })),
      profile: { schoolName: 'Oakfield Academy', dslName: 'P S', deputyDslNames: '', localAuthority: 'N' },
      today: '2026-02-20',
      labels,
    });
    const wider = draft.sections
      .find((s) => s.block === 'wider-concerns')!
      .paragraphs.map((p) => p.runs.map((r) => r.text).join(''))
      .join('\n');
    expect(wider).toMatch(
      /risk to other children in: corridors and movement around the site; online and on devices\./i,
    );
    expect(wider).toMatch(/risk to staff in: corridors and movement around the site\./i);
  });
});
