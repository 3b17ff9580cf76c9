export interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

export interface CallOptions {
  authorization?: string | undefined;
  token?: string;
  headers?: Record<string, string>;
  /** Sent as JSON (a string is sent as it is). */
  body?: unknown;
  /** Sent exactly as given, with no content type added. */
  rawBody?: string | Buffer;
}

/** One JSON call to the running server; the reply's body is parsed when it is JSON. */
export async function call(
  base: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  const payload =
    options.rawBody ??
    (options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body));
  const response = await fetch(base + path, {
    method,
    headers,
    redirect: 'manual',
    ...(payload !== undefined ? { body: payload } : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  if (text && (response.headers.get('content-type') ?? '').includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, headers: response.headers, body, text };
}

export function errorCode(reply: Reply): string | undefined {
  return (reply.body as { error?: { code?: string } } | undefined)?.error?.code;
}
