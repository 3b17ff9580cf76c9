/**
 * "Check this document" for a long policy: 200 tagged clauses from the real content, one in ten
 * edited, one in ten filled with old school details. The check is one Word read (tested with
 * office-addin-mock) and this pure comparison; the baseline, in the same run, is the least a check
 * could do: render each clause's text once and compare strings exactly (which would call every
 * control Word touched "edited", and every change of school details an edit).
 */
import { join } from 'node:path';
import type { SchoolProfile } from '../core/content/school-profile.js';
import { loadContentLibrary } from '../bot/src/content/load-content.js';
import type { LibraryClause } from '../word-addin/src/api/api-types.js';
import { checkClauses } from '../word-addin/src/check/check-clauses.js';
import { blockText, clauseBlock, type TaggedControl } from '../word-addin/src/word/document-blocks.js';
import { latencyStats, printComparison, sequentialSamples, throughput } from './lib/stats.js';

const CONTROLS = 200;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 2000);

const content = loadContentLibrary(join(__dirname, '..', 'content'));
const library: LibraryClause[] = [...content.policy, ...content.referral].map((c) => ({
  ...c,
  checkedOn: c.checkedOn ?? null,
  verify: c.verify ?? null,
}));
const profile: SchoolProfile = {
  schoolName: 'Oakfield Academy',
  dslName: 'Priya Shah',
  deputyDslNames: 'Tom Reed and Ana Costa',
  headteacherName: 'Ruth Mensah',
  localAuthority: 'Northshire County Council',
  reviewDate: '2026-09-01',
};
const oldProfile: SchoolProfile = { ...profile, dslName: 'Former DSL' };

// As Word reports them: paragraphs end in "\r".
const controls: TaggedControl[] = Array.from({ length: CONTROLS }, (_, i) => {
  const clause = library[i % library.length]!;
  const block = clauseBlock(clause, i % 10 === 5 ? oldProfile : profile);
  let text = blockText(block).split('\n').join('\r');
  if (i % 10 === 3) text = `${text}\rA sentence the school added.`;
  return { id: i + 1, tag: block.tag, title: block.title, text };
});

function exactCompare(): number {
  const byId = new Map(library.map((c) => [c.id, c]));
  const expected = new Map<string, string>();
  let same = 0;
  for (const c of controls) {
    const id = c.tag.slice(4, c.tag.indexOf('@'));
    let text = expected.get(id);
    if (text === undefined) {
      text = blockText(clauseBlock(byId.get(id)!, profile))
        .split('\n')
        .join('\r');
      expected.set(id, text);
    }
    if (text === c.text) same++;
  }
  return same;
}

async function main(): Promise<void> {
  const report = checkClauses(controls, library, profile);
  console.log(
    `${CONTROLS} controls: ${report.counts.current} current, ${report.counts.edited} edited, ${report.counts.details} with old school details`,
  );
  const subject = async () => void checkClauses(controls, library, profile);
  const baseline = async () => void exactCompare();
  const subjectSamples = await sequentialSamples(ITERATIONS, 20, subject);
  const baselineSamples = await sequentialSamples(ITERATIONS, 20, baseline);
  printComparison(
    `Check of ${CONTROLS} clauses (pure part; Word itself is read once)`,
    {
      name: 'checkClauses',
      latency: latencyStats(subjectSamples),
      perSecond: await throughput(DURATION_MS, 1, subject),
    },
    {
      name: 'render + exact compare',
      latency: latencyStats(baselineSamples),
      perSecond: await throughput(DURATION_MS, 1, baseline),
    },
  );
}

void main();
