import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommand } from '../../../bot/src/bot/command-parser.js';
import { ASSESSMENTS_TAB_ENTITY_ID, deepLinks } from '../../../bot/src/bot/deep-links.js';

const id = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('deepLinks', () => {
  it('in Microsoft 365 mode, opens the assessments tab in Teams with the assessment id as its sub-entity', () => {
    const links = deepLinks(
      { mode: 'm365', TEAMS_APP_ID: 'a1b2c3d4-0000-4000-8000-000000000000' },
      () => 'https://x',
    );
    const url = new URL(links.assessment(id));
    expect(`${url.origin}${url.pathname}`).toBe(
      `https://teams.microsoft.com/l/entity/a1b2c3d4-0000-4000-8000-000000000000/${ASSESSMENTS_TAB_ENTITY_ID}`,
    );
    expect(JSON.parse(url.searchParams.get('context')!)).toEqual({ subEntityId: id });
    const caseUrl = new URL(links.case(id));
    expect(JSON.parse(caseUrl.searchParams.get('context')!)).toEqual({ subEntityId: `cases/${id}` });
    expect(links.tab()).toBe(
      `https://teams.microsoft.com/l/entity/a1b2c3d4-0000-4000-8000-000000000000/dashboard`,
    );
  });

  it('in local mode, opens the tab this app serves at the hash route the tab understands', () => {
    let base = 'http://127.0.0.1:0';
    const links = deepLinks({ mode: 'local', TEAMS_APP_ID: undefined }, () => base);
    base = 'http://127.0.0.1:4321';
    expect(links.assessment(id)).toBe(`http://127.0.0.1:4321/tab/#/assessments/${id}`);
    expect(links.case(id)).toBe(`http://127.0.0.1:4321/tab/#/cases/${id}`);
    expect(links.tab()).toBe('http://127.0.0.1:4321/tab/');
  });
});

describe('the Teams manifest', () => {
  const manifest = JSON.parse(
    readFileSync(join(__dirname, '../../../manifest/teams/manifest.json'), 'utf8'),
  ) as {
    staticTabs: { entityId: string }[];
    bots: { scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
  };

  it('has the tab the bot’s deep links open', () => {
    expect(manifest.staticTabs.map((t) => t.entityId)).toContain(ASSESSMENTS_TAB_ENTITY_ID);
  });

  it('lists the commands the bot answers, in every scope the bot works in', () => {
    const [bot] = manifest.bots;
    expect([...bot!.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    const titles = bot!.commandLists.flatMap((l) => l.commands.map((c) => c.title));
    expect(titles).toEqual(['help', 'ask', 'new case', 'new assessment', 'reviews', 'classify']);
    for (const title of titles)
      expect(parseCommand(title === 'ask' ? 'ask what is HSB?' : title).kind).not.toBe('unknown');
  });
});
