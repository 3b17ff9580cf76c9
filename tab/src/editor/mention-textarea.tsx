import { Textarea, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import {
  createContext,
  useContext,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { insertMention, matchCandidates, mentionQueryAt, type MentionCandidate } from './mention-query';

export type { MentionCandidate } from './mention-query';

const MentionContext = createContext<readonly MentionCandidate[]>([]);

/**
 * The children every free-text box below may mention: the case's children whose names staff may
 * see, without the child whose record this is (their own name is not a mention).
 */
export function MentionProvider({
  candidates,
  children,
}: {
  candidates: readonly MentionCandidate[];
  children: ReactNode;
}) {
  return <MentionContext.Provider value={candidates}>{children}</MentionContext.Provider>;
}

const useStyles = makeStyles({
  wrap: { position: 'relative', display: 'flex', flexDirection: 'column' },
  list: {
    position: 'absolute',
    top: '100%',
    left: 0,
    zIndex: 10,
    minWidth: '240px',
    maxHeight: '220px',
    overflowY: 'auto',
    margin: 0,
    padding: tokens.spacingVerticalXS,
    listStyleType: 'none',
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow16,
    borderRadius: tokens.borderRadiusMedium,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
  },
  option: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusSmall,
    cursor: 'pointer',
    color: tokens.colorNeutralForeground1,
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
  },
  label: { color: tokens.colorNeutralForeground2 },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

export interface MentionTextareaProps {
  value: string;
  onChange: (value: string) => void;
  id?: string | undefined;
  rows?: number;
  /** Dotted field path, so that a save problem can take the user to this box. */
  path?: string | undefined;
}

/**
 * A Fluent Textarea in which typing `@` lists the case's children to mention (from MentionProvider):
 * arrow keys move, Enter or Tab chooses, Escape closes. The list follows the ARIA
 * aria-activedescendant pattern, so focus stays in the text box while a screen reader hears the
 * option, and a polite live region says how many children are offered. Without candidates it is a
 * plain text box.
 */
export function MentionTextarea({ value, onChange, id, rows = 3, path }: MentionTextareaProps) {
  const styles = useStyles();
  const candidates = useContext(MentionContext);
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  /** The `@` the user closed with Escape: it stays closed until another `@` is typed. */
  const [dismissed, setDismissed] = useState<number | null>(null);
  const pendingCaret = useRef<number | null>(null);

  const open = useMemo(() => {
    if (candidates.length === 0 || caret === null) return null;
    const q = mentionQueryAt(value, caret);
    if (!q || q.start === dismissed) return null;
    return { ...q, options: matchCandidates(candidates, q.query) };
  }, [candidates, caret, value, dismissed]);
  const options = open?.options ?? [];
  const current = Math.min(active, Math.max(options.length - 1, 0));

  useLayoutEffect(() => {
    const at = pendingCaret.current;
    if (at === null || !ref.current) return;
    pendingCaret.current = null;
    ref.current.setSelectionRange(at, at);
    setCaret(at);
  }, [value]);

  const track = () => {
    const el = ref.current;
    setCaret(el && el.selectionStart === el.selectionEnd ? el.selectionStart : null);
  };

  const choose = (child: MentionCandidate) => {
    if (!open || caret === null) return;
    const next = insertMention(value, open.start, caret, child.name);
    pendingCaret.current = next.caret;
    setActive(0);
    onChange(next.text);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      // Escape closes the list, not the dialog or panel around the text box.
      event.stopPropagation();
      setDismissed(open.start);
      return;
    }
    if (options.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + options.length) % options.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(options[current]!);
    }
  };

  const optionId = (i: number) => `${listId}-option-${i}`;
  const announcement = !open
    ? ''
    : options.length === 0
      ? 'No child of this case matches.'
      : `${options.length} ${options.length === 1 ? 'child' : 'children'} to mention. Up and down arrows to move, Enter to choose, Escape to close.`;

  return (
    <div className={styles.wrap}>
      <Textarea
        ref={ref}
        id={id}
        data-path={path}
        value={value}
        rows={rows}
        resize="vertical"
        aria-autocomplete={candidates.length > 0 ? 'list' : undefined}
        aria-controls={open && options.length > 0 ? listId : undefined}
        aria-activedescendant={open && options.length > 0 ? optionId(current) : undefined}
        onChange={(event, d) => {
          const el = event.target as HTMLTextAreaElement;
          setCaret(el.selectionStart === el.selectionEnd ? el.selectionStart : null);
          if (dismissed !== null && d.value.charAt(dismissed) !== '@') setDismissed(null);
          setActive(0);
          onChange(d.value);
        }}
        onKeyDown={onKeyDown}
        onKeyUp={(event) => {
          if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) track();
        }}
        onClick={track}
        onBlur={() => setCaret(null)}
      />
      {open && options.length > 0 && (
        <ul role="listbox" id={listId} aria-label="Children to mention" className={styles.list}>
          {options.map((child, i) => (
            <li
              key={child.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              className={mergeClasses(styles.option, i === current && styles.active)}
              // Keeps focus (and the caret) in the text box while the pointer chooses.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(child)}
            >
              {child.name}
              {child.label && <span className={styles.label}> · {child.label}</span>}
            </li>
          ))}
        </ul>
      )}
      <div aria-live="polite" className={styles.hidden}>
        {announcement}
      </div>
    </div>
  );
}
