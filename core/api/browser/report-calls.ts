import { apiRoutes, withQuery } from '../paths.js';
import type { GovernorsReportBody, TrendsQuery, TrendsResponse } from '../reports.js';
import type { ApiTransport } from './api-transport.js';

/** The trends reports, and the governors' report as a Word file. */
export class ReportCalls {
  constructor(private readonly http: ApiTransport) {}

  reportTrends(query: TrendsQuery): Promise<TrendsResponse> {
    return this.http.json('GET', withQuery(apiRoutes.reportsTrends, { ...query }));
  }

  async governorsReport(body: GovernorsReportBody): Promise<Blob> {
    const response = await this.http.request('POST', apiRoutes.reportsGovernors, { body });
    return response.blob();
  }
}
