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
  /** Refuse, rather than preview, when provisioning has not written its values yet. */
  strict?: boolean;
}

export interface PackageResult {
  teams: string;
  /** Present when the repository has a Word add-in manifest. */
  word?: string;
  /** The provisioning values that were missing and stand in as preview placeholders. */
  preview?: string[];
}

/**
 * Values `atk provision` writes. Before it has run, a package can still be built for review with these
 * stand-ins: reserved ids that name nothing and a domain in the `.invalid` top-level domain, which never
 * resolves — so a preview package cannot reach anything even if it were uploaded by mistake. Committing
 * real-looking ids to env/.env.dev instead would stop provisioning, which skips what is already set.
 */
export const PROVISION_PREVIEW_VALUES: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: '00000000-0000-4000-8000-00000000a001',
  AAD_APP_CLIENT_ID: '00000000-0000-4000-8000-00000000a002',
  BOT_ID: '00000000-0000-4000-8000-00000000a003',
  AAD_APP_TENANT_ID: '00000000-0000-4000-8000-00000000a004',
  TAB_DOMAIN: 'hsb-preview.invalid',
  TAB_ENDPOINT: 'https://hsb-preview.invalid',
};

function invalid(what: string, problems: string[]): ManifestError {
  return new ManifestError(`${what} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}

export async function packageApp({
  root,
  env: envName,
  strict = false,
}: PackageOptions): Promise<PackageResult> {
  const environment = readEnvironment(join(root, 'env'), envName);
  const teamsDir = join(root, 'manifest', 'teams');
  const wordTemplate = join(root, WORD_MANIFEST);
  const templates = [join(teamsDir, 'manifest.json'), ...(existsSync(wordTemplate) ? [wordTemplate] : [])];

  // Every missing value from every template in one message, before anything is built.
  const unresolved = [...new Set(templates.flatMap((f) => findPlaceholders(readFileSync(f, 'utf8'))))].filter(
    (name) => environment.values[name] === undefined,
  );
  const previewable = unresolved.length > 0 && unresolved.every((name) => name in PROVISION_PREVIEW_VALUES);
  if (unresolved.length > 0 && (strict || !previewable))
    throw new UnresolvedPlaceholdersError(unresolved, templates);
  const preview = previewable ? unresolved : [];
  const env = {
    ...environment,
    values: {
      ...environment.values,
      ...Object.fromEntries(preview.map((n) => [n, PROVISION_PREVIEW_VALUES[n]!])),
    },
  };

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
  return { teams, ...(word ? { word } : {}), ...(preview.length > 0 ? { preview } : {}) };
}

async function main(): Promise<number> {
  let root: string;
  let envName: string;
  let strict: boolean;
  try {
    const { values } = parseArgs({
      options: { env: { type: 'string', short: 'e' }, root: { type: 'string' }, strict: { type: 'boolean' } },
      strict: true,
    });
    if (!values.env) throw new Error('missing --env');
    envName = values.env;
    strict = values.strict ?? false;
    // --root points at another checkout's env/ and manifest/ (the tests use it); build/ goes there too.
    root = resolve(values.root ?? join(__dirname, '..'));
  } catch {
    console.error(
      'Usage: npm run package -- --env <name> [--strict]   (reads env/.env.<name>, writes build/appPackage.<name>.zip)',
    );
    return 2;
  }
  try {
    const out = await packageApp({ root, env: envName, strict });
    if (out.preview) {
      console.error(
        `! env/.env.${envName} has not been provisioned yet, so these stand in as preview placeholders:\n` +
          out.preview.map((n) => `  - ${n} = ${PROVISION_PREVIEW_VALUES[n]}`).join('\n') +
          `\n  This package is for review only: do not upload it. Run \`atk provision --env ${envName}\` first` +
          ` (or pass --strict to refuse instead).`,
      );
    }
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
