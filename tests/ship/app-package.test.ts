import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { UnresolvedPlaceholdersError, buildAppPackage } from '../../scripts/teams-app/build-app-package';
import { encodePng, renderColorIcon, renderOutlineIcon } from '../../scripts/teams-app/icons';
import { checkTeamsRules, validateAppPackage } from '../../scripts/teams-app/validate-app-package';
import { PROVISION_PREVIEW_VALUES, packageApp } from '../../scripts/package-app';
import {
  devValues,
  makePackagingRoot,
  provisionedDev,
  repoRoot,
  offlineFetch,
  setEnvValues,
} from './support/ship-fixtures';

// Proves the checks are offline: any network access throws and fails them.
const fetchSpy = offlineFetch();

const manifestDir = join(repoRoot, 'manifest', 'teams');

function manifestOf(zip: Uint8Array): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(unzipSync(zip)['manifest.json'])) as Record<string, unknown>;
}

function rezip(zip: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(zip);
  change(files);
  return zipSync(files);
}

function withManifest(zip: Uint8Array, edit: (m: Record<string, unknown>) => void): Uint8Array {
  return rezip(zip, (files) => {
    const manifest = manifestOf(zip);
    edit(manifest);
    files['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest));
  });
}

describe('npm run package -- --env dev', () => {
  it('writes build/appPackage.dev.zip from env/.env.dev once provisioning has filled it, valid offline', async () => {
    const { root, cleanup } = makePackagingRoot();
    try {
      setEnvValues(join(root, 'env', '.env.dev'), provisionedDev);
      const { teams: out } = await packageApp({ root, env: 'dev' });

      expect(out).toBe(join(root, 'build', 'appPackage.dev.zip'));
      const zip = readFileSync(out);
      expect(Object.keys(unzipSync(zip)).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
      expect(await validateAppPackage(zip)).toEqual([]);
      expect(fetchSpy).not.toHaveBeenCalled();

      const text = new TextDecoder().decode(unzipSync(zip)['manifest.json']);
      expect(text).not.toContain('${{');
      const manifest = JSON.parse(text);
      expect(manifest.id).toBe(provisionedDev.TEAMS_APP_ID);
      expect(manifest.bots[0].botId).toBe(provisionedDev.BOT_ID);
      expect(manifest.webApplicationInfo).toEqual({
        id: provisionedDev.AAD_APP_CLIENT_ID,
        resource: `api://${provisionedDev.TAB_DOMAIN}/${provisionedDev.AAD_APP_CLIENT_ID}`,
      });
      expect(manifest.validDomains).toEqual([provisionedDev.TAB_DOMAIN]);
      expect(manifest.name.short).toBe('HSB Safeguarding (dev)');
    } finally {
      cleanup();
    }
  });

  it('runs from the command line: on a fresh clone it builds a preview package and says why, --strict refuses', async () => {
    const { root, cleanup } = makePackagingRoot();
    try {
      const run = (...extra: string[]) =>
        spawnSync(
          process.execPath,
          [
            join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
            'scripts/package-app.ts',
            '--env',
            'dev',
            '--root',
            root,
            ...extra,
          ],
          {
            cwd: repoRoot,
            encoding: 'utf8',
            env: { ...process.env, NODE_NO_WARNINGS: '1' },
          },
        );
      const generated = ['AAD_APP_CLIENT_ID', 'BOT_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT', 'TEAMS_APP_ID'];

      const strict = run('--strict');
      expect(strict.status).toBe(1);
      const listed = [...strict.stderr.matchAll(/^ {2}- ([A-Z_]+)$/gm)].map((m) => m[1]);
      expect(listed.sort()).toEqual(generated);
      expect(strict.stderr).toContain('atk provision --env dev');
      expect(existsSync(join(root, 'build', 'appPackage.dev.zip'))).toBe(false);

      const fresh = run();
      expect(fresh.status).toBe(0);
      expect(fresh.stdout).toContain('build/appPackage.dev.zip');
      const previewed = [...fresh.stderr.matchAll(/^ {2}- ([A-Z_]+) = /gm)].map((m) => m[1]);
      expect(previewed.sort()).toEqual(generated);
      expect(fresh.stderr).toMatch(/for review only: do not upload it\. Run `atk provision --env dev` first/);
      const previewZip = readFileSync(join(root, 'build', 'appPackage.dev.zip'));
      expect(await validateAppPackage(previewZip)).toEqual([]);
      const previewManifest = JSON.parse(strFromU8(unzipSync(previewZip)['manifest.json']!));
      expect(previewManifest.id).toBe(PROVISION_PREVIEW_VALUES.TEAMS_APP_ID);
      expect(previewManifest.validDomains).toEqual(['hsb-preview.invalid']);

      setEnvValues(join(root, 'env', '.env.dev'), provisionedDev);
      const provisioned = run();
      expect(provisioned.stderr).toBe('');
      expect(provisioned.status).toBe(0);
      expect(provisioned.stdout).toContain('build/appPackage.dev.zip');
      expect(existsSync(join(root, 'build', 'appPackage.dev.zip'))).toBe(true);

      const unknown = spawnSync(
        process.execPath,
        [
          join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
          'scripts/package-app.ts',
          '--env',
          'staging',
          '--root',
          root,
        ],
        {
          cwd: repoRoot,
          encoding: 'utf8',
        },
      );
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain('.env.staging');
    } finally {
      cleanup();
    }
  });

  it('reads secrets and overrides from env/.env.<name>.user, which wins over the committed file', async () => {
    const { root, cleanup } = makePackagingRoot();
    try {
      setEnvValues(join(root, 'env', '.env.dev'), provisionedDev);
      writeFileSync(
        join(root, 'env', '.env.dev.user'),
        'TAB_DOMAIN=hsb.school.example\nTAB_ENDPOINT=https://hsb.school.example\nAPP_NAME_SUFFIX=""\nBOT_ID=\n',
      );
      const manifest = manifestOf(readFileSync((await packageApp({ root, env: 'dev' })).teams));
      expect(manifest['validDomains']).toEqual(['hsb.school.example']);
      // KEY="" means empty on purpose; a bare KEY= leaves the committed value alone.
      expect((manifest['name'] as { short: string }).short).toBe('HSB Safeguarding');
      expect((manifest['bots'] as { botId: string }[])[0]!.botId).toBe(provisionedDev.BOT_ID);
    } finally {
      cleanup();
    }
  });

  it('lists every unresolved placeholder at once, not just the first', () => {
    const values = { ...devValues };
    delete values.BOT_ID;
    delete values.TAB_DOMAIN;
    let error: unknown;
    try {
      buildAppPackage({ manifestDir, values });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnresolvedPlaceholdersError);
    expect((error as UnresolvedPlaceholdersError).names.sort()).toEqual(['BOT_ID', 'TAB_DOMAIN']);
  });

  it('escapes values so no value can change the manifest structure', () => {
    const { manifest } = buildAppPackage({
      manifestDir,
      values: { ...devValues, APP_NAME_SUFFIX: '", "id": "evil' },
    });
    expect(manifest['id']).toBe(provisionedDev.TEAMS_APP_ID);
    expect((manifest['name'] as { short: string }).short).toBe('HSB Safeguarding", "id": "evil');
  });

  it('is reproducible: the same inputs give the same bytes', () => {
    const a = buildAppPackage({ manifestDir, values: devValues }).zip;
    const b = buildAppPackage({ manifestDir, values: devValues }).zip;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('the offline package check', () => {
  const good = () => buildAppPackage({ manifestDir, values: devValues }).zip;

  it('reports schema errors from the bundled Teams schema', async () => {
    const zip = withManifest(good(), (m) => {
      (m['configurableTabs'] as { context: string[] }[])[0]!.context.push('privateChannelTab');
      delete (m['developer'] as Record<string, unknown>)['privacyUrl'];
    });
    const problems = await validateAppPackage(zip);
    expect(problems.some((p) => p.startsWith('manifest.json/configurableTabs/0/context/5'))).toBe(true);
    expect(problems.some((p) => p.includes("required property 'privacyUrl'"))).toBe(true);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('refuses a manifest whose schema cannot be checked offline', async () => {
    const zip = withManifest(good(), (m) => {
      m['$schema'] = 'https://example.org/teams.schema.json';
    });
    expect(await validateAppPackage(zip)).toEqual([
      'manifest.json: $schema "https://example.org/teams.schema.json" is not a published Teams schema that can be checked offline',
    ]);
  });

  it('checks icon sizes and that the outline icon is white on transparent', async () => {
    const colourful = renderOutlineIcon();
    colourful.data[(16 * 32 + 16) * 4] = 10;
    colourful.data[(16 * 32 + 16) * 4 + 3] = 255;
    const opaque = new PNG({ width: 32, height: 32 });
    opaque.data.fill(255);
    const cases: [string, Uint8Array, string][] = [
      ['color.png', encodePng(renderOutlineIcon()), 'the colour icon must be 192×192, not 32×32'],
      ['outline.png', encodePng(renderColorIcon()), 'the outline icon must be 32×32, not 192×192'],
      ['outline.png', encodePng(colourful), 'the outline icon must be white only (1 pixels are not)'],
      ['outline.png', encodePng(opaque), 'the outline icon needs a transparent background'],
      ['outline.png', new Uint8Array([1, 2, 3]), 'not a PNG'],
    ];
    for (const [name, bytes, problem] of cases) {
      const problems = await validateAppPackage(rezip(good(), (files) => void (files[name] = bytes)));
      expect(problems).toEqual([`${name}: ${problem}`]);
    }
  });

  it('wants the files at the root of the zip and nothing else', async () => {
    const nested = rezip(good(), (files) => {
      files['appPackage/manifest.json'] = files['manifest.json']!;
      delete files['manifest.json'];
    });
    expect(await validateAppPackage(nested)).toEqual([
      'files must sit at the root of the zip: appPackage/manifest.json',
    ]);
    const extra = rezip(good(), (files) => void (files['notes.txt'] = new Uint8Array([65])));
    expect(await validateAppPackage(extra)).toEqual(['unexpected files in the zip: notes.txt']);
    expect(await validateAppPackage(new Uint8Array([1, 2, 3]))).toEqual(['the package is not a zip file']);
  });

  it("applies the store rules the schema cannot: no wildcard domains, https on the app's own domain, SSO resource", () => {
    const manifest = manifestOf(good());
    expect(checkTeamsRules(manifest)).toEqual([]);

    manifest['validDomains'] = ['*.azurewebsites.net', 'https://app-hsbq7x2k9.azurewebsites.net/tab'];
    (manifest['staticTabs'] as { contentUrl?: string }[])[0]!.contentUrl = 'http://elsewhere.example/tab/';
    const problems = checkTeamsRules(manifest);
    expect(problems).toEqual(
      expect.arrayContaining([
        'validDomains: "*.azurewebsites.net" is a wildcard; list the app\'s own host',
        'validDomains: "https://app-hsbq7x2k9.azurewebsites.net/tab" must be a host name, without scheme or path',
        'staticTabs[0].contentUrl: must use https',
        'staticTabs[0].contentUrl: elsewhere.example is not in validDomains',
        'webApplicationInfo.resource: "api://app-hsbq7x2k9.azurewebsites.net/4b8d0c79-2e3f-4091-9c5d-7e8f9a0b1c2d" must be api://<a valid domain>/<webApplicationInfo.id>',
      ]),
    );
  });
});

describe('the committed icons', () => {
  it('are exactly what scripts/make-teams-icons.ts draws (regenerate after changing the drawing)', () => {
    expect(readFileSync(join(manifestDir, 'color.png')).equals(encodePng(renderColorIcon()))).toBe(true);
    expect(readFileSync(join(manifestDir, 'outline.png')).equals(encodePng(renderOutlineIcon()))).toBe(true);
  });
});

describe('manifest/teams/manifest.json', () => {
  const manifest = buildAppPackage({ manifestDir, values: devValues }).manifest as {
    manifestVersion: string;
    bots: { scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
    staticTabs: { entityId: string; contentUrl?: string; scopes: string[] }[];
    configurableTabs: { configurationUrl: string; scopes: string[]; context: string[] }[];
    showLoadingIndicator: boolean;
    authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
  };

  it('uses the newest manifest schema the offline validator bundles (there is no 1.18)', () => {
    const bundled = readdirSync(
      join(repoRoot, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams'),
    )
      .filter((v) => /^v1\.\d+$/.test(v))
      .map((v) => Number(v.slice(3)));
    expect(manifest.manifestVersion).toBe(`1.${Math.max(...bundled)}`);
  });

  it('offers the bot in personal chat, team channels and group chats, with its six commands in each', () => {
    const bot = manifest.bots[0]!;
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    const covered = bot.commandLists.flatMap((list) => list.scopes);
    expect([...covered].sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of bot.commandLists) {
      expect(list.commands.map((c) => c.title)).toEqual([
        'help',
        'ask',
        'new case',
        'new assessment',
        'reviews',
        'classify',
      ]);
    }
  });

  it('has a personal dashboard and a configurable tab for channels and every meeting surface, on /tab/', () => {
    const dashboard = manifest.staticTabs.find((t) => t.entityId === 'dashboard')!;
    expect(dashboard.scopes).toEqual(['personal']);
    expect(dashboard.contentUrl).toBe(`${devValues.TAB_ENDPOINT}/tab/#/dashboard`);
    const tab = manifest.configurableTabs[0]!;
    expect(tab.configurationUrl).toBe(`${devValues.TAB_ENDPOINT}/tab/#/config`);
    expect([...tab.context].sort()).toEqual(
      ['channelTab', 'meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel', 'meetingStage'].sort(),
    );
    // The tab tells Teams when it has rendered (app.notifySuccess), so Teams shows a loading indicator.
    expect(manifest.showLoadingIndicator).toBe(true);
  });

  it('asks only for the resource-specific permissions docs/deploy.md justifies', () => {
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'MeetingStage.Write.Chat', type: 'Delegated' },
      { name: 'OnlineMeetingParticipant.Read.Chat', type: 'Application' },
      { name: 'ChannelMessage.Read.Group', type: 'Application' },
    ]);
  });
});
