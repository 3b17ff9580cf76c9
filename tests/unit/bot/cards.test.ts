import type { Attachment, TurnContext } from 'botbuilder';
import { BotActions, REFUSALS, STORE_UNAVAILABLE, type Reply } from '../../../bot/src/bot/bot-actions.js';
import { noticeCard } from '../../../bot/src/bot/cards/notice-card.js';
import { reviewsCard, type DueReview } from '../../../bot/src/bot/cards/reviews-card.js';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../../bot/src/bot/cards/render-card.js';
import { deepLinks } from '../../../bot/src/bot/deep-links.js';
import {
  aggravatingFactors,
  consentAnswers,
  frequencyAnswers,
  powerAnswers,
  seenKinds,
  settings,
} from '../../../core/index.js';
import { CARD_VERBS } from '../../../bot/src/bot/hsb-bot.js';
import { LocalSchoolAccess } from '../../../bot/src/bot/school-access.js';
import { createLogger } from '../../../bot/src/logger.js';
import { createAssessmentStore } from '../../../storage/index.js';
import { checkCard } from '../../helpers/adaptive-card-check.js';
import { botKnowledge } from '../../helpers/bot-knowledge.js';
import { fixedClock } from '../../helpers/test-server.js';

const noContext = {} as TurnContext;

function card(reply: Reply): Attachment {
  if (!('card' in reply)) throw new Error(`expected a card, got text: ${reply.text}`);
  return reply.card;
}

/** Every card the bot can send, produced through the same code paths the bot uses. */
async function everyCard(): Promise<[string, Attachment][]> {
  const knowledge = botKnowledge();
  const store = createAssessmentStore({ kind: 'sqlite-memory' });
  const clock = fixedClock('2026-03-09T09:00:00Z');
  const links = deepLinks({ mode: 'local', TEAMS_APP_ID: undefined }, () => 'http://127.0.0.1:3978');
  const actions = new BotActions({
    ...knowledge,
    links,
    access: new LocalSchoolAccess(),
    store,
    clock,
    logger: createLogger('silent'),
  });
  const cards: [string, Attachment][] = [
    ['help', card(actions.help())],
    ['welcome', card(actions.help(true))],
    ['classify form', card(actions.classifyForm())],
    ['classify form, half answered', card(actions.classify({ age1: '9', age2: '12', seen: 'talk,images' }))],
    ['reviews, none due', card(await actions.reviews(noContext))],
    ['new assessment', card(await actions.newAssessment(noContext))],
    ['new case', card(await actions.newCase(noContext))],
  ];
  for (const question of [
    'what counts as HSB?',
    'nudes shared in a group chat',
    'touching in the lunch queue',
  ]) {
    cards.push([`ask "${question}"`, card(actions.ask(question))]);
  }
  for (const entry of [
    'faq.touching-in-lunch-queue',
    'faq.should-images-be-deleted',
    'faq.four-response-options',
  ]) {
    cards.push(
      [`${entry} full`, card(actions.faq(entry, true))],
      [`${entry} lead`, card(actions.faq(entry, false))],
    );
  }
  for (const [age1, age2] of [
    ['4', ''],
    ['7', '15'],
    ['12', '12'],
    ['16', '17'],
  ]) {
    for (const consent of consentAnswers) {
      for (const power of powerAnswers) {
        const k = consent.length + power.length;
        const seen = seenKinds.filter((_, i) => (i + k) % 3 === 0).join(',');
        cards.push([
          `classify ${age1} ${age2} ${consent} ${power}`,
          card(
            actions.classify({
              age1,
              age2,
              send2: k % 2 ? 'true' : 'false',
              seen: seen || 'talk',
              consent,
              power,
              frequency: frequencyAnswers[k % 3],
              setting: settings[k % 4],
              aggravating: aggravatingFactors.filter((_, i) => (i + k) % 4 === 0).join(','),
            }),
          ),
        ]);
      }
    }
  }
  const rows: DueReview[] = Array.from({ length: 12 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    caseRef: `HSB-2026-${String(i + 1).padStart(4, '0')}`,
    kind: i % 2 ? 'support-plan' : 'risk-assessment',
    ...(i % 2 ? { label: 'Child B' } : {}),
    status: i % 3 === 0 ? 'draft' : 'active',
    nextDue: `2026-03-${String(3 + i).padStart(2, '0')}`,
    overallRisk: (['high', 'medium', 'low', null] as const)[i % 4]!,
  }));
  const reviewOptions = { today: '2026-03-09', linkFor: links.assessment, tabUrl: links.tab() };
  cards.push(
    ['reviews, many', reviewsCard({ ...reviewOptions, items: rows, withinDays: 14 })],
    ['digest', reviewsCard({ ...reviewOptions, items: rows.slice(0, 3), withinDays: 7, digest: true })],
  );
  // Inside a card action, a text answer (a refusal, an outage, an unanswerable question) becomes a notice.
  for (const text of [
    ...Object.values(REFUSALS),
    STORE_UNAVAILABLE,
    (actions.ask('zzzz qqqq') as { text: string }).text,
  ]) {
    cards.push([`notice: ${text.slice(0, 30)}`, noticeCard(text)]);
  }
  await store.close();
  return cards;
}

describe('every card the bot can send', () => {
  let cards: [string, Attachment][];
  beforeAll(async () => {
    cards = await everyCard();
  });

  it('is an Adaptive Card 1.5 that the adaptivecards library parses without a single problem', () => {
    const problems = cards.flatMap(([name, c]) => {
      expect(c.contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
      return checkCard(c.content).problems.map((p) => `${name}: ${p}`);
    });
    expect(problems).toEqual([]);
    expect(cards.length).toBeGreaterThan(40);
  });

  it('has at most six actions, each a Universal Action the bot answers or a link', () => {
    for (const [name, c] of cards) {
      const { actions } = checkCard(c.content);
      expect([name, actions.length <= 6]).toEqual([name, true]);
      for (const action of actions) {
        expect(['Action.Execute', 'Action.OpenUrl']).toContain(action.type);
        if (action.type === 'Action.Execute') expect(CARD_VERBS).toContain(action.verb);
        if (action.type === 'Action.OpenUrl') expect(action.url).toMatch(/^https?:\/\//);
      }
    }
  });

  it('uses every verb the bot answers, so none is dead code', () => {
    const used = new Set(cards.flatMap(([, c]) => checkCard(c.content).actions.map((a) => a.verb)));
    for (const verb of CARD_VERBS) expect([verb, used.has(verb)]).toEqual([verb, true]);
  });

  it('links to assessments and cases by id in the tab, never by anything else', () => {
    const links = cards.flatMap(
      ([, c]) => JSON.stringify(c.content).match(/#\/(?:assessments|cases)\/[^)"]+/g) ?? [],
    );
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(link).toMatch(/^#\/(?:assessments|cases)\/[0-9a-f-]{36}$/);
    expect(links.some((l) => l.startsWith('#/cases/'))).toBe(true);
  });
});
