import {
  Badge,
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { SchoolProfile } from '../../../core/content/school-profile.js';
import type { LibraryClause } from '../api/api-types.js';
import { CheckView } from './check-view.js';
import { LanguageView } from './language-view.js';
import { LibraryView } from './library-view.js';
import type { HostStatus, PaneServices } from './pane-services.js';
import { ProfileView } from './profile-view.js';
import { accessMessage } from './access-message.js';
import { ReferralView } from './referral-view.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: '720px',
    margin: '0 auto',
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  // Task panes are narrow (about 320 px): the tabs wrap rather than scroll out of sight.
  tabs: { flexWrap: 'wrap' },
});

type View = 'library' | 'check' | 'referral' | 'language' | 'school';

const VIEWS: { id: View; label: string }[] = [
  { id: 'library', label: 'Clauses' },
  { id: 'check', label: 'Check' },
  { id: 'referral', label: 'Referral' },
  { id: 'language', label: 'Language' },
  { id: 'school', label: 'School' },
];

export function App({ services, host }: { services: PaneServices; host: HostStatus }) {
  const styles = useStyles();
  const [view, setView] = useState<View>('library');
  const [profile, setProfile] = useState<SchoolProfile>(() => services.profiles.load());
  const [library, setLibrary] = useState<LibraryClause[] | null>(null);
  const [libraryError, setLibraryError] = useState<string | null>(null);

  // The profile lives in the document: when the host changes (Word found), read it from there.
  useEffect(() => setProfile(services.profiles.load()), [services.profiles]);

  const loadLibrary = useCallback(() => {
    setLibraryError(null);
    services.api
      .clauses()
      .then(setLibrary)
      .catch((error: unknown) => setLibraryError(accessMessage(error)));
  }, [services.api]);
  useEffect(loadLibrary, [loadLibrary]);

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">HSB clause library</Title3>
        {host === 'word' ? (
          <Badge appearance="tint" color="brand">
            Word
          </Badge>
        ) : host === 'connecting' ? (
          <Spinner size="extra-tiny" label="Looking for Word…" />
        ) : (
          <Badge appearance="tint" color="informative">
            Preview
          </Badge>
        )}
      </header>
      {host === 'preview' && (
        <MessageBar intent="info">
          <MessageBarBody>
            Preview mode: you can browse, search, read and copy clauses here. Inserting and checking need
            Word.
          </MessageBarBody>
        </MessageBar>
      )}
      <TabList
        className={styles.tabs}
        selectedValue={view}
        onTabSelect={(_e, data) => setView(data.value as View)}
        size="small"
        aria-label="Task pane sections"
      >
        {VIEWS.map((v) => (
          <Tab key={v.id} value={v.id}>
            {v.label}
          </Tab>
        ))}
      </TabList>
      {libraryError && (
        <MessageBar intent="error">
          <MessageBarBody>{libraryError}</MessageBarBody>
          <Button size="small" onClick={loadLibrary}>
            Try again
          </Button>
        </MessageBar>
      )}
      {!library && !libraryError && view !== 'school' && (
        <Spinner size="small" label="Loading the clause library…" />
      )}
      {library && view === 'library' && (
        <LibraryView library={library} profile={profile} services={services} />
      )}
      {library && view === 'check' && <CheckView library={library} profile={profile} services={services} />}
      {library && view === 'referral' && (
        <ReferralView library={library} profile={profile} services={services} />
      )}
      {view === 'language' && <LanguageView services={services} />}
      {view === 'school' && <ProfileView profile={profile} services={services} onSaved={setProfile} />}
      <footer>
        <Body1>The DSL decides and records why. This pane drafts and checks; it decides nothing.</Body1>
      </footer>
    </main>
  );
}
