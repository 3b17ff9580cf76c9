// npm run package -- --env dev: builds build/appPackage.<env>.zip from manifest/teams/ and env/.env.<env>,
// then checks it offline (schema, icons, the store's domain rules). Exit code 1 on any problem.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ManifestError,
  UnresolvedPlaceholdersError,
  buildAppPackage,
} from './teams-app/build-app-package.js';
import { EnvironmentError, readEnvironment } from './teams-app/environment.js';
import { validateAppPackage } from './teams-app/validate-app-package.js';

export interface PackageOptions {
  root: string;
  env: string;
}

export async function packageApp({ root, env: envName }: PackageOptions): Promise<string> {
  const env = readEnvironment(join(root, 'env'), envName);
  const appPackage = buildAppPackage({ manifestDir: join(root, 'manifest', 'teams'), values: env.values });
  const problems = await validateAppPackage(appPackage.zip);
  if (problems.length > 0) {
    throw new ManifestError(`The app package is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  const outDir = join(root, 'build');
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `appPackage.${envName}.zip`);
  writeFileSync(out, appPackage.zip);
  return out;
}

async function main(): Promise<number> {
  let root: string;
  let envName: string;
  try {
    const { values } = parseArgs({
      options: { env: { type: 'string', short: 'e' }, root: { type: 'string' } },
      strict: true,
    });
    if (!values.env) throw new Error('missing --env');
    envName = values.env;
    // --root points at another checkout's env/ and manifest/ (the tests use it); build/ goes there too.
    root = resolve(values.root ?? join(__dirname, '..'));
  } catch {
    console.error(
      'Usage: npm run package -- --env <name>   (reads env/.env.<name>, writes build/appPackage.<name>.zip)',
    );
    return 2;
  }
  try {
    const out = await packageApp({ root, env: envName });
    console.log(`✓ ${relative(root, out)} (manifest valid against its schema, icons checked)`);
    return 0;
  } catch (err) {
    if (err instanceof UnresolvedPlaceholdersError) {
      console.error(
        `✗ ${relative(root, err.where)} needs values that env/.env.${envName} does not set:\n` +
          err.names.map((n) => `  - ${n}`).join('\n') +
          `\nRun \`atk provision --env ${envName}\` (it writes them), or set them in env/.env.${envName}.`,
      );
      return 1;
    }
    if (err instanceof EnvironmentError || err instanceof ManifestError) {
      console.error(`✗ ${err.message}`);
      return 1;
    }
    throw err;
  }
}

if (require.main === module) {
  main().then((code) => process.exit(code));
}
