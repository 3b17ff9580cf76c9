import type { Client } from '@microsoft/microsoft-graph-client';
import { graphStatus } from './graph-errors.js';

export type BatchMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface BatchStep {
  id: string;
  method: BatchMethod;
  /** Relative to the Graph version, starting with '/'. */
  url: string;
  /** JSON, or binary content (sent base64-encoded inside the batch, as Graph expects). */
  body?: unknown;
  binary?: Uint8Array;
  headers?: Record<string, string>;
  dependsOn?: string[];
}

export interface BatchOutcome {
  id: string;
  status: number;
  body: unknown;
  /** The failure when the step was retried on its own and still failed. */
  error?: unknown;
}

/** Graph's limit for one JSON batch. */
export const MAX_BATCH = 20;

/** Statuses worth a second try on their own: throttling, a busy service, or a dependency that failed. */
const RETRY_INDIVIDUALLY = new Set([424, 429, 503, 504]);

interface RawBatchResponse {
  responses?: { id: string; status: number; body?: unknown; headers?: Record<string, string> }[];
}

function chunk(steps: readonly BatchStep[]): BatchStep[][] {
  const chunks: BatchStep[][] = [];
  let current: BatchStep[] = [];
  for (const step of steps) {
    if (current.length === MAX_BATCH) {
      chunks.push(current);
      current = [];
    }
    for (const dep of step.dependsOn ?? []) {
      if (!current.some((s) => s.id === dep)) {
        throw new Error(
          `Batch step ${step.id} depends on ${dep}, which is not in the same batch of ${MAX_BATCH}.`,
        );
      }
    }
    current.push(step);
  }
  if (current.length) chunks.push(current);
  return chunks;
}

function wireStep(step: BatchStep): Record<string, unknown> {
  const wire: Record<string, unknown> = { id: step.id, method: step.method, url: step.url };
  if (step.dependsOn?.length) wire.dependsOn = step.dependsOn;
  if (step.binary) {
    wire.body = Buffer.from(step.binary).toString('base64');
    wire.headers = { 'Content-Type': 'application/octet-stream', ...step.headers };
  } else if (step.body !== undefined) {
    wire.body = step.body;
    wire.headers = { 'Content-Type': 'application/json', ...step.headers };
  } else if (step.headers) {
    wire.headers = step.headers;
  }
  return wire;
}

async function runAlone(client: Client, step: BatchStep): Promise<BatchOutcome> {
  let request = client.api(step.url);
  for (const [name, value] of Object.entries(step.headers ?? {})) request = request.header(name, value);
  const content = step.binary ? Buffer.from(step.binary) : step.body;
  try {
    const body: unknown =
      step.method === 'GET'
        ? await request.get()
        : step.method === 'POST'
          ? await request.post(content)
          : step.method === 'PATCH'
            ? await request.patch(content)
            : step.method === 'PUT'
              ? await request.put(content)
              : await request.delete();
    return { id: step.id, status: step.method === 'POST' ? 201 : 200, body };
  } catch (error) {
    return { id: step.id, status: graphStatus(error) ?? 0, body: undefined, error };
  }
}

/**
 * Sends related requests as JSON batches of at most 20 (one round trip each). A step that failed
 * inside the batch for a passing reason (429, 503, 504, or 424 because its dependency did) is sent
 * again on its own, after its dependencies, through the client's normal retry and timeout handling.
 */
export async function executeBatch(
  client: Client,
  steps: readonly BatchStep[],
): Promise<Map<string, BatchOutcome>> {
  const outcomes = new Map<string, BatchOutcome>();
  for (const group of chunk(steps)) {
    const raw = (await client.api('/$batch').post({ requests: group.map(wireStep) })) as RawBatchResponse;
    for (const r of raw.responses ?? []) outcomes.set(r.id, { id: r.id, status: r.status, body: r.body });
    for (const step of group) {
      const outcome = outcomes.get(step.id);
      const depsOk = (step.dependsOn ?? []).every((d) => {
        const s = outcomes.get(d)?.status ?? 0;
        return s >= 200 && s < 300;
      });
      if (!outcome || (RETRY_INDIVIDUALLY.has(outcome.status) && depsOk)) {
        outcomes.set(step.id, await runAlone(client, step));
      }
    }
  }
  return outcomes;
}
