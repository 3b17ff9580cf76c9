import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../bot/src/config';
import { type BicepOutline, type BicepValue, type Expr, get, parseBicep } from './support/bicep-outline';
import { devValues, repoRoot } from './support/ship-fixtures';

// There is no Bicep compiler offline (no npm package ships one), so infra/azure.bicep is checked
// structurally: parsed with a small reader, then asserted property by property.
const source = readFileSync(join(repoRoot, 'infra', 'azure.bicep'), 'utf8');
const bicep: BicepOutline = parseBicep(source);

function resource(type: string) {
  const found = [...bicep.resources.values()].filter((r) => r.type === type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0]!;
}
const isExpr = (v: BicepValue | undefined): v is Expr =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'expr' in v;
const exprOf = (v: BicepValue | undefined) => (isExpr(v) ? v.expr : undefined);

const webApp = () => resource('Microsoft.Web/sites');
const settings = () =>
  get(resource('Microsoft.Web/sites/config').body, 'properties') as Record<string, BicepValue>;

describe('infra/azure.bicep parameters', () => {
  it('describes every parameter and validates every one a person or the toolkit sets', () => {
    for (const p of bicep.params.values()) {
      const names = p.decorators.map((d) => d.name);
      expect({ param: p.name, described: names.includes('description') }).toEqual({
        param: p.name,
        described: true,
      });
      if (p.name === 'location') continue;
      const validated = names.some((n) =>
        ['minLength', 'maxLength', 'allowed', 'minValue', 'maxValue'].includes(n),
      );
      expect({ param: p.name, validated }).toEqual({ param: p.name, validated: true });
    }
  });

  it('takes ids as exactly 36 characters and secrets as @secure()', () => {
    const ids = [
      'teamsAppId',
      'botAadAppClientId',
      'botAadAppTenantId',
      'aadAppClientId',
      'aadAppTenantId',
      'safeguardingTeamId',
    ];
    for (const id of ids) {
      const d = Object.fromEntries(bicep.params.get(id)!.decorators.map((x) => [x.name, x.args]));
      expect({ id, min: d['minLength'], max: d['maxLength'] }).toEqual({ id, min: '36', max: '36' });
    }
    for (const s of ['botAadAppClientSecret', 'aadAppClientSecret']) {
      expect(bicep.params.get(s)!.decorators.map((d) => d.name)).toContain('secure');
    }
  });

  it('refers only to symbols it declares', () => {
    const declared = new Set([...bicep.params.keys(), ...bicep.vars.keys(), ...bicep.resources.keys()]);
    const used = new Set<string>();
    const scan = (text: string) => {
      const code = text.replace(/'(?:[^'\\]|\\.)*'/g, (s) =>
        [...s.matchAll(/\$\{([^}]*)\}/g)].map((m) => ` ${m[1]} `).join(' '),
      );
      for (const m of code.matchAll(/(?<![.\w$])([A-Za-z_]\w*)(?![\w(])/g)) used.add(m[1]!);
    };
    const walk = (v: BicepValue | undefined) => {
      if (isExpr(v)) scan(v.expr);
      else if (typeof v === 'string') scan(`'${v}'`);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k.includes('${')) scan(`'${k}'`);
          walk(x);
        }
      }
    };
    for (const p of bicep.params.values()) walk(p.defaultValue);
    for (const v of bicep.vars.values()) walk(v);
    for (const r of bicep.resources.values()) walk(r.body);
    for (const o of bicep.outputs.values()) walk(o.value);
    const keywords = new Set(['true', 'false', 'null']);
    expect([...used].filter((u) => !declared.has(u) && !keywords.has(u))).toEqual([]);
  });
});

describe('the web app', () => {
  it('runs Node 20 LTS on Linux, HTTPS only, TLS 1.2+, no ARR affinity, health-checked at /healthz', () => {
    const app = webApp().body;
    expect(app['kind']).toBe('app,linux');
    expect(get(app, 'properties.httpsOnly')).toBe(true);
    expect(get(app, 'properties.clientAffinityEnabled')).toBe(false);
    expect(get(app, 'properties.siteConfig.linuxFxVersion')).toBe('NODE|20-lts');
    expect(get(app, 'properties.siteConfig.minTlsVersion')).toBe('1.2');
    expect(get(app, 'properties.siteConfig.scmMinTlsVersion')).toBe('1.2');
    expect(get(app, 'properties.siteConfig.ftpsState')).toBe('Disabled');
    expect(get(app, 'properties.siteConfig.healthCheckPath')).toBe('/healthz');
    expect(get(app, 'properties.siteConfig.appCommandLine')).toBe('node dist/bot/src/index.js');
    // The reminder scheduler lives in the server process: it must not be unloaded when idle.
    expect(get(app, 'properties.siteConfig.alwaysOn')).toBe(true);
    expect(get(resource('Microsoft.Web/serverfarms').body, 'properties.reserved')).toBe(true);
  });

  it('has a system-assigned identity that may read Key Vault secrets, and nothing more', () => {
    expect(get(webApp().body, 'identity.type')).toBe('SystemAssigned');
    expect(get(webApp().body, 'properties.keyVaultReferenceIdentity')).toBe('SystemAssigned');
    const role = resource('Microsoft.Authorization/roleAssignments');
    expect(exprOf(role.body['scope'])).toBe('keyVault');
    expect(bicep.vars.get('keyVaultSecretsUserRoleId')).toBe('4633458b-17de-408a-b874-0445c86b69e6');
    expect(exprOf(get(role.body, 'properties.roleDefinitionId'))).toContain('keyVaultSecretsUserRoleId');
    expect(exprOf(get(role.body, 'properties.principalId'))).toBe(`${webApp().symbol}.identity.principalId`);
    expect(get(role.body, 'properties.principalType')).toBe('ServicePrincipal');
  });

  it('takes every secret from Key Vault by reference, after the role assignment exists', () => {
    const config = resource('Microsoft.Web/sites/config');
    expect(config.body['name']).toBe('appsettings');
    expect((config.body['dependsOn'] as BicepValue[]).map(exprOf)).toContain(
      resource('Microsoft.Authorization/roleAssignments').symbol,
    );
    const secrets = [...bicep.resources.values()].filter(
      (r) => r.type === 'Microsoft.KeyVault/vaults/secrets',
    );
    const secretKeys = Object.keys(settings()).filter((k) => k.startsWith('SECRET_'));
    expect(secretKeys.sort()).toEqual([
      'SECRET_AAD_APP_CLIENT_SECRET',
      'SECRET_BOT_PASSWORD',
      'SECRET_BOT_STATE_CONNECTION_STRING',
    ]);
    for (const key of secretKeys) {
      const match = /^@Microsoft\.KeyVault\(SecretUri=\$\{(\w+)\.properties\.secretUri\}\)$/.exec(
        String(settings()[key]),
      );
      expect({ key, reference: match !== null }).toEqual({ key, reference: true });
      const secret = secrets.find((s) => s.symbol === match![1]);
      expect(exprOf(secret?.body['parent'])).toBe(resource('Microsoft.KeyVault/vaults').symbol);
    }
  });

  it('sets what bot/src/config.ts needs to start in Microsoft 365 mode', () => {
    const host = 'app-hsbq7x2k9.azurewebsites.net';
    const params: Record<string, string> = {
      teamsAppId: devValues.TEAMS_APP_ID!,
      botAadAppClientId: devValues.BOT_ID!,
      botAadAppTenantId: devValues.BOT_TENANT_ID!,
      aadAppClientId: devValues.AAD_APP_CLIENT_ID!,
      aadAppTenantId: devValues.AAD_APP_TENANT_ID!,
      safeguardingTeamId: '7e1a3fa2-5162-43c4-8f80-ab1c2d3e4f50',
    };
    const valueOf = (name: string): string => {
      if (params[name] !== undefined) return params[name];
      const p = bicep.params.get(name);
      if (p && typeof p.defaultValue === 'string') return p.defaultValue;
      const v = bicep.vars.get(name);
      if (typeof v === 'string') return v;
      throw new Error(`cannot evaluate ${name}`);
    };
    const evaluate = (v: BicepValue): string => {
      if (typeof v === 'string') {
        // App Service swaps a Key Vault reference for the secret before the server starts.
        if (v.startsWith('@Microsoft.KeyVault(')) return 'resolved-secret-value';
        return v.replace(/\$\{([^}]+)\}/g, (_, e: string) =>
          e === `${webApp().symbol}.properties.defaultHostName` ? host : valueOf(e),
        );
      }
      const e = exprOf(v);
      if (e && /^\w+$/.test(e)) return valueOf(e);
      const ternary = e && /^empty\((\w+)\) \? (\w+) : (\w+)$/.exec(e);
      if (ternary) return valueOf(ternary[1]!) === '' ? valueOf(ternary[2]!) : valueOf(ternary[3]!);
      throw new Error(`cannot evaluate ${JSON.stringify(v)}`);
    };
    const env = Object.fromEntries(Object.entries(settings()).map(([k, v]) => [k, evaluate(v)]));

    const config = loadConfig(env);
    expect(config.mode).toBe('m365');
    expect(config.publicBaseUrl).toBe(`https://${host}`);
    if (config.mode !== 'm365') throw new Error('unreachable');
    expect(config.AAD_APP_ID_URI).toBe(`api://${host}/${devValues.AAD_APP_CLIENT_ID}`);
    expect(config.ALLOWED_TENANT_IDS).toEqual([devValues.AAD_APP_TENANT_ID]);
    // App Service supplies PORT; Oryx must install devDependencies to build, so no NODE_ENV here.
    expect(env['PORT']).toBeUndefined();
    expect(env['NODE_ENV']).toBeUndefined();
    expect(env['SCM_DO_BUILD_DURING_DEPLOYMENT']).toBe('true');
  });
});

describe('the other resources', () => {
  it('registers a single-tenant Azure Bot on the web app, with the Teams channel on', () => {
    const bot = resource('Microsoft.BotService/botServices');
    expect(get(bot.body, 'properties.msaAppType')).toBe('SingleTenant');
    expect(exprOf(get(bot.body, 'properties.msaAppId'))).toBe('botAadAppClientId');
    expect(exprOf(get(bot.body, 'properties.msaAppTenantId'))).toBe('botAadAppTenantId');
    expect(get(bot.body, 'properties.endpoint')).toBe(
      `https://\${${webApp().symbol}.properties.defaultHostName}/api/messages`,
    );
    const channel = resource('Microsoft.BotService/botServices/channels');
    expect(exprOf(channel.body['parent'])).toBe(bot.symbol);
    expect(get(channel.body, 'properties.channelName')).toBe('MsTeamsChannel');
    expect(get(channel.body, 'properties.properties.isEnabled')).toBe(true);
  });

  it('keeps bot state in a storage account with no public blob access, TLS 1.2, HTTPS only', () => {
    const storage = resource('Microsoft.Storage/storageAccounts');
    expect(get(storage.body, 'properties.allowBlobPublicAccess')).toBe(false);
    expect(get(storage.body, 'properties.minimumTlsVersion')).toBe('TLS1_2');
    expect(get(storage.body, 'properties.supportsHttpsTrafficOnly')).toBe(true);
    const container = resource('Microsoft.Storage/storageAccounts/blobServices/containers');
    expect(get(container.body, 'properties.publicAccess')).toBe('None');
    expect(exprOf(container.body['name'])).toBe('botStateContainer');
    expect(exprOf(settings()['BOT_STATE_CONTAINER'])).toBe('botStateContainer');
    expect(
      get(
        resource('Microsoft.Storage/storageAccounts/blobServices').body,
        'properties.deleteRetentionPolicy.enabled',
      ),
    ).toBe(true);
  });

  it('uses a Key Vault with RBAC, soft delete and purge protection', () => {
    const vault = resource('Microsoft.KeyVault/vaults').body;
    expect(get(vault, 'properties.enableRbacAuthorization')).toBe(true);
    expect(get(vault, 'properties.enableSoftDelete')).toBe(true);
    expect(get(vault, 'properties.enablePurgeProtection')).toBe(true);
    expect(get(vault, 'properties.softDeleteRetentionInDays')).toBeGreaterThanOrEqual(7);
  });

  it('keeps personal data out of telemetry: IP masking on, no request URLs, no HTTP logs', () => {
    const insights = resource('Microsoft.Insights/components').body;
    expect(get(insights, 'properties.DisableIpMasking')).toBe(false);
    expect(get(insights, 'properties.IngestionMode')).toBe('LogAnalytics');
    expect(exprOf(get(insights, 'properties.WorkspaceResourceId'))).toBe(
      `${resource('Microsoft.OperationalInsights/workspaces').symbol}.id`,
    );
    // The codeless agent would record request URLs, whose query strings can carry search text.
    const keys = Object.keys(settings());
    expect(keys).not.toContain('APPLICATIONINSIGHTS_CONNECTION_STRING');
    expect(keys).not.toContain('ApplicationInsightsAgent_EXTENSION_VERSION');
    const diagnostics = resource('Microsoft.Insights/diagnosticSettings').body;
    const categories = (get(diagnostics, 'properties.logs') as { category: string }[]).map((l) => l.category);
    expect(categories).toContain('AppServiceConsoleLogs');
    expect(categories).not.toContain('AppServiceHTTPLogs');
    expect(categories.some((c) => /allLogs|audit/i.test(c))).toBe(false);
    const test = resource('Microsoft.Insights/webtests').body;
    expect(String(get(test, 'properties.Request.RequestUrl'))).toMatch(/\/healthz$/);
  });

  it("outputs what teamsapp.yml reads, in the toolkit's UPPER_SNAKE naming, and no secret", () => {
    for (const output of bicep.outputs.values()) {
      expect(output.name).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(output.type).toBe('string');
      expect(JSON.stringify(output.value)).not.toMatch(/listKeys|Secret|secret/);
    }
  });
});

describe('.webappignore', () => {
  const lines = readFileSync(join(repoRoot, '.webappignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('never sends secrets, local data or installed modules to App Service', () => {
    expect(lines).toEqual(
      expect.arrayContaining(['env/', '*.user', '.localConfigs', '.env', '.data/', 'node_modules/']),
    );
  });

  it('sends everything App Service needs to build and run the server', () => {
    for (const needed of [
      'package.json',
      'package-lock.json',
      'content/',
      'core/',
      'storage/',
      'bot/',
      'tab/',
      'word-addin/',
      'scripts/',
    ]) {
      const excluded = lines.some(
        (l) => l === needed || l === needed.replace(/\/$/, '') || l === `/${needed}`,
      );
      expect({ needed, excluded }).toEqual({ needed, excluded: false });
    }
  });
});
