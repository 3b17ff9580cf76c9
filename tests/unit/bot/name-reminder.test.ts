import type { TurnContext } from 'botbuilder';
import { NAME_REMINDER, NameReminder, type ChildNameSource } from '../../../bot/src/bot/name-reminder.js';
import type { SchoolAccess, SchoolDecision } from '../../../bot/src/bot/school-access.js';
import { memoryLogger } from '../../helpers/m365-app.js';
import { channelPost, message } from '../../helpers/teams-activities.js';

/** The school's records as the bot reads them, counting the reads (a stand-in for the store). */
class Records implements ChildNameSource {
  readonly children = [{ id: 'c1', name: 'Ífeoluwa Adébáyọ̀' }];
  reads = 0;
  failing = false;
  async childNames() {
    this.reads++;
    if (this.failing) throw Object.assign(new Error('store down'), { code: 'GRAPH_UNAVAILABLE' });
    return [...this.children];
  }
}

function setUp(
  decision: SchoolDecision = { allowed: true, schoolId: 's1', actor: { id: 'u', kind: 'user' } },
) {
  let now = 0;
  const records = new Records();
  const access: SchoolAccess = { decide: async () => decision };
  const { logger, lines } = memoryLogger('debug');
  const reminder = new NameReminder({ names: records, access, logger, now: () => now });
  const sent: Record<string, unknown>[] = [];
  const check = (activity: Record<string, unknown>) =>
    reminder.check({
      activity,
      sendActivity: async (a: Record<string, unknown>) => {
        sent.push(a);
        return { id: 'r1' };
      },
    } as unknown as TurnContext);
  return { records, reminder, sent, check, lines, advance: (s: number) => (now += s * 1000) };
}

const o = { serviceUrl: 'https://smba.example/' };

describe('NameReminder', () => {
  it('builds one matcher per school and reads the names again after 60 seconds', async () => {
    const { records, check, sent, advance } = setUp();
    expect(await check(channelPost('Ifeoluwa Adebayo was in the toilets', o))).toBe(true);
    expect(await check(channelPost('nothing to see', o))).toBe(false);
    expect(records.reads).toBe(1);

    records.children.push({ id: 'c2', name: 'Tobiah Fenwick-Lowe' });
    advance(59);
    expect(await check(channelPost('Tobiah Fenwick-Lowe again', o))).toBe(false);
    advance(1);
    expect(await check(channelPost('Tobiah Fenwick-Lowe again', o))).toBe(true);
    expect(records.reads).toBe(2);
    expect(sent.map((a) => a.text)).toEqual([NAME_REMINDER, NAME_REMINDER]);
  });

  it('says nothing to someone the access decision refuses, without reading any names', async () => {
    const { records, check, sent } = setUp({ allowed: false, code: 'NOT_A_MEMBER' });
    expect(await check(channelPost('Ifeoluwa Adebayo was in the toilets', o))).toBe(false);
    expect(records.reads).toBe(0);
    expect(sent).toHaveLength(0);
  });

  it('looks only at channel messages', async () => {
    const { records, check } = setUp();
    expect(await check(message('Ifeoluwa Adebayo', { ...o, scope: 'personal' }))).toBe(false);
    expect(await check(message('Ifeoluwa Adebayo', { ...o, scope: 'groupChat' }))).toBe(false);
    expect(records.reads).toBe(0);
  });

  it('never fails the turn when the names cannot be read, and logs a code, not the text', async () => {
    const { records, check, lines } = setUp();
    records.failing = true;
    expect(await check(channelPost('Ifeoluwa Adebayo was upset', o))).toBe(false);
    const logged = lines.join('\n');
    expect(logged).toContain('GRAPH_UNAVAILABLE');
    expect(logged).not.toMatch(/ifeoluwa|adebayo|upset/i);
    records.failing = false;
    expect(await check(channelPost('Ifeoluwa Adebayo was upset', o))).toBe(true);
  });
});
