import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The import rules are the architecture (DESIGN §1); prove they fire, file by file. ESLint loads its
 * flat config with a dynamic import, which Jest's module system cannot run, so the snippets are linted
 * in one child process with the real config.
 */
const root = join(__dirname, '..', '..');

interface Case {
  filePath: string;
  code: string;
}

function lintAll(cases: Case[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    (async () => {
      const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const c of cases) {
        const [r] = await eslint.lintText(c.code, { filePath: c.filePath });
        out.push(r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const stdout = execFileSync(process.execPath, ['-e', script], {
    cwd: root,
    input: JSON.stringify(cases),
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as string[][];
}

const forbiddenInCore = [
  "import { CloudAdapter } from 'botbuilder';",
  "import restify from 'restify';",
  "import { app } from '@microsoft/teams-js';",
  "import { Client } from '@microsoft/microsoft-graph-client';",
  "import Database from 'better-sqlite3';",
  "import { readFileSync } from 'node:fs';",
  "import { SqliteAssessmentStore } from '../../storage/sqlite/index.js';",
  "import { loadConfig } from '../../bot/src/config.js';",
];
const browserFiles = ['tab/src/fixture.ts', 'word-addin/src/fixture.ts'];
const forbiddenInBrowser = [
  "import { createAssessmentStore } from '../../storage/index.js';",
  "import Database from 'better-sqlite3';",
  "import { loadConfig } from '../../bot/src/config.js';",
];

describe('import direction', () => {
  const cases: Case[] = [
    ...forbiddenInCore.map((code) => ({
      filePath: 'core/assessment/fixture.ts',
      code: `${code}\nexport {};\n`,
    })),
    {
      filePath: 'core/assessment/fixture.ts',
      code: "import { z } from 'zod';\nimport { riskLevel } from './risk-level.js';\nexport { z, riskLevel };\n",
    },
    ...browserFiles.flatMap((filePath) => [
      ...forbiddenInBrowser.map((code) => ({ filePath, code: `${code}\nexport {};\n` })),
      { filePath, code: "import { riskLevel } from '../../core/index.js';\nexport { riskLevel };\n" },
    ]),
    {
      filePath: 'bot/src/fixture.ts',
      code: "import restify from 'restify';\nimport Database from 'better-sqlite3';\nexport { restify, Database };\n",
    },
  ];
  let results: string[][];

  beforeAll(() => {
    results = lintAll(cases);
  });

  it('keeps core/ free of platform SDKs, Node built-ins and outer layers', () => {
    forbiddenInCore.forEach((code, i) =>
      expect({ code, hits: results[i]!.length }).toEqual({ code, hits: 1 }),
    );
    expect(results[forbiddenInCore.length]).toEqual([]);
  });

  it('keeps the browser apps away from storage and server code, but lets them use core/', () => {
    let i = forbiddenInCore.length + 1;
    for (const file of browserFiles) {
      for (const code of forbiddenInBrowser)
        expect({ file, code, hits: results[i++]!.length }).toEqual({ file, code, hits: 1 });
      expect(results[i++]).toEqual([]);
    }
  });

  it('lets the server use what it hosts', () => {
    expect(results[results.length - 1]).toEqual([]);
  });
});
