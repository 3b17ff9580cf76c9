import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { encodeWordIcon, WORD_ICON_SIZES } from '../../scripts/make-word-icons.js';
import { fillWordManifest, validateWordManifest } from '../../scripts/teams-app/word-manifest.js';
import {
  LOCAL_ADDIN_ID,
  localWordManifest,
  PRODUCT_ADDIN_ID,
  WORD_MANIFEST_DIR,
} from '../../scripts/word-manifest.js';

const TOOLS = join(__dirname, 'support', 'manifest-tools.cjs');

interface ToolResult {
  info: {
    id: string;
    officeAppType: string;
    hosts: string[];
    permissions: string;
    providerName: string;
    displayName: string;
    description: string;
    defaultLocale: string;
    iconUrl: string;
    highResolutionIconUrl: string;
    supportUrl: string;
    appDomains: string[];
    defaultSettings: { sourceLocation: string };
  };
  // The unified (JSON) manifest the converter made from the XML.
  unified: {
    id: string;
    validDomains: string[];
    webApplicationInfo: { id: string; resource: string };
    authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
    extensions: {
      requirements: { capabilities: { name: string; minVersion: string }[]; scopes: string[] };
      runtimes: { code: { page: string }; actions: { id: string; type: string }[] }[];
      ribbons: {
        tabs: {
          builtInTabId: string;
          groups: {
            icons: { size: number; url: string }[];
            controls: { type: string; actionId: string; icons: { size: number; url: string }[] }[];
          }[];
        }[];
      }[];
    }[];
  };
  errors: string[];
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'word-manifest-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runTools(xmlPath: string, name: string): ToolResult {
  const out = execFileSync(process.execPath, [TOOLS, xmlPath, join(dir, name)], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(out) as ToolResult;
}

const PROD = {
  TAB_ENDPOINT: 'https://hsb.oakfield.example.org',
  TAB_DOMAIN: 'hsb.oakfield.example.org',
  AAD_APP_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
  APP_NAME_SUFFIX: '',
};

function expectComplete(result: ToolResult, endpoint: string, clientId: string, domain: string) {
  const { info, unified, errors } = result;
  // office-addin-manifest reads but does not check required elements: assert them here.
  expect(info).toMatchObject({
    officeAppType: 'TaskPaneApp',
    hosts: ['Document'],
    permissions: 'ReadWriteDocument',
    providerName: 'HSB Safeguarding Assistant',
    defaultLocale: 'en-GB',
    iconUrl: `${endpoint}/word/icon-32.png`,
    highResolutionIconUrl: `${endpoint}/word/icon-64.png`,
    supportUrl: `${endpoint}/word/support.html`,
    appDomains: ['https://login.microsoftonline.com'],
    defaultSettings: { sourceLocation: `${endpoint}/word/` },
  });
  expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(info.displayName).toMatch(/^HSB clause library/);
  expect(info.description.length).toBeGreaterThan(40);

  // The converted manifest validates against the bundled Microsoft 365 schema, offline.
  expect(errors).toEqual([]);
  const [extension] = unified.extensions;
  expect(extension!.requirements).toEqual({
    capabilities: [{ name: 'WordApi', minVersion: '1.3' }],
    scopes: ['document'],
  });
  expect(unified.authorization.permissions.resourceSpecific).toEqual([
    { name: 'Document.ReadWrite.User', type: 'Delegated' },
  ]);
  expect(unified.webApplicationInfo).toEqual({ id: clientId, resource: `api://${domain}/${clientId}` });
  expect(unified.validDomains).toEqual(
    expect.arrayContaining(['https://login.microsoftonline.com', endpoint]),
  );

  // A ribbon button on the Home tab that opens the task pane, with 16, 32 and 80 px icons.
  const runtime = extension!.runtimes[0]!;
  expect(runtime.code.page).toBe(`${endpoint}/word/`);
  const [tab] = extension!.ribbons[0]!.tabs;
  expect(tab!.builtInTabId).toBe('TabHome');
  const [button] = tab!.groups[0]!.controls;
  expect(button!.type).toBe('button');
  expect(runtime.actions.find((a) => a.id === button!.actionId)?.type).toBe('openPage');
  expect(button!.icons).toEqual(
    [16, 32, 80].map((size) => ({ size, url: `${endpoint}/word/icon-${size}.png` })),
  );
}

describe('the Word add-in manifest', () => {
  it('is complete and valid for local sideloading, checked offline', () => {
    const result = runTools(join(WORD_MANIFEST_DIR, 'manifest.local.xml'), 'local');
    expectComplete(
      result,
      'https://localhost:3443',
      '00000000-0000-0000-0000-000000000000',
      'localhost:3443',
    );
    expect(result.info.id).toBe(LOCAL_ADDIN_ID);
  });

  it('is complete and valid once the packaging step fills the template for a school', async () => {
    const template = readFileSync(join(WORD_MANIFEST_DIR, 'manifest.xml'), 'utf8');
    const path = join(dir, 'prod.xml');
    const { text, unresolved } = fillWordManifest(template, PROD);
    expect(unresolved).toEqual([]);
    writeFileSync(path, text);
    const result = runTools(path, 'prod');
    expectComplete(result, PROD.TAB_ENDPOINT, PROD.AAD_APP_CLIENT_ID, PROD.TAB_DOMAIN);
    expect(result.info.id).toBe(PRODUCT_ADDIN_ID);
    expect(result.info.displayName).toBe('HSB clause library');
    // And `npm run package` accepts it, with the Teams app's single sign-on resource.
    await expect(
      validateWordManifest(path, `api://${PROD.TAB_DOMAIN}/${PROD.AAD_APP_CLIENT_ID}`),
    ).resolves.toEqual([]);
  });

  it('uses only placeholders every environment file defines', () => {
    const template = readFileSync(join(WORD_MANIFEST_DIR, 'manifest.xml'), 'utf8');
    const names = [...new Set([...template.matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)].map((m) => m[1]!))].sort();
    expect(names).toEqual(['AAD_APP_CLIENT_ID', 'APP_NAME_SUFFIX', 'TAB_DOMAIN', 'TAB_ENDPOINT']);
    for (const env of ['.env.local', '.env.dev']) {
      const defined = readFileSync(join(__dirname, '..', '..', 'env', env), 'utf8');
      const missing = names.filter((name) => !new RegExp(`^${name}=`, 'm').test(defined));
      expect([env, missing]).toEqual([env, []]);
    }
  });

  it('keeps the committed local manifest in step with the template', () => {
    expect(readFileSync(join(WORD_MANIFEST_DIR, 'manifest.local.xml'), 'utf8')).toBe(localWordManifest());
  });

  it('ships real PNG icons at 16, 32, 64 and 80 px, as the generator draws them', () => {
    for (const size of WORD_ICON_SIZES) {
      const file = readFileSync(join(WORD_MANIFEST_DIR, 'icons', `icon-${size}.png`));
      const png = PNG.sync.read(file);
      expect([png.width, png.height]).toEqual([size, size]);
      // Opaque in the middle, transparent in the corners (a rounded square).
      expect(png.data[((size >> 1) * size + (size >> 1)) * 4 + 3]).toBe(255);
      expect(png.data[3]).toBe(0);
      expect(file.equals(encodeWordIcon(size))).toBe(true);
    }
  });
});
