import type { TurnContext } from 'botbuilder';
import { hasCaseRecords, type AssessmentStore } from '../../../core/index.js';
import { createNameMatcher, type NameMatcher, type NamedChild } from '../../../core/privacy/index.js';
import { ExpiringCache } from '../auth/expiring-cache.js';
import type { Logger } from '../logger.js';
import type { SchoolAccess } from './school-access.js';
import { turnInfo } from './turn-info.js';

/**
 * Where the children a school has a record of are named. Narrow on purpose, so the source can move
 * (from assessment records to a register of children) without touching the bot.
 */
export interface ChildNameSource {
  childNames(schoolId: string): Promise<readonly NamedChild[]>;
}

/**
 * Names from the school's register of children, the one place a child's name is kept; one list read per
 * refresh. A store without a register (none today) falls back to the names its assessment records hold.
 */
export function storedChildNames(store: AssessmentStore): ChildNameSource {
  return {
    async childNames(schoolId) {
      if (hasCaseRecords(store)) {
        const children = await store.recordsFor(schoolId).children.list();
        return children.map((c) => ({ id: c.id, name: c.name }));
      }
      const repository = store.forSchool(schoolId);
      const children: NamedChild[] = [];
      for (const summary of await repository.list()) {
        const { record } = await repository.get(summary.id);
        if (record.learner) children.push({ id: record.id, name: record.learner.name });
        for (const other of record.otherChildren) children.push({ id: other.id, name: other.name });
      }
      return children;
    },
  };
}

export const NAME_REMINDER =
  'A gentle reminder: this message seems to name a child. In channels, please refer to children by ' +
  'their case reference only, and delete this message (I can’t delete it for you). The record itself ' +
  'is the place for names.';

export interface NameReminderOptions {
  names: ChildNameSource;
  access: SchoolAccess;
  logger: Logger;
  /** How long a school's matcher is reused before its names are read again. */
  refreshSeconds?: number;
  maxSchools?: number;
  now?: () => number;
}

/**
 * Notices a member's own channel message that names a child the school has a record of, and replies
 * in its thread asking them to use the case reference and delete the message. The reply never repeats
 * the name, and nothing about the match is logged beyond the fact of it. Only a member of the school's
 * safeguarding team, in that team's channel, is answered: anyone else would learn from the reminder
 * that the school holds a record about that child. Group chats are left alone for the same reason —
 * their members are not the team's to decide.
 */
export class NameReminder {
  private readonly matchers: ExpiringCache<NameMatcher>;
  private readonly refreshMs: number;
  private readonly now: () => number;

  constructor(private readonly options: NameReminderOptions) {
    this.now = options.now ?? Date.now;
    this.refreshMs = (options.refreshSeconds ?? 60) * 1000;
    this.matchers = new ExpiringCache(options.maxSchools ?? 200, this.now);
  }

  /** Sends the reminder when due; true if it did. Never throws: a failed check must not stop a command. */
  async check(context: TurnContext): Promise<boolean> {
    const { activity } = context;
    if (turnInfo(activity).scope !== 'channel' || !activity.text) return false;
    try {
      const decision = await this.options.access.decide(context);
      if (!decision.allowed) return false;
      const matcher = await this.matcherFor(decision.schoolId);
      if (matcher.find(activity.text).length === 0) return false;
      // The turn's conversation is the message's thread, and the reply is addressed to the message.
      await context.sendActivity({ type: 'message', text: NAME_REMINDER, textFormat: 'plain' });
      this.options.logger.info({ scope: 'channel' }, 'name reminder sent');
      return true;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      this.options.logger.warn({ code: typeof code === 'string' ? code : 'UNKNOWN' }, 'name check failed');
      return false;
    }
  }

  private matcherFor(schoolId: string): Promise<NameMatcher> {
    return this.matchers.getOrLoad(schoolId, async () => ({
      value: createNameMatcher(await this.options.names.childNames(schoolId)),
      expiresAt: this.now() + this.refreshMs,
    }));
  }
}
