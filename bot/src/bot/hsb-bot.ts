import { ActivityHandler, TurnContext } from 'botbuilder';

export interface HsbBotOptions {
  /** Where staff open the assessments tab; a function because the address is known only once listening. */
  tabUrl: () => string;
}

/** Words a command is made of: the bot's own mention removed, punctuation and case ignored. */
export function commandWords(context: TurnContext): string[] {
  const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

const GREETINGS = new Set(['help', 'hi', 'hello', 'hey']);

/** The foundation's bot: it answers `help`. The full command set is issue #6. */
export class HsbBot extends ActivityHandler {
  constructor(private readonly options: HsbBotOptions) {
    super();
    this.onMessage(async (context, next) => {
      const words = commandWords(context);
      if (words.length === 0 || GREETINGS.has(words[0]!)) {
        await context.sendActivity(this.helpText());
      } else {
        await context.sendActivity("I didn't catch that. Type **help** to see what I can do.");
      }
      await next();
    });
  }

  helpText(): string {
    return [
      'I help your safeguarding team respond to harmful sexual behaviour between children, using the HSB resource pack.',
      '',
      '- **help**: what I can do',
      '- **ask** _your question_: answers from the HSB FAQ, with sources',
      '- **new assessment**: start a risk assessment (I only ever show its case reference here)',
      '- **reviews**: assessments whose review is due',
      '- **classify**: think through where a behaviour sits on Hackett’s continuum',
      '',
      `Open the assessments tab: ${this.options.tabUrl()}`,
      '',
      'I never show a child’s name in a channel. Decisions stay with your DSL.',
    ].join('\n');
  }
}
