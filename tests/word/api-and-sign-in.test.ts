import { SignInError, type MsalTokenRequest } from '../../core/api/browser-sign-in.js';
import {
  officeDialogSignIn,
  officeTokens,
  paneTokens,
  supportsNestedAppAuth,
  tokenExpiry,
  windowTokens,
  type PaneSignIn,
} from '../../word-addin/src/auth/office-sign-in.js';
import { parseSignInMessage } from '../../word-addin/src/auth/sign-in-error.js';
import fc from 'fast-check';
import { schoolProfileSchema } from '../../core/content/schema.js';
import { profileVariables } from '../../core/content/school-profile.js';
import {
  browserProfileStore,
  isSchoolProfile,
  PROFILE_KEY,
} from '../../word-addin/src/settings/profile-store.js';
import { CANARY_LEARNER } from './fixtures/assessment.js';
import { FakeSettings, settingsStore } from './fixtures/fake-services.js';

function jwt(payload: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(payload)}.sig`;
}

describe('Office sign-in', () => {
  const sso = (impl: (o: Office.AuthOptions) => Promise<string>) => ({ getAccessToken: jest.fn(impl) });

  it('uses Office SSO with sign-in and consent prompts, and the claims challenge when given', async () => {
    const auth = sso(async () => 'sso-token');
    const fallback = jest.fn();
    const get = officeTokens(auth, fallback);
    await expect(get()).resolves.toBe('sso-token');
    await get({ reason: 'consent', claims: 'c' });
    expect(auth.getAccessToken.mock.calls).toEqual([
      [{ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: true }],
      [{ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: true, authChallenge: 'c' }],
    ]);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('falls back to the sign-in dialog when SSO is unavailable (13xxx), and stays on it', async () => {
    const auth = sso(async () => Promise.reject(Object.assign(new Error('x'), { code: 13003 })));
    const fallback = jest.fn(async () => 'dialog-token');
    const get = officeTokens(auth, fallback);
    await expect(get()).resolves.toBe('dialog-token');
    await expect(get()).resolves.toBe('dialog-token');
    expect(auth.getAccessToken).toHaveBeenCalledTimes(1);
  });

  it('treats a cancelled prompt (13002) as cancelled, not as a reason to open another window', async () => {
    const fallback = jest.fn();
    const get = officeTokens(
      sso(async () => Promise.reject({ code: 13002 })),
      fallback,
    );
    await expect(get()).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(fallback).not.toHaveBeenCalled();
  });

  it('opens the dialog for consent Office cannot give itself', async () => {
    const fallback = jest.fn(async () => 'consented');
    const get = officeTokens(
      sso(async () => 'sso'),
      fallback,
    );
    await expect(get({ reason: 'consent' })).resolves.toBe('consented');
    expect(fallback).toHaveBeenCalledWith({ reason: 'consent' });
  });

  it('caches a window token until shortly before it expires, and shares one window between callers', async () => {
    let now = 1_000_000_000_000;
    const token = jwt({ exp: now / 1000 + 3600 });
    const open = jest.fn(async () => token);
    const get = windowTokens(open, 'https://app/word/sign-in.html', () => now);
    await Promise.all([get(), get(), get()]);
    expect(open).toHaveBeenCalledTimes(1);
    await get();
    expect(open).toHaveBeenCalledTimes(1);
    now += 3600_000 - 60_000;
    await get();
    expect(open).toHaveBeenCalledTimes(2);
    await get({ reason: 'consent' });
    expect(open).toHaveBeenLastCalledWith('https://app/word/sign-in.html?prompt=consent');
    await get({ reason: 'consent', claims: '{"a":1}' });
    expect(open).toHaveBeenLastCalledWith('https://app/word/sign-in.html?claims=%7B%22a%22%3A1%7D');
    expect(tokenExpiry('not-a-jwt')).toBe(0);
  });

  it('drives an Office dialog and reads its message', async () => {
    const handlers = new Map<string, (arg: unknown) => void>();
    const dialog = {
      close: jest.fn(),
      addEventHandler: jest.fn((t: string, h: (arg: unknown) => void) => handlers.set(t, h)),
    };
    const office = {
      EventType: {
        DialogMessageReceived: 'dialogMessageReceived',
        DialogEventReceived: 'dialogEventReceived',
      },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      context: {
        ui: {
          displayDialogAsync: jest.fn((_url: string, _o: unknown, cb: (r: unknown) => void) =>
            cb({ status: 'succeeded', value: dialog }),
          ),
        },
      },
    } as unknown as Parameters<typeof officeDialogSignIn>[0];
    const pending = officeDialogSignIn(office)('https://app/word/sign-in.html');
    handlers.get('dialogMessageReceived')!({
      message: JSON.stringify({ type: 'hsb-sign-in', status: 'token', token: 't' }),
    });
    await expect(pending).resolves.toBe('t');
    expect(dialog.close).toHaveBeenCalled();

    const closed = officeDialogSignIn(office)('https://app/word/sign-in.html');
    handlers.get('dialogEventReceived')!({ error: 12006 });
    await expect(closed).rejects.toEqual(new SignInError('CANCELLED'));
  });

  it('accepts only well-formed sign-in messages', () => {
    expect(parseSignInMessage('{"type":"hsb-sign-in","status":"token","token":"t"}')).toMatchObject({
      token: 't',
    });
    expect(parseSignInMessage({ type: 'hsb-sign-in', status: 'error', code: 'NOPE' })).toBeNull();
    expect(parseSignInMessage({ type: 'hsb-sign-in', status: 'error', code: 'CANCELLED' })).toMatchObject({
      code: 'CANCELLED',
    });
    expect(parseSignInMessage('not json')).toBeNull();
    expect(parseSignInMessage({ type: 'other', status: 'token', token: 't' })).toBeNull();
  });
});

describe('choosing how the pane signs in', () => {
  const SETTINGS = { clientId: 'cid', tenantId: 't-1', scopes: ['api://hsb.example.org/cid/.default'] };
  const SIGN_IN_URL = 'https://hsb.example.org/word/sign-in.html';

  /** MSAL as a fake: which client was made, with what configuration, and what it was asked. */
  function fakeMsal() {
    const made: { kind: 'nested' | 'standard'; config: unknown }[] = [];
    const asked: { kind: string; method: string; request: MsalTokenRequest }[] = [];
    const client = (kind: 'nested' | 'standard') => {
      let active: unknown = null;
      const answer = (method: string) => async (request: MsalTokenRequest) => {
        asked.push({ kind, method, request });
        if (method === 'silent' && !request.account)
          throw Object.assign(new Error(), { errorCode: 'no_account_error' });
        return { accessToken: `${kind}-${method}`, account: { username: 'dsl' } };
      };
      return {
        acquireTokenSilent: answer('silent'),
        ssoSilent: answer('ssoSilent'),
        acquireTokenPopup: answer('popup'),
        getActiveAccount: () => active,
        setActiveAccount: (a: unknown) => void (active = a),
      };
    };
    return {
      made,
      asked,
      msal: {
        nested: jest.fn(async (config: unknown) => {
          made.push({ kind: 'nested', config });
          return client('nested');
        }),
        standard: jest.fn(async (config: unknown) => {
          made.push({ kind: 'standard', config });
          return client('standard');
        }),
        redirect: jest.fn(async () => Promise.reject(new Error('not the sign-in page'))),
      },
    };
  }

  function deps(office: PaneSignIn['office'], fake = fakeMsal()): PaneSignIn & { fake: typeof fake } {
    return { msal: fake.msal, settings: async () => SETTINGS, signInUrl: SIGN_IN_URL, office, fake };
  }

  const office = (nestedAppAuth: boolean) => ({
    nestedAppAuth,
    auth: { getAccessToken: jest.fn(async () => 'office-sso') },
    openDialog: jest.fn(async () => 'dialog-token'),
  });

  it('uses nested app authentication in a Word that supports it, with MSAL’s cache in memory', async () => {
    const word = office(true);
    const d = deps(word);
    const get = paneTokens(d);
    expect(await get()).toBe('nested-ssoSilent');
    expect(d.fake.made).toEqual([
      {
        kind: 'nested',
        config: {
          auth: { clientId: 'cid', authority: 'https://login.microsoftonline.com/t-1' },
          cache: { cacheLocation: 'memoryStorage' },
        },
      },
    ]);
    expect(await get({ reason: 'consent' })).toBe('nested-popup');
    expect(word.auth.getAccessToken).not.toHaveBeenCalled();
    expect(word.openDialog).not.toHaveBeenCalled();
  });

  it('falls back to Office SSO, then the sign-in dialog, where Word does not support it', async () => {
    const word = office(false);
    const d = deps(word);
    const get = paneTokens(d);
    expect(await get()).toBe('office-sso');
    expect(d.fake.made).toEqual([]);
    word.auth.getAccessToken.mockRejectedValueOnce(Object.assign(new Error(), { code: 13003 }));
    expect(await get()).toBe('dialog-token');
    expect(word.openDialog).toHaveBeenCalledWith(SIGN_IN_URL);
  });

  it('in preview mode, signs in with an MSAL pop-up that returns to the sign-in page', async () => {
    const d = deps(null);
    const get = paneTokens(d);
    expect(await get()).toBe('standard-popup');
    expect(d.fake.made).toEqual([
      {
        kind: 'standard',
        config: {
          auth: {
            clientId: 'cid',
            authority: 'https://login.microsoftonline.com/t-1',
            redirectUri: SIGN_IN_URL,
          },
          cache: { cacheLocation: 'memoryStorage' },
        },
      },
    ]);
    // No silent sign-in without an account: that would need an Entra frame the CSP does not allow.
    expect(d.fake.asked.map((a) => a.method)).toEqual(['popup']);
  });

  it('says sign-in is unavailable when the server has no settings, and asks again next time', async () => {
    let settings: typeof SETTINGS | null = null;
    const d = { ...deps(office(true)), settings: async () => settings };
    const get = paneTokens(d);
    await expect(get()).rejects.toEqual(new SignInError('UNAVAILABLE'));
    settings = SETTINGS;
    await expect(get()).resolves.toBe('nested-ssoSilent');
  });

  it('reads nested app authentication support from the requirement set', () => {
    const isSetSupported = jest.fn(
      (name: string, version?: string) => name === 'NestedAppAuth' && version === '1.1',
    );
    expect(supportsNestedAppAuth({ context: { requirements: { isSetSupported } } })).toBe(true);
    expect(
      supportsNestedAppAuth({
        context: {
          requirements: {
            isSetSupported: () => {
              throw new Error('old Office');
            },
          },
        },
      }),
    ).toBe(false);
  });
});

describe('where the school profile is kept', () => {
  it('stores only the school-profile fields in the document settings', async () => {
    const settings = new FakeSettings();
    const store = settingsStore(settings);
    await store.save({ schoolName: ' Oakfield ', dslName: '  ' });
    expect(settings.values.get(PROFILE_KEY)).toEqual({ schoolName: 'Oakfield' });
    const smuggled = { schoolName: 'Oakfield', learnerName: CANARY_LEARNER } as unknown as Record<
      string,
      string
    >;
    await expect(store.save(smuggled)).rejects.toThrow();
    expect(JSON.stringify([...settings.values])).not.toContain(CANARY_LEARNER);
    // Anything unexpected read back from a document is ignored, not trusted.
    settings.set(PROFILE_KEY, { schoolName: 'X', note: CANARY_LEARNER });
    expect(store.load()).toEqual({});
  });

  it('accepts exactly what the content schema accepts', () => {
    const key = fc.oneof(fc.constantFrom(...profileVariables), fc.string({ maxLength: 12 }));
    const value = fc.oneof(
      fc.string({ maxLength: 210 }),
      fc.string({ maxLength: 20 }).map((s) => ` ${s}${' '.repeat(190)} `),
      fc.integer(),
      fc.constant(null),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(fc.oneof(fc.dictionary(key, value, { maxKeys: 4 }), fc.anything()), (candidate) => {
        expect(isSchoolProfile(candidate)).toBe(schoolProfileSchema.safeParse(candidate).success);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the profile in browser storage in preview mode, and copes without storage', async () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    };
    await browserProfileStore(storage).save({ dslName: 'Priya Shah' });
    expect(browserProfileStore(storage).load()).toEqual({ dslName: 'Priya Shah' });
    const none = browserProfileStore(undefined);
    await none.save({ dslName: 'A' });
    expect(none.load()).toEqual({ dslName: 'A' });
  });
});
