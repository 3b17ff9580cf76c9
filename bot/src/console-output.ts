import type { Logger } from './logger.js';

const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const;
type Method = (typeof METHODS)[number];

/**
 * Sends every `console.*` call to the logger, at debug level and without its arguments.
 *
 * This server writes only through the logger; `console` output comes from libraries. The Bot
 * Framework connector prints to the console whenever anyone sends a forged or expired token: the
 * signing keys it knows, jsonwebtoken's error and its stack. Anyone on the internet can trigger that,
 * so it is never shown, only counted: a debug line naming the console method. The connector calls the
 * global console directly and offers no logger to plug in, so the global console is the only place to
 * catch it; this is installed once, by the composition root, and returns the function that undoes it.
 */
export function routeConsoleToLogger(logger: Logger, target: Console = console): () => void {
  const library = logger.child({ component: 'library-console' });
  const originals = new Map<Method, Console[Method]>();
  for (const method of METHODS) {
    originals.set(method, target[method]);
    target[method] = (() => {
      library.debug({ consoleMethod: method }, 'library console output withheld');
    }) as Console[Method];
  }
  return () => {
    for (const [method, original] of originals) target[method] = original as never;
  };
}
