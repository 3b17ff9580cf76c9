import type { Activity, TurnContext } from 'botbuilder';
import { AuthenticationError as ConnectorAuthenticationError } from 'botframework-connector';
import type { Request, Response } from 'restify';
import { AuthenticationError } from '../../../core/index.js';
import { HttpError } from '../http/errors.js';
import type { HsbCloudAdapter } from './adapter.js';

function isActivity(body: unknown): body is Activity {
  return (
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    typeof (body as { type?: unknown }).type === 'string' &&
    (body as { type: string }).type.length > 0
  );
}

/**
 * The HTTP side of /api/messages. CloudAdapter.process would do this too, but it writes errors to the
 * console and returns raw library messages (even network errors) to the caller; here every failure
 * goes through the app's error mapping instead, and a rejected token is always a 401.
 */
export function activityEndpoint(adapter: HsbCloudAdapter, logic: (context: TurnContext) => Promise<void>) {
  return async (req: Request, res: Response): Promise<void> => {
    const activity: unknown = req.body;
    if (!isActivity(activity)) {
      throw new HttpError(400, 'INVALID_ACTIVITY', 'The body is not a Bot Framework activity.');
    }
    const header = req.headers.authorization;
    const authHeader = typeof header === 'string' ? header : '';
    let invokeResponse;
    try {
      invokeResponse = await adapter.processInbound(authHeader, activity, logic);
    } catch (error) {
      if (error instanceof ConnectorAuthenticationError) {
        throw new AuthenticationError(
          'BOT_UNAUTHENTICATED',
          'The request is not from an authorised Bot Framework channel.',
        );
      }
      throw error;
    }
    const status = invokeResponse?.status ?? 200;
    if (invokeResponse?.body !== undefined) {
      res.send(status, invokeResponse.body);
    } else {
      res.status(status);
      res.end();
    }
  };
}
