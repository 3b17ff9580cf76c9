import { describe, expect, it } from '@jest/globals';
import { parseRoute, routePath, type Route } from '../../tab/src/app/router';
import { routeOfSubPage, startRoute, subPageIdOf } from '../../tab/src/app/start-route';

const ID = '0f676d75-dbb4-4af1-bb92-05c4121d98b0';

describe('hash routes', () => {
  it.each<[string, Route]>([
    ['', { name: 'dashboard' }],
    ['#/', { name: 'dashboard' }],
    [`#/assessments/${ID}`, { name: 'assessment', id: ID }],
    [`#/assessments/${ID}/risks`, { name: 'assessment', id: ID, section: 'risks' }],
    [`#/assessments/${ID}/agenda`, { name: 'assessment', id: ID, agenda: true }],
    [
      `#/assessments/${ID}/agenda/context-r_1`,
      { name: 'assessment', id: ID, agenda: true, section: 'context-r_1' },
    ],
    [`#/assessments/${ID}/agenda/views/more`, { name: 'not-found' }],
    [`#/stage/${ID}`, { name: 'stage', id: ID }],
    [`#/cases/${ID}/stage`, { name: 'stage', id: ID, of: 'case' }],
    [`#/cases/${ID}/children`, { name: 'not-found' }],
    [`#/cases/${ID}`, { name: 'case', id: ID }],
    [`#/children/${ID}`, { name: 'child', id: ID }],
    ['#/cases/HSB-2026-1', { name: 'not-found' }],
    ['#/config', { name: 'config' }],
    ['#/meeting', { name: 'meeting' }],
    [`#/meeting/${ID}`, { name: 'meeting', id: ID }],
    ['#/dashboard', { name: 'dashboard' }],
    ['#/actions', { name: 'actions' }],
    [`#/assessments/${ID}/risks/s_1-a`, { name: 'assessment', id: ID, section: 'risks', item: 's_1-a' }],
    [`#/assessments/${ID}/risks/a.b`, { name: 'not-found' }],
    [`#/assessments/${ID}/risks/s1/more`, { name: 'not-found' }],
    ['#/outbox', { name: 'outbox' }],
    ['#/actions/mine', { name: 'not-found' }],
    ['#/privacy', { name: 'info', page: 'privacy' }],
    ['#/terms', { name: 'info', page: 'terms' }],
    ['#/about', { name: 'info', page: 'about' }],
    ['#/assessments/not-an-id', { name: 'not-found' }],
    ['#/stage/Zebedee', { name: 'not-found' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    if (route.name !== 'not-found') expect(parseRoute(`#${routePath(route)}`)).toEqual(route);
  });
});

describe('the first view', () => {
  it('opens the assessment a bot card deep-links to (subEntityId)', () => {
    expect(startRoute({ frame: 'content', theme: 'default', subPageId: ID.toUpperCase() }, '#/')).toEqual({
      name: 'assessment',
      id: ID,
    });
  });

  it('opens the case a bot card deep-links to (subEntityId cases/<id>)', () => {
    expect(startRoute({ frame: 'content', theme: 'default', subPageId: `cases/${ID}` }, '#/')).toEqual({
      name: 'case',
      id: ID,
    });
    expect(startRoute({ frame: 'content', theme: 'default', subPageId: 'cases/Zebedee' }, '#/')).toEqual({
      name: 'dashboard',
    });
  });

  it('keeps the local link the bot uses outside Teams', () => {
    expect(startRoute({ frame: 'content', theme: 'default' }, `#/assessments/${ID}`)).toEqual({
      name: 'assessment',
      id: ID,
    });
  });

  it('ignores a sub-entity that is not an assessment id', () => {
    expect(startRoute({ frame: 'content', theme: 'default', subPageId: 'dashboard' }, '#/')).toEqual({
      name: 'dashboard',
    });
  });

  it('shows the configuration page in Teams’ settings frame', () => {
    expect(startRoute({ frame: 'settings', theme: 'default' }, '#/')).toEqual({ name: 'config' });
  });

  it('opens the case linked to the meeting in the side panel, or the chooser', () => {
    expect(startRoute({ frame: 'sidePanel', theme: 'default', entityId: `case:${ID}` }, '#/meeting')).toEqual(
      {
        name: 'meeting',
        id: ID,
      },
    );
    expect(startRoute({ frame: 'sidePanel', theme: 'default', entityId: 'meeting' }, '#/meeting')).toEqual({
      name: 'meeting',
    });
    expect(
      startRoute({ frame: 'sidePanel', theme: 'default', entityId: 'case:Zebedee' }, '#/meeting'),
    ).toEqual({
      name: 'meeting',
    });
  });

  it('leaves a link to one plan, made before cases, for the panel to open its case', () => {
    expect(
      startRoute({ frame: 'sidePanel', theme: 'default', entityId: `assessment:${ID}` }, '#/meeting'),
    ).toEqual({ name: 'meeting' });
  });

  it('keeps the shared stage address, or falls back to the linked case or plan', () => {
    expect(startRoute({ frame: 'meetingStage', theme: 'default' }, `#/stage/${ID}`)).toEqual({
      name: 'stage',
      id: ID,
    });
    expect(
      startRoute({ frame: 'meetingStage', theme: 'default', entityId: `case:${ID}` }, '#/meeting'),
    ).toEqual({
      name: 'stage',
      id: ID,
      of: 'case',
    });
    expect(
      startRoute({ frame: 'meetingStage', theme: 'default', entityId: `assessment:${ID}` }, '#/meeting'),
    ).toEqual({
      name: 'stage',
      id: ID,
    });
  });
});

describe('agenda links through Teams’ sub-page id', () => {
  const agenda: Route = { name: 'assessment', id: ID, agenda: true, section: 'context-r_1' };
  const CASE = '99999999-9999-4999-8999-999999999999';

  it.each(
    (
      [
        agenda,
        { name: 'assessment', id: ID, agenda: true },
        { name: 'assessment', id: ID, agenda: true, section: 'decision' },
        { name: 'assessment', id: ID, section: 'risks' },
        { name: 'case', id: ID },
      ] satisfies Route[]
    ).map((route) => [routePath(route), route] as const),
  )('%s round-trips', (_, route) => {
    expect(routeOfSubPage(subPageIdOf(route))).toEqual(route);
  });

  it('names a step as the tab’s own route, ids only', () => {
    expect(subPageIdOf(agenda)).toBe(`assessments/${ID}/agenda/context-r_1`);
    expect(routeOfSubPage(`assessments/${ID.toUpperCase()}/agenda/views`)).toEqual({
      name: 'assessment',
      id: ID,
      agenda: true,
      section: 'views',
    });
    expect(routeOfSubPage('meeting')).toBeUndefined();
    expect(routeOfSubPage('assessments/Zebedee/agenda')).toBeUndefined();
    expect(routeOfSubPage(`stage/${ID}`)).toBeUndefined();
  });

  it('the side panel opens a plan’s agenda at its step from Teams’ sub-page id', () => {
    const context = { frame: 'sidePanel', theme: 'default', entityId: `case:${CASE}` } as const;
    expect(startRoute({ ...context, subPageId: subPageIdOf(agenda) }, '#/meeting')).toEqual(agenda);
    // Anything but an agenda leaves the panel on the meeting's case.
    expect(startRoute({ ...context, subPageId: `cases/${ID}` }, '#/meeting')).toEqual({
      name: 'meeting',
      id: CASE,
    });
  });

  it('the side panel keeps an agenda step from its own address when it reloads', () => {
    const context = { frame: 'sidePanel', theme: 'default', entityId: `case:${CASE}` } as const;
    expect(startRoute(context, `#${routePath(agenda)}`)).toEqual(agenda);
    // A plan at a section is not the panel's: the panel opens on the case.
    expect(startRoute(context, `#/assessments/${ID}/risks`)).toEqual({ name: 'meeting', id: CASE });
  });

  it('a channel or personal tab opens an agenda step from Teams’ sub-page id', () => {
    expect(startRoute({ frame: 'content', theme: 'default', subPageId: subPageIdOf(agenda) }, '#/')).toEqual(
      agenda,
    );
  });
});
