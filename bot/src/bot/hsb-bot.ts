import { ActivityHandler, type InvokeResponse, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { dateInZone, type Clock } from '../../../core/index.js';
import type { Logger } from '../logger.js';
import type { BotActions, Reply } from './bot-actions.js';
import { noticeCard } from './cards/notice-card.js';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './cards/render-card.js';
import { parseCommand, stripOwnMention } from './command-parser.js';
import { installationKey, type Installation, type InstallationRegistry } from './installation-registry.js';
import type { NameReminder } from './name-reminder.js';
import { turnInfo } from './turn-info.js';

/** Teams gives an invoke five seconds; answering a little earlier leaves room for the network. */
export const INVOKE_DEADLINE_MS = 4_000;

const SLOW_REPLY =
  'That is taking longer than usual. If you started a case or an assessment, check the assessments tab before trying again.';

const STALE_BUTTON =
  'That button is from an older message and no longer does anything. Type **help** to start again.';

const adaptiveCardAction = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().max(64),
    data: z.unknown().optional(),
  }),
});

/** Every Action.Execute verb the bot's cards use; each one is answered in `answerAction`. */
export const CARD_VERBS = [
  'help.show',
  'case.new',
  'assessment.new',
  'reviews.list',
  'classify.start',
  'classify.place',
  'faq.full',
  'faq.show',
] as const;

const faqData = z.object({ faqId: z.string().regex(/^faq\.[a-z0-9-]{1,100}$/) });

export interface HsbBotOptions {
  actions: BotActions;
  registry: InstallationRegistry;
  clock: Clock;
  logger: Logger;
  invokeDeadlineMs?: number;
  /** Reminds a member who names a child in a channel to use the case reference instead. */
  nameReminder?: NameReminder;
}

/**
 * The Teams bot: commands typed in a channel (with an @mention), a group chat or a 1:1 chat; Universal
 * Actions from its cards; and install events, which keep the conversation references reminders need.
 * No per-conversation state is kept on the object: what must survive is in the registry.
 */
export class HsbBot extends ActivityHandler {
  constructor(private readonly options: HsbBotOptions) {
    super();
    this.onMessage(async (context, next) => {
      await this.answerMessage(context);
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (botId && context.activity.membersAdded?.some((m) => m.id === botId)) await this.installed(context);
      if (botId && context.activity.membersRemoved?.some((m) => m.id === botId))
        await this.uninstalled(context);
      await next();
    });
    this.onInstallationUpdate(async (context, next) => {
      const action = context.activity.action ?? '';
      if (action.startsWith('add')) await this.installed(context);
      if (action.startsWith('remove')) await this.uninstalled(context);
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const parsed = adaptiveCardAction.safeParse(context.activity.value);
    const reply = parsed.success
      ? await withDeadline(
          this.answerAction(context, parsed.data.action.verb, parsed.data.action.data),
          this.options.invokeDeadlineMs ?? INVOKE_DEADLINE_MS,
          { text: SLOW_REPLY },
        )
      : { text: STALE_BUTTON };
    const card = 'card' in reply ? reply.card : noticeCard(reply.text);
    return { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card.content } };
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    await this.options.nameReminder?.check(context);
    // With the channel-message permission Teams delivers every channel message, not only those that
    // @mention the bot; only the latter are commands.
    if (turnInfo(activity).scope === 'channel' && !mentionsBot(activity)) return;
    const text = stripOwnMention(activity.text, activity.entities, activity.recipient?.id);
    const command = parseCommand(text);
    this.options.logger.info({ command: command.kind, scope: turnInfo(activity).scope }, 'bot command');
    const { actions } = this.options;
    let reply: Reply;
    switch (command.kind) {
      case 'help':
        reply = actions.help();
        break;
      case 'ask':
        reply = actions.ask(command.question);
        break;
      case 'new-case':
        reply = await actions.newCase(context);
        break;
      case 'new-assessment':
        reply = await actions.newAssessment(context);
        break;
      case 'reviews':
        reply = await actions.reviews(context);
        break;
      case 'classify':
        reply = actions.classifyForm();
        break;
      case 'unknown':
        reply = actions.unknown(command.suggestion);
        break;
    }
    await send(context, reply);
  }

  private async answerAction(context: TurnContext, verb: string, data: unknown): Promise<Reply> {
    const { actions } = this.options;
    const known = (CARD_VERBS as readonly string[]).includes(verb);
    this.options.logger.info(
      { verb: known ? verb : 'unknown', scope: turnInfo(context.activity).scope },
      'bot card action',
    );
    switch (verb) {
      case 'help.show':
        return actions.help();
      case 'case.new':
        return actions.newCase(context);
      case 'assessment.new':
        return actions.newAssessment(context);
      case 'reviews.list':
        return actions.reviews(context);
      case 'classify.start':
        return actions.classifyForm();
      case 'classify.place':
        return actions.classify(data);
      case 'faq.full':
      case 'faq.show': {
        const faq = faqData.safeParse(data);
        return faq.success ? actions.faq(faq.data.faqId, verb === 'faq.full') : { text: STALE_BUTTON };
      }
      default:
        return { text: STALE_BUTTON };
    }
  }

  private async installed(context: TurnContext): Promise<void> {
    const { activity } = context;
    const turn = turnInfo(activity);
    const installation: Installation = {
      key: installationKey(turn.scope, turn),
      scope: turn.scope,
      conversationId:
        turn.scope === 'channel' ? (turn.channelId ?? turn.conversationId) : turn.conversationId,
      serviceUrl: activity.serviceUrl,
      channelId: activity.channelId,
      botId: activity.recipient.id,
      ...(turn.tenantId ? { tenantId: turn.tenantId } : {}),
      ...(turn.teamId ? { teamId: turn.teamId } : {}),
      ...(turn.teamAadGroupId ? { teamAadGroupId: turn.teamAadGroupId } : {}),
      installedOn: dateInZone(this.options.clock.now()),
    };
    const isNew = await this.options.registry.add(installation);
    this.options.logger.info({ scope: turn.scope, isNew }, 'bot installed');
    if (isNew) await send(context, this.options.actions.help(true));
  }

  private async uninstalled(context: TurnContext): Promise<void> {
    const turn = turnInfo(context.activity);
    const removed = await this.options.registry.remove(installationKey(turn.scope, turn));
    this.options.logger.info({ scope: turn.scope, removed }, 'bot uninstalled');
  }
}

async function send(context: TurnContext, reply: Reply): Promise<void> {
  if ('card' in reply) await context.sendActivity({ type: 'message', attachments: [reply.card] });
  else await context.sendActivity({ type: 'message', text: reply.text, textFormat: 'markdown' });
}

function withDeadline<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function mentionsBot(activity: TurnContext['activity']): boolean {
  const botId = activity.recipient?.id;
  return (
    botId !== undefined &&
    (activity.entities ?? []).some(
      (e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === botId,
    )
  );
}
