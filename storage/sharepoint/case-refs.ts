import type { Client } from '@microsoft/microsoft-graph-client';
import { formatCaseRef, UpstreamError } from '../../core/index.js';
import { allPages } from './graph-paging.js';
import { expandFields, query } from './odata.js';
import type { SchoolLocation } from './site-resolver.js';
import type { StoreCaches } from './store-caches.js';

/** How many taken case references a create steps over before it gives up (other app instances racing). */
const CASE_REF_ATTEMPTS = 25;

export interface CaseRefContext {
  client: Client;
  baseUrl: string;
  caches: StoreCaches;
  pageSize: number;
}

/**
 * Reserves the next case reference of a school's year and writes with it. Cases and plans made
 * outside any case (records from before cases existed) draw on one sequence, so a reference never
 * means two things. `write` answers undefined when the unique column says the number is taken.
 * Creates in this process take turns per site and year, so they never race each other for a number;
 * other instances may, and each list's unique column settles that.
 */
export function reserveCaseRef<T extends { record: { caseRef: string } }>(
  ctx: CaseRefContext,
  loc: SchoolLocation,
  year: number,
  write: (caseRef: string) => Promise<T | undefined>,
): Promise<T> {
  const key = `${loc.siteId}|case-refs|${year}`;
  return ctx.caches.creates.run(key, async () => {
    let last = ctx.caches.caseSequence.get(key) ?? (await highestSequence(ctx, loc, year));
    for (let attempt = 0; attempt < CASE_REF_ATTEMPTS; attempt++) {
      const written = await write(formatCaseRef(year, last + 1));
      if (written) {
        ctx.caches.caseSequence.set(key, Math.max(last + 1, sequenceOf(written.record.caseRef)));
        return written;
      }
      last = Math.max(last + 1, await highestSequence(ctx, loc, year));
    }
    throw new UpstreamError('CASE_REF_CONTENTION', 'Could not reserve a case reference. Please try again.');
  });
}

function sequenceOf(caseRef: string): number {
  return Number(caseRef.split('-')[2] ?? 0);
}

/** The highest sequence used in a year across both lists (indexed equality filters, paged). */
async function highestSequence(ctx: CaseRefContext, loc: SchoolLocation, year: number): Promise<number> {
  let max = 0;
  for (const list of [loc.lists.cases, loc.lists.assessments]) {
    const items = await allPages<{ fields?: { CaseRef?: unknown } }>(
      ctx.client,
      ctx.baseUrl,
      `/sites/${loc.siteId}/lists/${list}/items${query({
        $filter: `fields/CaseYear eq ${year}`,
        $expand: expandFields(['CaseRef']),
        $top: ctx.pageSize,
      })}`,
    );
    for (const item of items) {
      const m = /^HSB-\d{4}-(\d+)$/.exec(String(item.fields?.CaseRef ?? ''));
      if (m) max = Math.max(max, Number(m[1]));
    }
  }
  return max;
}
