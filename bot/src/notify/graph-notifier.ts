import {
  AccessDeniedError,
  NotFoundError,
  ownerIdKind,
  RateLimitedError,
  type ActionNotice,
} from '../../../core/index.js';
import { createGraphClient, toDomainError, type RetryPolicy } from '../../../storage/sharepoint/index.js';
import type { GraphTokenService } from '../auth/graph-token-service.js';
import { NotDelivered, type Delivery, type NotificationSink } from './notifications.js';

/** The activity type declared in the Teams app manifest (`activities.activityTypes`). */
export const ACTION_ASSIGNED = 'actionAssigned';

export interface GraphNotifierOptions {
  tokens: Pick<GraphTokenService, 'forApp'>;
  graphBaseUrl: string;
  product: string;
  retry?: Partial<RetryPolicy>;
}

/** The body of `sendActivityNotification` for a notice: the case reference and the due date only. */
export function activityNotification(notice: ActionNotice, webUrl: string): Record<string, unknown> {
  return {
    topic: { source: 'text', value: notice.caseRef, webUrl },
    activityType: ACTION_ASSIGNED,
    previewText: { content: notice.text },
    templateParameters: [{ name: 'caseRef', value: notice.caseRef }],
  };
}

/**
 * Teams activity-feed notifications through Graph (`POST /users/{id}/teamwork/sendActivityNotification`),
 * sent as the app (application permission TeamsActivity.Send) on the one Graph client, which waits
 * out 429s and their Retry-After. Teams shows them only to a user who has the app installed: Graph
 * refuses the others (403), and an id that is no user of the tenant (404).
 */
export class GraphActivityNotifier implements NotificationSink {
  constructor(private readonly options: GraphNotifierOptions) {}

  async deliver(notice: ActionNotice, delivery: Delivery): Promise<void> {
    if (ownerIdKind(notice.to.id) !== 'entra') throw new NotDelivered('NOTIFY_NOT_A_TENANT_USER');
    if (!delivery.tenantId) throw new NotDelivered('NOTIFY_NO_TENANT');
    const tenantId = delivery.tenantId;
    const client = createGraphClient({
      baseUrl: this.options.graphBaseUrl,
      product: this.options.product,
      getAccessToken: () => this.options.tokens.forApp(tenantId),
      ...(this.options.retry ? { retry: this.options.retry } : {}),
    });
    try {
      await client
        .api(`/users/${encodeURIComponent(notice.to.id)}/teamwork/sendActivityNotification`)
        .post(activityNotification(notice, delivery.link));
    } catch (error) {
      const domain = toDomainError(error);
      if (domain instanceof AccessDeniedError) throw new NotDelivered('NOTIFY_APP_NOT_INSTALLED');
      if (domain instanceof NotFoundError) throw new NotDelivered('NOTIFY_UNKNOWN_USER');
      if (domain instanceof RateLimitedError) throw new NotDelivered('NOTIFY_THROTTLED');
      throw new NotDelivered(`NOTIFY_${domain.code}`);
    }
  }
}
