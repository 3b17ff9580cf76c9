/**
 * Removes other children's names from free text written about one child, for documents that must
 * never name them (a parents' copy). Full names go first, then each part of a name on its own —
 * except parts the document's own child shares (a sibling's surname), which would otherwise blank
 * out that child's own name. Matching ignores case and respects word edges; it errs towards hiding.
 */
export function redactNames(
  text: string,
  names: readonly string[],
  keep: readonly string[] = [],
  replacement = 'another child',
): string {
  const kept = new Set(keep.flatMap((k) => parts(k)).map((p) => p.toLowerCase()));
  const full = names.map((n) => n.trim()).filter((n) => n.length > 0);
  const single = full.flatMap(parts).filter((p) => p.length > 1 && !kept.has(p.toLowerCase()));
  let out = text;
  for (const term of [...new Set([...full, ...single])].sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(term)}(?![\\p{L}\\p{N}])`, 'giu'), replacement);
  }
  return out;
}

function parts(name: string): string[] {
  return name.split(/[\s\-–—'’.]+/u).filter(Boolean);
}

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
