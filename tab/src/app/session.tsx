import {
  Dialog,
  DialogBody,
  DialogSurface,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, type ApiClient, type Me } from '../api/api-client';
import type { Host } from '../host/host';
import type { AuthProblems } from './auth-problems';
import {
  ConsentScreen,
  LoadFailedScreen,
  NotMemberScreen,
  SignInProblemScreen,
  TeamRequiredScreen,
} from './auth-screens';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; me: Me }
  | { kind: 'problem'; error: ApiError }
  | { kind: 'failed'; error: ApiError };

const SessionContext = createContext<Me | null>(null);

export function useMe(): Me | null {
  return useContext(SessionContext);
}

function AuthProblemView({ error, host, onDone }: { error: ApiError; host: Host; onDone: () => void }) {
  if (error.code === 'CONSENT_REQUIRED') return <ConsentScreen host={host} onDone={onDone} />;
  if (error.code === 'NOT_A_MEMBER') return <NotMemberScreen onRetry={onDone} />;
  if (error.code === 'TEAM_REQUIRED' || error.code === 'INVALID_TEAM')
    return <TeamRequiredScreen onRetry={onDone} />;
  return <SignInProblemScreen onRetry={onDone} />;
}

export function LocalModeBanner() {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Local mode</MessageBarTitle>
        There is no sign-in, and records are kept on this computer only. Use it to try the app or to develop
        it; real cases belong in your school’s Microsoft 365.
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Finds out who the user is (GET /api/me) while the first view loads, and turns the server's coded
 * sign-in errors into something a person can act on: a consent prompt, or an explanation — never a
 * blank screen. Later sign-in problems open over the current view so unsaved changes survive.
 */
export function Session({
  api,
  host,
  authProblems,
  children,
}: {
  api: ApiClient;
  host: Host;
  authProblems: AuthProblems;
  children: (me: Me | null) => ReactNode;
}) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [overlay, setOverlay] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    api.me().then(
      (me) => {
        if (!live) return;
        // Signed in, but in no safeguarding team this app serves: /api/me answers so that we can explain.
        if (me.schools?.length === 0) {
          setState({
            kind: 'problem',
            error: new ApiError(403, 'NOT_A_MEMBER', 'Not a member of a safeguarding team.'),
          });
        } else {
          setState({ kind: 'ready', me });
        }
      },
      (error: unknown) => {
        if (!live) return;
        const e = error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', 'Something went wrong.');
        setState(e.isAuthProblem ? { kind: 'problem', error: e } : { kind: 'failed', error: e });
      },
    );
    return () => {
      live = false;
    };
  }, [api, attempt]);

  useEffect(() => {
    if (state.kind !== 'loading') host.notifyReady();
  }, [host, state.kind]);

  useEffect(
    () =>
      authProblems.subscribe((error) => {
        setOverlay((current) => current ?? error);
      }),
    [authProblems],
  );

  const retry = () => {
    setOverlay(null);
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  };

  if (state.kind === 'problem') return <AuthProblemView error={state.error} host={host} onDone={retry} />;
  if (state.kind === 'failed') {
    return (
      <LoadFailedScreen
        message={state.error.message}
        correlationId={state.error.correlationId}
        onRetry={retry}
      />
    );
  }
  // While the check runs (`loading`) the view starts at once, beside it rather than after it: its own
  // calls carry the same token, and if the check fails the explanation replaces the view. The tree has
  // the same shape in both states, so the view is not mounted twice.
  const me = state.kind === 'ready' ? state.me : null;
  return (
    <SessionContext.Provider value={me}>
      {me?.mode === 'local' && host.context.frame !== 'meetingStage' && <LocalModeBanner />}
      {children(me)}
      <Dialog open={overlay !== null} modalType="alert">
        <DialogSurface>
          <DialogBody>
            {overlay && <AuthProblemView error={overlay} host={host} onDone={() => setOverlay(null)} />}
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </SessionContext.Provider>
  );
}
