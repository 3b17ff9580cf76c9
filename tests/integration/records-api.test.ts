import { strFromU8, unzipSync } from 'fflate';
import {
  awaitingReceiptResponse,
  erasureResponse,
  retentionReviewResponse,
  subjectAccessResponse,
  transferSentResponse,
} from '../../core/index.js';
import { call, fixedClock, startTestServer, type TestServer } from '../helpers/test-server.js';

const OWN = 'Jordan Example';
const OTHER = 'Zoë Ångström';

describe('a child’s whole record over HTTP (real server, local mode)', () => {
  let server: TestServer;
  const clock = fixedClock('2026-03-02T10:00:00Z');
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
          { child: { name: OWN, yearGroup: 'Year 9', dateOfBirth: '2001-05-01' }, roles: ['displayedHsb'] },
          { child: { name: OTHER, yearGroup: 'Year 8' }, roles: ['harmed'] },
        ],
        incidents: [
          { date: '2026-02-27', description: `${OWN} pushed ${OTHER.normalize('NFD')} in the lunch queue.` },
        ],
      },
    });
    expect(res.status).toBe(201);
    const [own, other] = res.body.participants as { childId: string; assessmentId: string }[];
    return { caseId: res.body.id as string, own: own!, other: other! };
  }

  it('records a transfer, links the child’s own file, chases the receipt and records it', async () => {
    clock.set('2026-03-02T10:00:00Z');
    const { own } = await openCase();
    const sent = await call(`${url}/api/children/${own.childId}/transfers`, {
      method: 'POST',
      body: { receivingSchool: 'Hillside Academy', sentOn: '2026-03-02', method: 'by-hand' },
    });
    expect(sent.status).toBe(201);
    expect(transferSentResponse.safeParse(sent.body).success).toBe(true);
    expect(sent.body.transfer.sentBy).toBe('Local user (no sign-in)');

    // The child's own file: their plan for the file audience, with the other child never named.
    const doc = await fetch(`${url}${sent.body.documents[0].href}`);
    expect(doc.status).toBe(200);
    const xml = strFromU8(unzipSync(new Uint8Array(await doc.arrayBuffer()))['word/document.xml']!);
    expect(xml).toContain(OWN);
    expect(xml.normalize('NFC')).not.toContain('Zoë');

    clock.set('2026-03-10T10:00:00Z');
    const waiting = await call(`${url}/api/transfers/awaiting-receipt`);
    expect(awaitingReceiptResponse.safeParse(waiting.body).success).toBe(true);
    expect(waiting.body.items).toContainEqual(
      expect.objectContaining({ childId: own.childId, dueBy: '2026-03-09', overdue: true }),
    );

    const receipt = await call(`${url}/api/children/${own.childId}/transfers/${sent.body.transfer.id}`, {
      method: 'PUT',
      body: { receivedOn: '2026-03-10', confirmedBy: 'DSL, Hillside Academy' },
    });
    expect(receipt.status).toBe(200);
    expect(receipt.body).toMatchObject({ receivedOn: '2026-03-10', confirmedBy: 'DSL, Hillside Academy' });
    const after = await call(`${url}/api/transfers/awaiting-receipt`);
    expect(after.body.items.map((i: { childId: string }) => i.childId)).not.toContain(own.childId);
  });

  it('exports one child’s record without the other child', async () => {
    const { own } = await openCase();
    const res = await call(`${url}/api/children/${own.childId}/export`);
    expect(res.status).toBe(200);
    expect(subjectAccessResponse.safeParse(res.body).success).toBe(true);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="child-record-${own.childId}.json"`,
    );
    const text = JSON.stringify(res.body).normalize('NFC');
    expect(text).toContain(OWN);
    expect(text).not.toContain('Zoë');
    expect(res.body.cases[0].incidents[0].description).toBe(
      `${OWN} pushed another child in the lunch queue.`,
    );
  });

  it('lists children due for retention review, and those without a date of birth', async () => {
    const { own, other } = await openCase();
    const res = await call(`${url}/api/retention/due?withinDays=90`);
    expect(res.status).toBe(200);
    expect(retentionReviewResponse.safeParse(res.body).success).toBe(true);
    expect(res.body.items).toContainEqual(
      expect.objectContaining({ childId: own.childId, retainUntil: '2026-05-01', reason: 'due' }),
    );
    expect(res.body.items).toContainEqual(
      expect.objectContaining({ childId: other.childId, retainUntil: null, reason: 'no-date-of-birth' }),
    );
    expect((await call(`${url}/api/retention/due?withinDays=x`)).status).toBe(400);
    expect((await call(`${url}/api/retention/due?window=3`)).status).toBe(400);
  });

  it('erases for retention, leaving a line without the name, and answers 404 afterwards', async () => {
    const { own, caseId } = await openCase();
    const res = await call(`${url}/api/children/${own.childId}/erase`, {
      method: 'POST',
      body: { reason: `Reached 25; reviewed. ${OWN.toUpperCase()} has no open matters.` },
    });
    expect(res.status).toBe(200);
    expect(erasureResponse.safeParse(res.body).success).toBe(true);
    expect(res.body.reason).toBe('Reached 25; reviewed. [name removed] has no open matters.');
    expect((await call(`${url}/api/children/${own.childId}`)).status).toBe(404);
    const kept = await call(`${url}/api/cases/${caseId}`);
    expect(JSON.stringify(kept.body)).not.toContain(own.childId);
    expect(server.logs.join('\n')).not.toContain('Reached 25');
  });

  it('refuses bad input with a coded error and never echoes it', async () => {
    const { own } = await openCase();
    const bad = await call(`${url}/api/children/${own.childId}/transfers`, {
      method: 'POST',
      body: { receivingSchool: 'Hillside', sentOn: '2026-13-40', method: 'post-it', sentBy: 'Mallory' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).not.toContain('Mallory');
    expect((await call(`${url}/api/children/not-an-id/export`)).status).toBe(404);
    expect(
      (await call(`${url}/api/children/${own.childId}/transfers/zzz`, { method: 'PUT', body: {} })).status,
    ).toBe(404);
    const erase = await call(`${url}/api/children/${own.childId}/erase`, { method: 'POST', body: {} });
    expect(erase.status).toBe(400);
  });
});
