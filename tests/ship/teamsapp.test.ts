import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from '../../bot/src/config';
import { findPlaceholders, substitutePlaceholders } from '../../scripts/teams-app/placeholders';
import { parseBicep } from './support/bicep-outline';
import { ACTIONS, type Lifecycle, type Step, readEnvSections, readLifecycle } from './support/lifecycle';
import { devValues, repoRoot } from './support/ship-fixtures';

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const bicepOutputs = (path: string) => [...parseBicep(read(path)).outputs.keys()];

/** Files a step reads whose placeholders the toolkit fills in before using them. */
function templatedInputs(step: Step): string[] {
  const w = step.with ?? {};
  switch (step.uses) {
    case 'aadApp/update':
    case 'teamsApp/validateManifest':
    case 'teamsApp/zipAppPackage':
      return [String(w['manifestPath'])];
    case 'arm/deploy':
      return (w['templates'] as { parameters?: string }[]).flatMap((t) =>
        t.parameters ? [t.parameters] : [],
      );
    default:
      return [];
  }
}

/** Files a step needs to exist in the repository (not outputs of earlier steps). */
function inputFiles(step: Step): string[] {
  const w = step.with ?? {};
  const files = templatedInputs(step);
  if (step.uses === 'arm/deploy') files.push(...(w['templates'] as { path: string }[]).map((t) => t.path));
  if (step.uses === 'azureAppService/zipDeploy')
    files.push(String(w['artifactFolder']), String(w['ignoreFile']));
  return files;
}

/** Variables a step makes available to the steps after it. */
function writesOf(step: Step): string[] {
  const written = Object.values(step.writeToEnvironmentFile ?? {});
  written.push(...(ACTIONS[step.uses]?.implicitWrites ?? []));
  if (step.uses === 'arm/deploy') {
    for (const t of step.with!['templates'] as { path: string }[]) written.push(...bicepOutputs(t.path));
  }
  return written;
}

function needsOf(step: Step): { name: string; where: string }[] {
  const needs = findPlaceholders(stringify(step)).map((name) => ({ name, where: 'the step itself' }));
  for (const file of templatedInputs(step)) {
    needs.push(...findPlaceholders(read(file)).map((name) => ({ name, where: file })));
  }
  return needs;
}

/**
 * Runs the lifecycle on paper: which variables exist at each step (the school's own settings, then
 * whatever earlier steps wrote, including Bicep outputs after arm/deploy) and which each step needs.
 */
function simulate(lifecycle: Lifecycle, envName: string) {
  const { userKeys } = readEnvSections(envName);
  const available = new Set(userKeys);
  const missing: string[] = [];
  const produced = new Set<string>();
  const run = (stage: string, steps: Step[]) => {
    steps.forEach((step, i) => {
      // aadApp/update generates the scope id itself when it is empty, then uses it.
      for (const name of ACTIONS[step.uses]?.implicitWrites ?? []) available.add(name);
      for (const { name, where } of needsOf(step)) {
        if (!available.has(name)) missing.push(`${stage}[${i}] ${step.uses} needs ${name} (${where})`);
      }
      for (const name of writesOf(step)) {
        available.add(name);
        produced.add(name);
      }
    });
  };
  run('provision', lifecycle.provision);
  run('deploy', lifecycle.deploy);
  run('publish', lifecycle.publish);
  return { missing, produced, userKeys };
}

const lifecycles: [string, string][] = [
  ['teamsapp.yml', 'dev'],
  ['teamsapp.local.yml', 'local'],
];

describe.each(lifecycles)('%s', (file, envName) => {
  const lifecycle = readLifecycle(file);
  const allSteps = () => [...lifecycle.provision, ...lifecycle.deploy, ...lifecycle.publish];

  it('declares the Agents Toolkit v1.x schema it is written for', () => {
    expect(lifecycle.version).toMatch(/^v1\.\d+$/);
    expect(lifecycle.text.split('\n')[0]).toBe(
      `# yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/${lifecycle.version}/yaml.schema.json`,
    );
    expect(statSync(join(repoRoot, lifecycle.environmentFolderPath)).isDirectory()).toBe(true);
  });

  it('uses only known actions, each with the parameters it requires and no others', () => {
    const problems: string[] = [];
    for (const step of allSteps()) {
      const rule = ACTIONS[step.uses];
      if (!rule) {
        problems.push(`unknown action ${step.uses}`);
        continue;
      }
      const keys = Object.keys(step.with ?? {});
      for (const k of rule.required) if (!keys.includes(k)) problems.push(`${step.uses}: missing with.${k}`);
      for (const k of keys) {
        if (!rule.required.includes(k) && !rule.optional.includes(k))
          problems.push(`${step.uses}: unknown with.${k}`);
      }
      const writes = Object.keys(step.writeToEnvironmentFile ?? {});
      const allowed = rule.writes ? [...rule.writes.required, ...rule.writes.optional] : [];
      for (const k of rule.writes?.required ?? [])
        if (!writes.includes(k)) problems.push(`${step.uses}: must write ${k}`);
      for (const k of writes) if (!allowed.includes(k)) problems.push(`${step.uses}: cannot write ${k}`);
      if (step.uses === 'aadApp/create' && step.with?.['generateClientSecret'] === true) {
        if (!step.writeToEnvironmentFile?.['clientSecret'])
          problems.push('aadApp/create: a generated secret must be written');
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps every secret in a SECRET_ variable, which the toolkit writes to the git-ignored .user file', () => {
    for (const step of allSteps()) {
      for (const [key, variable] of Object.entries(step.writeToEnvironmentFile ?? {})) {
        const secret = key === 'clientSecret' || key === 'botPassword';
        expect({ key, variable, secret: variable.startsWith('SECRET_') }).toEqual({ key, variable, secret });
      }
    }
    const ignored = spawnSync('git', ['check-ignore', '-q', `env/.env.${envName}.user`], { cwd: repoRoot });
    expect(ignored.status).toBe(0);
  });

  it('references only files that exist, and writes only under build/ (git-ignored)', () => {
    for (const step of allSteps()) {
      for (const f of inputFiles(step))
        expect({ step: step.uses, file: f, exists: existsSync(join(repoRoot, f)) }).toEqual({
          step: step.uses,
          file: f,
          exists: true,
        });
      const w = step.with ?? {};
      for (const key of ['outputZipPath', 'outputFolder', 'outputFilePath']) {
        if (w[key] !== undefined) expect(String(w[key])).toMatch(/^\.\/build(\/|$)/);
      }
    }
    const packaged = new Set(
      allSteps()
        .filter((s) => s.uses === 'teamsApp/zipAppPackage')
        .map((s) => String(s.with!['outputZipPath'])),
    );
    for (const step of allSteps().filter((s) => s.with?.['appPackagePath'] !== undefined)) {
      expect(packaged).toContain(String(step.with!['appPackagePath']));
    }
  });

  it('has every value each step needs by the time it runs, with infra outputs declared in the Bicep', () => {
    const { missing } = simulate(lifecycle, envName);
    expect(missing).toEqual([]);
  });

  it('would catch a step moved before the step that provides its values', () => {
    const update = lifecycle.provision.findIndex((s) => s.uses === 'aadApp/update');
    const reordered = {
      ...lifecycle,
      provision: [lifecycle.provision[update]!, ...lifecycle.provision.filter((_, i) => i !== update)],
    };
    expect(simulate(reordered, envName).missing).toEqual(
      expect.arrayContaining(['provision[0] aadApp/update needs AAD_APP_CLIENT_ID (./aad.manifest.json)']),
    );
  });

  it(`lists in env/.env.${envName} exactly the non-secret values provisioning writes`, () => {
    const { produced } = simulate(lifecycle, envName);
    const { generatedKeys, text } = readEnvSections(envName);
    const nonSecret = [...produced].filter((k) => !k.startsWith('SECRET_'));
    expect([...generatedKeys].sort()).toEqual([...nonSecret].sort());
    expect(text).not.toMatch(/^SECRET_/m);
  });

  it('fills every placeholder of the Teams manifest and the Entra manifest by the end of provision', () => {
    const { produced, userKeys } = simulate(lifecycle, envName);
    const known = new Set([...userKeys, ...produced]);
    for (const f of ['manifest/teams/manifest.json', 'aad.manifest.json']) {
      expect(findPlaceholders(read(f)).filter((n) => !known.has(n))).toEqual([]);
    }
  });
});

describe('arm/deploy and infra/', () => {
  const outline = parseBicep(read('infra/azure.bicep'));
  const parameters = JSON.parse(read('infra/azure.parameters.json')) as {
    parameters: Record<string, { value: unknown }>;
  };

  it('passes every Bicep parameter that has no default, and only parameters the Bicep declares', () => {
    const declared = [...outline.params.keys()];
    const passed = Object.keys(parameters.parameters);
    expect(passed.filter((p) => !declared.includes(p))).toEqual([]);
    const needed = [...outline.params.values()]
      .filter((p) => p.defaultValue === undefined)
      .map((p) => p.name);
    expect(needed.filter((p) => !passed.includes(p))).toEqual([]);
  });

  it('passes secrets only into @secure() parameters, and @secure() parameters only secrets', () => {
    for (const [name, { value }] of Object.entries(parameters.parameters)) {
      const secure = outline.params.get(name)!.decorators.some((d) => d.name === 'secure');
      const fromSecret = findPlaceholders(String(value)).some((v) => v.startsWith('SECRET_'));
      expect({ name, secure }).toEqual({ name, secure: fromSecret });
    }
  });
});

describe('the Entra app (aad.manifest.json)', () => {
  const aad = JSON.parse(read('aad.manifest.json')) as {
    identifierUris: string[];
    signInAudience: string;
    api: {
      requestedAccessTokenVersion: number;
      oauth2PermissionScopes: { id: string; value: string; type: string; isEnabled: boolean }[];
      preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[];
    };
  };
  const teams = JSON.parse(read('manifest/teams/manifest.json')) as {
    webApplicationInfo: { id: string; resource: string };
  };

  it('exposes access_as_user at the App ID URI the Teams manifest and the Word add-in ask tokens for', () => {
    expect(aad.identifierUris).toEqual([teams.webApplicationInfo.resource]);
    expect(teams.webApplicationInfo.id).toBe('${{AAD_APP_CLIENT_ID}}');
    const scope = aad.api.oauth2PermissionScopes.find((s) => s.value === 'access_as_user');
    expect(scope).toMatchObject({
      type: 'User',
      isEnabled: true,
      id: '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}',
    });
    // Office SSO and the server's issuer check both expect v2 tokens; single tenant: the school only.
    expect(aad.api.requestedAccessTokenVersion).toBe(2);
    expect(aad.signInAudience).toBe('AzureADMyOrg');
  });

  it('pre-authorises the Teams clients and the Office clients for that scope only', () => {
    const ids = aad.api.preAuthorizedApplications.map((a) => a.appId);
    expect(ids).toEqual(
      expect.arrayContaining([
        '1fec8e78-bce4-4aaf-ab1b-5451cc387264', // Teams desktop and mobile
        '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', // Teams on the web
        'ea5a67f6-b6f3-4338-b240-c655ddc3cc8e', // every Microsoft Office client (Word add-in SSO)
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
    for (const app of aad.api.preAuthorizedApplications) {
      expect(app.delegatedPermissionIds).toEqual(['${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}']);
    }
  });
});

describe('the Entra app’s redirect URIs (MSAL in the tab and the Word pane)', () => {
  const aad = JSON.parse(read('aad.manifest.json')) as {
    spa: { redirectUris: string[] };
    web: { redirectUris: string[]; implicitGrantSettings: Record<string, boolean> };
  };

  it('trusts the Microsoft 365 hosts as brokers (nested app authentication) for the app’s origin only', () => {
    const brokered = aad.spa.redirectUris.filter((u) => u.startsWith('brk-'));
    // Microsoft's scheme: brk-multihub://<domain>, the origin without a path.
    expect(brokered).toEqual(['brk-multihub://${{TAB_DOMAIN}}']);
  });

  it('returns the sign-in windows to the two pages that finish them, as a single-page app only', () => {
    expect(aad.spa.redirectUris.filter((u) => !u.startsWith('brk-'))).toEqual([
      '${{TAB_ENDPOINT}}/tab/auth-end',
      '${{TAB_ENDPOINT}}/word/sign-in.html',
    ]);
    // No web (confidential) redirects and no implicit grant: tokens never travel in a URL fragment.
    expect(aad.web.redirectUris).toEqual([]);
    expect(Object.values(aad.web.implicitGrantSettings)).toEqual([false, false]);
  });
});

describe('.localConfigs (teamsapp.local.yml) and the web app settings (infra/)', () => {
  const secret = 'resolved-secret-value';

  it('local debugging writes every setting the server needs in Microsoft 365 mode', () => {
    const step = readLifecycle('teamsapp.local.yml').deploy.find(
      (s) => s.uses === 'file/createOrUpdateEnvironmentFile',
    )!;
    expect(step.with!['target']).toBe('./.localConfigs');
    const values = {
      ...devValues,
      TAB_DOMAIN: 'quiet-river-3978.uks1.devtunnels.ms',
      TAB_ENDPOINT: 'https://quiet-river-3978.uks1.devtunnels.ms',
      SAFEGUARDING_TEAM_ID: '7e1a3fa2-5162-43c4-8f80-ab1c2d3e4f50',
      SHAREPOINT_SITE_ID: '',
      SECRET_BOT_PASSWORD: secret,
      SECRET_AAD_APP_CLIENT_SECRET: secret,
    };
    const env = Object.fromEntries(
      Object.entries(step.with!['envs'] as Record<string, string | number>).map(([k, v]) => {
        const filled = substitutePlaceholders(String(v), values);
        expect({ k, unresolved: filled.unresolved }).toEqual({ k, unresolved: [] });
        return [k, filled.text];
      }),
    );
    const config = loadConfig(env);
    expect(config.mode).toBe('m365');
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.publicBaseUrl).toBe('https://quiet-river-3978.uks1.devtunnels.ms');
    expect(spawnSync('git', ['check-ignore', '-q', '.localConfigs'], { cwd: repoRoot }).status).toBe(0);
  });
});
