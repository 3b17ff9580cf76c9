import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { AssessmentStore, Clock } from '../../core/index.js';
import { buildApp, type App } from '../../bot/src/app.js';
import { loadConfig } from '../../bot/src/config.js';
import { createLogger } from '../../bot/src/logger.js';
import { call as request } from './http.js';

export interface TestServer {
  url: string;
  app: App;
  /** Every log line the server wrote, as raw JSON text. */
  logs: string[];
  dataDir: string;
  close(): Promise<void>;
}

/** Starts the real product in local mode on a free port, with its own data directory and a captured log. */
export async function startTestServer(
  options: { clock?: Clock; env?: Record<string, string>; store?: AssessmentStore } = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hsb-test-'));
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  const config = loadConfig({
    APP_MODE: 'local',
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'trace',
    ...options.env,
  });
  const app = buildApp(config, createLogger('trace', sink), {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.store ? { store: options.store } : {}),
  });
  const { url } = await app.listen();
  return {
    url,
    app,
    logs,
    dataDir,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next: string) => (now = new Date(next)) };
}

export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** fetch + JSON by full URL, keeping the status and headers; never throws on an HTTP error status. */
export async function call<T = any>(
  url: string,
  init: { method?: string; body?: unknown; rawBody?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  const reply = await request('', init.method ?? 'GET', url, {
    ...(init.headers ? { headers: init.headers } : {}),
    ...(init.rawBody !== undefined
      ? { rawBody: init.rawBody }
      : init.body !== undefined
        ? { body: init.body }
        : {}),
  });
  return { status: reply.status, headers: reply.headers, body: reply.body as T };
}
