import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Clock } from '../../core/index.js';
import { buildApp, type App } from '../../bot/src/app.js';
import { loadConfig } from '../../bot/src/config.js';
import { createLogger } from '../../bot/src/logger.js';

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
  options: { clock?: Clock; env?: Record<string, string> } = {},
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
  const app = buildApp(config, createLogger('trace', sink), options.clock ? { clock: options.clock } : {});
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

/** fetch + JSON, keeping the status and headers; never throws on an HTTP error status. */
export async function call<T = any>(
  url: string,
  init: { method?: string; body?: unknown; rawBody?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  let body: string | Buffer | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (e.g. a static page): hand back the text as it came.
    parsed = text;
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}
