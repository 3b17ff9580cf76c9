import { Authorisation } from '../../../bot/src/auth/authorisation.js';
import { GraphTeamOwners } from '../../../bot/src/auth/team-owners.js';
import type { TeamMembership } from '../../../bot/src/auth/team-membership.js';
import { UpstreamError } from '../../../core/index.js';
import { FakeEntra } from '../../fakes/entra/fake-entra.js';
import { FakeGraphDirectory } from '../../fakes/entra/fake-graph-directory.js';
import {
  APP_ID_URI,
  CLIENT_ID,
  CLIENT_SECRET,
  memoryLogger,
  TEAM_A,
  TEAM_B,
  TENANT,
  userId,
} from '../../helpers/m365-app.js';

describe('the DSL: an owner of the school’s safeguarding team (Graph /groups/{id}/owners, as the app)', () => {
  let entra: FakeEntra;
  let directory: FakeGraphDirectory;

  beforeEach(async () => {
    entra = await FakeEntra.start({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appIdUri: APP_ID_URI });
    directory = await FakeGraphDirectory.start(entra);
    const expiresAt = Date.now() + 3_600_000;
    entra.graphTokens.set('graph-token-app', { kind: 'app', tenantId: TENANT, expiresAt });
    entra.graphTokens.set('graph-token-user', {
      kind: 'user',
      tenantId: TENANT,
      objectId: userId(9),
      expiresAt,
    });
  });
  afterEach(async () => {
    await directory.close();
    await entra.close();
  });

  const owners = (token = 'graph-token-app') =>
    new GraphTeamOwners({
      tokens: { forApp: async () => token },
      graphBaseUrl: directory.url,
      product: 'hsb-assistant/test',
      logger: memoryLogger().logger,
      retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 5 },
    });

  it('finds an owner on any page of the owners list, and nobody else', async () => {
    for (const n of [1, 2, 3, 4, 5]) directory.addOwner(userId(n), TEAM_A);
    const o = owners();
    expect(await o.isOwner({ tenantId: TENANT, objectId: userId(5) }, TEAM_A)).toBe(true);
    expect(await o.isOwner({ tenantId: TENANT, objectId: userId(5).toUpperCase() }, TEAM_A)).toBe(true);
    expect(await o.isOwner({ tenantId: TENANT, objectId: userId(6) }, TEAM_A)).toBe(false);
    expect(await o.isOwner({ tenantId: TENANT, objectId: userId(1) }, TEAM_B)).toBe(false);
  });

  it('fails closed with a coded error when Graph refuses', async () => {
    directory.addOwner(userId(1), TEAM_A);
    await expect(
      owners('graph-token-user').isOwner({ tenantId: TENANT, objectId: userId(1) }, TEAM_A),
    ).rejects.toMatchObject({
      code: 'OWNER_CHECK_FAILED',
    });
    await expect(
      owners('graph-token-user').isOwner({ tenantId: TENANT, objectId: userId(1) }, TEAM_A),
    ).rejects.toBeInstanceOf(UpstreamError);
  });

  it('Authorisation.isDsl needs both membership and ownership of that team', async () => {
    directory.addOwner(userId(1), TEAM_A);
    directory.addOwner(userId(2), TEAM_A);
    const membership: TeamMembership = {
      teamsOf: async (p, teamIds) => (p.objectId === userId(1) ? teamIds.filter((t) => t === TEAM_A) : []),
    };
    const withOwners = new Authorisation({ teamIds: [TEAM_A, TEAM_B], membership, owners: owners() });
    expect(await withOwners.isDsl({ tenantId: TENANT, objectId: userId(1) }, TEAM_A)).toBe(true);
    // An owner who has left the team's membership is not its DSL.
    expect(await withOwners.isDsl({ tenantId: TENANT, objectId: userId(2) }, TEAM_A)).toBe(false);
    // A team that is not a safeguarding team of this deployment has no DSL here.
    expect(
      await withOwners.isDsl(
        { tenantId: TENANT, objectId: userId(1) },
        'bbbbbbbb-0000-4000-8000-00000000000c',
      ),
    ).toBe(false);
    const without = new Authorisation({ teamIds: [TEAM_A], membership });
    expect(await without.isDsl({ tenantId: TENANT, objectId: userId(1) }, TEAM_A)).toBe(false);
  });
});
