/**
 * One way to render record text for an audience that must not learn who another child is: the
 * meeting stage, the parents' document, the referral draft. Names typed by hand and mention tokens
 * are both handled, with one matcher built per record, and the replacements are counted so that a
 * document can say truthfully what it left out.
 */
import { createNameMatcher, type NamedChild } from './name-matcher.js';
import { mentionedChildIds, renderMentions } from './mentions.js';

export interface RedactorOptions {
  /** Children who must not be named: their names (any form) and mentions are replaced. */
  others: readonly NamedChild[];
  /**
   * The child the text is about, if this audience may see their name: parts of it that another child
   * shares (a sibling's surname) are kept, and a mention of them shows their name.
   */
  own?: { id?: string; name: string };
  /**
   * What a name or mention of another child becomes: one wording ("another child"), or per child
   * (the case's pseudonym) — called with the id of a child in `others`, or of a mentioned child
   * who is not, for whom it must still answer something that names no one.
   */
  replacement: string | ((childId: string) => string);
}

export interface Redactor {
  /** The text with every name and mention of another child replaced. */
  redact(text: string): string;
  /** Whether the text names or mentions another child: such a line is left out, not rewritten. */
  mentionsOther(text: string): boolean;
  /** How many names and mentions `redact` has replaced so far. */
  readonly replaced: number;
}

export function createRedactor(options: RedactorOptions): Redactor {
  const { own } = options;
  const replacement =
    typeof options.replacement === 'string' ? constant(options.replacement) : options.replacement;
  const matcher = createNameMatcher(options.others, own ? { keep: [own.name] } : {});
  let replaced = 0;
  const renderMention = (id: string): string => {
    if (own?.id !== undefined && id === own.id) return own.name;
    replaced++;
    return replacement(id);
  };
  return {
    redact(text) {
      const named = matcher.replace(text, (id) => {
        replaced++;
        return replacement(id);
      });
      return renderMentions(named, renderMention);
    },
    mentionsOther(text) {
      return matcher.find(text).length > 0 || mentionedChildIds(text).some((id) => id !== own?.id);
    },
    get replaced() {
      return replaced;
    },
  };
}

function constant(text: string): (childId: string) => string {
  return () => text;
}
