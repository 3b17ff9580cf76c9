import { Body1, FluentProvider, Link, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client';
import type { Host } from '../host/host';
import type { AuthProblems } from './auth-problems';
import { navigate, useRoute, type Route } from './router';
import { Session, useMe } from './session';
import { PeopleProvider } from '../ui/people-picker';
import { themeFor } from './theme';
import { AppToaster } from '../ui/toasts';
import { Opening } from '../ui/focus-after';

// Every view is its own chunk, so the first download is the shell alone (README "The Teams tab",
// performance budget); preloadRoute starts the one the address asks for while the shell starts up.
const views = {
  dashboard: () => import('../dashboard/dashboard'),
  assessment: () => import('../editor/assessment-screen'),
  case: () => import('../cases/case-screen'),
  child: () => import('../cases/child-screen'),
  stage: () => import('../stage/stage-screen'),
  config: () => import('../config/config-page'),
  meeting: () => import('../meeting/meeting-panel'),
  info: () => import('../info/info-pages'),
  trends: () => import('../reports/trends-screen'),
  retention: () => import('../records/retention-screen'),
  actions: () => import('../actions/my-actions'),
  outbox: () => import('../actions/outbox'),
};
const Dashboard = lazy(views.dashboard);
const AssessmentScreen = lazy(views.assessment);
const CaseScreen = lazy(views.case);
const ChildScreen = lazy(views.child);
const StageScreen = lazy(views.stage);
const ConfigPage = lazy(views.config);
const MeetingPanel = lazy(views.meeting);
const InfoPageView = lazy(views.info);
const TrendsScreen = lazy(views.trends);
const RetentionScreen = lazy(views.retention);
const MyActionsScreen = lazy(views.actions);
const OutboxScreen = lazy(views.outbox);

/**
 * Starts loading what the first view needs — its code, its record and the guidance — at the same
 * time as the shell asks who the user is, instead of one after the other.
 */
export function preloadRoute(route: Route, api: ApiClient): void {
  if (route.name === 'not-found') return;
  void views[route.name]().catch(() => undefined);
  if (route.name === 'assessment') {
    api.prefetchAssessment(route.id);
    api.riskTemplate().catch(() => undefined);
    api.languageGuide().catch(() => undefined);
    api.hackettGuide().catch(() => undefined);
  }
}

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  main: {
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    maxWidth: '1200px',
    margin: '0 auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  compact: { padding: tokens.spacingVerticalS },
});

export interface AppProps {
  host: Host;
  api: ApiClient;
  authProblems: AuthProblems;
}

function View({ route, host, api }: { route: Route; host: Host; api: ApiClient }) {
  const me = useMe();
  switch (route.name) {
    case 'dashboard':
      return (
        <Dashboard
          api={api}
          onOpen={(id) => navigate({ name: 'assessment', id })}
          onOpenCase={(id) => navigate({ name: 'case', id })}
          onOpenChild={(id) => navigate({ name: 'child', id })}
          onOpenTrends={() => navigate({ name: 'trends' })}
          onOpenActions={() => navigate({ name: 'actions' })}
          {...(me?.mode === 'local' ? { onOpenOutbox: () => navigate({ name: 'outbox' }) } : {})}
        />
      );
    case 'trends':
      return <TrendsScreen api={api} />;
    case 'case':
      return <CaseScreen api={api} id={route.id} />;
    case 'child':
      return <ChildScreen api={api} id={route.id} />;
    case 'assessment':
      // In the meeting side panel a plan's agenda opens in the panel, with its way back to the case.
      if (route.agenda && host.context.frame === 'sidePanel') {
        return <MeetingPanel api={api} host={host} plan={{ id: route.id, step: route.section }} />;
      }
      return (
        <AssessmentScreen
          api={api}
          host={host}
          id={route.id}
          section={route.section}
          agenda={route.agenda ?? false}
        />
      );
    case 'stage':
      return <StageScreen api={api} id={route.id} of={route.of ?? 'plan'} />;
    case 'config':
      return <ConfigPage api={api} host={host} />;
    case 'meeting':
      return <MeetingPanel api={api} host={host} id={route.id} />;
    case 'info':
      return <InfoPageView page={route.page} />;
    case 'retention':
      return <RetentionScreen api={api} />;
    case 'actions':
      return <MyActionsScreen api={api} />;
    case 'outbox':
      return <OutboxScreen api={api} />;
    case 'not-found':
      return (
        <Body1 as="p">
          There is nothing at this address.{' '}
          <Link href="#/" onClick={() => navigate({ name: 'dashboard' })}>
            Go to the cases
          </Link>
        </Body1>
      );
  }
}

export function App({ host, api, authProblems }: AppProps) {
  const styles = useStyles();
  const [theme, setTheme] = useState(host.context.theme);
  const route = useRoute();
  useEffect(() => host.onThemeChange(setTheme), [host]);
  useEffect(() => {
    if (route.name === 'info') host.notifyReady();
  }, [host, route.name]);
  const compact =
    route.name === 'meeting' ||
    route.name === 'stage' ||
    route.name === 'config' ||
    host.context.frame === 'sidePanel';

  return (
    <FluentProvider theme={themeFor(theme)} className={styles.root}>
      <main className={compact ? styles.compact : styles.main}>
        {route.name === 'info' ? (
          // Public pages (the manifest's privacy and terms links): readable without signing in.
          <Suspense fallback={<Spinner size="small" label="Loading…" />}>
            <InfoPageView page={route.page} />
          </Suspense>
        ) : (
          <Session api={api} host={host} authProblems={authProblems}>
            {() => (
              <Suspense fallback={<Opening label="Loading…" />}>
                <PeopleProvider api={api}>
                  <View route={route} host={host} api={api} />
                </PeopleProvider>
              </Suspense>
            )}
          </Session>
        )}
      </main>
      <AppToaster />
    </FluentProvider>
  );
}
