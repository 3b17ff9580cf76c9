import type { AppConfig } from '../config.js';

/**
 * The entity id of the assessments tab in the Teams manifest (`staticTabs[].entityId`). Deep links name
 * it, so the manifest and this constant must agree.
 */
export const ASSESSMENTS_TAB_ENTITY_ID = 'dashboard';

/** A Teams deep link to a case carries `subEntityId` = this prefix + the case id (the tab's route). */
export const CASE_SUB_ENTITY_PREFIX = 'cases/';

export interface DeepLinks {
  /** Opens one assessment in the tab. The id is a server-made UUID: no child data in the URL. */
  assessment(id: string): string;
  /** Opens one case's page in the tab; the id is a server-made UUID too. */
  case(id: string): string;
  /** Opens the assessments tab. */
  tab(): string;
}

/**
 * Microsoft 365 mode: Teams deep links (`/l/entity/<app id>/<entity id>`) whose context carries the
 * assessment id as `subEntityId`, which the tab reads from its Teams context; a case is named by its
 * tab route (`cases/<id>`), so a plain id still means an assessment. Local mode: the tab served by this
 * app, with the hash routes `#/assessments/<id>` and `#/cases/<id>` the tab understands.
 */
export function deepLinks(
  config: Pick<AppConfig, 'mode' | 'TEAMS_APP_ID'>,
  publicBaseUrl: () => string,
): DeepLinks {
  const appId = config.TEAMS_APP_ID;
  if (config.mode === 'm365' && appId) {
    const base = `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/${ASSESSMENTS_TAB_ENTITY_ID}`;
    const open = (subEntityId: string) =>
      `${base}?context=${encodeURIComponent(JSON.stringify({ subEntityId }))}`;
    return {
      assessment: (id) => open(id),
      case: (id) => open(`${CASE_SUB_ENTITY_PREFIX}${id}`),
      tab: () => base,
    };
  }
  // The local address is read on each use: with PORT=0 it is known only once the server listens.
  return {
    assessment: (id) => `${publicBaseUrl()}/tab/#/assessments/${encodeURIComponent(id)}`,
    case: (id) => `${publicBaseUrl()}/tab/#/cases/${encodeURIComponent(id)}`,
    tab: () => `${publicBaseUrl()}/tab/`,
  };
}
