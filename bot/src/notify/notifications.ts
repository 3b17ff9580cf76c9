import type { ActionNotice, ActionNotifier } from '../../../core/index.js';
import type { Logger } from '../logger.js';

/** Why a notification was not delivered, as the log's code (e.g. `NOTIFY_APP_NOT_INSTALLED`). */
export class NotDelivered extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = 'NotDelivered';
  }
}

/** Where and how one notice goes: the school, its tenant (Microsoft 365) and the link to the plan. */
export interface Delivery {
  schoolId: string;
  tenantId?: string;
  link: string;
}

/** Delivers one notice (Teams through Graph, or local mode's outbox). Rejects when it could not. */
export interface NotificationSink {
  deliver(notice: ActionNotice, delivery: Delivery): Promise<void>;
}

export interface NotificationsOptions {
  sink: NotificationSink;
  logger: Logger;
  /** The link to a plan in the tab: a Teams deep link in Microsoft 365, the local tab otherwise. */
  planLink: (assessmentId: string) => string;
}

/**
 * Sends notices after the save that caused them, without the save waiting: a slow or failing Graph
 * can never slow or fail a save. Each failure is logged with its code and the plan's id, never with
 * the notice's words or a name. `settled` lets tests and shutdown wait for what is in flight.
 */
export class Notifications {
  private readonly pending = new Set<Promise<void>>();
  private readonly logger: Logger;

  constructor(private readonly options: NotificationsOptions) {
    this.logger = options.logger.child({ component: 'notifications' });
  }

  /** The notifier a plan save uses, for the school the caller acts on. */
  forSchool(schoolId: string, tenantId?: string): ActionNotifier {
    return {
      actionsAssigned: (notices) => {
        for (const notice of notices) {
          this.track(
            this.send(notice, {
              schoolId,
              ...(tenantId ? { tenantId } : {}),
              link: this.options.planLink(notice.assessmentId),
            }),
          );
        }
      },
    };
  }

  /** Resolves once every notice sent so far has been delivered or has failed. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private track(sending: Promise<void>): void {
    this.pending.add(sending);
    void sending.finally(() => this.pending.delete(sending));
  }

  private async send(notice: ActionNotice, delivery: Delivery): Promise<void> {
    try {
      await this.options.sink.deliver(notice, delivery);
      this.logger.info(
        { assessmentId: notice.assessmentId, code: 'NOTIFY_SENT' },
        'action notification sent',
      );
    } catch (error) {
      const code = error instanceof NotDelivered ? error.code : 'NOTIFY_FAILED';
      this.logger.warn({ assessmentId: notice.assessmentId, code }, 'action notification not delivered');
    }
  }
}
