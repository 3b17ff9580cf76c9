import { randomUUID } from 'node:crypto';
import { formatCaseRef, type ChangeContext } from '../../core/index.js';
import { recordFields, type StoredRecord } from '../../storage/sharepoint/assessment-fields.js';
import type { GraphFake } from '../fakes/graph/index.js';
import { assessmentData, testActor } from './assessment-data.js';

/**
 * Puts `count` assessments straight into the fake's list, with exactly the columns the store writes,
 * so that big-list tests do not spend minutes creating them one request at a time.
 */
export function seedAssessments(
  fake: GraphFake,
  siteId: string,
  count: number,
  nextDue: (i: number) => string | undefined,
): void {
  const list = fake.list(siteId, 'HSB assessments');
  // Last year's cases, so that they never clash with references a test or benchmark creates now.
  const at = new Date('2025-01-06T09:00:00Z');
  const change: ChangeContext = { actor: testActor, at, action: 'create', fields: ['learner.name'] };
  for (let i = 0; i < count; i++) {
    const caseRef = formatCaseRef(2025, i + 1);
    const due = nextDue(i);
    const record: StoredRecord = {
      id: randomUUID(),
      caseRef,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
      ...assessmentData(due ? { review: { nextDue: due } } : {}),
    };
    fake.sharepoint.createItem(
      list,
      {
        Title: caseRef,
        CaseRef: caseRef,
        PlanKey: caseRef,
        CaseYear: 2025,
        RecordId: record.id,
        ...recordFields(record, change, randomUUID()),
      },
      { id: 'seed', displayName: 'Seed', kind: 'application', sites: 'all' },
    );
  }
}
