import { ValidationError } from '../errors.js';
import { createNameMatcher } from '../privacy/name-matcher.js';
import type { CaseRecords } from '../repositories/case-records.js';
import type { IsoDate } from '../dates.js';
import type { ReportRange } from './facts.js';
import { governorsDocument, type GovernorsDocument } from './governors-document.js';
import type { ContextLabel } from './tables.js';
import { previousRange, trendsReport } from './trends.js';
import type { ReportAudience, TrendsReport } from './types.js';

const CASE_REFERENCE = /\bHSB-\d{4}-\d+\b/i;

/**
 * Trend reports for one school: one read of the store covering the period and the one before it.
 * Who may ask was decided before this service was built (safeguarding-team members of the school).
 */
export class ReportService {
  constructor(
    private readonly records: CaseRecords,
    private readonly contextLabel: ContextLabel,
  ) {}

  async trends(range: ReportRange, audience: ReportAudience): Promise<TrendsReport> {
    const before = previousRange(range);
    const cases = await this.records.reports.trendCases({ from: before.from, to: range.to });
    return trendsReport(cases, range, { audience, contextLabel: this.contextLabel });
  }

  /**
   * The governors' report. The commentary goes to people outside the safeguarding team, so it may
   * name no child of the school and quote no case reference; it is refused, not edited, so that the
   * DSL sees exactly what will be sent.
   */
  async governors(
    range: ReportRange,
    commentary: string | undefined,
    today: IsoDate,
  ): Promise<GovernorsDocument> {
    if (commentary) await this.checkCommentary(commentary);
    return governorsDocument(await this.trends(range, 'governors'), commentary, today);
  }

  private async checkCommentary(text: string): Promise<void> {
    if (CASE_REFERENCE.test(text)) {
      throw new ValidationError('COMMENTARY_NAMES_A_CASE', 'The commentary quotes a case reference.', [
        { path: 'commentary', problem: 'Describe cases without their references.' },
      ]);
    }
    const children = await this.records.children.list();
    if (createNameMatcher(children).find(text).length > 0) {
      throw new ValidationError('COMMENTARY_NAMES_A_CHILD', 'The commentary names a child.', [
        { path: 'commentary', problem: 'Describe children without their names.' },
      ]);
    }
  }
}
