import {
  dateInZone,
  type CaseData,
  type CaseOpened,
  type CaseOpening,
  type CaseSummary,
  type ChangeContext,
  type ChildData,
} from '../../core/index.js';
import {
  etagVersion,
  newPlanFields,
  toSharePointDate,
  type Fields,
  type StoredRecord,
} from './assessment-fields.js';
import { reserveCaseRef } from './case-refs.js';
import { executeBatch, MAX_BATCH, type BatchOutcome, type BatchStep } from './graph-batch.js';
import { graphCall, toDomainError } from './graph-errors.js';
import type { Page } from './graph-paging.js';
import {
  auditStep,
  changeColumns,
  chronologySteps,
  ensureAudit,
  factsKey,
  itemEtag,
  itemsPath,
  jsonColumns,
  ok,
  stepError,
  type GraphItem,
} from './list-items.js';
import { expandFields, literal, query } from './odata.js';
import type { RepositoryContext } from './sharepoint-assessment-repository.js';
import type { ListKey } from './sharepoint-schema.js';
import { trendFields } from './sharepoint-trends.js';
import type { SchoolLocation } from './site-resolver.js';

function short(value: string | null | undefined): string | null {
  return value ? value.slice(0, 255) : null;
}

/** The indexed columns of a child's item (the JSON envelope holds the whole record). */
export function childColumns(child: ChildData): Fields {
  return {
    Title: short(child.name),
    ChildName: short(child.name),
    YearGroup: short(child.yearGroup),
    Sex: child.sex ?? null,
    DateOfBirth: toSharePointDate(child.dateOfBirth),
    RetainUntil: toSharePointDate(child.retainUntil ?? undefined),
  };
}

export function summaryParticipants(data: CaseData): CaseSummary['participants'] {
  return data.participants.map((p) => ({ childId: p.childId, roles: p.roles, label: p.label }));
}

/** The columns a case's item is filtered and listed by, and the facts the trend reports count. */
export function caseColumns(data: CaseData, createdAt: string): Fields {
  return {
    Status: data.status,
    Participants: JSON.stringify(summaryParticipants(data)),
    ...trendFields({ ...data, createdAt }),
  };
}

export function pairKey(caseId: string, childId: string): string {
  return `${caseId}|${childId}`;
}

/** Remembers that the (case, child) pair is in the participants list, so saves do not add it again. */
export function knowPair(ctx: RepositoryContext, loc: SchoolLocation, pair: string): void {
  ctx.caches.items.set(`${loc.siteId}|pair|${pair}`, { itemId: '', caseRef: '', createdAt: '' });
}

/** One item the opening writes: where, under which batch step, and its audit step. */
interface Write {
  step: string;
  key: ListKey;
  recordId: string;
  audit?: { context: ChangeContext; writeId: string };
}

/**
 * Sends steps as few batches of at most 20 as their order allows. A step whose dependency ran in an
 * earlier batch is sent without it once it succeeded, and not at all when it failed; after a batch
 * with a failed write, nothing more is sent.
 */
async function runInBatches(
  ctx: RepositoryContext,
  steps: readonly BatchStep[],
  fatal: (id: string, outcome: BatchOutcome | undefined) => boolean,
): Promise<Map<string, BatchOutcome>> {
  const outcomes = new Map<string, BatchOutcome>();
  for (let start = 0; start < steps.length; start += MAX_BATCH) {
    const group = steps.slice(start, start + MAX_BATCH);
    const here = new Set(group.map((s) => s.id));
    const send: BatchStep[] = [];
    for (const step of group) {
      const earlier = (step.dependsOn ?? []).filter((d) => !here.has(d));
      if (earlier.some((d) => !ok(outcomes.get(d)))) {
        outcomes.set(step.id, { id: step.id, status: 424, body: undefined });
        here.delete(step.id);
        continue;
      }
      const within = (step.dependsOn ?? []).filter((d) => here.has(d));
      const { dependsOn: _d, ...rest } = step;
      send.push(within.length ? { ...rest, dependsOn: within } : rest);
    }
    if (send.length) {
      const answered = await graphCall(() => executeBatch(ctx.client, send));
      for (const [id, outcome] of answered) outcomes.set(id, outcome);
    }
    if (group.some((s) => fatal(s.id, outcomes.get(s.id)))) break;
  }
  return outcomes;
}

/**
 * The item this write made in an earlier attempt whose answer was lost (the batch sent again): it
 * has the record's id and this write's id. An item with the id but another write is not ours.
 */
async function existing(
  ctx: RepositoryContext,
  loc: SchoolLocation,
  write: Write,
): Promise<GraphItem | undefined> {
  const page = await graphCall(
    () =>
      ctx.client
        .api(
          `${itemsPath(loc, write.key)}${query({
            $filter: `fields/RecordId eq ${literal(write.recordId)}`,
            $expand: expandFields(['RecordId', 'WriteId']),
            $top: 1,
          })}`,
        )
        .get() as Promise<Page<GraphItem>>,
  );
  const item = page.value[0];
  return item && (!write.audit || item.fields?.WriteId === write.audit.writeId) ? item : undefined;
}

/** Deletes what a failed opening wrote, so no half-made case stays visible. */
async function rollBack(
  ctx: RepositoryContext,
  loc: SchoolLocation,
  made: readonly { key: ListKey; itemId: string }[],
): Promise<void> {
  const steps: BatchStep[] = made.map((m, i) => ({
    id: `d${i}`,
    method: 'DELETE',
    url: `${itemsPath(loc, m.key)}/${m.itemId}`,
  }));
  try {
    const outcomes = await runInBatches(ctx, steps, () => false);
    const left = steps.filter((s) => !ok(outcomes.get(s.id)) && outcomes.get(s.id)?.status !== 404);
    if (left.length) {
      ctx.onWarning?.({ code: 'CASE_ROLLBACK_INCOMPLETE', err: stepError(outcomes.get(left[0]!.id)) });
    }
  } catch (error) {
    ctx.onWarning?.({ code: 'CASE_ROLLBACK_INCOMPLETE', err: error });
  }
}

/**
 * Writes a new case as one unit: the case item first, then (each depending on it, so a taken case
 * reference writes nothing else) the new children, the participant pairs, the plans and the
 * chronology entries, each data item with its audit entry. A typical case (two children, two plans)
 * is one `$batch`; a bigger one takes a few. Item ids are SharePoint's, so should any write fail for
 * good, the items already made are deleted again before the error is reported.
 */
export function openCaseOnSharePoint(
  ctx: RepositoryContext,
  loc: SchoolLocation,
  opening: CaseOpening,
): Promise<CaseOpened> {
  const year = Number(dateInZone(opening.case.context.at).slice(0, 4));
  return reserveCaseRef(ctx, loc, year, async (caseRef) => {
    const opened = await attempt(ctx, loc, opening, caseRef, year);
    return opened && { record: opened.case.record, opened };
  }).then((r) => r.opened);
}

async function attempt(
  ctx: RepositoryContext,
  loc: SchoolLocation,
  opening: CaseOpening,
  caseRef: string,
  year: number,
): Promise<CaseOpened | undefined> {
  const steps: BatchStep[] = [];
  const writes: Write[] = [];
  const add = (write: Write, fields: Fields, dependsOn?: string) => {
    writes.push(write);
    steps.push({
      id: write.step,
      method: 'POST',
      url: itemsPath(loc, write.key),
      body: { fields },
      ...(dependsOn ? { dependsOn: [dependsOn] } : {}),
    });
    if (write.audit) {
      steps.push(
        auditStep(
          loc,
          write.recordId,
          write.audit.context,
          write.audit.writeId,
          `${write.step}-audit`,
          write.step,
        ),
      );
    }
  };

  const { id: caseId, data: caseData, context: caseContext } = opening.case;
  const at = caseContext.at.toISOString();
  const caseRecord = { ...caseData, id: caseId, caseRef, createdAt: at, updatedAt: at };
  const caseWrite = { context: caseContext, writeId: ctx.newId() };
  add(
    { step: 'case', key: 'cases', recordId: caseId, audit: caseWrite },
    {
      Title: caseRef,
      CaseRef: caseRef,
      CaseYear: year,
      CreatedAt: at,
      ...caseColumns(caseData, at),
      RecordId: caseId,
      ...jsonColumns(caseRecord),
      ...changeColumns(caseContext, caseWrite.writeId),
    },
  );

  const children = opening.children.map((c, i) => {
    const when = c.context.at.toISOString();
    const record = { ...c.data, id: c.id, createdAt: when, updatedAt: when };
    const audit = { context: c.context, writeId: ctx.newId() };
    add(
      { step: `child${i}`, key: 'children', recordId: c.id, audit },
      {
        ...childColumns(c.data),
        RecordId: c.id,
        ...jsonColumns(record),
        ...changeColumns(c.context, audit.writeId),
      },
      'case',
    );
    return record;
  });

  const pairs = caseData.participants.map((p) => pairKey(caseId, p.childId));
  caseData.participants.forEach((p, i) =>
    add(
      { step: `pair${i}`, key: 'caseParticipants', recordId: pairs[i]! },
      { Title: caseRef, CaseId: caseId, ChildId: p.childId, PairKey: pairs[i]! },
      'case',
    ),
  );

  const plans = opening.plans.map((p, i) => {
    const when = p.context.at.toISOString();
    const record: StoredRecord = { id: p.id, caseRef, createdAt: when, updatedAt: when, ...p.data };
    const audit = { context: p.context, writeId: ctx.newId() };
    add(
      { step: `plan${i}`, key: 'assessments', recordId: p.id, audit },
      newPlanFields(record, p.context, audit.writeId),
      'case',
    );
    return record;
  });

  const chronology = chronologySteps(ctx, loc, opening.chronology, 'case');
  chronology.records.forEach((r, i) => writes.push({ step: `chron${i}`, key: 'chronology', recordId: r.id }));
  steps.push(...chronology.steps);

  const isWrite = new Set(writes.map((w) => w.step));
  const failed = (id: string, outcome: BatchOutcome | undefined) =>
    isWrite.has(id) && !ok(outcome) && outcome?.status !== 409;
  const outcomes = await runInBatches(ctx, steps, failed);

  // 409 on the case: its reference is taken (nothing else ran), or a retried batch of ours landed.
  const made: { write: Write; item: GraphItem }[] = [];
  let failure: BatchOutcome | undefined;
  for (const write of writes) {
    const outcome = outcomes.get(write.step);
    if (ok(outcome)) {
      made.push({ write, item: outcome!.body as GraphItem });
      continue;
    }
    const found =
      outcome?.status === 409 && write.key !== 'caseParticipants'
        ? await existing(ctx, loc, write)
        : undefined;
    if (found) made.push({ write, item: found });
    // A pair already listed is what this write wanted.
    else if (write.key === 'caseParticipants' && outcome?.status === 409) continue;
    else if (write.step === 'case' && outcome?.status === 409) return undefined;
    else failure ??= outcome;
  }
  if (failure) {
    await rollBack(
      ctx,
      loc,
      made.map((m) => ({ key: m.write.key, itemId: m.item.id })),
    );
    throw toDomainError(stepError(failure));
  }

  for (const write of writes) {
    if (write.audit) {
      await ensureAudit(ctx, loc, {
        id: write.recordId,
        context: write.audit.context,
        writeId: write.audit.writeId,
        outcome: outcomes.get(`${write.step}-audit`),
      });
    }
  }
  for (const [i, record] of chronology.records.entries()) {
    await ensureAudit(ctx, loc, {
      id: record.id,
      context: { ...chronology.contexts[i]!, action: 'create', fields: [] },
      writeId: record.id,
      outcome: outcomes.get(`chron${i}-audit`),
    });
  }

  const itemOf = (step: string) => made.find((m) => m.write.step === step)!.item;
  const stored = <R extends { id: string; createdAt: string }>(step: string, key: ListKey, record: R) => {
    const item = itemOf(step);
    const caseRefOf = (record as { caseRef?: string }).caseRef ?? '';
    ctx.caches.items.set(factsKey(loc, key, record.id), {
      itemId: item.id,
      caseRef: caseRefOf,
      createdAt: record.createdAt,
    });
    const etag = itemEtag(item);
    return { record: { ...record, version: etagVersion(etag) }, etag };
  };
  pairs.forEach((pair) => knowPair(ctx, loc, pair));
  const kase = stored('case', 'cases', caseRecord);
  return {
    case: kase,
    children: children.map((c, i) => stored(`child${i}`, 'children', c)),
    plans: plans.map((p, i) => stored(`plan${i}`, 'assessments', p)),
    chronology: chronology.records,
  };
}
