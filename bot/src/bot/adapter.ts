import {
  CloudAdapter,
  type Activity,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { allowedTenantIds } from './safeguarding-teams.js';
import { StrictBotFrameworkAuthentication } from './strict-bot-framework-authentication.js';

export const TURN_ERROR_REPLY = 'Sorry, something went wrong on my side. Please try again in a moment.';

/** Public-cloud Bot Framework endpoints, spelt out because naming any one of them means naming all. */
const PUBLIC_CLOUD = {
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  CallerId: 'urn:botframework:azure',
};

/** CloudAdapter with its inbound pipeline reachable, so that the HTTP glue can be our own. */
export class HsbCloudAdapter extends CloudAdapter {
  processInbound(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(authHeader, activity, logic);
  }
}

export interface BotAdapterOverrides {
  /** Outbound credentials; tests pass one that signs without reaching Entra. */
  credentialsFactory?: ServiceClientCredentialsFactory;
}

/**
 * Local mode: no app id, so the adapter accepts unauthenticated activities from the Agents Playground
 * or Bot Framework Emulator on loopback. Microsoft 365 mode: single-tenant bot credentials; every inbound
 * activity must carry a valid Bot Connector token and come from an allowed tenant.
 */
export function createBotAdapter(
  config: AppConfig,
  logger: Logger,
  overrides: BotAdapterOverrides = {},
): HsbCloudAdapter {
  const auth =
    config.mode === 'local'
      ? new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '' })
      : new StrictBotFrameworkAuthentication(
          {
            MicrosoftAppId: config.BOT_ID,
            MicrosoftAppTenantId: config.BOT_TENANT_ID,
            MicrosoftAppType: 'SingleTenant',
            ...(config.BOT_OPENID_METADATA_URL
              ? {
                  ...PUBLIC_CLOUD,
                  ToChannelFromBotLoginUrl: `https://login.microsoftonline.com/${config.BOT_TENANT_ID}`,
                  ToBotFromChannelOpenIdMetadataUrl: config.BOT_OPENID_METADATA_URL,
                  ToBotFromEmulatorOpenIdMetadataUrl: config.BOT_OPENID_METADATA_URL,
                }
              : {}),
          },
          overrides.credentialsFactory ??
            new ConfigurationServiceClientCredentialFactory({
              MicrosoftAppId: config.BOT_ID,
              MicrosoftAppPassword: config.SECRET_BOT_PASSWORD,
              MicrosoftAppType: 'SingleTenant',
              MicrosoftAppTenantId: config.BOT_TENANT_ID,
            }),
        ).withAllowedTenants(allowedTenantIds(config));
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
