import { ConfigError, isLoopback, loadConfig, redactedConfig } from '../../../bot/src/config.js';

const m365 = {
  APP_MODE: 'm365',
  PUBLIC_BASE_URL: 'https://hsb.example.org',
  TEAMS_APP_ID: '11111111-1111-4111-8111-111111111111',
  BOT_ID: '22222222-2222-4222-8222-222222222222',
  BOT_TENANT_ID: '33333333-3333-4333-8333-333333333333',
  SECRET_BOT_PASSWORD: 'bot-secret',
  AAD_APP_CLIENT_ID: '44444444-4444-4444-8444-444444444444',
  AAD_APP_TENANT_ID: '33333333-3333-4333-8333-333333333333',
  AAD_APP_ID_URI: 'api://hsb.example.org/44444444-4444-4444-8444-444444444444',
  SECRET_AAD_APP_CLIENT_SECRET: 'aad-secret',
  ALLOWED_TENANT_IDS: '33333333-3333-4333-8333-333333333333',
  SAFEGUARDING_TEAM_ID: '55555555-5555-4555-8555-555555555555',
  SECRET_BOT_STATE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
};

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to local mode on 127.0.0.1:3978 with data under .data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      mode: 'local',
      storage: 'sqlite',
      HOST: '127.0.0.1',
      PORT: 3978,
      LOG_LEVEL: 'info',
    });
    expect(config.mode === 'local' && config.dataDir.endsWith('.data')).toBe(true);
    expect(config.publicBaseUrl).toBe('http://127.0.0.1:3978');
    expect(config.paths.contentDir.endsWith('content')).toBe(true);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', HOST: '' }).PORT).toBe(3978);
  });

  it('refuses to run local mode, which has no sign-in, on a non-loopback address', () => {
    for (const HOST of ['0.0.0.0', '192.168.1.20', '::', 'example.org']) {
      const e = configError({ HOST });
      expect(e.invalid.map((i) => i.key)).toEqual(['HOST']);
      expect(e.message).toMatch(/loopback/);
    }
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost']) expect(isLoopback(host)).toBe(true);
  });

  it('in Microsoft 365 mode lists every missing key in one message', () => {
    const e = configError({ APP_MODE: 'm365' });
    expect(e.missing).toEqual(
      [
        'AAD_APP_CLIENT_ID',
        'AAD_APP_ID_URI',
        'AAD_APP_TENANT_ID',
        'ALLOWED_TENANT_IDS',
        'BOT_ID',
        'BOT_TENANT_ID',
        'PUBLIC_BASE_URL',
        'SAFEGUARDING_TEAM_ID',
        'SECRET_AAD_APP_CLIENT_SECRET',
        'SECRET_BOT_PASSWORD',
        'SECRET_BOT_STATE_CONNECTION_STRING',
        'TEAMS_APP_ID',
      ].sort(),
    );
    for (const key of e.missing) expect(e.message).toContain(key);
  });

  it('names invalid values without echoing them', () => {
    const e = configError({
      ...m365,
      BOT_ID: 'not-a-guid',
      PUBLIC_BASE_URL: 'http://insecure.example.org',
      PORT: 'eighty',
    });
    expect(e.invalid.map((i) => i.key).sort()).toEqual(['BOT_ID', 'PORT', 'PUBLIC_BASE_URL']);
    expect(e.message).not.toContain('not-a-guid');
  });

  it('accepts a complete Microsoft 365 configuration and masks its secrets for the log', () => {
    const config = loadConfig(m365);
    expect(config).toMatchObject({ mode: 'm365', storage: 'sharepoint', HOST: '0.0.0.0', PORT: 8080 });
    expect(config.mode === 'm365' && config.ALLOWED_TENANT_IDS).toEqual([
      '33333333-3333-4333-8333-333333333333',
    ]);
    const shown = JSON.stringify(redactedConfig(config));
    expect(shown).not.toContain('bot-secret');
    expect(shown).not.toContain('aad-secret');
    expect(shown).not.toContain('UseDevelopmentStorage');
  });

  it('refuses one fixed SharePoint site for several safeguarding teams, which would mix schools', () => {
    const e = configError({
      ...m365,
      SAFEGUARDING_TEAM_IDS: '66666666-6666-4666-8666-666666666666',
      SHAREPOINT_SITE_ID: 'contoso.sharepoint.com,1,2',
    });
    expect(e.invalid.map((i) => i.key)).toEqual(['SHAREPOINT_SITE_ID']);
    expect(() => loadConfig({ ...m365, SHAREPOINT_SITE_ID: 'contoso.sharepoint.com,1,2' })).not.toThrow();
  });

  it('rejects an unknown mode', () => {
    expect(configError({ APP_MODE: 'cloud' }).invalid[0]!.key).toBe('APP_MODE');
  });
});
