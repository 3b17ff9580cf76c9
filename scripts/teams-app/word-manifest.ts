import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppManifest, AppManifestUtils } from '@microsoft/app-manifest';
import { convert } from 'office-addin-manifest-converter';
import { substitutePlaceholders, type Substitution } from './placeholders.js';

/**
 * The Word add-in's XML manifest (manifest/word/manifest.xml, from the Word add-in's issue), filled from
 * the same environment as the Teams app and checked offline. `office-addin-manifest validate` calls an
 * online service, so instead: parse the XML and assert what Word needs, then convert it to the unified
 * JSON manifest (office-addin-manifest-converter) and check that against the bundled Teams schema.
 * (office-addin-manifest's own reader pulls in ESM-only packages Jest cannot load on Node 20.)
 */

// The few DOM features used here. @xmldom/xmldom's own typings pull the browser's DOM library into the
// whole server program (changing fetch's types), so it is loaded untyped behind this narrow shape.
interface XmlNode {
  nodeType: number;
  nextSibling: XmlNode | null;
}
interface XmlElement extends XmlNode {
  localName: string;
  firstChild: XmlNode | null;
  textContent: string | null;
  getAttribute(name: string): string | null;
}
interface XmlDocument {
  documentElement: XmlElement | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}
interface XmlDom {
  DOMParser: new (options: {
    errorHandler: {
      warning: (m: string) => void;
      error: (m: string) => void;
      fatalError: (m: string) => void;
    };
  }) => { parseFromString(source: string, mimeType: string): XmlDocument };
}
const { DOMParser } = require('@xmldom/xmldom') as XmlDom;

export const WORD_MANIFEST = join('manifest', 'word', 'manifest.xml');

function xmlEscape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function fillWordManifest(xml: string, values: Readonly<Record<string, string>>): Substitution {
  return substitutePlaceholders(xml, values, xmlEscape);
}

// A build tool talking to the person running it: the library's own words are the useful detail here.
function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function httpsProblems(field: string, value: string | undefined): string[] {
  if (!value) return [`${field} is missing`];
  try {
    return new URL(value).protocol === 'https:' ? [] : [`${field} must use https: ${value}`];
  } catch {
    return [`${field} is not a URL: ${value}`];
  }
}

function childElements(parent: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as XmlElement).localName === name) out.push(n as XmlElement);
  }
  return out;
}

function child(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  return parent ? childElements(parent, name)[0] : undefined;
}

const text = (el: XmlElement | undefined) => el?.textContent?.trim() || undefined;
const defaultValue = (el: XmlElement | undefined) => el?.getAttribute('DefaultValue')?.trim() || undefined;

function parseXml(xml: string): { doc?: XmlDocument; error?: string } {
  let error: string | undefined;
  const record = (message: string) => {
    error ??= message.replace(/\s+/g, ' ').trim();
  };
  const doc = new DOMParser({
    errorHandler: { warning: () => undefined, error: record, fatalError: record },
  }).parseFromString(xml, 'text/xml');
  return error ? { error } : { doc };
}

/** Problems with a filled manifest file; [] when Word can load it. */
export async function validateWordManifest(file: string, expectedSsoResource?: string): Promise<string[]> {
  const xml = readFileSync(file, 'utf8');
  const { doc, error } = parseXml(xml);
  const root = doc?.documentElement;
  if (!root || error) return [`the Word manifest cannot be read: ${error ?? 'no root element'}`];
  if (root.localName !== 'OfficeApp') return [`the root element must be OfficeApp, not ${root.localName}`];

  const problems: string[] = [];
  const id = text(child(root, 'Id'));
  if (!id || !GUID.test(id)) problems.push(`Id must be a GUID, not "${id ?? ''}"`);
  for (const field of ['Version', 'ProviderName', 'DefaultLocale']) {
    if (!text(child(root, field))) problems.push(`${field} is missing`);
  }
  for (const field of ['DisplayName', 'Description']) {
    if (!defaultValue(child(root, field))) problems.push(`${field} is missing`);
  }
  const type = root.getAttribute('xsi:type');
  if (type !== 'TaskPaneApp') problems.push(`it must be a TaskPaneApp, not ${type}`);
  const hosts = childElements(child(root, 'Hosts') ?? root, 'Host').map((h) => h.getAttribute('Name'));
  if (!hosts.includes('Document')) problems.push('Hosts must include Document (Word)');
  // Least privilege: the add-in reads and writes the open document, nothing else.
  const permissions = text(child(root, 'Permissions'));
  if (permissions !== 'ReadWriteDocument')
    problems.push(`Permissions must be ReadWriteDocument, not ${permissions}`);
  problems.push(
    ...httpsProblems('IconUrl', defaultValue(child(root, 'IconUrl'))),
    ...httpsProblems('HighResolutionIconUrl', defaultValue(child(root, 'HighResolutionIconUrl'))),
    ...httpsProblems('SupportUrl', defaultValue(child(root, 'SupportUrl'))),
    ...httpsProblems('SourceLocation', defaultValue(child(child(root, 'DefaultSettings'), 'SourceLocation'))),
  );

  const sso = doc.getElementsByTagName('WebApplicationInfo')[0];
  const resource = text(sso ? child(sso, 'Resource') : undefined);
  if (sso && expectedSsoResource && resource !== expectedSsoResource) {
    problems.push(
      `WebApplicationInfo Resource must be ${expectedSsoResource} (the Teams app's), not ${resource}`,
    );
  }
  if (problems.length > 0) return problems;

  const out = mkdtempSync(join(tmpdir(), 'hsb-word-manifest-'));
  try {
    await convert(file, out, false);
    const unified = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    // The converter's output is a unified manifest; the bundled schema is the check.
    const errors = await AppManifestUtils.validateAgainstSchema(unified as unknown as AppManifest);
    return errors.map((e) => `converted manifest${e.startsWith('/') ? '' : ' '}${e}`);
  } catch (err) {
    return [`the Word manifest could not be converted to a unified manifest: ${messageOf(err)}`];
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
