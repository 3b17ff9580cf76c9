import { Field, makeStyles, tokens } from '@fluentui/react-components';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { LanguageGuide } from '../api/content-types';
import { MentionTextarea } from '../editor/mention-textarea';
import { hintMatcher, type HintMatcher, type LanguageHint } from './language-hints';

const MatcherContext = createContext<HintMatcher>(() => []);

export function LanguageGuideProvider({
  guide,
  children,
}: {
  guide: LanguageGuide | null;
  children: ReactNode;
}) {
  const matcher = useMemo(() => hintMatcher(guide), [guide]);
  return <MatcherContext.Provider value={matcher}>{children}</MatcherContext.Provider>;
}

const useStyles = makeStyles({
  hints: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    listStyleType: 'none',
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteMarigoldBorderActive}`,
    backgroundColor: tokens.colorPaletteMarigoldBackground1,
    color: tokens.colorNeutralForeground1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

export function LanguageHints({ hints }: { hints: readonly LanguageHint[] }) {
  const styles = useStyles();
  if (hints.length === 0) return null;
  return (
    <ul className={styles.hints} aria-label="Language suggestions" data-testid="language-hints">
      {hints.map(({ term, found }) => (
        <li key={term.id}>
          <strong>“{found}”</strong>
          {term.scope === 'child'
            ? ' labels a child by the behaviour.'
            : ' is best avoided in a record.'}{' '}
          Consider:{' '}
          {term.alternatives.map((a, i) => (
            <span key={a}>
              {i > 0 ? ' or ' : ''}“{a}”
            </span>
          ))}
          .{' '}
          <details>
            <summary>Why?</summary>
            {term.why}
          </details>
        </li>
      ))}
    </ul>
  );
}

export interface HintedTextareaProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  required?: boolean;
  validationMessage?: string | undefined;
  rows?: number;
  id?: string;
  /** Dotted field path, so that a save problem can take the user to this box. */
  path?: string;
}

/**
 * A text box for narrative (what happened, views, reasons) with the language guide's suggestions
 * under it as the user types: prompts to think again, never a block on saving. Typing `@` offers
 * the case's children to mention (MentionTextarea).
 */
export function HintedTextarea({
  label,
  value,
  onChange,
  hint,
  required,
  validationMessage,
  rows = 3,
  id,
  path,
}: HintedTextareaProps) {
  const matcher = useContext(MatcherContext);
  const hints = useMemo(() => matcher(value), [matcher, value]);
  return (
    <Field
      label={label}
      required={required}
      validationMessage={validationMessage}
      hint={
        hint || hints.length > 0 ? (
          <>
            {hint}
            <LanguageHints hints={hints} />
          </>
        ) : undefined
      }
    >
      <MentionTextarea id={id} path={path} value={value} rows={rows} onChange={onChange} />
    </Field>
  );
}
