import { randomUUID } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../logger.js';

const MESSAGES: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'The request is not valid HTTP.' },
  408: { code: 'REQUEST_TIMEOUT', message: 'The request took too long to arrive.' },
  431: { code: 'HEADERS_TOO_LARGE', message: 'The request headers are too large.' },
};

/**
 * Requests Node's HTTP parser rejects never reach restify. Node's default answer is a bare 400 with no
 * headers; this gives them the API's error shape and `Cache-Control: no-store` like every other answer.
 */
export function answerMalformedRequests(server: HttpServer, logger: Logger): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const correlationId = randomUUID();
    logger.info({ correlationId, code: error.code, status }, 'malformed request');
    const body = JSON.stringify({ error: { ...MESSAGES[status]!, correlationId } });
    socket.end(
      `HTTP/1.1 ${status} ${status === 400 ? 'Bad Request' : status === 408 ? 'Request Timeout' : 'Request Header Fields Too Large'}\r\n` +
        'Content-Type: application/json\r\n' +
        'Cache-Control: no-store\r\n' +
        'X-Content-Type-Options: nosniff\r\n' +
        `X-Correlation-Id: ${correlationId}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
