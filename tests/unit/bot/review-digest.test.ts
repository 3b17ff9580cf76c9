import { MemoryStorage, type Attachment } from 'botbuilder';
import { deepLinks } from '../../../bot/src/bot/deep-links.js';
import { InstallationRegistry, type Installation } from '../../../bot/src/bot/installation-registry.js';
import { ReviewDigest } from '../../../bot/src/bot/review-digest.js';
import type { DueReview } from '../../../bot/src/bot/cards/reviews-card.js';
import { createLogger } from '../../../bot/src/logger.js';
import { fixedClock } from '../../helpers/test-server.js';

function installation(key: string, overrides: Partial<Installation> = {}): Installation {
  return {
    key,
    scope: 'channel',
    conversationId: `${key}-channel`,
    serviceUrl: 'https://smba.example.com/',
    channelId: 'msteams',
    botId: '28:bot',
    installedOn: '2026-03-02',
    ...overrides,
  };
}

const due: DueReview = {
  id: '00000000-0000-4000-8000-000000000001',
  caseRef: 'HSB-2026-0001',
  kind: 'support-plan',
  label: 'Child B',
  status: 'active',
  nextDue: '2026-03-11',
  overallRisk: 'medium',
};

async function setup(
  options: { installs?: Installation[]; items?: DueReview[]; late?: number; overdue?: number } = {},
) {
  const registry = new InstallationRegistry(new MemoryStorage());
  for (const i of options.installs ?? [installation('team:a')]) await registry.add(i);
  const clock = fixedClock('2026-03-09T07:59:00Z'); // Monday, 07:59 in London (GMT)
  const posts: { key: string; card: Attachment; cards: Attachment[] }[] = [];
  let failNext = false;
  const digest = new ReviewDigest({
    registry,
    schoolFor: (i) => (i.key === 'team:not-safeguarding' ? null : 'local'),
    dueReviews: async () => ({ today: '2026-03-09', items: options.items ?? [due] }),
    lateTransfers: async () => options.late ?? 0,
    overdueActions: async () => options.overdue ?? 0,
    post: async (i, cards) => {
      if (failNext) {
        failNext = false;
        throw new Error('connector down');
      }
      posts.push({ key: i.key, card: cards[0]!, cards });
    },
    links: deepLinks({ mode: 'local', TEAMS_APP_ID: undefined }, () => 'http://127.0.0.1:3978'),
    clock,
    logger: createLogger('silent'),
    hour: 8,
  });
  return { digest, clock, posts, registry, failPost: () => (failNext = true) };
}

describe('ReviewDigest', () => {
  it('posts from the configured hour on a school day, once a day', async () => {
    const { digest, clock, posts } = await setup();
    expect(await digest.runOnce()).toEqual({ posted: 0, empty: 0, failed: 0 });
    clock.set('2026-03-09T08:00:00Z');
    expect(await digest.runOnce()).toEqual({ posted: 1, empty: 0, failed: 0 });
    clock.set('2026-03-09T16:45:00Z');
    expect((await digest.runOnce()).posted).toBe(0);
    clock.set('2026-03-10T08:15:00Z');
    expect((await digest.runOnce()).posted).toBe(1);
    expect(posts.map((p) => p.key)).toEqual(['team:a', 'team:a']);
    expect(JSON.stringify(posts[0]!.card)).toContain('HSB-2026-0001');
    expect(JSON.stringify(posts[0]!.card)).toContain('support plan (Child B)');
  });

  it('works to school time: 07:30 UTC in British Summer Time is 08:30 in school', async () => {
    const { digest, clock } = await setup();
    clock.set('2026-06-15T07:30:00Z');
    expect((await digest.runOnce()).posted).toBe(1);
  });

  it('stays quiet at weekends', async () => {
    const { digest, clock } = await setup();
    clock.set('2026-03-14T10:00:00Z');
    expect((await digest.runOnce()).posted).toBe(0);
    clock.set('2026-03-15T10:00:00Z');
    expect((await digest.runOnce()).posted).toBe(0);
  });

  it('posts nothing when nothing is due, and does not ask again that day', async () => {
    const { digest, clock, posts } = await setup({ items: [] });
    clock.set('2026-03-09T09:00:00Z');
    expect(await digest.runOnce()).toEqual({ posted: 0, empty: 1, failed: 0 });
    expect(await digest.runOnce()).toEqual({ posted: 0, empty: 0, failed: 0 });
    expect(posts).toEqual([]);
  });

  it('tries again on the next run when a post fails', async () => {
    const { digest, clock, posts, failPost } = await setup();
    clock.set('2026-03-09T09:00:00Z');
    failPost();
    expect(await digest.runOnce()).toEqual({ posted: 0, empty: 0, failed: 1 });
    expect(await digest.runOnce()).toEqual({ posted: 1, empty: 0, failed: 0 });
    expect(posts).toHaveLength(1);
  });

  it('posts only to channels of safeguarding teams, not to chats', async () => {
    const { digest, clock, posts } = await setup({
      installs: [
        installation('team:a'),
        installation('team:not-safeguarding'),
        installation('conversation:a:personal', { scope: 'personal' }),
        installation('conversation:19:group', { scope: 'groupChat' }),
      ],
    });
    clock.set('2026-03-09T09:00:00Z');
    await digest.runOnce();
    expect(posts.map((p) => p.key)).toEqual(['team:a']);
  });

  it('shares one pass between overlapping runs', async () => {
    const { digest, clock, posts } = await setup();
    clock.set('2026-03-09T09:00:00Z');
    const [a, b] = await Promise.all([digest.runOnce(), digest.runOnce()]);
    expect(a).toBe(b);
    expect(posts).toHaveLength(1);
  });

  it('reminds of late transfers by count and a link, in the same message, never naming a child', async () => {
    const { digest, clock, posts } = await setup({ late: 2 });
    clock.set('2026-03-09T09:00:00Z');
    expect((await digest.runOnce()).posted).toBe(1);
    expect(posts[0]!.cards).toHaveLength(2);
    const reminder = JSON.stringify(posts[0]!.cards[1]);
    expect(reminder).toContain(
      '2 child-protection files were sent to a new school more than five school days ago',
    );
    expect(reminder).toContain('http://127.0.0.1:3978');
    expect(reminder).not.toMatch(/HSB-\d{4}|[0-9a-f]{8}-[0-9a-f]{4}/);
  });

  it('posts the transfer reminder alone when no review is due', async () => {
    const { digest, clock, posts } = await setup({ items: [], late: 1 });
    clock.set('2026-03-09T09:00:00Z');
    expect(await digest.runOnce()).toEqual({ posted: 1, empty: 0, failed: 0 });
    expect(posts[0]!.cards).toHaveLength(1);
    expect(JSON.stringify(posts[0]!.card)).toContain('1 child-protection file was sent');
  });

  it('counts overdue actions with a link to the tab, never naming an owner, an action or a child', async () => {
    const { digest, clock, posts } = await setup({ overdue: 3 });
    clock.set('2026-03-09T09:00:00Z');
    expect((await digest.runOnce()).posted).toBe(1);
    expect(posts[0]!.cards).toHaveLength(2);
    const card = JSON.stringify(posts[0]!.cards[1]);
    expect(card).toContain('3 actions overdue');
    expect(card).toContain('http://127.0.0.1:3978/tab/');
    expect(card).not.toMatch(/HSB-\d{4}|[0-9a-f]{8}-[0-9a-f]{4}/);
  });

  it('posts the overdue count alone when nothing else is due, and nothing when it is 0', async () => {
    const one = await setup({ items: [], overdue: 1 });
    one.clock.set('2026-03-09T09:00:00Z');
    expect(await one.digest.runOnce()).toEqual({ posted: 1, empty: 0, failed: 0 });
    expect(JSON.stringify(one.posts[0]!.card)).toContain('1 action overdue');
    const none = await setup({ items: [], overdue: 0 });
    none.clock.set('2026-03-09T09:00:00Z');
    expect(await none.digest.runOnce()).toEqual({ posted: 0, empty: 1, failed: 0 });
  });
});
