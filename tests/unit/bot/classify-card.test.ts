import type { Attachment } from 'botbuilder';
import { BotActions, CLASSIFY_PROBLEM, type Reply } from '../../../bot/src/bot/bot-actions.js';
import { deepLinks } from '../../../bot/src/bot/deep-links.js';
import { LocalSchoolAccess } from '../../../bot/src/bot/school-access.js';
import { createLogger } from '../../../bot/src/logger.js';
import { DSL_DECIDES_NOTE } from '../../../core/index.js';
import { createAssessmentStore } from '../../../storage/index.js';
import { botKnowledge } from '../../helpers/bot-knowledge.js';
import { realContent } from '../../helpers/content.js';
import { fixedClock } from '../../helpers/test-server.js';

const content = realContent();
const knowledge = botKnowledge();
const store = createAssessmentStore({ kind: 'sqlite-memory' });
afterAll(() => store.close());
const actions = new BotActions({
  ...knowledge,
  links: deepLinks({ mode: 'local', TEAMS_APP_ID: undefined }, () => 'http://127.0.0.1:3978'),
  access: new LocalSchoolAccess(),
  store,
  clock: fixedClock('2026-03-09T09:00:00Z'),
  logger: createLogger('silent'),
});

type Element = Record<string, any>;
function elements(reply: Reply): Element[] {
  if (!('card' in reply)) throw new Error(`expected a card, got: ${reply.text}`);
  const out: Element[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    out.push(node as Element);
    Object.values(node).forEach(visit);
  };
  visit((reply.card as Attachment).content);
  return out;
}
const texts = (reply: Reply) =>
  elements(reply)
    .filter((e) => e.type === 'TextBlock')
    .map((e) => String(e.text));

const answers = { consent: 'mutual', power: 'equal', frequency: 'once' };
const levelTitle = (id: string) => content.hackett.levels.find((l) => l.id === id)!.title;
const optionTitle = (id: string) => content.riskTemplate.decision.options.find((o) => o.id === id)!.title;

describe('the classification card', () => {
  it('asks each child’s age as a number, not a band', () => {
    const inputs = elements(actions.classifyForm()).filter((e) => e.type?.startsWith('Input.'));
    const ages = inputs.filter((e) => /^age\d$/.test(e.id));
    expect(ages.map((e) => [e.type, e.min, e.max])).toEqual([
      ['Input.Number', 0, 25],
      ['Input.Number', 0, 25],
      ['Input.Number', 0, 25],
    ]);
    expect(ages[0]!.isRequired).toBe(true);
    expect(inputs.map((e) => e.id)).not.toContain('ageBand');
    expect(inputs.map((e) => e.id)).toEqual(expect.arrayContaining(['setting', 'aggravating', 'send1']));
  });

  it('places two 12-year-olds’ "mutual" sexual acts with the core rules: abusive, referral and police', () => {
    const reply = actions.classify({ age1: '12', age2: '12', seen: 'sexual-acts', ...answers });
    const shown = texts(reply);
    expect(shown).toContain(levelTitle('abusive'));
    const actionList = shown.find((t) => t.includes(optionTitle('referral-csc')))!;
    expect(actionList).toContain(optionTitle('report-police'));
    expect(shown.join('\n')).toMatch(/under 13/);
  });

  it('places a 15- and a 7-year-old’s "mutual" intimate touching with a referral and the police', () => {
    const shown = texts(
      actions.classify({ age1: '15', age2: '7', seen: 'touching-intimate', ...answers, power: 'some' }),
    ).join('\n');
    expect(shown).toContain(optionTitle('referral-csc'));
    expect(shown).toContain(optionTitle('report-police'));
    expect(shown).not.toMatch(/no overt victimisation/i);
  });

  it('says the DSL decides exactly once', () => {
    const shown = texts(actions.classify({ age1: '14', age2: '14', seen: 'talk', ...answers }));
    expect(shown.filter((t) => t.includes('The DSL decides'))).toEqual([DSL_DECIDES_NOTE]);
  });

  it('reads the setting, the need toggle and the extra factors', () => {
    const shown = texts(
      actions.classify({
        age1: '16',
        age2: '16',
        send2: 'true',
        seen: 'touching-intimate',
        ...answers,
        setting: 'school',
        aggravating: 'exploitation',
      }),
    ).join('\n');
    expect(shown).toMatch(/wrong for a school setting/);
    expect(shown).toMatch(/capacity to consent/);
    expect(shown).toMatch(/exploitation/);
  });

  it.each([
    [{ age1: '', seen: 'talk', ...answers }],
    [{ age1: '30', seen: 'talk', ...answers }],
    [{ age1: '12.5', seen: 'talk', ...answers }],
    [{ age1: '12', seen: 'talk', consent: 'mutual' }],
    [{ age1: '12', seen: 'talk', ...answers, aggravating: 'drugs' }],
  ])('asks again, keeping safe answers, when %j is incomplete or wrong', (data) => {
    const reply = actions.classify(data);
    expect(texts(reply)).toContain(CLASSIFY_PROBLEM);
    const seen = elements(reply).find((e) => e.id === 'seen')!;
    expect(seen.value).toBe('talk');
  });

  it('shows a valid age again as a number', () => {
    const reply = actions.classify({ age1: '12', age2: '14', seen: 'talk' });
    const ages = elements(reply).filter((e) => /^age\d$/.test(e.id));
    expect(ages.map((e) => e.value)).toEqual([12, 14, undefined]);
  });
});
