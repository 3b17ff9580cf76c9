import {
  CloudAdapter,
  type Activity,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logger.js';

export const TURN_ERROR_REPLY = 'Sorry, something went wrong on my side. Please try again in a moment.';

/**
 * Local mode: no app id, so the adapter accepts unauthenticated activities from the Agents Playground
 * or Bot Framework Emulator on loopback. Microsoft 365 mode: single-tenant bot credentials, and every
 * inbound activity must carry a valid Bot Connector token.
 */
/** CloudAdapter with its inbound pipeline reachable, so that the HTTP glue can be our own. */
export class HsbCloudAdapter extends CloudAdapter {
  processInbound(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(authHeader, activity, logic);
  }
}

export function createBotAdapter(config: AppConfig, logger: Logger): HsbCloudAdapter {
  const auth =
    config.mode === 'local'
      ? new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '' })
      : new ConfigurationBotFrameworkAuthentication(
          {
            MicrosoftAppId: config.BOT_ID,
            MicrosoftAppTenantId: config.BOT_TENANT_ID,
            MicrosoftAppType: 'SingleTenant',
          },
          new ConfigurationServiceClientCredentialFactory({
            MicrosoftAppId: config.BOT_ID,
            MicrosoftAppPassword: config.SECRET_BOT_PASSWORD,
            MicrosoftAppType: 'SingleTenant',
            MicrosoftAppTenantId: config.BOT_TENANT_ID,
          }),
        );
  const adapter = new HsbCloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    logger.error(
      { err: error, channelId: context.activity.channelId, activityType: context.activity.type },
      'bot turn failed',
    );
    try {
      await context.sendActivity(TURN_ERROR_REPLY);
    } catch (sendError) {
      // The channel itself is unreachable; the failure is already logged above.
      logger.warn({ err: sendError }, 'could not tell the user about a failed turn');
    }
  };
  return adapter;
}
