import { checkStatus, longDate, NOT_YET_CHECKED } from '../../../core/index.js';

describe('checkStatus', () => {
  it('shows an item without checkedOn as not yet checked, keeping its note', () => {
    expect(checkStatus({ guidanceEdition: 'KCSIE 2026', verify: ' Check para 465. ' })).toEqual({
      checked: false,
      label: NOT_YET_CHECKED,
      note: 'Check para 465.',
    });
    expect(checkStatus({ guidanceEdition: 'KCSIE 2026', checkedOn: null, verify: null }).label).toBe(
      'Not yet checked against the current edition',
    );
  });

  it('names every edition and the day of the check', () => {
    expect(checkStatus({ guidanceEdition: 'KCSIE 2026', checkedOn: '2026-12-02' })).toEqual({
      checked: true,
      label: 'Checked against KCSIE 2026 on 2 December 2026',
      note: null,
    });
    expect(
      checkStatus({ guidanceEdition: 'KCSIE 2026; UKCIS 2024; Working Together 2026', checkedOn: '2026-09-01' }).label,
    ).toBe('Checked against KCSIE 2026, UKCIS 2024 and Working Together 2026 on 1 September 2026');
  });

  it('writes dates the British way and leaves anything else alone', () => {
    expect(longDate('2027-01-31')).toBe('31 January 2027');
    expect(longDate('soon')).toBe('soon');
    expect(longDate('2026-13-01')).toBe('2026-13-01');
  });
});
