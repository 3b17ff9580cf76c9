import {
  addDays,
  dateInZone,
  daysBetween,
  daysUntilDue,
  isDue,
  isIsoDate,
  isOverdue,
  nextReviewDate,
} from '../../../core/index.js';

describe('dates', () => {
  it('validates real calendar dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('26-01-01')).toBe(false);
  });

  it('adds days across months, years and the clock change', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-28', '2026-04-04')).toBe(7);
  });

  it('gives the school’s date in London, which differs from UTC in summer evenings', () => {
    expect(dateInZone(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
    expect(dateInZone(new Date('2026-01-01T23:30:00Z'))).toBe('2026-01-01');
  });
});

describe('review schedule', () => {
  it('sets the next review a whole number of weeks on', () => {
    expect(nextReviewDate('2026-03-02', 4)).toBe('2026-03-30');
    expect(() => nextReviewDate('2026-03-02', 0)).toThrow(RangeError);
  });

  it('is overdue only strictly after the due date', () => {
    expect(isOverdue('2026-03-10', '2026-03-10')).toBe(false);
    expect(isOverdue('2026-03-09', '2026-03-10')).toBe(true);
    expect(isOverdue(null, '2026-03-10')).toBe(false);
  });

  it('counts as due when not closed and due within the window, overdue and drafts included', () => {
    const today = '2026-03-10';
    expect(isDue({ status: 'active', nextDue: '2026-03-24' }, today, 14)).toBe(true);
    expect(isDue({ status: 'active', nextDue: '2026-03-25' }, today, 14)).toBe(false);
    expect(isDue({ status: 'active', nextDue: '2026-01-01' }, today, 14)).toBe(true);
    expect(isDue({ status: 'draft', nextDue: '2026-03-11' }, today, 14)).toBe(true);
    expect(isDue({ status: 'closed', nextDue: '2026-03-11' }, today, 14)).toBe(false);
    expect(isDue({ status: 'active', nextDue: null }, today, 14)).toBe(false);
    expect(daysUntilDue('2026-03-07', today)).toBe(-3);
  });
});
