/**
 * `${{NAME}}` placeholders, the Agents Toolkit's syntax in manifests, aad.manifest.json, teamsapp.yml
 * and ARM parameter files.
 */

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Every distinct placeholder name in the text, in order of first appearance. */
export function findPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

export interface Substitution {
  text: string;
  unresolved: string[];
}

/**
 * Replaces each placeholder with its value. `encode` escapes a value for where it lands (JSON string
 * content, for a manifest), so a value can never change the document's structure.
 */
export function substitutePlaceholders(
  text: string,
  values: Readonly<Record<string, string>>,
  encode: (value: string) => string = (v) => v,
): Substitution {
  const unresolved = findPlaceholders(text).filter((name) => values[name] === undefined);
  const out = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : encode(value);
  });
  return { text: out, unresolved };
}

/** Escapes a value for the inside of a JSON string literal. */
export function jsonStringContent(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
