// npm run package -- --env dev: builds build/appPackage.<env>.zip from manifest/teams/ and env/.env.<env>,
// and, when the Word add-in's manifest/word/manifest.xml exists, build/word-manifest.<env>.xml from the
// same values; then checks both offline (schemas, icons, the store's rules). Exit code 1 on any problem.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ManifestError,
  UnresolvedPlaceholdersError,
  buildAppPackage,
} from './teams-app/build-app-package.js';
import { EnvironmentError, readEnvironment } from './teams-app/environment.js';
import { findPlaceholders } from './teams-app/placeholders.js';
import { validateAppPackage } from './teams-app/validate-app-package.js';
import { WORD_MANIFEST, fillWordManifest, validateWordManifest } from './teams-app/word-manifest.js';

export interface PackageOptions {
  root: string;
  env: string;
}

export interface PackageResult {
  teams: string;
  /** Present when the repository has a Word add-in manifest. */
  word?: string;
}

function invalid(what: string, problems: string[]): ManifestError {
  return new ManifestError(`${what} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}

export async function packageApp({ root, env: envName }: PackageOptions): Promise<PackageResult> {
  const env = readEnvironment(join(root, 'env'), envName);
  const teamsDir = join(root, 'manifest', 'teams');
  const wordTemplate = join(root, WORD_MANIFEST);
  const templates = [join(teamsDir, 'manifest.json'), ...(existsSync(wordTemplate) ? [wordTemplate] : [])];

  // Every missing value from every template in one message, before anything is built.
  const unresolved = [...new Set(templates.flatMap((f) => findPlaceholders(readFileSync(f, 'utf8'))))].filter(
    (name) => env.values[name] === undefined,
  );
  if (unresolved.length > 0) throw new UnresolvedPlaceholdersError(unresolved, templates);

  const appPackage = buildAppPackage({ manifestDir: teamsDir, values: env.values });
  const problems = await validateAppPackage(appPackage.zip);
  if (problems.length > 0) throw invalid('The Teams app package', problems);

  const outDir = join(root, 'build');
  let word: string | undefined;
  if (existsSync(wordTemplate)) {
    const scratch = mkdtempSync(join(tmpdir(), 'hsb-word-'));
    try {
      const filled = join(scratch, 'manifest.xml');
      writeFileSync(filled, fillWordManifest(readFileSync(wordTemplate, 'utf8'), env.values).text);
      const sso = (appPackage.manifest['webApplicationInfo'] as { resource?: string } | undefined)?.resource;
      const wordProblems = await validateWordManifest(filled, sso);
      if (wordProblems.length > 0) throw invalid('The Word add-in manifest', wordProblems);
      mkdirSync(outDir, { recursive: true });
      word = join(outDir, `word-manifest.${envName}.xml`);
      copyFileSync(filled, word);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }

  mkdirSync(outDir, { recursive: true });
  const teams = join(outDir, `appPackage.${envName}.zip`);
  writeFileSync(teams, appPackage.zip);
  return word ? { teams, word } : { teams };
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
    console.log(
      `✓ ${relative(root, out.teams)} (Teams app: manifest valid against its schema, icons checked)`,
    );
    if (out.word) console.log(`✓ ${relative(root, out.word)} (Word add-in manifest, filled and checked)`);
    return 0;
  } catch (err) {
    if (err instanceof UnresolvedPlaceholdersError) {
      console.error(
        `✗ ${err.files.map((f) => relative(root, f)).join(' and ')} need values that env/.env.${envName} does not set:\n` +
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
