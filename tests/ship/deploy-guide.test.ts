import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseBicep } from './support/bicep-outline';
import { repoRoot } from './support/ship-fixtures';

// The admin guide must name every permission the manifests and the infrastructure ask for, with the
// feature that needs it: a reviewer reads docs/deploy.md, not the JSON.
const guide = readFileSync(join(repoRoot, 'docs', 'deploy.md'), 'utf8');
const tableRows = guide.split('\n').filter((line) => line.startsWith('|'));
const rowsNaming = (term: string) => tableRows.filter((row) => row.includes(`\`${term}\``));

/** Names of the Azure built-in roles the template may assign; add a role here and to the guide. */
const AZURE_ROLES: Record<string, string> = {
  '4633458b-17de-408a-b874-0445c86b69e6': 'Key Vault Secrets User',
};

describe('docs/deploy.md', () => {
  it('has a table row for every Graph permission in aad.manifest.json, of the right type', () => {
    const aad = JSON.parse(readFileSync(join(repoRoot, 'aad.manifest.json'), 'utf8')) as {
      requiredResourceAccess: {
        resourceAppId: string;
        resourceAccess: { id: string; type: 'Scope' | 'Role' }[];
      }[];
    };
    const asked = aad.requiredResourceAccess.flatMap((r) => r.resourceAccess);
    expect(asked.length).toBeGreaterThan(0);
    for (const { id, type } of asked) {
      const kind = type === 'Scope' ? 'Delegated' : 'Application';
      const rows = rowsNaming(id).filter((row) => row.split('|').some((cell) => cell.trim() === kind));
      expect({ permission: id, kind, documented: rows.length === 1 }).toEqual({
        permission: id,
        kind,
        documented: true,
      });
      // The row says which feature needs it: more than the name and the type.
      expect(rows[0]!.split('|')[3]!.trim().length).toBeGreaterThan(40);
    }
  });

  it('names the exposed scope and every pre-authorised client', () => {
    const aad = JSON.parse(readFileSync(join(repoRoot, 'aad.manifest.json'), 'utf8')) as {
      api: { oauth2PermissionScopes: { value: string }[]; preAuthorizedApplications: { appId: string }[] };
    };
    for (const scope of aad.api.oauth2PermissionScopes) expect(guide).toContain(`\`${scope.value}\``);
    for (const { appId } of aad.api.preAuthorizedApplications) {
      expect({ appId, documented: rowsNaming(appId).length }).toEqual({ appId, documented: 1 });
    }
  });

  it('has a table row for every Teams resource-specific permission in the manifest, of the right type', () => {
    const manifest = JSON.parse(
      readFileSync(join(repoRoot, 'manifest', 'teams', 'manifest.json'), 'utf8'),
    ) as {
      authorization?: { permissions?: { resourceSpecific?: { name: string; type: string }[] } };
    };
    for (const { name, type } of manifest.authorization?.permissions?.resourceSpecific ?? []) {
      const rows = rowsNaming(name).filter((row) => row.split('|').some((cell) => cell.trim() === type));
      expect({ permission: name, type, documented: rows.length }).toEqual({
        permission: name,
        type,
        documented: 1,
      });
    }
  });

  it('names every Azure role the template assigns', () => {
    const bicep = parseBicep(readFileSync(join(repoRoot, 'infra', 'azure.bicep'), 'utf8'));
    const roleIds = [...bicep.vars.values()].filter(
      (v): v is string =>
        typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v),
    );
    const assignments = [...bicep.resources.values()].filter(
      (r) => r.type === 'Microsoft.Authorization/roleAssignments',
    );
    expect(roleIds.length).toBe(assignments.length);
    for (const id of roleIds) {
      expect(AZURE_ROLES[id]).toBeDefined();
      expect(guide).toContain(`**${AZURE_ROLES[id]}**`);
    }
  });

  it('gives the exact Graph call that grants the site, and how to narrow it after provisioning', () => {
    expect(guide).toContain('POST https://graph.microsoft.com/v1.0/sites/{siteId}/permissions');
    expect(guide).toContain('"grantedToIdentities"');
    expect(guide).toContain('"application"');
    expect(guide).toContain(
      'PATCH https://graph.microsoft.com/v1.0/sites/{siteId}/permissions/{permissionId}',
    );
    expect(guide).toContain('npm run sharepoint:provision');
  });

  it('covers consent, private channels, data location, retention, backups, removal and the DPIA', () => {
    const headings = [...guide.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(
      expect.arrayContaining([
        'Consent',
        'Private channels and the 1:1 fallback',
        'Where the data lives',
        'Retention: date of birth + 25 years',
        'Backups',
        'Removing the app and its data',
        "Notes for the school's DPIA",
      ]),
    );
    expect(guide).toMatch(/retention label/i);
    expect(guide).toContain('IRMS');
  });

  it('links only to files and headings that exist', () => {
    const slug = (h: string) =>
      h
        .toLowerCase()
        .replace(/[^a-z0-9 -]/g, '')
        .replace(/ /g, '-');
    const anchors = new Set([...guide.matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1]!)));
    for (const [, target] of guide.matchAll(/\]\(([^)]+)\)/g)) {
      if (/^https?:/.test(target!)) continue;
      if (target!.startsWith('#'))
        expect({ target, exists: anchors.has(target!.slice(1)) }).toEqual({ target, exists: true });
      else
        expect({
          target,
          exists: existsSync(join(dirname(join(repoRoot, 'docs', 'deploy.md')), target!)),
        }).toEqual({ target, exists: true });
    }
  });
});

describe('README.md', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

  it("links the admin guide from a section on deploying to a school's tenant", () => {
    const section = readme.split(/^## /m).find((s) => s.startsWith("Deploying to a school's tenant"));
    expect(section).toBeDefined();
    expect(section).toContain('](docs/deploy.md)');
  });

  it('lists npm run package among the commands', () => {
    expect(readme).toMatch(/^\| `npm run package -- --env <name>` \|/m);
  });
});
