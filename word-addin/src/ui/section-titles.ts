import {
  policySectionTitles,
  referralSections,
  referralSectionTitles,
  requiredPolicySections,
} from '../../../core/content/sections.js';
import type { ClauseKind } from '../api/api-types.js';

const titles: Readonly<Record<string, string>> = { ...policySectionTitles, ...referralSectionTitles };

export function sectionTitle(section: string): string {
  return titles[section] ?? section;
}

export function sectionsFor(kind: ClauseKind | ''): readonly string[] {
  if (kind === 'policy') return requiredPolicySections;
  if (kind === 'referral') return referralSections;
  return [...requiredPolicySections, ...referralSections];
}
