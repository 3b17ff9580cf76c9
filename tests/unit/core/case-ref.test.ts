import { ValidationError, formatCaseRef, isCaseRef, nextCaseRef, parseCaseRef } from '../../../core/index.js';

describe('case references', () => {
  it('formats HSB-YYYY-NNNN with at least four digits', () => {
    expect(formatCaseRef(2026, 42)).toBe('HSB-2026-0042');
    expect(formatCaseRef(2026, 1)).toBe('HSB-2026-0001');
    expect(formatCaseRef(2026, 12345)).toBe('HSB-2026-12345');
  });

  it('refuses a sequence below 1 or a silly year', () => {
    expect(() => formatCaseRef(2026, 0)).toThrow(RangeError);
    expect(() => formatCaseRef(1999, 1)).toThrow(RangeError);
    expect(() => formatCaseRef(2026, 1.5)).toThrow(RangeError);
  });

  it('parses what it formats, tolerating case and spaces', () => {
    expect(parseCaseRef(' hsb-2026-0042 ')).toEqual({ year: 2026, sequence: 42 });
    expect(() => parseCaseRef('HSB-26-1')).toThrow(ValidationError);
    expect(isCaseRef('HSB-2026-0042')).toBe(true);
    expect(isCaseRef('HSB-2026-42')).toBe(false);
  });

  it('takes the next number after the highest of the same year only', () => {
    expect(nextCaseRef(2026, [])).toBe('HSB-2026-0001');
    expect(nextCaseRef(2026, ['HSB-2026-0001', 'HSB-2026-0007', 'HSB-2025-0099', 'junk'])).toBe(
      'HSB-2026-0008',
    );
    expect(nextCaseRef(2027, ['HSB-2026-0007'])).toBe('HSB-2027-0001');
  });
});
