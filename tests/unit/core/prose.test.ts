import { tokeniseNames } from '../../../core/cases/free-text.js';
import { mapProse } from '../../../core/privacy/index.js';

const CHILD = { id: '5f2b9c1e-8a7d-4e3b-9c6a-1d2e3f4a5b6c', name: 'Layout Harmed' };
const TOKEN = `@[child:${CHILD.id}]`;

describe('prose and codes in a record', () => {
  it('makes names mentions in free text, including a referral’s outcome and an attendee’s role', () => {
    const record = {
      agencies: {
        referrals: [{ to: 'csc', status: 'made', outcome: 'Layout Harmed to be seen by a social worker' }],
      },
      meeting: { attendees: [{ name: 'Ms Rivers', role: 'Mother of Layout Harmed' }] },
      notes: ['Harmed said it started in May'],
    };
    const out = tokeniseNames(record, [CHILD]);
    expect(out.agencies.referrals[0]!.outcome).toBe(`${TOKEN} to be seen by a social worker`);
    expect(out.meeting.attendees[0]!.role).toBe(`Mother of ${TOKEN}`);
    expect(out.notes[0]).toBe(`${TOKEN} said it started in May`);
  });

  it('leaves codes, ids and timestamps alone, whatever the children are called', () => {
    const record = {
      id: 'harmed',
      participants: [{ childId: CHILD.id, roles: ['harmed', 'witness'] }],
      risks: [{ context: 'online', affects: ['harmed', 'others'], status: 'harmed' }],
      createdAt: 'Harmed',
    };
    expect(tokeniseNames(record, [CHILD])).toEqual(record);
  });

  it('applies any rule to prose only (erasure and subject access use the same walk)', () => {
    const out = mapProse({ caseRef: 'HSB-2026-0001', summary: 'text', kinds: ['touching'] }, () => 'X');
    expect(out).toEqual({ caseRef: 'HSB-2026-0001', summary: 'X', kinds: ['touching'] });
  });
});
