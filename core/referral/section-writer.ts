import type {
  ChecklistItem,
  ChecklistStatus,
  ReferralBlock,
  ReferralParagraph,
  ReferralRun,
} from './referral-draft.js';

export type Part = string | ReferralRun;

export const gap = (text: string): ReferralRun => ({ text: `[${text}]`, gap: true });

const runs = (parts: Part[]): ReferralRun[] =>
  parts.filter((p) => p !== '').map((p) => (typeof p === 'string' ? { text: p } : p));

export const has = (value: string | undefined | null): value is string => !!value && value.trim() !== '';

/** Collects one section's paragraphs and checklist items. */
export class SectionWriter {
  readonly paragraphs: ReferralParagraph[] = [];
  readonly items: ChecklistItem[] = [];

  constructor(readonly block: ReferralBlock) {}

  text(...parts: Part[]): void {
    this.paragraphs.push({ kind: 'text', runs: runs(parts) });
  }

  bullet(...parts: Part[]): void {
    this.paragraphs.push({ kind: 'bullet', runs: runs(parts) });
  }

  /** Free text from the record: its first line follows `label`, later lines are paragraphs of their own. */
  quoted(label: string, value: string): void {
    this.lines(label, splitLines(value));
  }

  /** Lines already chosen (e.g. with lines about another child left out); the first follows `label`. */
  lines(label: string, lines: readonly string[]): void {
    lines.forEach((line, i) => (i === 0 ? this.text(label, line) : this.text(line)));
  }

  check(id: string, label: string, status: ChecklistStatus, hint: string): void {
    this.items.push({ id, block: this.block, label, status, hint });
  }
}

export function splitLines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}
