import {
  apiContract,
  apiHeaders,
  apiPaths,
  apiRoutes,
  caseResponse,
  childInputSchema,
  createCaseSchema,
  errorBodySchema,
  listAssessmentsQuery,
  listCasesQuery,
  listChildrenQuery,
  parseRetryAfter,
  participantLabel,
  retainUntil,
  reviewsDueQuery,
  withQuery,
} from '../../../core/index.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');

  it('reads delay-seconds as milliseconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1_500);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Tue, 10 Mar 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 10 Mar 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('is undefined for absent or unreadable values', () => {
    for (const value of [null, undefined, '', '  ', '-1', 'soon', '12abc', 'Mon']) {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    }
  });
});

describe('paths', () => {
  it('build the same paths the routes register', () => {
    const id = '0b7c8a52-0d7e-4e8e-9a53-2f8f3f1c4a10';
    expect(apiPaths.case(id)).toBe(apiRoutes.case.replace(':id', id));
    expect(apiPaths.childChronology(id)).toBe(apiRoutes.childChronology.replace(':id', id));
    expect(apiPaths.assessmentDocument(id)).toBe(apiRoutes.assessmentDocument.replace(':id', id));
  });

  it('cannot be redirected by a malformed id', () => {
    expect(apiPaths.child('../cases?x=1')).toBe('/api/children/..%2Fcases%3Fx%3D1');
  });

  it('leave undefined query values out', () => {
    expect(withQuery(apiRoutes.cases, { status: 'open', q: undefined })).toBe('/api/cases?status=open');
    expect(withQuery(apiRoutes.cases, {})).toBe('/api/cases');
  });

  it('give every route a distinct method and path', () => {
    const keys = Object.values(apiContract).map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('name the headers the server sends and reads', () => {
    expect(apiHeaders.safeguardingTeam).toBe('X-Safeguarding-Team');
    expect(apiHeaders.retryAfter).toBe('Retry-After');
  });
});

describe('query schemas', () => {
  it('reject unknown parameters', () => {
    for (const schema of [listAssessmentsQuery, listCasesQuery, listChildrenQuery, reviewsDueQuery]) {
      expect(schema.safeParse({ nope: '1' }).success).toBe(false);
    }
  });

  it('read comma lists and numbers', () => {
    expect(listCasesQuery.parse({ status: 'open,closed' })).toEqual({ status: ['open', 'closed'] });
    expect(listCasesQuery.safeParse({ status: 'open,draft' }).success).toBe(false);
    expect(listAssessmentsQuery.parse({ kind: 'support-plan', dueWithinDays: '7' })).toEqual({
      kind: 'support-plan',
      dueWithinDays: 7,
    });
    expect(reviewsDueQuery.parse({})).toEqual({ withinDays: 14 });
  });

  it('treat a blank search as no search', () => {
    expect(listChildrenQuery.parse({ q: '  ' })).toEqual({ q: undefined });
  });
});

describe('request and response schemas', () => {
  it('accept a case with a new and an existing child, each in one or two roles', () => {
    const body = createCaseSchema.parse({
      participants: [
        { child: { name: 'Alex Example', yearGroup: 'Year 8' }, roles: ['displayedHsb'] },
        { child: { id: '0b7c8a52-0d7e-4e8e-9a53-2f8f3f1c4a10' }, roles: ['harmed', 'witness'] },
      ],
    });
    expect(body.agencies.cscStatus).toBe('none');
    expect(body.agencies.police.agreedSharing).toEqual([]);
  });

  it('refuse a participant with no role, three roles or a repeated role', () => {
    for (const roles of [[], ['harmed', 'witness', 'other'], ['harmed', 'harmed']]) {
      const result = createCaseSchema.safeParse({ participants: [{ child: { name: 'A' }, roles }] });
      expect(result.success).toBe(false);
    }
  });

  it('refuse unknown fields on a child', () => {
    expect(childInputSchema.safeParse({ name: 'A', favouriteColour: 'red' }).success).toBe(false);
  });

  it('describe the error body', () => {
    expect(
      errorBodySchema.safeParse({ error: { code: 'NOT_FOUND', message: 'No such record.' } }).success,
    ).toBe(true);
    expect(errorBodySchema.safeParse({ code: 'NOT_FOUND' }).success).toBe(false);
  });

  it('describe a case as GET answers it', () => {
    const parsed = caseResponse.safeParse({
      id: 'c1',
      caseRef: 'HSB-2026-1',
      status: 'open',
      participants: [{ childId: 'k1', roles: ['harmed'], label: 'Child A', assessmentId: 'a1' }],
      labelsIssued: 1,
      incidents: [],
      agencies: {
        referrals: [],
        cscStatus: 'none',
        police: { agreedSharing: [] },
        specialistAssessment: 'none',
      },
      createdAt: '2026-03-10T12:00:00.000Z',
      updatedAt: '2026-03-10T12:00:00.000Z',
      version: 1,
    });
    expect(parsed.success).toBe(true);
  });
});

describe('child and case rules', () => {
  it('keep a record until the child’s 25th birthday', () => {
    expect(retainUntil('2012-09-01')).toBe('2037-09-01');
    expect(retainUntil('2012-02-29')).toBe('2037-02-28');
    expect(retainUntil(undefined)).toBeNull();
  });

  it('give pseudonyms in order, past Z', () => {
    expect([0, 1, 25, 26, 27].map(participantLabel)).toEqual([
      'Child A',
      'Child B',
      'Child Z',
      'Child AA',
      'Child AB',
    ]);
  });
});
