import { AssessmentService, type Assessment, type AssessmentStore } from '../../../core/index.js';
import { mapError } from '../../../bot/src/http/errors.js';
import { createAssessmentStore } from '../../../storage/index.js';
import { ApiError, type Versioned } from '../../../tab/src/api/api-client';
import type { AutosaveApi } from '../../../tab/src/editor/autosave-controller';

export const TODAY = '2026-03-10';

/**
 * The assessment API in-process: the real AssessmentService on an in-memory SQLite store, with the
 * server's own error mapping, so ETags, 412s, validation and lifecycle rules behave as over HTTP.
 * `failNext` makes the next calls fail the way a network or a busy server does.
 */
export class ServiceApi implements AutosaveApi {
  readonly store: AssessmentStore = createAssessmentStore({ kind: 'sqlite-memory' });
  readonly service = new AssessmentService({
    repository: this.store.forSchool('test-school'),
    clock: { now: () => new Date(`${TODAY}T10:42:00Z`) },
  });
  readonly calls: { method: string; etag?: string; body?: unknown }[] = [];
  private failures: ApiError[] = [];
  private readonly actor = { id: 'tester', kind: 'local' as const };

  failNext(...errors: ApiError[]): void {
    this.failures.push(...errors);
  }

  private async run<T>(fn: () => Promise<{ record: T; etag: string }>): Promise<Versioned<T>> {
    const injected = this.failures.shift();
    if (injected) throw injected;
    try {
      const { record, etag } = await fn();
      // A copy, as JSON over HTTP would give.
      return { record: JSON.parse(JSON.stringify(record)) as T, etag };
    } catch (error) {
      const mapped = mapError(error);
      throw new ApiError(
        mapped.status,
        mapped.body.error.code,
        mapped.body.error.message,
        mapped.body.error.details ?? [],
        mapped.headers.ETag,
      );
    }
  }

  create(body: unknown): Promise<Versioned<Assessment>> {
    return this.run(() => this.service.create(body, this.actor));
  }

  getAssessment(id: string): Promise<Versioned<Assessment>> {
    this.calls.push({ method: 'GET' });
    return this.run(() => this.service.get(id));
  }

  replaceAssessment(id: string, body: unknown, etag: string): Promise<Versioned<Assessment>> {
    this.calls.push({ method: 'PUT', etag, body });
    return this.run(() => this.service.replace(id, body, etag, this.actor));
  }

  addReview(id: string, body: unknown, etag: string): Promise<Versioned<Assessment>> {
    this.calls.push({ method: 'POST reviews', etag, body });
    return this.run(() => this.service.addReview(id, body, this.actor, etag));
  }

  /** Someone else's save, straight to the service. */
  async saveAsSomeoneElse(id: string, change: (record: Assessment) => Assessment): Promise<void> {
    const { record, etag } = await this.service.get(id);
    await this.service.replace(id, change(JSON.parse(JSON.stringify(record)) as Assessment), etag, {
      id: 'other',
      kind: 'local',
    });
  }

  puts(): number {
    return this.calls.filter((c) => c.method === 'PUT').length;
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
