import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageApp } from '../../scripts/package-app';
import { UnresolvedPlaceholdersError } from '../../scripts/teams-app/build-app-package';
import { WORD_MANIFEST, fillWordManifest, validateWordManifest } from '../../scripts/teams-app/word-manifest';
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

// A Word task pane manifest in the shape the Word add-in's issue asks for, with the toolkit's
// placeholders: the packaging step must fill and check whatever manifest/word/manifest.xml it finds.
const fixture = readFileSync(join(__dirname, 'fixtures', 'word-manifest.xml'), 'utf8');
const ssoResource = `api://${provisionedDev.TAB_DOMAIN}/${provisionedDev.AAD_APP_CLIENT_ID}`;

function rootWithWordManifest(xml: string) {
  const made = makePackagingRoot();
  const target = join(made.root, WORD_MANIFEST);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, xml);
  return made;
}

async function problemsOf(xml: string): Promise<string[]> {
  const { root, cleanup } = makePackagingRoot();
  try {
    const file = join(root, 'filled.xml');
    writeFileSync(file, fillWordManifest(xml, devValues).text);
    return await validateWordManifest(file, ssoResource);
  } finally {
    cleanup();
  }
}

describe('the Word add-in manifest in npm run package', () => {
  it('is filled from the same environment as the Teams app, escaped for XML, and checked offline', async () => {
    const { root, cleanup } = rootWithWordManifest(fixture);
    try {
      setEnvValues(join(root, 'env', '.env.dev'), { ...provisionedDev, APP_NAME_SUFFIX: '" (dev & test)"' });
      const out = await packageApp({ root, env: 'dev' });
      expect(out.word).toBe(join(root, 'build', 'word-manifest.dev.xml'));
      const xml = readFileSync(out.word!, 'utf8');
      expect(xml).not.toContain('${{');
      expect(xml).toContain(`<SourceLocation DefaultValue="${provisionedDev.TAB_ENDPOINT}/word/"/>`);
      expect(xml).toContain(`<Resource>${ssoResource}</Resource>`);
      expect(xml).toContain('DefaultValue="HSB Safeguarding (dev &#38; test)"');
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      cleanup();
    }
  });

  it('lists the missing values of both manifests in one message', async () => {
    const { root, cleanup } = rootWithWordManifest(
      fixture.replace('<Version>', '<!-- ${{WORD_ADDIN_ID}} --><Version>'),
    );
    try {
      const error = await packageApp({ root, env: 'dev' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnresolvedPlaceholdersError);
      expect((error as UnresolvedPlaceholdersError).names.sort()).toEqual(
        ['AAD_APP_CLIENT_ID', 'BOT_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT', 'TEAMS_APP_ID', 'WORD_ADDIN_ID'].sort(),
      );
      expect((error as UnresolvedPlaceholdersError).files).toEqual([
        join(root, 'manifest', 'teams', 'manifest.json'),
        join(root, WORD_MANIFEST),
      ]);
      expect(existsSync(join(root, 'build'))).toBe(false);
    } finally {
      cleanup();
    }
  });

  it('accepts the fixture, and names what Word or least privilege would refuse', async () => {
    expect(await problemsOf(fixture)).toEqual([]);
    const cases: [string, string, string][] = [
      ['<Host Name="Document"/>', '<Host Name="Workbook"/>', 'Hosts must include Document (Word)'],
      [
        '<Permissions>ReadWriteDocument</Permissions>',
        '<Permissions>ReadWriteMailbox</Permissions>',
        'Permissions must be ReadWriteDocument, not ReadWriteMailbox',
      ],
      [
        '<SourceLocation DefaultValue="${{TAB_ENDPOINT}}/word/"/>',
        '<SourceLocation DefaultValue="http://localhost:3978/word/"/>',
        'SourceLocation must use https: http://localhost:3978/word/',
      ],
      [
        '<Id>8f0e5c1a-3b2d-4c6e-9f7a-1b2c3d4e5f60</Id>',
        '<Id>hsb-word</Id>',
        'Id must be a GUID, not "hsb-word"',
      ],
      [
        '<Resource>api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}</Resource>',
        '<Resource>api://elsewhere.example/x</Resource>',
        `WebApplicationInfo Resource must be ${ssoResource} (the Teams app's), not api://elsewhere.example/x`,
      ],
    ];
    for (const [from, to, problem] of cases) {
      expect(fixture).toContain(from);
      expect(await problemsOf(fixture.replace(from, to))).toEqual([problem]);
    }
    const [broken] = await problemsOf(fixture.replace('</OfficeApp>', ''));
    expect(broken).toMatch(/^the Word manifest cannot be read: /);
  });

  it("checks the Word add-in's own manifest/word/manifest.xml whenever the repository has one", async () => {
    const { root, cleanup } = makePackagingRoot();
    try {
      const present = existsSync(join(repoRoot, WORD_MANIFEST));
      if (present)
        cpSync(join(repoRoot, 'manifest', 'word'), join(root, 'manifest', 'word'), { recursive: true });
      setEnvValues(join(root, 'env', '.env.dev'), provisionedDev);
      const out = await packageApp({ root, env: 'dev' });
      // Without a Word manifest, packaging makes the Teams app alone and invents nothing.
      expect(out.word === undefined).toBe(!present);
    } finally {
      cleanup();
    }
  });
});
