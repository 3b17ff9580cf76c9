import {
  apiContract,
  apiRoutes,
  localPersonId,
  myActionsResponse,
  outboxResponse,
  ownerIdSchema,
  peopleQuery,
  strategySchema,
} from '../../../core/index.js';

const OBJECT_ID = '5f2b9c1e-8a7d-4e3b-9c6a-1d2e3f4a5b6c';

describe('a strategy owner as a person', () => {
  it('keeps the typed name and adds the chosen id and a due date', () => {
    const parsed = strategySchema.parse({
      action: 'Seated near the teacher in lessons',
      owner: 'Sam Patel',
      ownerId: OBJECT_ID,
      due: '2026-03-20',
    });
    expect(parsed).toMatchObject({
      owner: 'Sam Patel',
      ownerId: OBJECT_ID,
      due: '2026-03-20',
      inPlace: false,
    });
  });

  it('still accepts a name typed freely, with no id or date', () => {
    const parsed = strategySchema.parse({ action: 'Walks with a buddy', owner: 'Visiting coach' });
    expect(parsed.ownerId).toBeUndefined();
    expect(parsed.due).toBeUndefined();
  });

  it('refuses a due date that is not a calendar date', () => {
    for (const due of ['20/03/2026', '2026-02-30', 'soon']) {
      expect(strategySchema.safeParse({ action: 'x', owner: 'Sam', due }).success).toBe(false);
    }
  });

  it('stores an Entra object id in lower case', () => {
    expect(ownerIdSchema.parse(OBJECT_ID.toUpperCase())).toBe(OBJECT_ID);
  });

  it('accepts the local user and local directory ids', () => {
    for (const id of ['local-user', 'local:sam-patel', 'local:alex-morgan-dsl', 'local:jo2']) {
      expect(ownerIdSchema.parse(id)).toBe(id);
    }
  });

  it('refuses anything else, including a name in place of an id', () => {
    for (const id of [
      '',
      'Sam Patel',
      'local:',
      'local:Sam',
      'local:sam--patel',
      'local:-sam',
      `local:${'a'.repeat(61)}`,
      '5f2b9c1e-8a7d-4e3b-9c6a-1d2e3f4a5b6',
      `${OBJECT_ID}x`,
      'tenant/5f2b9c1e-8a7d-4e3b-9c6a-1d2e3f4a5b6c',
    ]) {
      expect(ownerIdSchema.safeParse(id).success).toBe(false);
    }
  });

  it('makes local directory ids from display names', () => {
    expect(localPersonId('Alex Morgan (DSL)')).toBe('local:alex-morgan-dsl');
    expect(localPersonId('Zoë Brontë')).toBe('local:zoe-bronte');
    expect(ownerIdSchema.safeParse(localPersonId('  Jo   Williams ')).success).toBe(true);
    expect(ownerIdSchema.safeParse(localPersonId('Ω')).success).toBe(true);
  });
});

describe('the people, my actions and outbox contract', () => {
  it('registers three GET routes', () => {
    expect(apiContract.people).toMatchObject({ method: 'GET', path: '/api/people' });
    expect(apiContract.myActions).toMatchObject({ method: 'GET', path: '/api/actions/mine' });
    expect(apiContract.outbox).toMatchObject({ method: 'GET', path: apiRoutes.outbox });
    expect(apiRoutes.outbox).toBe('/api/notifications/outbox');
  });

  it('reads the people query: blank search is none, top 1 to 20, default 10', () => {
    expect(peopleQuery.parse({})).toEqual({ top: 10 });
    expect(peopleQuery.parse({ q: '  ', top: '5' })).toEqual({ q: undefined, top: 5 });
    expect(peopleQuery.parse({ q: ' sam ' })).toEqual({ q: 'sam', top: 10 });
    for (const bad of [{ top: '0' }, { top: '21' }, { top: 'ten' }, { q: 'x'.repeat(101) }, { name: 'x' }]) {
      expect(peopleQuery.safeParse(bad).success).toBe(false);
    }
  });

  it('describes my actions and the outbox', () => {
    expect(
      myActionsResponse.safeParse({
        today: '2026-03-10',
        items: [
          {
            caseRef: 'HSB-2026-001',
            assessmentId: 'a1',
            planKind: 'risk-assessment',
            itemKind: 'strategy',
            strategyId: 's1',
            action: 'Seated near the teacher',
            context: 'classroom',
            due: '2026-03-01',
            overdue: true,
            inPlace: false,
          },
        ],
      }).success,
    ).toBe(true);
    expect(
      outboxResponse.safeParse({
        items: [
          {
            id: 'n1',
            to: { id: 'local:sam-patel', displayName: 'Sam Patel' },
            caseRef: 'HSB-2026-001',
            activityType: 'actionAssigned',
            text: 'An action in HSB-2026-001, due 20 March 2026',
            createdAt: '2026-03-10T09:00:00.000Z',
            link: 'http://127.0.0.1:3978/tab/#/assessments/a1',
          },
        ],
      }).success,
    ).toBe(true);
    expect(outboxResponse.safeParse({ items: [{ id: 'n1', activityType: 'somethingElse' }] }).success).toBe(
      false,
    );
  });
});
