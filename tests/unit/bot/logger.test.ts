import { Writable } from 'node:stream';
import { createLogger, errorForLog } from '../../../bot/src/logger.js';

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { logger: createLogger('info', sink), text: () => lines.join('') };
}

describe('logger', () => {
  it('redacts the fields most likely to hold child data if an object is logged by mistake', () => {
    const { logger, text } = capture();
    logger.info(
      {
        body: { learner: { name: 'Canary Child' } },
        req: { body: 'Canary Child' },
        activity: { text: 'Canary Child' },
        name: 'Canary Child',
        id: 'kept-id',
      },
      'x',
    );
    expect(text()).not.toContain('Canary Child');
    expect(text()).toContain('kept-id');
  });

  it('logs errors by type, code and stack frames, never their message', () => {
    const error = Object.assign(new SyntaxError('Unexpected token J, "Canary Child" is not valid JSON'), {
      code: 'E_PARSE',
    });
    const shown = errorForLog(error);
    expect(shown).toMatchObject({ type: 'SyntaxError', code: 'E_PARSE' });
    expect(JSON.stringify(shown)).not.toContain('Canary');
    expect(String(shown.stack)).toMatch(/^\s+at /);
    const { logger, text } = capture();
    logger.error({ err: new Error('Canary Child', { cause: new Error('Canary again') }) }, 'failed');
    expect(text()).not.toContain('Canary');
    expect(text()).toContain('"type":"Error"');
  });
});
