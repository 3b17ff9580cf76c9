import { MsalGraphTokenService } from '../../../bot/src/auth/graph-token-service.js';
import { AuthenticationError, UpstreamError } from '../../../core/index.js';
import { FakeEntra, newSigningKey } from '../../fakes/entra/fake-entra.js';
import { LoopbackMsalNetwork } from '../../fakes/entra/loopback-msal-network.js';
import {
  APP_ID_URI,
  CLIENT_ID,
  CLIENT_SECRET,
  memoryLogger,
  TENANT,
  userId,
} from '../../helpers/m365-app.js';

describe('MsalGraphTokenService (on-behalf-of against a loopback Entra)', () => {
  let entra: FakeEntra;
  let network: LoopbackMsalNetwork;

  beforeEach(async () => {
    entra = await FakeEntra.start({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appIdUri: APP_ID_URI });
    network = new LoopbackMsalNetwork(entra.url);
  });
  afterEach(() => entra.close());

  function service(overrides: Partial<ConstructorParameters<typeof MsalGraphTokenService>[0]> = {}) {
    const { logger, lines } = memoryLogger();
    const tokens = new MsalGraphTokenService({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      tenantId: TENANT,
      logger,
      networkClient: network,
      ...overrides,
    });
    return { tokens, lines };
  }

  const assertionFor = (n: number) => entra.userToken({ tid: TENANT, oid: userId(n) });

  it('exchanges the user token for a delegated Graph token for that user, in their tenant', async () => {
    const { tokens } = service();
    const graphToken = await tokens.forUser(await assertionFor(1));
    expect(entra.graphTokens.get(graphToken)).toMatchObject({
      kind: 'user',
      tenantId: TENANT,
      objectId: userId(1),
    });
    expect(network.calls).toHaveLength(1);
    expect(network.calls[0]!.url).toMatch(
      new RegExp(`^https://login\\.microsoftonline\\.com/${TENANT}/oauth2/v2\\.0/token`),
    );
  });

  it('serves a repeat call from the cache without asking Entra again', async () => {
    const { tokens } = service();
    const assertion = await assertionFor(1);
    const first = await tokens.forUser(assertion);
    const second = await tokens.forUser(assertion);
    expect(second).toBe(first);
    expect(entra.requests.obo).toBe(1);
  });

  it('shares one exchange between concurrent requests with the same token', async () => {
    const { tokens } = service();
    const assertion = await assertionFor(1);
    const results = await Promise.all(Array.from({ length: 8 }, () => tokens.forUser(assertion)));
    expect(new Set(results).size).toBe(1);
    expect(entra.requests.obo).toBe(1);
  });

  it('keeps users apart: another user never gets the first user’s token', async () => {
    const { tokens } = service();
    const a = await tokens.forUser(await assertionFor(1));
    const b = await tokens.forUser(await assertionFor(2));
    expect(a).not.toBe(b);
    expect(entra.graphTokens.get(b)?.objectId).toBe(userId(2));
  });

  it('renews a token that is within the renewal window instead of serving it', async () => {
    const { tokens } = service({ renewBeforeSeconds: 3700 });
    const assertion = await assertionFor(1);
    await tokens.forUser(assertion);
    await tokens.forUser(assertion);
    expect(entra.requests.obo).toBe(2);
  });

  it('forgets the least recently used users beyond its bound', async () => {
    const { tokens } = service({ maxCachedUsers: 2 });
    const [a1, a2, a3] = await Promise.all([assertionFor(1), assertionFor(2), assertionFor(3)]);
    await tokens.forUser(a1);
    await tokens.forUser(a2);
    await tokens.forUser(a3);
    await tokens.forUser(a3);
    await tokens.forUser(a1);
    expect(entra.requests.obo).toBe(4);
  });

  it('leaves nothing in MSAL’s own cache, which would otherwise grow with every user', async () => {
    const { tokens } = service();
    for (let n = 1; n <= 5; n++) await tokens.forUser(await assertionFor(n));
    await tokens.forApp();
    const msalCache = JSON.parse(tokens['client'].getTokenCache().serialize()) as Record<string, object>;
    expect(Object.keys(msalCache.AccessToken ?? {})).toHaveLength(0);
  });

  it.each([
    ['consent is missing (AADSTS65001)', (oid: string) => entra.consentRequired.add(oid)],
    ['MFA is required (AADSTS50076)', (oid: string) => entra.mfaRequired.add(oid)],
  ])('turns "%s" into 401 CONSENT_REQUIRED, logging codes only', async (_case, arrange) => {
    const { tokens, lines } = service();
    arrange(userId(1));
    const assertion = await assertionFor(1);
    const error = await tokens.forUser(assertion).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: 'CONSENT_REQUIRED' });
    const log = lines.join('');
    expect(log).not.toContain(assertion);
    expect(log).not.toContain('AADSTS');
  });

  it('turns invalid_grant (an assertion Entra will not accept) into CONSENT_REQUIRED', async () => {
    const { tokens } = service();
    const forged = await entra.userToken({ tid: TENANT, oid: userId(1) }, { key: newSigningKey() });
    await expect(tokens.forUser(forged)).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' });
  });

  it('does not cache a failure: once consent is given the next call succeeds', async () => {
    const { tokens } = service();
    entra.consentRequired.add(userId(1));
    const assertion = await assertionFor(1);
    await expect(tokens.forUser(assertion)).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' });
    entra.consentRequired.delete(userId(1));
    await expect(tokens.forUser(assertion)).resolves.toMatch(/^fake-graph\./);
  });

  it('reports an Entra outage as an upstream failure (503), not as the user’s problem', async () => {
    const { tokens } = service();
    entra.outage = 503;
    const error = await tokens.forUser(await assertionFor(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ code: 'GRAPH_TOKEN_FAILED' });
  });

  it('reports a wrong client secret as an upstream failure: no consent prompt can fix it', async () => {
    const { tokens } = service({ clientSecret: 'wrong' });
    await expect(tokens.forUser(await assertionFor(1))).rejects.toBeInstanceOf(UpstreamError);
  });

  it('refuses something that is not a token without calling Entra', async () => {
    const { tokens } = service();
    await expect(tokens.forUser('not-a-token')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(entra.requests.token).toBe(0);
  });

  it('gets an app-only token by client credentials, cached until shortly before expiry', async () => {
    const { tokens } = service();
    const first = await tokens.forApp();
    expect(entra.graphTokens.get(first)).toMatchObject({ kind: 'app', tenantId: TENANT });
    expect(await tokens.forApp()).toBe(first);
    expect(entra.requests.clientCredentials).toBe(1);
  });
});
