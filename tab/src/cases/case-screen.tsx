import {
  Badge,
  Body1,
  Link,
  Spinner,
  Subtitle1,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { dateInZone } from '../../../core/dates';
import type { ApiClient, Case, Child, Versioned } from '../api/api-client';
import { LoadFailedScreen } from '../app/auth-screens';
import { navigate } from '../app/router';
import { MentionProvider } from '../editor/mention-textarea';
import { CaseEditor } from './case-editor';
import { AddChronologyEntry, Chronology } from './chronology';
import { childrenOf, mentionRenderer } from './mentions';
import { ANOTHER_CHILD } from '../../../core/privacy/wording';
import { useLoad } from './use-load';
import { Opening } from '../ui/focus-after';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  facts: {
    display: 'grid',
    // The names column is as wide as its longest name but no more than half: a long name wraps
    // between words instead of pushing the values off a narrow panel; a long value wraps anywhere.
    gridTemplateColumns: 'fit-content(50%) minmax(0, 1fr)',
    '& > dd': { overflowWrap: 'anywhere' },
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
});

export function Facts({ items }: { items: readonly [string, string | undefined][] }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {items.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.detail}>{value || 'Not recorded'}</dd>
        </div>
      ))}
    </dl>
  );
}

type Known = Pick<Child, 'name' | 'yearGroup'>;

interface CaseView {
  loaded: Versioned<Case>;
  children: Map<string, Known>;
}

export interface CaseScreenProps {
  api: ApiClient;
  id: string;
  today?: string;
}

/** The case's chronology, read again whenever a save may have written to it. */
function CaseChronology({
  api,
  record,
  version,
  nameOf,
  render,
  today,
}: {
  api: ApiClient;
  record: Case;
  version: string;
  nameOf: (childId: string) => string;
  render: (text: string) => string;
  today: string;
}) {
  const styles = useStyles();
  // `version` changes with each save: a save may have written entries (a referral, a decision).
  const load = useCallback(() => api.caseChronology(record.id), [api, record.id, version]);
  const [loaded, reload] = useLoad(load, 'The chronology could not be read.');
  const [correcting, setCorrecting] = useState<{ id: string; at: number } | null>(null);
  const entries = loaded.state === 'ready' ? loaded.value : [];
  return (
    <section className={styles.section} aria-labelledby="case-chronology">
      <Subtitle1 as="h2" id="case-chronology">
        Chronology
      </Subtitle1>
      {loaded.state === 'loading' && <Spinner size="tiny" label="Reading the chronology…" />}
      {loaded.state === 'failed' && <Body1>{loaded.error.message}</Body1>}
      <Chronology
        entries={entries}
        render={render}
        childLabel={nameOf}
        onCorrect={(e) => setCorrecting({ id: e.id, at: Date.now() })}
      />
      <Subtitle1 as="h2">Add an entry</Subtitle1>
      <AddChronologyEntry
        entries={entries}
        render={render}
        children={record.participants.map((p) => ({ id: p.childId, label: nameOf(p.childId) }))}
        today={today}
        correcting={correcting}
        add={async (body) => {
          await api.addCaseChronology(record.id, body);
          reload();
        }}
      />
    </section>
  );
}

export function CaseScreen({ api, id, today = dateInZone(new Date()) }: CaseScreenProps) {
  const styles = useStyles();
  const load = useCallback(async (): Promise<CaseView> => {
    const loaded = await api.getCase(id);
    const read = await childrenOf((childId) => api.getChild(childId), loaded.record.participants);
    return { loaded, children: new Map(read) };
  }, [api, id]);
  const [view, reload] = useLoad(load, 'The case could not be opened.');
  // Children who join while the page is open: known by name from the moment they are added.
  const [joined, setJoined] = useState<Map<string, Known>>(new Map());
  const [version, setVersion] = useState('');
  const onChild = useCallback(
    (childId: string, child: Known) => setJoined((m) => new Map(m).set(childId, child)),
    [],
  );
  const children = useMemo(
    () => new Map([...(view.state === 'ready' ? view.value.children : []), ...joined]),
    [view, joined],
  );

  if (view.state === 'loading') return <Opening label="Loading the case…" />;
  if (view.state === 'failed') {
    return (
      <LoadFailedScreen
        title="The case could not be opened"
        message={view.error.message}
        correlationId={view.error.correlationId}
        onRetry={reload}
      />
    );
  }
  const { record } = view.value.loaded;
  const names = new Map([...children].map(([k, c]) => [k, c.name]));
  const render = mentionRenderer(record.participants, names);
  const nameOf = (childId: string) => {
    const p = record.participants.find((x) => x.childId === childId);
    const name = names.get(childId);
    return p ? (name ? `${name} (${p.label})` : p.label) : ANOTHER_CHILD;
  };

  return (
    <article className={styles.root} aria-labelledby="case-title">
      <div>
        <Link href="#/" onClick={() => navigate({ name: 'dashboard' })}>
          All cases
        </Link>
        <Title2 as="h1" id="case-title" block tabIndex={-1}>
          Case {record.caseRef}{' '}
          <Badge appearance="tint" color={record.status === 'open' ? 'brand' : 'informative'}>
            {record.status === 'open' ? 'Open' : 'Closed'}
          </Badge>
        </Title2>
        {record.summary && <Body1 as="p">{render(record.summary)}</Body1>}
      </div>
      <CaseEditor
        api={api}
        loaded={view.value.loaded}
        children={children}
        onChild={onChild}
        onSaved={setVersion}
        today={today}
      />
      <MentionProvider
        candidates={record.participants.flatMap((p) => {
          const name = names.get(p.childId);
          return name ? [{ id: p.childId, name, label: p.label }] : [];
        })}
      >
        <CaseChronology
          api={api}
          record={record}
          version={version || view.value.loaded.etag}
          nameOf={nameOf}
          render={render}
          today={today}
        />
      </MentionProvider>
    </article>
  );
}

export default CaseScreen;
