import { Writable } from 'node:stream';
import { routeConsoleToLogger } from '../../../bot/src/console-output.js';
import { createLogger } from '../../../bot/src/logger.js';

describe('routeConsoleToLogger', () => {
  it('turns console calls into debug lines that keep the method and drop the arguments, until undone', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        callback();
      },
    });
    const written: unknown[][] = [];
    const fake = {
      log: (...a: unknown[]) => written.push(a),
      info: (...a: unknown[]) => written.push(a),
      warn: (...a: unknown[]) => written.push(a),
      error: (...a: unknown[]) => written.push(a),
      debug: (...a: unknown[]) => written.push(a),
      trace: (...a: unknown[]) => written.push(a),
      dir: (...a: unknown[]) => written.push(a),
      table: (...a: unknown[]) => written.push(a),
    } as unknown as Console;
    const undo = routeConsoleToLogger(createLogger('debug', sink), fake);

    fake.error(
      'Error finding key for token. Available keys: -----BEGIN RSA PUBLIC KEY-----',
      new Error('secret'),
    );
    fake.warn('BadRequest: Missing activity or activity type.');
    expect(written).toEqual([]);
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries.map((e) => [e.level, e.consoleMethod, e.msg])).toEqual([
      [20, 'error', 'library console output withheld'],
      [20, 'warn', 'library console output withheld'],
    ]);
    expect(lines.join('\n')).not.toMatch(/BEGIN|secret|BadRequest/);

    undo();
    fake.log('after');
    expect(written).toEqual([['after']]);
  });
});
