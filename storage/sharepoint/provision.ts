import type { Client } from '@microsoft/microsoft-graph-client';
import { executeBatch, type BatchStep } from './graph-batch.js';
import { graphCall } from './graph-errors.js';
import { allPages } from './graph-paging.js';
import { query } from './odata.js';
import {
  columnDefinition,
  columnKindOf,
  defaultListNames,
  listSpecs,
  type ListNames,
  type ListSpec,
} from './sharepoint-schema.js';

export type ProvisionAction =
  'create-list' | 'add-column' | 'index-column' | 'make-unique' | 'drop-unique' | 'ok' | 'check' | 'problem';

export interface ProvisionStep {
  action: ProvisionAction;
  list: string;
  column?: string;
  detail: string;
}

export interface ProvisionPlan {
  siteId: string;
  dryRun: boolean;
  steps: ProvisionStep[];
  /** Steps that change the site (0 when everything is in place). */
  changes: number;
  problems: number;
}

export interface ProvisionOptions {
  siteId: string;
  baseUrl: string;
  dryRun: boolean;
  listNames?: ListNames;
}

interface GraphList {
  id: string;
  displayName: string;
  list?: { template?: string };
}

interface GraphColumn {
  id: string;
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  [facet: string]: unknown;
}

const CHANGES: ReadonlySet<ProvisionAction> = new Set([
  'create-list',
  'add-column',
  'index-column',
  'make-unique',
  'drop-unique',
]);

function listBody(spec: ListSpec, displayName: string): Record<string, unknown> {
  return {
    displayName,
    description: spec.description,
    list: { template: spec.template },
    columns: spec.columns.map(columnDefinition),
  };
}

/**
 * Makes a site ready for the app: creates the lists, columns and indexes that are missing and
 * changes nothing else. It never deletes and never alters a column's type; a clash is reported as a
 * problem for a person to look at. Running it twice changes nothing the second time.
 */
export async function provisionSharePoint(client: Client, options: ProvisionOptions): Promise<ProvisionPlan> {
  const names = options.listNames ?? defaultListNames;
  const { siteId } = options;
  await graphCall(() => client.api(`/sites/${siteId}${query({ $select: 'id' })}`).get());
  const lists = await allPages<GraphList>(
    client,
    options.baseUrl,
    `/sites/${siteId}/lists${query({ $select: 'id,displayName,list' })}`,
  );
  const steps: ProvisionStep[] = [];
  const writes: { step: ProvisionStep; request: BatchStep }[] = [];

  for (const spec of listSpecs) {
    const displayName = names[spec.key];
    const existing = lists.find((l) => l.displayName === displayName);
    if (!existing) {
      const step: ProvisionStep = {
        action: 'create-list',
        list: displayName,
        detail: `${spec.template} with ${spec.columns.length} columns (${spec.columns.filter((c) => c.indexed).length} indexed); versioning is on for new lists`,
      };
      steps.push(step);
      writes.push({
        step,
        request: {
          id: String(writes.length + 1),
          method: 'POST',
          url: `/sites/${siteId}/lists`,
          body: listBody(spec, displayName),
        },
      });
      continue;
    }
    if ((existing.list?.template ?? spec.template) !== spec.template) {
      steps.push({
        action: 'problem',
        list: displayName,
        detail: `is a ${existing.list?.template}, not a ${spec.template}`,
      });
      continue;
    }
    const columns = await allPages<GraphColumn>(
      client,
      options.baseUrl,
      `/sites/${siteId}/lists/${existing.id}/columns`,
    );
    let fine = 0;
    for (const col of spec.columns) {
      const found = columns.find((c) => c.name === col.name);
      const path = `/sites/${siteId}/lists/${existing.id}/columns`;
      if (!found) {
        const step: ProvisionStep = {
          action: 'add-column',
          list: displayName,
          column: col.name,
          detail: describe(col),
        };
        steps.push(step);
        writes.push({
          step,
          request: { id: String(writes.length + 1), method: 'POST', url: path, body: columnDefinition(col) },
        });
        continue;
      }
      const kind = columnKindOf(found);
      if (kind !== col.kind) {
        steps.push({
          action: 'problem',
          list: displayName,
          column: col.name,
          detail: `is ${kind}, expected ${col.kind}; left as it is`,
        });
        continue;
      }
      const patch: Record<string, unknown> = {};
      if (col.indexed && !found.indexed) {
        patch.indexed = true;
        steps.push({ action: 'index-column', list: displayName, column: col.name, detail: 'add an index' });
      }
      if (col.unique && !found.enforceUniqueValues) {
        patch.enforceUniqueValues = true;
        steps.push({
          action: 'make-unique',
          list: displayName,
          column: col.name,
          detail: 'enforce unique values',
        });
      }
      if (col.unique === false && found.enforceUniqueValues) {
        patch.enforceUniqueValues = false;
        steps.push({
          action: 'drop-unique',
          list: displayName,
          column: col.name,
          detail: 'stop enforcing unique values (several records now share these)',
        });
      }
      if (Object.keys(patch).length) {
        writes.push({
          step: steps[steps.length - 1]!,
          request: {
            id: String(writes.length + 1),
            method: 'PATCH',
            url: `${path}/${found.id}`,
            body: patch,
          },
        });
      } else {
        fine++;
      }
    }
    steps.push({
      action: 'ok',
      list: displayName,
      detail: `${fine} of ${spec.columns.length} columns already in place`,
    });
    steps.push({
      action: 'check',
      list: displayName,
      detail:
        'Graph cannot read versioning settings: confirm versioning is on (List settings → Versioning settings)',
    });
  }

  if (!options.dryRun && writes.length) {
    const outcomes = await graphCall(() =>
      executeBatch(
        client,
        writes.map((w) => w.request),
      ),
    );
    for (const { step, request } of writes) {
      const outcome = outcomes.get(request.id);
      if (!outcome || outcome.status < 200 || outcome.status >= 300) {
        steps.push({
          action: 'problem',
          list: step.list,
          ...(step.column ? { column: step.column } : {}),
          detail: `SharePoint refused "${step.action}" (HTTP ${outcome?.status ?? 'no answer'})`,
        });
      }
    }
  }

  return {
    siteId,
    dryRun: options.dryRun,
    steps,
    changes: steps.filter((s) => CHANGES.has(s.action)).length,
    problems: steps.filter((s) => s.action === 'problem').length,
  };
}

function describe(col: ListSpec['columns'][number]): string {
  return [col.kind, col.indexed ? 'indexed' : '', col.unique ? 'unique' : ''].filter(Boolean).join(', ');
}

const SYMBOL: Record<ProvisionAction, string> = {
  'create-list': '+',
  'add-column': '+',
  'index-column': '~',
  'make-unique': '~',
  'drop-unique': '~',
  ok: '=',
  check: '?',
  problem: '!',
};

/** The plan as people read it: one line per step, then a summary. */
export function formatPlan(plan: ProvisionPlan): string {
  const lines = [
    `SharePoint provisioning for site ${plan.siteId}${plan.dryRun ? ' (dry run: nothing is changed)' : ''}`,
  ];
  for (const s of plan.steps) {
    lines.push(
      `  ${SYMBOL[s.action]} ${s.list}${s.column ? ` / ${s.column}` : ''}: ${s.action} — ${s.detail}`,
    );
  }
  lines.push(
    plan.changes === 0
      ? 'Nothing to change.'
      : `${plan.changes} change${plan.changes === 1 ? '' : 's'} ${plan.dryRun ? 'would be made' : 'made'}.`,
  );
  if (plan.problems)
    lines.push(`${plan.problems} problem${plan.problems === 1 ? '' : 's'} need a person to look at them.`);
  return lines.join('\n');
}
