import { ConfigError, loadConfig } from '../../../bot/src/config.js';

const GUID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The Microsoft 365 settings, complete, as a deployment would have them. */
function m365(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    APP_MODE: 'm365',
    PUBLIC_BASE_URL: 'https://hsb.example.org',
    TEAMS_APP_ID: GUID(1),
    BOT_ID: GUID(2),
    BOT_TENANT_ID: GUID(3),
    SECRET_BOT_PASSWORD: 'x',
    AAD_APP_CLIENT_ID: GUID(4),
    AAD_APP_TENANT_ID: GUID(3),
    AAD_APP_ID_URI: `api://hsb.example.org/${GUID(4)}`,
    SECRET_AAD_APP_CLIENT_SECRET: 'x',
    ALLOWED_TENANT_IDS: GUID(3),
    SAFEGUARDING_TEAM_ID: GUID(5),
    SECRET_BOT_STATE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
    ...overrides,
  };
}

function problem(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration for local mode binding', () => {
  it.each([
    '0.0.0.0',
    '::',
    '192.168.1.20',
    '10.0.0.5',
    'hsb.example.org',
    '127.0.0.1.nip.io',
    '::ffff:10.0.0.1',
  ])('refuses local mode (no sign-in) on %s', (host) => {
    const error = problem({ APP_MODE: 'local', HOST: host });
    expect(error.invalid).toEqual([
      { key: 'HOST', problem: expect.stringMatching(/loopback/) as unknown as string },
    ]);
    expect(error.message).toMatch(/HOST/);
  });

  it.each(['127.0.0.1', '127.0.0.2', '::1', 'localhost'])('accepts local mode on loopback %s', (host) => {
    expect(loadConfig({ APP_MODE: 'local', HOST: host })).toMatchObject({ mode: 'local', HOST: host });
  });

  it('defaults local mode to 127.0.0.1', () => {
    expect(loadConfig({})).toMatchObject({ mode: 'local', HOST: '127.0.0.1' });
  });
});

describe('configuration for Microsoft 365 identity', () => {
  it('takes one safeguarding team from SAFEGUARDING_TEAM_ID', () => {
    const config = loadConfig(m365());
    expect(config.mode === 'm365' && config.safeguardingTeamIds).toEqual([GUID(5)]);
  });

  it('takes a trust’s teams from SAFEGUARDING_TEAM_IDS, merged with SAFEGUARDING_TEAM_ID, lower case, once each', () => {
    const list = `${GUID(6).toUpperCase()}, ${GUID(7)},${GUID(5)}`;
    const config = loadConfig(m365({ SAFEGUARDING_TEAM_IDS: list }));
    expect(config.mode === 'm365' && config.safeguardingTeamIds).toEqual([GUID(5), GUID(6), GUID(7)]);
    const onlyList = loadConfig(m365({ SAFEGUARDING_TEAM_ID: undefined, SAFEGUARDING_TEAM_IDS: GUID(8) }));
    expect(onlyList.mode === 'm365' && onlyList.safeguardingTeamIds).toEqual([GUID(8)]);
  });

  it('names a missing team among every other missing key, in one message', () => {
    const error = problem({ APP_MODE: 'm365', SAFEGUARDING_TEAM_ID: '' });
    expect(error.missing).toEqual(
      expect.arrayContaining(['SAFEGUARDING_TEAM_ID', 'AAD_APP_CLIENT_ID', 'ALLOWED_TENANT_IDS']),
    );
    expect(problem(m365({ SAFEGUARDING_TEAM_ID: undefined })).missing).toEqual(['SAFEGUARDING_TEAM_ID']);
  });

  it('refuses team and tenant lists that are not GUIDs', () => {
    const error = problem(
      m365({
        SAFEGUARDING_TEAM_IDS: `${GUID(6)},year-9-team`,
        ALLOWED_TENANT_IDS: 'contoso.onmicrosoft.com',
      }),
    );
    expect(error.invalid.map((i) => i.key).sort()).toEqual(['ALLOWED_TENANT_IDS', 'SAFEGUARDING_TEAM_IDS']);
  });

  it('finds signing keys at Entra for the app’s tenant unless told otherwise', () => {
    const config = loadConfig(m365());
    expect(config.mode === 'm365' && config.openIdMetadataUrl).toBe(
      `https://login.microsoftonline.com/${GUID(3)}/v2.0/.well-known/openid-configuration`,
    );
  });

  it('takes keys over https, or over http only from a loopback address', () => {
    expect(() =>
      loadConfig(
        m365({ AAD_OPENID_METADATA_URL: 'http://127.0.0.1:4000/x/.well-known/openid-configuration' }),
      ),
    ).not.toThrow();
    expect(
      problem(m365({ AAD_OPENID_METADATA_URL: 'http://login.example.org/.well-known/openid-configuration' }))
        .invalid,
    ).toEqual([
      { key: 'AAD_OPENID_METADATA_URL', problem: expect.stringMatching(/https/) as unknown as string },
    ]);
  });
});
