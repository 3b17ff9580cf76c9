import {
  Body1,
  Button,
  Caption1,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Select,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { checkStatus } from '../../../core/content/check-status.js';
import {
  missingVariables,
  variablePlaceholders,
  type SchoolProfile,
} from '../../../core/content/school-profile.js';
import { ApiError } from '../api/api-client.js';
import type { ClauseKind, LibraryClause } from '../api/api-types.js';
import { clauseBlock, type DocumentBlock } from '../word/document-blocks.js';
import { clausePlainText, ClauseText } from './clause-text.js';
import type { PaneServices } from './pane-services.js';
import { sectionsFor, sectionTitle } from './section-titles.js';
import { StatusLine, type Status } from './status-line.js';

const useStyles = makeStyles({
  // Stacked: a task pane is too narrow for two selects holding long section names side by side.
  filters: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    maxHeight: '40vh',
    overflowY: 'auto',
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  item: { width: '100%', justifyContent: 'flex-start', textAlign: 'left', minHeight: '44px' },
  itemText: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  preview: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  sources: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const SEARCH_DELAY_MS = 200;

/** The whole policy in order, each clause preceded by its section's heading when the section starts. */
export function wholePolicyBlocks(
  library: readonly LibraryClause[],
  profile: SchoolProfile,
): DocumentBlock[] {
  let previous = '';
  return library
    .filter((c) => c.kind === 'policy')
    .sort((a, b) => a.order - b.order)
    .map((c) => {
      const heading = c.section !== previous ? sectionTitle(c.section) : undefined;
      previous = c.section;
      return clauseBlock(c, profile, heading);
    });
}

export function LibraryView(props: {
  library: readonly LibraryClause[];
  profile: SchoolProfile;
  services: PaneServices;
}) {
  const { library, profile, services } = props;
  const styles = useStyles();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<ClauseKind | ''>('');
  const [section, setSection] = useState('');
  const [hits, setHits] = useState<LibraryClause[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const opened = useRef<HTMLElement>(null);

  // An opened clause comes into view with focus on its title, so Insert is a Tab or two away rather
  // than below the fold behind the rest of the list.
  useEffect(() => {
    if (!selectedId) return;
    opened.current?.scrollIntoView?.({ block: 'start' });
    opened.current?.querySelector<HTMLElement>('#clause-heading')?.focus({ preventScroll: true });
  }, [selectedId]);

  useEffect(() => {
    if (!q.trim()) {
      setHits(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      // The server ranks with the same core search as the FAQ (synonyms, fuzzy and prefix matching).
      services.api
        .clauses({ q, kind: kind || undefined, section: section || undefined }, controller.signal)
        .then(setHits)
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          setHits([]);
          setStatus({ intent: 'error', text: error instanceof ApiError ? error.message : 'Search failed.' });
        });
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, kind, section, services.api]);

  const shown = useMemo(
    () =>
      hits ??
      library
        .filter((c) => (!kind || c.kind === kind) && (!section || c.section === section))
        .sort((a, b) => (a.kind === b.kind ? a.order - b.order : a.kind === 'policy' ? -1 : 1)),
    [hits, library, kind, section],
  );
  const selected = library.find((c) => c.id === selectedId) ?? shown.find((c) => c.id === selectedId) ?? null;
  const missing = selected ? missingVariables(`${selected.title}\n${selected.body}`, profile) : [];

  async function run(action: () => Promise<void>, done: string) {
    setBusy(true);
    setStatus(null);
    try {
      await action();
      setStatus({ intent: 'success', text: done });
    } catch {
      setStatus({
        intent: 'error',
        text: 'Word could not do that. Click in the document body and try again.',
      });
    } finally {
      setBusy(false);
    }
  }

  const word = services.word;
  const policyCount = library.filter((c) => c.kind === 'policy').length;

  return (
    <section aria-labelledby="library-heading">
      <Subtitle2 as="h2" id="library-heading" block>
        Clause library
      </Subtitle2>
      <Field label="Search clauses">
        <SearchBox
          value={q}
          onChange={(_e, data) => setQ(data.value)}
          placeholder="e.g. nudes, consent, transport"
        />
      </Field>
      <div className={styles.filters}>
        <Field label="Kind">
          <Select
            value={kind}
            onChange={(_e, data) => {
              setKind(data.value as ClauseKind | '');
              setSection('');
            }}
          >
            <option value="">All clauses</option>
            <option value="policy">Policy</option>
            <option value="referral">Referral</option>
          </Select>
        </Field>
        <Field label="Section">
          <Select value={section} onChange={(_e, data) => setSection(data.value)}>
            <option value="">All sections</option>
            {sectionsFor(kind).map((s) => (
              <option key={s} value={s}>
                {sectionTitle(s)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {word && policyCount > 0 && (
        <div className={styles.actions}>
          <Button
            disabled={busy}
            onClick={() =>
              run(
                () => word.insertBlocks(wholePolicyBlocks(library, profile)),
                `Inserted the whole policy: ${policyCount} clauses.`,
              )
            }
          >
            Insert whole policy
          </Button>
        </div>
      )}
      <Caption1 role="status" aria-live="polite">
        {shown.length === 1 ? '1 clause' : `${shown.length} clauses`}
      </Caption1>
      <ul className={styles.list} aria-label="Clauses">
        {shown.map((c) => (
          <li key={c.id}>
            <Button
              appearance={c.id === selectedId ? 'secondary' : 'subtle'}
              className={styles.item}
              aria-pressed={c.id === selectedId}
              onClick={() => setSelectedId(c.id)}
            >
              <span className={styles.itemText}>
                <span>{c.title}</span>
                <Caption1>
                  {c.kind === 'policy' ? 'Policy' : 'Referral'} · {sectionTitle(c.section)}
                </Caption1>
              </span>
            </Button>
          </li>
        ))}
      </ul>
      {selected && (
        <article ref={opened} className={styles.preview} aria-labelledby="clause-heading">
          <Subtitle2 as="h3" id="clause-heading" tabIndex={-1}>
            {selected.title}
          </Subtitle2>
          <Caption1>
            {selected.kind === 'policy' ? 'Policy' : 'Referral'} · {sectionTitle(selected.section)} · version{' '}
            {selected.version} · {selected.guidanceEdition}
          </Caption1>
          <ClauseCheckStatus clause={selected} />
          {missing.length > 0 && (
            <MessageBar intent="info">
              <MessageBarBody>
                Not filled in yet: {missing.map((v) => variablePlaceholders[v]).join(', ')}. Add them under
                School.
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabled={!word || busy}
              onClick={() =>
                word &&
                run(
                  () => word.insertBlocks([clauseBlock(selected, profile)]),
                  `Inserted “${selected.title}”.`,
                )
              }
            >
              Insert
            </Button>
            <Button
              disabled={busy}
              onClick={() => run(() => services.copyText(clausePlainText(selected, profile)), 'Copied.')}
            >
              Copy text
            </Button>
          </div>
          {!word && (
            <Body1>Inserting needs Word: open this add-in in Word. Here you can read and copy clauses.</Body1>
          )}
          <ClauseText body={selected.body} profile={profile} />
          <Caption1 as="h4">Sources</Caption1>
          <ul className={styles.sources}>
            {selected.sources.map((s) => (
              <li key={s.url}>
                <Link href={s.url} target="_blank" rel="noreferrer">
                  {s.title}
                </Link>
              </li>
            ))}
          </ul>
        </article>
      )}
      <StatusLine status={status} />
    </section>
  );
}

/**
 * Whether the clause was checked against the official edition it follows; an unchecked clause says so,
 * with what is still to check behind a disclosure, so no one inserts it as settled guidance unawares.
 */
function ClauseCheckStatus({ clause }: { clause: LibraryClause }) {
  const status = checkStatus(clause);
  return (
    <div data-check-status={status.checked ? 'checked' : 'unchecked'}>
      <Caption1>{status.label}</Caption1>
      {status.note && (
        <details>
          <summary>
            <Caption1>What is still to check</Caption1>
          </summary>
          <Caption1>{status.note}</Caption1>
        </details>
      )}
    </div>
  );
}
