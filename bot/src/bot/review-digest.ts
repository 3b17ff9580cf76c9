import type { Attachment } from 'botbuilder';
import { dateInZone, SCHOOL_TIME_ZONE, type Clock, type IsoDate } from '../../../core/index.js';
import type { Logger } from '../logger.js';
import { reviewsCard, type DueReview } from './cards/reviews-card.js';
import { overdueActionsCard } from './cards/overdue-actions-card.js';
import { transferReminderCard } from './cards/transfer-reminder-card.js';
import type { DeepLinks } from './deep-links.js';
import type { Installation, InstallationRegistry } from './installation-registry.js';

/** The digest looks a week ahead (overdue included). */
export const DIGEST_WINDOW_DAYS = 7;

/** How often the scheduler looks at the clock; a restart posts the day's digest within this time. */
export const DIGEST_CHECK_INTERVAL_MS = 15 * 60_000;

export interface ReviewDigestOptions {
  registry: InstallationRegistry;
  /** The school whose records an installation may see, or null when it is not a safeguarding channel. */
  schoolFor(installation: Installation): string | null;
  dueReviews(schoolId: string, withinDays: number): Promise<{ today: IsoDate; items: DueReview[] }>;
  /** How many child-protection file transfers have had no receipt for five school days. */
  lateTransfers?(schoolId: string): Promise<number>;
  /** How many actions in open plans are past their due date and not in place. */
  overdueActions?(schoolId: string): Promise<number>;
  /** One message with these cards. */
  post(installation: Installation, cards: Attachment[]): Promise<void>;
  links: DeepLinks;
  clock: Clock;
  logger: Logger;
  /** Local hour (school time) from which the day's digest is posted. */
  hour: number;
  timeZone?: string;
}

export interface DigestRun {
  posted: number;
  empty: number;
  failed: number;
}

/**
 * Posts each installed safeguarding channel a card of the reviews due within a week (and of file
 * transfers still awaiting receipt, and the count of overdue actions), on school days
 * (Monday to Friday) from `hour`. At most once a day per channel, across restarts and instances: the day
 * is claimed in the registry (an ETag-checked write) before posting, and given back if the post fails.
 */
export class ReviewDigest {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<DigestRun> | undefined;

  constructor(private readonly options: ReviewDigestOptions) {}

  start(intervalMs: number = DIGEST_CHECK_INTERVAL_MS): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.runOnce().catch((error: unknown) =>
        this.options.logger.error({ err: error }, 'review digest failed'),
      );
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One pass over every installation; overlapping calls share the pass in progress. */
  runOnce(): Promise<DigestRun> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<DigestRun> {
    const run: DigestRun = { posted: 0, empty: 0, failed: 0 };
    const now = this.options.clock.now();
    const zone = this.options.timeZone ?? SCHOOL_TIME_ZONE;
    const { hour, weekday } = localTime(now, zone);
    if (weekday === 'Sat' || weekday === 'Sun' || hour < this.options.hour) return run;
    const today = dateInZone(now, zone);

    for (const installation of await this.options.registry.list()) {
      if (installation.scope !== 'channel') continue;
      const schoolId = this.options.schoolFor(installation);
      if (!schoolId) continue;
      const claim = await this.options.registry.claimDigest(installation.key, today);
      if (!claim.claimed) continue;
      try {
        const due = await this.options.dueReviews(schoolId, DIGEST_WINDOW_DAYS);
        const late = (await this.options.lateTransfers?.(schoolId)) ?? 0;
        const overdue = (await this.options.overdueActions?.(schoolId)) ?? 0;
        if (due.items.length === 0 && late === 0 && overdue === 0) {
          run.empty++;
          continue;
        }
        const cards: Attachment[] = [];
        if (due.items.length > 0) {
          cards.push(
            reviewsCard({
              items: due.items,
              today: due.today,
              withinDays: DIGEST_WINDOW_DAYS,
              linkFor: (id) => this.options.links.assessment(id),
              tabUrl: this.options.links.tab(),
              digest: true,
            }),
          );
        }
        if (late > 0) cards.push(transferReminderCard({ count: late, tabUrl: this.options.links.tab() }));
        if (overdue > 0) cards.push(overdueActionsCard({ count: overdue, tabUrl: this.options.links.tab() }));
        await this.options.post(installation, cards);
        run.posted++;
      } catch (error) {
        run.failed++;
        this.options.logger.warn(
          { err: error, scope: installation.scope },
          'review digest not posted; will retry',
        );
        await this.options.registry.releaseDigest(installation.key, today, claim.previous);
      }
    }
    if (run.posted || run.failed) this.options.logger.info({ ...run }, 'review digest');
    return run;
  }
}

function localTime(instant: Date, timeZone: string): { hour: number; weekday: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    hourCycle: 'h23',
    weekday: 'short',
  }).formatToParts(instant);
  return {
    hour: Number(parts.find((p) => p.type === 'hour')?.value ?? 0),
    weekday: parts.find((p) => p.type === 'weekday')?.value ?? '',
  };
}
