/** @jest-environment jsdom */
import './support/dom';
import { describe, expect, it } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { act, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import userEvent from '@testing-library/user-event';
import { ApiClient, ApiError, type Me } from '../../tab/src/api/api-client';
import { SignInError } from '../../core/api/browser-sign-in';
import { AuthProblems } from '../../tab/src/app/auth-problems';
import { Session } from '../../tab/src/app/session';
import { fakeHost } from './support/fake-host';
import type { TokenRequest } from '../../core/api/browser-client';
import { json, scriptedFetch } from './support/http';

let mounts = 0;
function View({ me }: { me: Me | null }) {
  useEffect(() => {
    mounts += 1;
  }, []);
  return <p>{me ? `Signed in as ${me.displayName}` : 'Checking who you are'}</p>;
}

function setup(responses: Response[], host = fakeHost()) {
  const problems = new AuthProblems();
  const { fetch, sent: requests } = scriptedFetch(() => responses.shift() ?? json(500, {}));
  const api = new ApiClient({
    getToken: (request) => host.host.getToken(request),
    fetch,
    onAuthProblem: (e) => problems.report(e),
  });
  render(
    <FluentProvider theme={teamsLightTheme}>
      <Session api={api} host={host.host} authProblems={problems}>
        {(me: Me | null) => <View me={me} />}
      </Session>
    </FluentProvider>,
  );
  return { host, requests, problems };
}

/** A host whose sign-in prompt cannot open until the user clicks (a pop-up blocker). */
const blockedUntilClicked = (consent?: () => Promise<void>) =>
  fakeHost({
    interactive: async () => Promise.reject(new SignInError('UNAVAILABLE')),
    ...(consent ? { consent } : {}),
  });

const me = (mode: 'local' | 'm365') =>
  json(200, { displayName: mode === 'local' ? 'Local user (no sign-in)' : 'Dana DSL', kind: 'user', mode });

describe('session and sign-in', () => {
  it('starts the view at once, sends the Teams token, and tells Teams it is ready after the check', async () => {
    mounts = 0;
    const { host, requests } = setup([me('m365')]);
    expect(screen.getByText('Checking who you are')).toBeTruthy();
    expect(host.host.notifyReady).not.toHaveBeenCalled();
    expect(await screen.findByText('Signed in as Dana DSL')).toBeTruthy();
    expect(mounts).toBe(1);
    expect(requests[0]!.headers.Authorization).toBe('Bearer token-123');
    expect(host.host.notifyReady).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Local mode')).toBeNull();
  });

  it('shows a clear Local mode banner without sign-in', async () => {
    const { requests } = setup([me('local')], fakeHost({ kind: 'browser' }));
    expect(await screen.findByText('Local mode')).toBeTruthy();
    expect(requests[0]!.headers.Authorization).toBeUndefined();
  });

  it('asks for consent by itself on CONSENT_REQUIRED, and carries on when the prompt succeeds', async () => {
    const interactive: TokenRequest[] = [];
    const host = fakeHost({
      interactive: async (request) => {
        interactive.push(request);
        return 'consented-token';
      },
    });
    const { requests } = setup(
      [json(401, { error: { code: 'CONSENT_REQUIRED', message: 'Consent needed.' } }), me('m365')],
      host,
    );
    expect(await screen.findByText('Signed in as Dana DSL')).toBeTruthy();
    expect(interactive).toEqual([{ reason: 'consent' }]);
    expect(requests.map((r) => r.headers.Authorization)).toEqual([
      'Bearer token-123',
      'Bearer consented-token',
    ]);
  });

  it('offers the consent prompt when it could not open by itself, and carries on once consent is given', async () => {
    const { host } = setup(
      [json(401, { error: { code: 'CONSENT_REQUIRED', message: 'Consent needed.' } }), me('m365')],
      blockedUntilClicked(),
    );
    await screen.findByRole('heading', { name: /allow access/i });
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(host.host.requestConsent).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Signed in as Dana DSL')).toBeTruthy();
  });

  it('says so when consent is not given', async () => {
    const host = blockedUntilClicked(async () => Promise.reject(new SignInError('CANCELLED')));
    setup([json(401, { error: { code: 'CONSENT_REQUIRED', message: 'Consent needed.' } })], host);
    await userEvent.click(await screen.findByRole('button', { name: 'Continue' }));
    expect(await screen.findByText(/permission was not given/i)).toBeTruthy();
  });

  it('explains NOT_A_MEMBER instead of showing an empty screen', async () => {
    const { host } = setup([json(403, { error: { code: 'NOT_A_MEMBER', message: 'Not a member.' } })]);
    expect(await screen.findByRole('heading', { name: /for your school’s safeguarding team/i })).toBeTruthy();
    expect(screen.getByText(/ask your Designated Safeguarding Lead/i)).toBeTruthy();
    expect(host.host.notifyReady).toHaveBeenCalled();
  });

  it('explains when /api/me says the user is in no safeguarding team', async () => {
    setup([json(200, { displayName: 'Dana', kind: 'user', mode: 'm365', schools: [] })]);
    expect(await screen.findByRole('heading', { name: /for your school’s safeguarding team/i })).toBeTruthy();
    expect(screen.queryByText(/Signed in as/)).toBeNull();
  });

  it('asks which school when the user is in several teams and Teams did not say', async () => {
    const { problems } = setup([me('m365')]);
    await screen.findByText('Signed in as Dana DSL');
    act(() => problems.report(new ApiError(400, 'TEAM_REQUIRED', 'Which team?')));
    expect(await screen.findByText('Which school’s records?')).toBeTruthy();
  });

  it('gets a fresh token once after UNAUTHENTICATED, and asks to try again if that too is refused', async () => {
    const refused = () => json(401, { error: { code: 'UNAUTHENTICATED', message: 'No token.' } });
    const { requests } = setup([refused(), refused(), me('m365')]);
    await userEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Signed in as Dana DSL')).toBeTruthy();
    expect(requests).toHaveLength(3);
  });

  it('opens a later sign-in problem over the current view, keeping it mounted', async () => {
    const { problems } = setup([me('m365')]);
    await screen.findByText('Signed in as Dana DSL');
    act(() => problems.report(new ApiError(401, 'CONSENT_REQUIRED', 'Consent needed.')));
    expect(await screen.findByRole('heading', { name: /allow access/i })).toBeTruthy();
    expect(screen.getByText('Signed in as Dana DSL')).toBeTruthy();
  });
});
