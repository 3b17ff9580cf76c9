import type { AppConfig } from '../config.js';

/**
 * The Microsoft 365 group ids of the teams whose members may use assessment commands
 * (SAFEGUARDING_TEAM_ID and SAFEGUARDING_TEAM_IDS, as config.ts reads them).
 */
export function safeguardingTeamIds(config: AppConfig): string[] {
  return config.mode === 'm365' ? config.safeguardingTeamIds.map((id) => id.toLowerCase()) : [];
}

export function allowedTenantIds(config: AppConfig): string[] {
  if (config.mode !== 'm365') return [];
  return config.ALLOWED_TENANT_IDS.map((t) => t.trim().toLowerCase()).filter(Boolean);
}
