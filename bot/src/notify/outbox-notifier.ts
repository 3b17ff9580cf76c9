import { randomUUID } from 'node:crypto';
import { ACTION_ASSIGNED } from './graph-notifier.js';
import type { ActionNotice, Clock, OutboxStore } from '../../../core/index.js';
import type { Delivery, NotificationSink } from './notifications.js';

/**
 * Local mode's notifications: each is written to the school's outbox instead of Teams, where
 * GET /api/notifications/outbox shows it. Kept in the SQLite store, so it survives a restart.
 */
export class OutboxNotifier implements NotificationSink {
  constructor(
    private readonly store: OutboxStore,
    private readonly clock: Clock,
    private readonly newId: () => string = randomUUID,
  ) {}

  async deliver(notice: ActionNotice, delivery: Delivery): Promise<void> {
    await this.store.outboxFor(delivery.schoolId).add({
      id: this.newId(),
      to: notice.to,
      caseRef: notice.caseRef,
      activityType: ACTION_ASSIGNED,
      text: notice.text,
      createdAt: this.clock.now().toISOString(),
      link: delivery.link,
    });
  }
}
