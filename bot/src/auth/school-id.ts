/**
 * In Microsoft 365 mode a school is a tenant's safeguarding team: `<tenant id>/<team group id>`, lower
 * case. Records are stored per school, so a school id in every lookup is what keeps one team's
 * children out of another's view.
 */
export function schoolIdOf(tenantId: string, teamId: string): string {
  return `${tenantId.toLowerCase()}/${teamId.toLowerCase()}`;
}

/** The tenant and team of a Microsoft 365 school id; undefined for local mode's `local`. */
export function tenantAndTeamOf(schoolId: string): { tenantId: string; teamId: string } | undefined {
  const slash = schoolId.indexOf('/');
  if (slash <= 0) return undefined;
  return { tenantId: schoolId.slice(0, slash), teamId: schoolId.slice(slash + 1) };
}
