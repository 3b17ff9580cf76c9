import { profileVariables, type SchoolProfile } from '../../../core/content/school-profile.js';
import { requiredPolicySections } from '../../../core/content/sections.js';
import type { LibraryClause } from '../api/api-types.js';
import { blockText, clauseBlock, parseClauseTag, type TaggedControl } from '../word/document-blocks.js';
import { comparableText, slotMatcher, valueSlot } from './comparable-text.js';

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

const slotProfile: SchoolProfile = Object.fromEntries(profileVariables.map((v, i) => [v, valueSlot(i)]));

interface Expected {
  /** Exactly what an insertion writes, one paragraph a line. */
  written: string;
  comparable?: string;
  matcher?: RegExp;
}

/** The library side of the comparison, worked out once per clause per check. */
function expectations(profile: SchoolProfile): (clause: LibraryClause) => Expected {
  const cache = new Map<string, Expected>();
  return (clause) => {
    let entry = cache.get(clause.id);
    if (!entry) {
      entry = { written: blockText(clauseBlock(clause, profile)) };
      cache.set(clause.id, entry);
    }
    return entry;
  };
}

function stateOf(text: string, clause: LibraryClause, expected: Expected): ClauseState {
  // Most controls hold exactly what was written: a plain comparison settles them.
  if (text.replace(/\r\n?/g, '\n') === expected.written) return 'current';
  const actual = comparableText(text);
  expected.comparable ??= comparableText(expected.written);
  if (actual === expected.comparable) return 'current';
  expected.matcher ??= slotMatcher(comparableText(blockText(clauseBlock(clause, slotProfile))));
  return expected.matcher.test(actual) ? 'details' : 'edited';
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
    return { ...known, state: stateOf(control.text, clause, expected(clause)) };
  });

  const policyIds = new Set(library.filter((c) => c.kind === 'policy').map((c) => c.id));
  const present = findings.filter((f) => f.clauseId && policyIds.has(f.clauseId));
  const covered = new Set(present.map((f) => f.section));
  const missingSections = present.length > 0 ? requiredPolicySections.filter((s) => !covered.has(s)) : [];

  const counts: Record<ClauseState, number> = { current: 0, details: 0, edited: 0, outdated: 0, unknown: 0 };
  for (const f of findings) counts[f.state]++;
  return { findings, missingSections, counts };
}
