import { classificationRules, levelActions, type RuleGroup } from './rules.js';
import { MARKED_GAP_YEARS } from './facts.js';
import { DSL_DECIDES_NOTE } from './classify.js';
import { guidanceDocuments } from '../content/guidance-documents.js';

const GROUP_TITLES: Record<RuleGroup, string> = {
  behaviour: 'What was seen, by age and setting',
  'consent-power-pattern': 'Consent, power and pattern',
  floor: 'Floors: always a referral to children’s social care to consider',
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The rule table as a Markdown page for safeguarding reviewers (docs/classification-rules.md). */
export function classificationRulesMarkdown(): string {
  const lines: string[] = [
    '# Classification rules',
    '',
    '<!-- Generated from core/classify/rules.ts by `npx tsx scripts/classification-rules-doc.ts`; edit the table there. -->',
    '',
    'The bot’s classification card, the tab’s incident section and `POST /api/classify` all place a',
    'described behaviour on Hackett’s continuum with these rules. Every row that applies raises the level to',
    'at least its own and adds its actions; no answer lowers anything, so "mutual" cannot cancel a floor.',
    `A gap of ${MARKED_GAP_YEARS} or more years in age or development, or one child under 13 and another 13 or`,
    'older, is a marked gap. Witnesses’ ages are not counted. Actions are what the guidance says must at least',
    'be considered, never a decision. A row’s reason is not shown when a row it is covered by applies too',
    '(its level and actions still count).',
    '',
    `> ${DSL_DECIDES_NOTE}`,
    '',
  ];
  for (const group of Object.keys(GROUP_TITLES) as RuleGroup[]) {
    lines.push(`## ${GROUP_TITLES[group]}`, '');
    lines.push(
      '| id | when | at least | actions to consider | sources | reason covered by |',
      '|---|---|---|---|---|---|',
    );
    for (const rule of classificationRules.filter((r) => r.group === group)) {
      const sources = rule.sources.map((s) => `[${cell(s.title)}](${s.url})`).join('; ');
      lines.push(
        `| \`${rule.id}\` | ${cell(rule.when)} | ${rule.level} | ${rule.actions.join(', ')} | ${sources} | ${(rule.coveredBy ?? []).map((id) => `\`${id}\``).join(', ')} |`,
      );
    }
    lines.push('');
  }
  lines.push(
    '## What each level brings',
    '',
    `Whatever rows placed it there, a level brings these actions too (KCSIE ${guidanceDocuments.find((d) => d.name === 'KCSIE')!.current.year} Part five’s four options).`,
    '',
    '| level | actions to consider |',
    '|---|---|',
    ...Object.entries(levelActions).map(([level, actions]) => `| ${level} | ${actions.join(', ')} |`),
    '',
  );
  return lines.join('\n');
}
