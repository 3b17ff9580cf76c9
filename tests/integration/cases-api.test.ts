import { strFromU8, unzipSync } from 'fflate';
import { caseResponse, chronologyEntryResponse, assessmentResponse } from '../../core/index.js';
import { call, fixedClock, startTestServer, type TestServer } from '../helpers/test-server.js';

const HARMED = 'Zoë Ångström';
/** The same name decomposed (NFD), in capitals, and with a possessive: how staff really type it. */
const HARMED_FORMS = ['Zoe\u0308 A\u030angstro\u0308m', 'ZOË', 'Zoe’s'];
const DISPLAYED = 'Jordan Example';

describe('cases, children and chronology API (real server, local mode)', () => {
  let server: TestServer;
  const clock = fixedClock('2026-03-10T10:00:00Z');
  let url: string;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    url = server.url;
  });
  afterAll(() => server.close());

  async function openCase() {
    const res = await call(`${url}/api/cases`, {
      method: 'POST',
      body: {
        participants: [
          {
            child: { name: DISPLAYED, yearGroup: 'Year 9', dateOfBirth: '2012-05-01' },
            roles: ['displayedHsb'],
          },
          { child: { name: HARMED, yearGroup: 'Year 9' }, roles: ['harmed'] },
        ],
        incidents: [{ date: '2026-03-09', location: 'Corridor', description: 'Touching over clothing.' }],
      },
    });
    expect(res.status).toBe(201);
    const [displayed, harmed] = res.body.participants as {
      childId: string;
      assessmentId: string;
      label: string;
    }[];
    return { res, displayed: displayed!, harmed: harmed! };
  }

  it('keeps codes as codes when a child’s name is also a role or a context word', async () => {
    const res = await call(`${url}/api/cases`, {
      method: 'POST',
      body: {
        participants: [
          { child: { name: 'Online Displayedhsb' }, roles: ['displayedHsb'] },
          { child: { name: 'Layout Harmed' }, roles: ['harmed', 'witness'] },
        ],
        incidents: [{ date: '2026-03-09', location: 'Online', description: 'Harmed was sent a message.' }],
      },
    });
    expect(res.status).toBe(201);
    const got = await call(`${url}/api/cases/${res.body.id}`);
    const roles = (got.body.participants as { roles: string[] }[]).map((p) => p.roles);
    expect(roles).toEqual([['displayedHsb'], ['harmed', 'witness']]);
    // The prose still has the name made a mention, and the record goes back as it came.
    expect(JSON.stringify(got.body.incidents)).toContain('@[child:');
    const put = await call(`${url}/api/cases/${res.body.id}`, {
      method: 'PUT',
      headers: { 'if-match': got.headers.get('etag')! },
      body: got.body,
    });
    expect(put.status).toBe(200);
  });

  it('POST /api/cases makes the children, the case and a plan for each child by role', async () => {
    const { res, displayed, harmed } = await openCase();
    expect(caseResponse.safeParse(res.body).success).toBe(true);
    expect(res.headers.get('location')).toBe(`/api/cases/${res.body.id}`);
    expect(res.headers.get('etag')).toMatch(/^".+"$/);
    expect(res.body.caseRef).toMatch(/^HSB-2026-\d+$/);
    expect([displayed.label, harmed.label]).toEqual(['Child A', 'Child B']);
    expect(JSON.stringify(res.body)).not.toContain('Jordan');

    const ra = await call(`${url}/api/assessments/${displayed.assessmentId}`);
    const sp = await call(`${url}/api/assessments/${harmed.assessmentId}`);
    expect(ra.body).toMatchObject({
      kind: 'risk-assessment',
      caseId: res.body.id,
      childId: displayed.childId,
      caseRef: res.body.caseRef,
      learner: { name: DISPLAYED, yearGroup: 'Year 9' },
    });
    expect(sp.body).toMatchObject({
      kind: 'support-plan',
      childId: harmed.childId,
      learner: { name: HARMED },
    });
    expect(assessmentResponse.safeParse(ra.body).success).toBe(true);

    const child = await call(`${url}/api/children/${displayed.childId}`);
    expect(child.body).toMatchObject({ name: DISPLAYED, retainUntil: '2037-05-01' });
    const plans = await call(`${url}/api/assessments?kind=support-plan`);
    expect(plans.body.items.map((p: { id: string }) => p.id)).toContain(harmed.assessmentId);
    expect(plans.body.items.map((p: { id: string }) => p.id)).not.toContain(displayed.assessmentId);
  });

  it('stores a name typed in free text as a mention, in any Unicode form, and the file document leaves it out', async () => {
    const { displayed, harmed } = await openCase();
    const path = `${url}/api/assessments/${displayed.assessmentId}`;
    const read = await call(path);
    const texts = [
      `Keep apart from ${HARMED} at break.`,
      ...HARMED_FORMS.map((n) => `${n} asked for space.`),
    ];
    const body = {
      ...read.body,
      risks: texts.map((description, i) => ({
        id: `r${i}`,
        context: 'break-lunch',
        description,
        likelihood: 2,
        impact: 2,
        strategies: [
          { id: `s${i}`, action: `Separate lunch sittings from ${HARMED}.`, owner: 'Head of Year 9' },
        ],
      })),
      views: { learner: `Says ${HARMED_FORMS[0]} started it.` },
    };
    const saved = await call(path, {
      method: 'PUT',
      body,
      headers: { 'if-match': read.headers.get('etag')! },
    });
    expect(saved.status).toBe(200);

    const again = await call(path);
    const { otherChildren: _shownToStaff, ...textFields } = again.body;
    const text = JSON.stringify(textFields);
    for (const form of [HARMED, ...HARMED_FORMS, 'Zoe', 'Ångström'.normalize('NFD')]) {
      expect(text.toLowerCase()).not.toContain(form.toLowerCase());
    }
    expect(again.body.risks[0].description).toBe(`Keep apart from @[child:${harmed.childId}] at break.`);
    expect(again.body.views.learner).toContain(`@[child:${harmed.childId}]`);
    // Staff see who the other child is, from the child record, not from the plan's text.
    expect(again.body.otherChildren).toEqual([
      expect.objectContaining({ id: harmed.childId, name: HARMED, role: 'harmed' }),
    ]);

    const file = await fetch(`${path}/document?audience=file`);
    expect(file.status).toBe(200);
    const parts = unzipSync(new Uint8Array(await file.arrayBuffer()));
    const xml = Object.keys(parts)
      .filter((n) => n.endsWith('.xml'))
      .map((n) => strFromU8(parts[n]!))
      .join('\n');
    expect(xml).toContain(DISPLAYED);
    expect(xml).not.toMatch(/Zo[eë]|Ångström|Angstrom/i);
    expect(xml).not.toContain('@[child:');
    expect(xml).toContain('another child');
  });

  it('the chronology lists the entries written by opening, activating and reviewing, and a review sets the overall risk', async () => {
    const { res, displayed } = await openCase();
    const path = `${url}/api/assessments/${displayed.assessmentId}`;
    const read = await call(path);
    const active = await call(path, {
      method: 'PUT',
      headers: { 'if-match': read.headers.get('etag')! },
      body: {
        ...read.body,
        status: 'active',
        risks: [
          {
            id: 'r1',
            context: 'corridors',
            description: 'Contact at changeovers.',
            likelihood: 1,
            impact: 2,
            strategies: [
              { id: 's1', action: 'Key adult at changeovers.', owner: 'Head of Year 9', inPlace: true },
            ],
          },
        ],
        decision: { options: ['early-help'], factors: ['pattern'], rationale: 'Supported in school.' },
        review: { nextDue: '2026-04-01' },
      },
    });
    expect(active.status).toBe(200);
    expect(active.body.overallRisk).toBe('low');
    expect(active.body.signedOff.dsl).toEqual({
      actorId: 'local-user',
      name: expect.any(String),
      on: '2026-03-10',
    });

    const review = await call(`${path}/reviews`, {
      method: 'POST',
      body: {
        date: '2026-03-10',
        behaviourChanges: 'Further incident reported.',
        strategyImpacts: [{ strategyId: 's1', impact: 'partly-effective' }],
        newRiskLevel: 'high',
        nextDue: '2026-03-24',
      },
    });
    expect(review.status).toBe(201);
    expect(review.body.overallRisk).toBe('high');
    expect((await call(path)).body.overallRisk).toBe('high');
    expect(review.body.riskHistory.at(-1)).toMatchObject({ level: 'high', source: 'review' });
    const listed = await call(`${url}/api/assessments?status=active`);
    expect(listed.body.items.find((r: { id: string }) => r.id === displayed.assessmentId).overallRisk).toBe(
      'high',
    );

    const chronology = await call(`${url}/api/cases/${res.body.id}/chronology`);
    expect(chronology.status).toBe(200);
    const kinds = chronology.body.items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['concern', 'note', 'plan-activated', 'review']));
    for (const entry of chronology.body.items)
      expect(chronologyEntryResponse.safeParse(entry).success).toBe(true);
    expect(JSON.stringify(chronology.body)).not.toMatch(/Jordan|Zo[eë]/);

    const own = await call(`${url}/api/children/${displayed.childId}/chronology`);
    expect(own.body.items.map((e: { kind: string }) => e.kind)).toEqual(['note', 'plan-activated', 'review']);
  });

  it('adds chronology entries by hand, append-only, with corrections pointing at what they correct', async () => {
    const { res, harmed } = await openCase();
    const path = `${url}/api/cases/${res.body.id}/chronology`;
    const first = await call(path, {
      method: 'POST',
      body: {
        date: '2026-03-09',
        kind: 'meeting',
        summary: `Met ${HARMED}'s parents.`,
        childId: harmed.childId,
      },
    });
    expect(first.status).toBe(201);
    expect(first.body.summary).toBe(`Met @[child:${harmed.childId}]'s parents.`);
    expect(first.body.by).toBe('Local user (no sign-in)');
    const fix = await call(path, {
      method: 'POST',
      body: {
        date: '2026-03-09',
        kind: 'note',
        summary: 'The meeting was on the 8th.',
        corrects: first.body.id,
      },
    });
    expect(fix.status).toBe(201);
    const bad = await call(path, {
      method: 'POST',
      body: {
        date: '2026-03-09',
        kind: 'note',
        summary: 'x',
        corrects: '00000000-0000-4000-8000-000000000000',
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_REFERENCE');
  });

  it('PUT /api/cases/:id needs If-Match, keeps labels, and records referrals in the chronology', async () => {
    const { res } = await openCase();
    const path = `${url}/api/cases/${res.body.id}`;
    expect((await call(path, { method: 'PUT', body: res.body })).status).toBe(428);
    const body = {
      ...res.body,
      agencies: {
        ...res.body.agencies,
        cscStatus: 'child-in-need',
        referrals: [{ to: 'childrens-social-care', on: '2026-03-10', reference: 'MASH-1' }],
        police: { reference: 'CAD-99', agreedSharing: [{ what: 'Bail conditions', with: 'Form tutor' }] },
      },
    };
    const saved = await call(path, {
      method: 'PUT',
      body,
      headers: { 'if-match': res.headers.get('etag')! },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.agencies.referrals[0]).toMatchObject({ to: 'childrens-social-care', status: 'made' });
    expect(saved.body.participants.map((p: { label: string }) => p.label)).toEqual(['Child A', 'Child B']);
    const stale = await call(path, {
      method: 'PUT',
      body,
      headers: { 'if-match': res.headers.get('etag')! },
    });
    expect(stale.status).toBe(412);
    const chronology = await call(`${path}/chronology`);
    expect(chronology.body.items.map((e: { kind: string }) => e.kind)).toContain('referral');
  });

  it('a referral saved with its outcome already known records both the referral and its outcome', async () => {
    const { res } = await openCase();
    const path = `${url}/api/cases/${res.body.id}`;
    const saved = await call(path, {
      method: 'PUT',
      body: {
        ...res.body,
        agencies: {
          ...res.body.agencies,
          referrals: [
            {
              to: 'childrens-social-care',
              on: '2026-03-10',
              outcome: 'Strategy meeting held',
              outcomeOn: '2026-03-10',
            },
          ],
        },
      },
      headers: { 'if-match': res.headers.get('etag')! },
    });
    expect(saved.status).toBe(200);
    const kinds = (await call(`${path}/chronology`)).body.items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['referral', 'outcome']));
  });

  it('finds children by name in any Unicode form, and lists cases by status', async () => {
    await openCase();
    const found = await call(`${url}/api/children?q=${encodeURIComponent(HARMED_FORMS[0]!)}`);
    expect(found.status).toBe(200);
    expect(found.body.items.length).toBeGreaterThan(0);
    for (const c of found.body.items) expect(c.name).toBe(HARMED);
    const open = await call(`${url}/api/cases?status=open`);
    expect(open.body.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(open.body)).not.toMatch(/Jordan|Zo[eë]/);
  });

  it('refuses unknown query parameters on every route, without echoing them', async () => {
    const { res, displayed } = await openCase();
    for (const path of [
      '/api/cases?colour=red',
      `/api/cases/${res.body.id}?colour=red`,
      `/api/cases/${res.body.id}/chronology?colour=red`,
      '/api/children?name=x',
      `/api/children/${displayed.childId}?colour=red`,
      `/api/children/${displayed.childId}/chronology?colour=red`,
      `/api/assessments/${displayed.assessmentId}?colour=red`,
    ]) {
      const reply = await call(`${url}${path}`);
      expect({ path, status: reply.status, code: reply.body.error?.code }).toEqual({
        path,
        status: 400,
        code: 'UNKNOWN_QUERY_PARAMETER',
      });
    }
  });

  it('quick start: a learner’s name alone makes a child, a case and a draft risk assessment', async () => {
    const res = await call(`${url}/api/assessments`, {
      method: 'POST',
      body: { learner: { name: 'Quick Start' } },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'risk-assessment',
      status: 'draft',
      learner: { name: 'Quick Start' },
    });
    const kase = await call(`${url}/api/cases/${res.body.caseId}`);
    expect(kase.status).toBe(200);
    expect(kase.body.participants).toEqual([
      {
        childId: res.body.childId,
        roles: ['displayedHsb'],
        label: 'Child A',
        assessmentId: res.body.id,
        plans: [{ kind: 'risk-assessment', assessmentId: res.body.id }],
      },
    ]);
    expect(kase.body.caseRef).toBe(res.body.caseRef);
  });

  it('moves the harmed child’s wishes out of the risk assessment into their support plan', async () => {
    const { displayed, harmed } = await openCase();
    const path = `${url}/api/assessments/${displayed.assessmentId}`;
    const read = await call(path);
    const wishes = 'Wants to keep to her own lunch sitting.';
    const saved = await call(path, {
      method: 'PUT',
      headers: { 'if-match': read.headers.get('etag')! },
      body: {
        ...read.body,
        decision: { options: ['manage-internally'], rationale: 'Managed in school.', victimWishes: wishes },
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.decision.victimWishes).toBeUndefined();
    const sp = await call(`${url}/api/assessments/${harmed.assessmentId}`);
    expect(sp.body.supportPlan.viewsAndWishes).toBe(wishes);
  });

  async function planOf(id: string) {
    const plan = await call(`${url}/api/assessments/${id}`);
    expect(plan.status).toBe(200);
    return plan.body as { kind: string; childId: string; caseId: string };
  }

  it('a child both harmed and displaying HSB gets a risk assessment and a support plan', async () => {
    const res = await call(`${url}/api/cases`, {
      method: 'POST',
      body: {
        participants: [
          { child: { name: 'Riley Both', yearGroup: 'Year 8' }, roles: ['harmed', 'displayedHsb'] },
          { child: { name: 'Casey Other', yearGroup: 'Year 8' }, roles: ['witness'] },
        ],
      },
    });
    expect(res.status).toBe(201);
    expect(caseResponse.safeParse(res.body).success).toBe(true);
    const [both, witness] = res.body.participants;
    expect(witness.assessmentId).toBeUndefined();
    expect(witness.plans).toBeUndefined();
    expect(both.plans.map((p: { kind: string }) => p.kind).sort()).toEqual([
      'risk-assessment',
      'support-plan',
    ]);
    for (const p of both.plans as { kind: string; assessmentId: string }[]) {
      expect(await planOf(p.assessmentId)).toMatchObject({
        kind: p.kind,
        childId: both.childId,
        caseId: res.body.id,
      });
    }
    // The first plan stays where clients that know one plan per child look for it.
    expect(both.assessmentId).toBe(both.plans[0].assessmentId);
    const listed = await call(`${url}/api/assessments?kind=support-plan`);
    expect(listed.body.items.map((p: { id: string }) => p.id)).toContain(
      both.plans.find((p: { kind: string }) => p.kind === 'support-plan').assessmentId,
    );
    const chronology = await call(`${url}/api/cases/${res.body.id}/chronology`);
    const started = chronology.body.items
      .map((e: { summary: string }) => e.summary)
      .filter((s: string) => s.endsWith('started (Child A).'));
    expect(started.sort()).toEqual(['Risk assessment started (Child A).', 'Support plan started (Child A).']);
  });

  it('PUT /api/cases/:id with a new child, or a new role, makes the plans they now need', async () => {
    const { res, harmed } = await openCase();
    const path = `${url}/api/cases/${res.body.id}`;
    const joining = await call(`${url}/api/children`, {
      method: 'POST',
      body: { name: 'Alex Joiner', yearGroup: 'Year 9' },
    });
    expect(joining.status).toBe(201);
    const body = {
      ...res.body,
      participants: [
        ...res.body.participants.map((p: { childId: string; roles: string[] }) =>
          p.childId === harmed.childId ? { ...p, roles: ['harmed', 'displayedHsb'] } : p,
        ),
        { childId: joining.body.id, roles: ['displayedHsb', 'harmed'] },
      ],
    };
    const saved = await call(path, {
      method: 'PUT',
      body,
      headers: { 'if-match': res.headers.get('etag')! },
    });
    expect(saved.status).toBe(200);
    expect(caseResponse.safeParse(saved.body).success).toBe(true);
    const byChild = new Map(
      (
        saved.body.participants as {
          childId: string;
          label: string;
          assessmentId?: string;
          plans?: { kind: string; assessmentId: string }[];
        }[]
      ).map((p) => [p.childId, p]),
    );
    const before = byChild.get(harmed.childId)!;
    // The support plan they had is kept; the role they took on adds a risk assessment.
    expect(before.assessmentId).toBe(harmed.assessmentId);
    expect(before.plans).toEqual([
      { kind: 'support-plan', assessmentId: harmed.assessmentId },
      { kind: 'risk-assessment', assessmentId: expect.any(String) },
    ]);
    expect((await planOf(before.plans![1]!.assessmentId)).kind).toBe('risk-assessment');

    const joined = byChild.get(joining.body.id)!;
    expect(joined.label).toBe('Child C');
    expect(joined.plans!.map((p) => p.kind)).toEqual(['risk-assessment', 'support-plan']);
    for (const p of joined.plans!) {
      expect(await planOf(p.assessmentId)).toMatchObject({ kind: p.kind, childId: joining.body.id });
    }
    // The answer's ETag is the case as it now stands: saving it again changes nothing new.
    const again = await call(path, {
      method: 'PUT',
      body: saved.body,
      headers: { 'if-match': saved.headers.get('etag')! },
    });
    expect(again.status).toBe(200);
    expect(again.body.participants).toEqual(saved.body.participants);
  });

  it('keeps the other child’s name out of the child’s own record when it is typed in their details', async () => {
    const { displayed, harmed } = await openCase();
    const path = `${url}/api/assessments/${displayed.assessmentId}`;
    const read = await call(path);
    const saved = await call(path, {
      method: 'PUT',
      headers: { 'if-match': read.headers.get('etag')! },
      body: {
        ...read.body,
        learner: { ...read.body.learner, vulnerabilities: `Anxious near ${HARMED_FORMS[1]} at break.` },
      },
    });
    expect(saved.status).toBe(200);
    const child = await call(`${url}/api/children/${displayed.childId}`);
    expect(child.body.vulnerabilities).toBe(`Anxious near @[child:${harmed.childId}] at break.`);
    expect(child.body.name).toBe(DISPLAYED);
    // The plan reads the child's details from that record: the same reference, never the name.
    expect((await call(path)).body.learner.vulnerabilities).toBe(
      `Anxious near @[child:${harmed.childId}] at break.`,
    );
  });
});
