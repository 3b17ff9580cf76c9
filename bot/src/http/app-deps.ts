import type {
  Clock,
  AssessmentStore,
  ContentLibrary,
  DocumentArchiveStore,
  PeopleDirectory,
} from '../../../core/index.js';
import type { GraphTokenService } from '../auth/graph-token-service.js';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { Notifications } from '../notify/notifications.js';
import type { Authenticator, Caller } from './authenticator.js';

/** What the HTTP layer needs, built by the composition root (bot/src/index.ts) or by a test. */
export interface AppDeps {
  config: AppConfig;
  logger: Logger;
  store: AssessmentStore;
  authenticator: Authenticator;
  /** Microsoft 365 mode: Graph tokens for the caller (on-behalf-of) or the app; absent in local mode. */
  tokens?: GraphTokenService;
  clock: Clock;
  version: string;
  /** The validated resource pack, loaded once at start-up (bot/src/content/load-content.ts). */
  content: ContentLibrary;
  /** Handles a Bot Framework activity POSTed to /api/messages. */
  processActivity: (req: import('restify').Request, res: import('restify').Response) => Promise<void>;
  /** Where generated documents are also kept (the team's SharePoint library in Microsoft 365 mode). */
  documentArchive?: DocumentArchiveStore;
  /** Tells owners of actions given to them (Teams in Microsoft 365, the outbox in local mode). */
  notifications?: Notifications;
  /** The staff a caller may give an action to (Graph in Microsoft 365, a local list otherwise). */
  people?: (caller: Caller) => PeopleDirectory;
}
