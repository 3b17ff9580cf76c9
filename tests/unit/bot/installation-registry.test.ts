import { MemoryStorage } from 'botbuilder';
import { InstallationRegistry, type Installation } from '../../../bot/src/bot/installation-registry.js';

const team: Installation = {
  key: 'team:19:team@thread.tacv2',
  scope: 'channel',
  conversationId: '19:cases@thread.tacv2',
  serviceUrl: 'https://smba.example.com/',
  channelId: 'msteams',
  botId: '28:bot',
  tenantId: 'tenant-1',
  teamId: '19:team@thread.tacv2',
  teamAadGroupId: 'group-1',
  installedOn: '2026-03-02',
};

describe('InstallationRegistry', () => {
  it('says an installation is new only the first time, and keeps the first install date', async () => {
    const registry = new InstallationRegistry(new MemoryStorage());
    expect(await registry.add(team)).toBe(true);
    expect(await registry.add({ ...team, installedOn: '2026-03-05' })).toBe(false);
    expect(await registry.list()).toEqual([team]);
  });

  it('gives each day’s digest to exactly one claimant, even from several instances at once', async () => {
    const storage = new MemoryStorage();
    await new InstallationRegistry(storage).add(team);
    const instances = Array.from({ length: 5 }, () => new InstallationRegistry(storage));
    const claims = await Promise.all(instances.map((r) => r.claimDigest(team.key, '2026-03-09')));
    expect(claims.filter((c) => c.claimed)).toHaveLength(1);
    expect((await instances[0]!.claimDigest(team.key, '2026-03-09')).claimed).toBe(false);
    expect((await instances[0]!.claimDigest(team.key, '2026-03-10')).claimed).toBe(true);
  });

  it('hands a day back after a failed post so that it can be claimed again', async () => {
    const registry = new InstallationRegistry(new MemoryStorage());
    await registry.add(team);
    const first = await registry.claimDigest(team.key, '2026-03-09');
    await registry.claimDigest(team.key, '2026-03-10').then(() => undefined);
    await registry.releaseDigest(team.key, '2026-03-10', '2026-03-09');
    expect(first).toEqual({ claimed: true });
    expect((await registry.get(team.key))?.lastDigestOn).toBe('2026-03-09');
    expect((await registry.claimDigest(team.key, '2026-03-10')).claimed).toBe(true);
  });

  it('cannot claim for an installation that was removed', async () => {
    const registry = new InstallationRegistry(new MemoryStorage());
    await registry.add(team);
    expect(await registry.remove(team.key)).toBe(true);
    expect(await registry.remove(team.key)).toBe(false);
    expect((await registry.claimDigest(team.key, '2026-03-09')).claimed).toBe(false);
  });

  it('keeps ids and addresses only', async () => {
    const storage = new MemoryStorage();
    await new InstallationRegistry(storage).add(team);
    const stored = JSON.stringify(await storage.read(['hsb-bot/installations']));
    expect(Object.keys(JSON.parse(stored)['hsb-bot/installations'].installations[team.key]).sort()).toEqual(
      Object.keys(team).sort(),
    );
  });
});
