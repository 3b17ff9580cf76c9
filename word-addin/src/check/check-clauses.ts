import { profileVariables, type SchoolProfile } from '../../../core/content/school-profile.js';
import { requiredPolicySections } from '../../../core/content/sections.js';
import type { LibraryClause } from '../api/api-types.js';
import { blockText, clauseBlock, parseClauseTag } from '../word/document-blocks.js';
import type { TaggedControl } from '../word/word-document.js';
import { comparableText, slotMatcher, VALUE_SLOT } from './comparable-text.js';

/**
 * `current`: the library's latest text, filled with this school's details.
 * `details`: the latest text, but filled with other school details (the profile has changed since).
 * `edited`: the latest version, with its wording changed in this document.
 * `outdated`: an older version than the library's.
 * `unknown`: a tag the library does not know (removed clause, mistyped or newer tag).
 */
export type ClauseState = 'current' | 'details' | 'edited' | 'outdated' | 'unknown';

export interface ControlFinding {
  controlId: number;
  tag: string;
  /** The control's title as Word holds it. */
  title: string;
  state: ClauseState;
  clauseId?: string;
  version?: number;
  latestVersion?: number;
  section?: string;
}

export interface CheckReport {
  findings: ControlFinding[];
  /** Required policy sections with no clause in the document (only for a document holding policy). */
  missingSections: string[];
  counts: Record<ClauseState, number>;
}

/** Updating these rewrites text the school has not changed; `edited` needs the user's say-so. */
export const UPDATABLE_STATES: readonly ClauseState[] = ['outdated', 'details'];

const slotProfile: SchoolProfile = Object.fromEntries(profileVariables.map((v) => [v, VALUE_SLOT]));

/** The library side of the comparison, worked out once per clause per check. */
function expectations(profile: SchoolProfile) {
  const cache = new Map<string, { filled: string; matcher?: RegExp }>();
  return (clause: LibraryClause) => {
    let entry = cache.get(clause.id);
    if (!entry)
      cache.set(clause.id, (entry = { filled: comparableText(blockText(clauseBlock(clause, profile))) }));
    return {
      filled: entry.filled,
      matcher: () =>
        (entry.matcher ??= slotMatcher(comparableText(blockText(clauseBlock(clause, slotProfile))))),
    };
  };
}

function stateOf(text: string, expected: ReturnType<ReturnType<typeof expectations>>): ClauseState {
  const actual = comparableText(text);
  if (actual === expected.filled) return 'current';
  return expected.matcher().test(actual) ? 'details' : 'edited';
}

/**
 * Compares every `hsb:` control in a document with the library: pure, so the Word side needs one
 * read for any number of controls. `library` is every clause (policy and referral).
 */
export function checkClauses(
  controls: readonly TaggedControl[],
  library: readonly LibraryClause[],
  profile: SchoolProfile,
): CheckReport {
  const byId = new Map(library.map((c) => [c.id, c]));
  const expected = expectations(profile);
  const findings: ControlFinding[] = controls.map((control) => {
    const base = { controlId: control.id, tag: control.tag, title: control.title };
    const parsed = parseClauseTag(control.tag);
    const clause = parsed ? byId.get(parsed.clauseId) : undefined;
    if (!parsed || !clause) return { ...base, state: 'unknown' };
    const known = {
      ...base,
      clauseId: clause.id,
      version: parsed.version,
      latestVersion: clause.version,
      section: clause.section,
    };
    if (parsed.version > clause.version) return { ...known, state: 'unknown' };
    if (parsed.version < clause.version) return { ...known, state: 'outdated' };
    return { ...known, state: stateOf(control.text, expected(clause)) };
  });

  const policyIds = new Set(library.filter((c) => c.kind === 'policy').map((c) => c.id));
  const present = findings.filter((f) => f.clauseId && policyIds.has(f.clauseId));
  const covered = new Set(present.map((f) => f.section));
  const missingSections = present.length > 0 ? requiredPolicySections.filter((s) => !covered.has(s)) : [];

  const counts: Record<ClauseState, number> = { current: 0, details: 0, edited: 0, outdated: 0, unknown: 0 };
  for (const f of findings) counts[f.state]++;
  return { findings, missingSections, counts };
}
