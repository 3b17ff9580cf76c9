import { describe, expect, it } from '@jest/globals';
import type { SummaryRow } from '../../tab/src/api/api-client';
import { defaultFilters, filterRows, queryFor } from '../../tab/src/dashboard/filters';

const row = (over: Partial<SummaryRow>): SummaryRow => ({
  id: over.caseRef ?? 'x',
  kind: 'risk-assessment',
  caseId: null,
  childId: null,
  caseRef: 'HSB-2026-0001',
  status: 'active',
  learnerName: 'Sam',
  yearGroup: null,
  overallRisk: 'low',
  nextDue: null,
  updatedAt: '2026-03-01T00:00:00Z',
  overdue: false,
  ...over,
});

describe('dashboard filters', () => {
  it('asks the server for open assessments by default and for a review window when chosen', () => {
    expect(queryFor(defaultFilters)).toEqual({ status: ['draft', 'active'] });
    expect(queryFor({ ...defaultFilters, status: 'all', review: 'due14' })).toEqual({ dueWithinDays: 14 });
    expect(queryFor({ ...defaultFilters, status: 'closed', review: 'overdue' })).toEqual({
      status: ['closed'],
      dueWithinDays: 0,
    });
  });

  const rows = [
    row({ caseRef: 'HSB-2026-0003', nextDue: '2026-04-01', overallRisk: 'high' }),
    row({ caseRef: 'HSB-2026-0001', nextDue: '2026-02-01', overdue: true, learnerName: 'Ava Jones' }),
    row({ caseRef: 'HSB-2026-0002', nextDue: null, overallRisk: 'medium' }),
    row({ caseRef: 'HSB-2026-0004', nextDue: '2026-03-10', overallRisk: 'high' }),
  ];

  it('puts overdue reviews first, then the soonest, and undated last', () => {
    expect(filterRows(rows, defaultFilters).map((r) => r.caseRef)).toEqual([
      'HSB-2026-0001',
      'HSB-2026-0004',
      'HSB-2026-0003',
      'HSB-2026-0002',
    ]);
  });

  it('filters by overdue, risk and text (case reference or name)', () => {
    expect(filterRows(rows, { ...defaultFilters, review: 'overdue' }).map((r) => r.caseRef)).toEqual([
      'HSB-2026-0001',
    ]);
    expect(filterRows(rows, { ...defaultFilters, risk: 'high' }).map((r) => r.caseRef)).toEqual([
      'HSB-2026-0004',
      'HSB-2026-0003',
    ]);
    expect(filterRows(rows, { ...defaultFilters, text: 'ava' }).map((r) => r.caseRef)).toEqual([
      'HSB-2026-0001',
    ]);
    expect(filterRows(rows, { ...defaultFilters, text: '0002' }).map((r) => r.caseRef)).toEqual([
      'HSB-2026-0002',
    ]);
  });
});
