import type { AppConfig } from '../config.js';

/**
 * The Microsoft 365 group ids of the teams whose members may use assessment commands. The one place the
 * bot reads SAFEGUARDING_TEAM_ID, which may become a list: commas are accepted already.
 */
export function safeguardingTeamIds(config: AppConfig): string[] {
  if (config.mode !== 'm365') return [];
  const raw: unknown = config.SAFEGUARDING_TEAM_ID;
  const values = Array.isArray(raw) ? raw : String(raw ?? '').split(',');
  return values.map((v) => String(v).trim().toLowerCase()).filter(Boolean);
}

export function allowedTenantIds(config: AppConfig): string[] {
  if (config.mode !== 'm365') return [];
  return config.ALLOWED_TENANT_IDS.map((t) => t.trim().toLowerCase()).filter(Boolean);
}

/** In Microsoft 365 mode a school is a tenant's safeguarding team (the same id the API uses). */
export function m365SchoolId(tenantId: string, teamAadGroupId: string): string {
  return `${tenantId.toLowerCase()}/${teamAadGroupId.toLowerCase()}`;
}
