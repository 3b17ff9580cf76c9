import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

/**
 * The Agents Toolkit's environment files: env/.env.<name> (committed: ids, domains, names) and, when
 * present, env/.env.<name>.user (git-ignored: SECRET_* values). Values in the .user file win, as in the
 * toolkit. `KEY=` counts as unset, so a placeholder that provisioning has not filled yet is reported
 * instead of being replaced by nothing; write `KEY=""` to mean "empty on purpose".
 */

const EXPLICITLY_EMPTY = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?:""|'')\s*(?:#.*)?$/gm;

const ENV_NAME = /^[a-z0-9][a-z0-9-]{0,31}$/i;

export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
}

export interface Environment {
  name: string;
  values: Record<string, string>;
  files: string[];
}

export function readEnvironment(envDir: string, name: string): Environment {
  if (!ENV_NAME.test(name)) {
    throw new EnvironmentError(`"${name}" is not an environment name (letters, digits and "-" only).`);
  }
  const main = join(envDir, `.env.${name}`);
  if (!existsSync(main)) {
    throw new EnvironmentError(`There is no ${main}. Environments are named after the files in ${envDir}.`);
  }
  const files = [main, join(envDir, `.env.${name}.user`)].filter((f) => existsSync(f));
  const values: Record<string, string> = {};
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const meant = new Set([...text.matchAll(EXPLICITLY_EMPTY)].map((m) => m[1]!));
    for (const [key, value] of Object.entries(parseEnv(text))) {
      if (value === undefined) continue;
      if (value !== '' || meant.has(key)) values[key] = value;
    }
  }
  return { name, values, files };
}
