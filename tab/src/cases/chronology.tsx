import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { chronologyKinds, type ChronologyKind } from '../../../core/cases/chronology';
import { ApiError, type ChronologyEntry } from '../api/api-client';
import { MentionTextarea } from '../editor/mention-textarea';
import { formatDate, shorten } from '../ui/format';
import { DateField } from '../ui/date-field';
import { chronologyKindLabels } from './labels';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column' },
  entry: {
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    marginBottom: tokens.spacingVerticalS,
  },
  corrected: { borderLeftColor: tokens.colorNeutralStroke1, color: tokens.colorNeutralForeground3 },
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(180px, 100%), 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    '& > *': { minWidth: 0 },
  },
  wide: { gridColumn: '1 / -1' },
  // An earlier entry's summary is long: the list of them shrinks to the column, not the page to it.
  shrink: { minWidth: 0, maxWidth: '100%' },
});

/** Oldest first, as a chronology reads; entries of one day in the order they were recorded. */
export function sortChronology(entries: readonly ChronologyEntry[]): ChronologyEntry[] {
  return [...entries].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.recordedAt < b.recordedAt ? -1 : 1,
  );
}

export interface ChronologyProps {
  entries: readonly ChronologyEntry[];
  /** Mentions of children in an entry, as the reader may see them. */
  render: (text: string) => string;
  /** What an entry's `childId` is called here. */
  childLabel?: (childId: string) => string;
  /** Offered on each entry: starts a new entry that corrects it (nothing is edited in place). */
  onCorrect?: ((entry: ChronologyEntry) => void) | undefined;
}

/** The timeline. Nothing is edited: a correction is a later entry that points at the one it corrects. */
export function Chronology({ entries, render, childLabel, onCorrect }: ChronologyProps) {
  const styles = useStyles();
  const sorted = sortChronology(entries);
  const byId = new Map(sorted.map((e) => [e.id, e]));
  const correctedBy = new Map(sorted.filter((e) => e.corrects).map((e) => [e.corrects!, e]));
  if (sorted.length === 0) return <Body1 as="p">Nothing is recorded in the chronology yet.</Body1>;
  return (
    <ol className={styles.list} aria-label="Chronology">
      {sorted.map((e) => {
        const original = e.corrects ? byId.get(e.corrects) : undefined;
        const correction = correctedBy.get(e.id);
        return (
          <li key={e.id} className={correction ? `${styles.entry} ${styles.corrected}` : styles.entry}>
            <Subtitle2 as="h3">
              {formatDate(e.date)} · {chronologyKindLabels[e.kind]}
              {e.childId && childLabel ? ` · ${childLabel(e.childId)}` : ''}
            </Subtitle2>
            <Body1 as="p">{render(e.summary)}</Body1>
            <Caption1>
              Recorded by {e.by}
              {original
                ? ` · Corrects the ${chronologyKindLabels[original.kind].toLowerCase()} entry of ${formatDate(original.date)}`
                : ''}
              {correction ? ` · Corrected by the entry of ${formatDate(correction.date)}` : ''}
            </Caption1>
            {onCorrect && (
              <div>
                <Button
                  size="small"
                  appearance="subtle"
                  aria-label={`Correct the ${chronologyKindLabels[e.kind].toLowerCase()} entry of ${formatDate(e.date)}`}
                  onClick={() => onCorrect(e)}
                >
                  Correct
                </Button>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export interface AddEntryProps {
  entries: readonly ChronologyEntry[];
  render: (text: string) => string;
  children: readonly { id: string; label: string }[];
  today: string;
  add: (body: {
    date: string;
    kind: ChronologyKind;
    summary: string;
    childId?: string;
    corrects?: string;
  }) => Promise<unknown>;
  /** An entry to correct, chosen on the timeline: the form points at it and takes focus. */
  correcting?: { id: string; at: number } | null | undefined;
}

/** "Add an entry": the server records who added it; a name typed in the text is stored as a mention. */
export function AddChronologyEntry({ entries, render, children, today, add, correcting }: AddEntryProps) {
  const styles = useStyles();
  const [date, setDate] = useState(today);
  const [kind, setKind] = useState<ChronologyKind>('note');
  const [summary, setSummary] = useState('');
  const [childId, setChildId] = useState('');
  const [corrects, setCorrects] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (!correcting) return;
    setCorrects(correcting.id);
    document.querySelector<HTMLElement>('[data-path="chronology.summary"]')?.focus();
  }, [correcting]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!summary.trim() || !date) return;
    setBusy(true);
    setError(null);
    try {
      await add({
        date,
        kind,
        summary: summary.trim(),
        ...(childId ? { childId } : {}),
        ...(corrects ? { corrects } : {}),
      });
      setSummary('');
      setCorrects('');
      setTouched(false);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The entry could not be added.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Add an entry" className={styles.form}>
      <DateField label="Date" required value={date} max={today} onChange={(v) => setDate(v ?? '')} />
      <Field label="Kind">
        <Select value={kind} onChange={(_, d) => setKind(d.value as ChronologyKind)}>
          {chronologyKinds.map((k) => (
            <option key={k} value={k}>
              {chronologyKindLabels[k]}
            </option>
          ))}
        </Select>
      </Field>
      {children.length > 0 && (
        <Field label="About">
          <Select value={childId} onChange={(_, d) => setChildId(d.value)}>
            <option value="">The whole case</option>
            {children.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {entries.length > 0 && (
        <Field label="Corrects" hint="Only if this entry corrects an earlier one">
          <Select className={styles.shrink} value={corrects} onChange={(_, d) => setCorrects(d.value)}>
            <option value="">No earlier entry</option>
            {sortChronology(entries).map((e) => (
              <option key={e.id} value={e.id}>
                {formatDate(e.date)} · {chronologyKindLabels[e.kind]}: {shorten(render(e.summary))}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field
        label="What happened"
        required
        className={styles.wide}
        validationMessage={touched && !summary.trim() ? 'Say what happened.' : undefined}
      >
        <MentionTextarea path="chronology.summary" value={summary} onChange={setSummary} />
      </Field>
      {error && (
        <MessageBar intent="error" className={styles.wide}>
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add entry'}
        </Button>
      </div>
    </form>
  );
}
