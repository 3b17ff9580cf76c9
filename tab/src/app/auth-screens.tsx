import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { Host } from '../host/host';

const useStyles = makeStyles({
  root: {
    maxWidth: '560px',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalXL,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export type AuthProblemCode = 'CONSENT_REQUIRED' | 'UNAUTHENTICATED' | 'NOT_A_MEMBER' | 'TEAM_REQUIRED';

/** A full-page explanation in place of the app: a heading, what happened and what to do, and actions. */
function ExplanationScreen({
  id,
  title,
  children,
  actions,
}: {
  id: string;
  title: string;
  children: ReactNode;
  actions: ReactNode;
}) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby={id}>
      <Title2 as="h1" id={id}>
        {title}
      </Title2>
      {children}
      <div className={styles.actions}>{actions}</div>
    </section>
  );
}

function TryAgain({ onRetry, primary = false }: { onRetry: () => void; primary?: boolean }) {
  return (
    <Button appearance={primary ? 'primary' : 'secondary'} onClick={onRetry}>
      Try again
    </Button>
  );
}

/** 401 CONSENT_REQUIRED: the server needs the user's consent before it can reach SharePoint for them. */
export function ConsentScreen({ host, onDone }: { host: Host; onDone: () => void }) {
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const consent = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await host.requestConsent();
      onDone();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <ExplanationScreen
      id="consent-title"
      title="Allow access to your school’s records"
      actions={
        <Button appearance="primary" onClick={consent} disabled={busy}>
          {busy ? 'Waiting for Microsoft…' : 'Continue'}
        </Button>
      }
    >
      <Body1 as="p">
        Assessments are kept in your school’s own SharePoint. Before this app can open them for you, Microsoft
        365 needs your permission for it to act on your behalf. A Microsoft sign-in window will open; the app
        never sees your password.
      </Body1>
      {failed && (
        <MessageBar intent="warning">
          <MessageBarBody>
            Permission was not given. You can try again, or ask your IT administrator to grant consent for the
            whole school.
          </MessageBarBody>
        </MessageBar>
      )}
    </ExplanationScreen>
  );
}

/** 403 NOT_A_MEMBER: signed in, but not in the safeguarding team. */
export function NotMemberScreen({ onRetry }: { onRetry: () => void }) {
  return (
    <ExplanationScreen
      id="not-member-title"
      title="This is for your school’s safeguarding team"
      actions={<TryAgain onRetry={onRetry} />}
    >
      <Body1 as="p">
        You are signed in, but you are not a member of the safeguarding team this app works for. The records
        here are about children and are only open to that team.
      </Body1>
      <Body1 as="p">
        If your role needs access, ask your Designated Safeguarding Lead (DSL) to add you to the safeguarding
        team in Teams. Access can take a few minutes to arrive after you are added.
      </Body1>
    </ExplanationScreen>
  );
}

/** 400 TEAM_REQUIRED / INVALID_TEAM: in several safeguarding teams, and the tab cannot tell which. */
export function TeamRequiredScreen({ onRetry }: { onRetry: () => void }) {
  return (
    <ExplanationScreen
      id="team-required-title"
      title="Which school’s records?"
      actions={<TryAgain onRetry={onRetry} />}
    >
      <Body1 as="p">
        You are a member of more than one school’s safeguarding team, and this place in Teams does not say
        which one you mean. Open the assessments from the tab in that team’s channel, or from a meeting that
        team set up.
      </Body1>
    </ExplanationScreen>
  );
}

/** 401 UNAUTHENTICATED: Teams gave no token, or the server did not accept it. */
export function SignInProblemScreen({ onRetry }: { onRetry: () => void }) {
  return (
    <ExplanationScreen
      id="sign-in-title"
      title="We could not confirm who you are"
      actions={<TryAgain onRetry={onRetry} primary />}
    >
      <Body1 as="p">
        Teams did not pass on your sign-in, or it has expired. Try again; if it keeps happening, sign out of
        Teams and back in.
      </Body1>
    </ExplanationScreen>
  );
}

export function LoadFailedScreen({
  title = 'The app could not start',
  message,
  correlationId,
  onRetry,
}: {
  title?: string;
  message: string;
  correlationId?: string | undefined;
  onRetry: () => void;
}) {
  return (
    <ExplanationScreen id="load-failed-title" title={title} actions={<TryAgain onRetry={onRetry} primary />}>
      <Body1 as="p">{message}</Body1>
      {correlationId && <Body1 as="p">Reference for support: {correlationId}</Body1>}
    </ExplanationScreen>
  );
}
