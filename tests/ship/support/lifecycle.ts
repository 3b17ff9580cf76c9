import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './ship-fixtures';

/**
 * What the tests know about the Agents Toolkit actions the lifecycle files use: the `with` keys each
 * requires and allows, and what each writes to the environment file (yaml schema v1.11).
 */
export interface ActionRule {
  required: string[];
  optional: string[];
  /** writeToEnvironmentFile keys: required ones, then the optional ones. */
  writes?: { required: string[]; optional: string[] };
  /** Variables the action writes without being told to. */
  implicitWrites?: string[];
}

export const ACTIONS: Record<string, ActionRule> = {
  'teamsApp/create': { required: ['name'], optional: [], writes: { required: ['teamsAppId'], optional: [] } },
  'aadApp/create': {
    required: ['name', 'generateClientSecret', 'signInAudience'],
    optional: [
      'generateServicePrincipal',
      'serviceManagementReference',
      'clientSecretExpireDays',
      'clientSecretDescription',
    ],
    writes: {
      required: ['clientId', 'objectId'],
      optional: ['clientSecret', 'tenantId', 'authority', 'authorityHost'],
    },
  },
  'aadApp/update': {
    required: ['manifestPath', 'outputFilePath'],
    optional: [],
    implicitWrites: ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'],
  },
  'arm/deploy': {
    required: ['subscriptionId', 'resourceGroupName', 'templates'],
    optional: ['bicepCliVersion'],
  },
  'botFramework/create': {
    required: ['botId', 'name', 'messagingEndpoint'],
    optional: ['description', 'iconUrl', 'channels'],
  },
  'teamsApp/validateManifest': { required: ['manifestPath'], optional: [] },
  'teamsApp/zipAppPackage': { required: ['manifestPath', 'outputZipPath', 'outputFolder'], optional: [] },
  'teamsApp/validateAppPackage': { required: ['appPackagePath'], optional: [] },
  'teamsApp/update': { required: ['appPackagePath'], optional: [] },
  'teamsApp/publishAppPackage': {
    required: ['appPackagePath'],
    optional: [],
    writes: { required: ['publishedAppId'], optional: [] },
  },
  'cli/runNpmCommand': { required: ['args'], optional: ['workingDirectory'] },
  'azureAppService/zipDeploy': {
    required: ['artifactFolder', 'resourceId'],
    optional: ['workingDirectory', 'ignoreFile', 'dryRun', 'outputZipFile'],
  },
  'file/createOrUpdateEnvironmentFile': { required: ['envs', 'target'], optional: [] },
};

export interface Step {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}

export interface Lifecycle {
  file: string;
  text: string;
  version: string;
  environmentFolderPath: string;
  provision: Step[];
  deploy: Step[];
  publish: Step[];
}

export function readLifecycle(file: string): Lifecycle {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  const doc = parse(text) as Partial<Lifecycle>;
  return {
    file,
    text,
    version: String(doc.version),
    environmentFolderPath: String(doc.environmentFolderPath),
    provision: doc.provision ?? [],
    deploy: doc.deploy ?? [],
    publish: doc.publish ?? [],
  };
}

/**
 * The committed env file, split where it says "# Generated during provision": keys above are the
 * school's to set (or built in), keys below are written by provisioning.
 */
export function readEnvSections(envName: string): {
  userKeys: string[];
  generatedKeys: string[];
  text: string;
} {
  const text = readFileSync(join(repoRoot, 'env', `.env.${envName}`), 'utf8');
  const marker = text.indexOf('# Generated during provision');
  if (marker < 0) throw new Error(`env/.env.${envName} has no "# Generated during provision" section`);
  const keys = (part: string) => [...part.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
  return { userKeys: keys(text.slice(0, marker)), generatedKeys: keys(text.slice(marker)), text };
}
