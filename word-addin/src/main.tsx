import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { dateInZone } from '../../core/dates.js';
import { loadSignInSettings } from '../../core/api/browser-sign-in.js';
import { ApiClient, detectMode, type GetToken } from './api/api-client.js';
import type { PaneMsal } from './auth/msal.js';
import {
  officeDialogSignIn,
  paneTokens,
  supportsNestedAppAuth,
  type PaneSignIn,
} from './auth/office-sign-in.js';
import { loadOffice } from './office/load-office.js';
import { browserProfileStore, documentProfileStore } from './settings/profile-store.js';
import { App } from './ui/app.js';
import { copyText } from './ui/copy-text.js';
import { teamChoice, type HostStatus, type PaneServices } from './ui/pane-services.js';
import { createWordDocument } from './word/word-document.js';

/**
 * Composition root: renders at once in preview mode, then looks for Word in the background and
 * switches to Word mode if it is there. office.js never delays the first render.
 */

const OFFICE_TIMEOUT_MS = 8_000;
const SIGN_IN_URL = `${window.location.origin}/word/sign-in.html`;
const root = createRoot(document.getElementById('root')!);

function render(services: PaneServices, host: HostStatus): void {
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App services={services} host={host} />
    </FluentProvider>,
  );
}

/** Tokens are asked for only in Microsoft 365 mode; the mode is learnt once, on first use. */
function lazyTokens(make: () => GetToken): GetToken {
  let mode: Promise<'local' | 'm365'> | undefined;
  let tokens: GetToken | undefined;
  return async (request) => {
    mode ??= detectMode(window.fetch.bind(window));
    if ((await mode) === 'local') return undefined;
    tokens ??= make();
    return tokens(request);
  };
}

const team = teamChoice();

function services(
  word: PaneServices['word'],
  profiles: PaneServices['profiles'],
  getToken: GetToken,
): PaneServices {
  return {
    api: new ApiClient({ fetch: window.fetch.bind(window), getToken, team: team.get }),
    team,
    word,
    profiles,
    copyText: (text) => copyText(text),
    today: () => dateInZone(new Date()),
  };
}

/** MSAL is fetched on first sign-in, so it never delays the first render (nor loads in local mode). */
const msal = () => import('./auth/msal.js').then((m) => m.paneMsal);
const lazyMsal: PaneMsal = {
  nested: async (config) => (await msal()).nested(config),
  standard: async (config) => (await msal()).standard(config),
  redirect: async (config, request) => (await msal()).redirect(config, request),
};

const signIn = (office: PaneSignIn['office']): PaneSignIn => ({
  msal: lazyMsal,
  settings: () => loadSignInSettings(window.fetch.bind(window), '/word/auth-config.json'),
  signInUrl: SIGN_IN_URL,
  office,
});

const previewTokens = lazyTokens(() => paneTokens(signIn(null)));
const preview = services(null, browserProfileStore(window.localStorage), previewTokens);
render(preview, 'connecting');

void loadOffice(document, window, OFFICE_TIMEOUT_MS).then((loaded) => {
  const inWord =
    loaded.status === 'ready' &&
    loaded.host === loaded.office.HostType.Word &&
    // Content-control tags need WordApi 1.1; built-in heading styles and lists need 1.3.
    loaded.office.context.requirements.isSetSupported('WordApi', '1.3');
  if (!inWord || loaded.status !== 'ready') {
    render(preview, 'preview');
    return;
  }
  const office = loaded.office;
  const tokens = lazyTokens(() =>
    paneTokens(
      signIn({
        nestedAppAuth: supportsNestedAppAuth(office),
        auth: office.auth,
        openDialog: officeDialogSignIn(office),
      }),
    ),
  );
  render(
    services(
      createWordDocument(Word),
      documentProfileStore(office.context.document.settings, office.AsyncResultStatus.Succeeded),
      tokens,
    ),
    'word',
  );
});
