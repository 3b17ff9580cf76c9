import type { ConversationReference, Storage } from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Request, Response } from 'restify';
import { schoolServices, type AssessmentStore, type Clock } from '../../../core/index.js';
import type { AppConfig } from '../config.js';
import { LOCAL_SCHOOL_ID } from '../http/authenticator.js';
import type { Logger } from '../logger.js';
import { activityEndpoint } from './activity-endpoint.js';
import { createBotAdapter, type HsbCloudAdapter } from './adapter.js';
import { BotActions, dueReviews } from './bot-actions.js';
import { createBotStorage } from './bot-storage.js';
import { deepLinks } from './deep-links.js';
import type { FaqAnswers } from './faq-answers.js';
import type { HackettGuide } from './hackett-guide.js';
import { HsbBot } from './hsb-bot.js';
import { InstallationRegistry, type Installation } from './installation-registry.js';
import { ReviewDigest } from './review-digest.js';
import type { Authorisation } from '../auth/authorisation.js';
import { schoolIdOf } from '../auth/school-id.js';
import { allowedTenantIds, safeguardingTeamIds } from './safeguarding-teams.js';
import { storedChildNames, NameReminder, type ChildNameSource } from './name-reminder.js';
import { LocalSchoolAccess, TeamsSchoolAccess, type TeamDirectory } from './school-access.js';

export interface TeamsBotDeps {
  config: AppConfig;
  logger: Logger;
  store: AssessmentStore;
  clock: Clock;
  faq: FaqAnswers;
  hackett: HackettGuide;
  /** The app's public address; read on use, because with PORT=0 it is known only once listening. */
  publicBaseUrl: () => string;
  /** Microsoft 365 mode: the access decision the API uses too (auth/authorisation.ts). */
  authorisation?: Authorisation;
}

/** Seams for tests: the Bot Connector's credentials and directory, and the state store. */
export interface TeamsBotOverrides {
  storage?: Storage;
  credentialsFactory?: ServiceClientCredentialsFactory;
  teamDirectory?: TeamDirectory;
  invokeDeadlineMs?: number;
  /** Where the names the bot watches for come from (the school's assessment records unless given). */
  childNames?: ChildNameSource;
}

export interface TeamsBot {
  /** The /api/messages handler. */
  processActivity(req: Request, res: Response): Promise<void>;
  registry: InstallationRegistry;
  reminders: ReviewDigest;
  adapter: HsbCloudAdapter;
  /** Starts the reminder schedule (when configured); `stop` ends it. */
  start(): void;
  stop(): void;
}

/** Wires the Teams bot: adapter, state, access rules, actions, reminders. */
export function createTeamsBot(deps: TeamsBotDeps, overrides: TeamsBotOverrides = {}): TeamsBot {
  const { config, logger, store, clock } = deps;
  const botLogger = logger.child({ component: 'bot' });
  const adapter = createBotAdapter(config, botLogger, {
    ...(overrides.credentialsFactory ? { credentialsFactory: overrides.credentialsFactory } : {}),
  });
  const registry = new InstallationRegistry(overrides.storage ?? createBotStorage(config));
  const links = deepLinks(config, deps.publicBaseUrl);
  const access =
    config.mode === 'local'
      ? new LocalSchoolAccess()
      : new TeamsSchoolAccess({
          authorisation: deps.authorisation ?? missingAuthorisation(),
          registry,
          ...(overrides.teamDirectory ? { directory: overrides.teamDirectory } : {}),
        });
  const actions = new BotActions({
    faq: deps.faq,
    hackett: deps.hackett,
    links,
    access,
    store,
    clock,
    logger: botLogger,
  });
  const nameReminder = new NameReminder({
    names: overrides.childNames ?? storedChildNames(store),
    access,
    logger: botLogger,
  });
  const bot = new HsbBot({
    actions,
    registry,
    clock,
    logger: botLogger,
    nameReminder,
    ...(overrides.invokeDeadlineMs ? { invokeDeadlineMs: overrides.invokeDeadlineMs } : {}),
  });

  const tenants = allowedTenantIds(config);
  const teams = safeguardingTeamIds(config);
  const schoolFor = (installation: Installation): string | null => {
    if (config.mode === 'local') return LOCAL_SCHOOL_ID;
    const tenant = installation.tenantId?.toLowerCase();
    const group = installation.teamAadGroupId?.toLowerCase();
    if (!tenant || !group || !tenants.includes(tenant) || !teams.includes(group)) return null;
    return schoolIdOf(tenant, group);
  };
  const botAppId = config.mode === 'm365' ? config.BOT_ID : '';
  const reminders = new ReviewDigest({
    registry,
    schoolFor,
    async dueReviews(schoolId, withinDays) {
      const services = schoolServices(store, {
        schoolId,
        actor: { id: 'review-digest', kind: 'app' },
        callerName: 'HSB assistant (review reminders)',
        clock,
      });
      return { today: services.plans.today(), items: await dueReviews(services, withinDays) };
    },
    async lateTransfers(schoolId) {
      const { records } = schoolServices(store, {
        schoolId,
        actor: { id: 'review-digest', kind: 'app' },
        callerName: 'HSB assistant (review reminders)',
        clock,
      });
      return records ? (await records.awaitingReceipt()).filter((t) => t.overdue).length : 0;
    },
    async overdueActions(schoolId) {
      const { actions } = schoolServices(store, {
        schoolId,
        actor: { id: 'review-digest', kind: 'app' },
        callerName: 'HSB assistant (review reminders)',
        clock,
      });
      return actions.overdueCount();
    },
    async post(installation, cards) {
      const reference: Partial<ConversationReference> = {
        channelId: installation.channelId,
        serviceUrl: installation.serviceUrl,
        bot: { id: installation.botId, name: '' },
        conversation: {
          id: installation.conversationId,
          isGroup: installation.scope !== 'personal',
          conversationType: installation.scope,
          name: '',
          ...(installation.tenantId ? { tenantId: installation.tenantId } : {}),
        },
      };
      await adapter.continueConversationAsync(botAppId, reference, async (context) => {
        // A new post in the channel, not a reply to the made-up id of the continuation activity.
        context.onSendActivities(async (_ctx, activities, next) => {
          for (const activity of activities) delete activity.replyToId;
          return next();
        });
        await context.sendActivity({ type: 'message', attachments: cards });
      });
    },
    links,
    clock,
    logger: botLogger,
    hour: config.REVIEW_DIGEST_HOUR === 'off' ? 0 : config.REVIEW_DIGEST_HOUR,
  });

  return {
    processActivity: activityEndpoint(adapter, (context) => bot.run(context)),
    registry,
    reminders,
    adapter,
    start: () => {
      if (config.REVIEW_DIGEST_HOUR !== 'off') reminders.start();
    },
    stop: () => reminders.stop(),
  };
}

function missingAuthorisation(): never {
  throw new Error('Microsoft 365 mode needs the shared authorisation for the bot.');
}
