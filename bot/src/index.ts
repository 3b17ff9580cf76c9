import { ContentError } from '../../core/index.js';
import { buildApp, LocalModeNotLoopbackError } from './app.js';
import { ConfigError, loadConfig, redactedConfig } from './config.js';
import { routeConsoleToLogger } from './console-output.js';
import { createLogger, errorForLog } from './logger.js';

/** Composition root: configuration → logger → app → listen; SIGTERM/SIGINT close everything cleanly. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  routeConsoleToLogger(logger);
  logger.info({ config: redactedConfig(config) }, 'starting');
  const app = buildApp(config, logger);
  let url: string;
  try {
    ({ url } = await app.listen());
  } catch (error) {
    if (error instanceof LocalModeNotLoopbackError) {
      process.stderr.write(`${error.message}\n`);
      await app.close();
      process.exit(1);
    }
    throw error;
  }
  logger.info({ url, mode: config.mode }, 'listening');
  if (config.mode === 'local') {
    process.stdout.write(
      `\nHSB Safeguarding Assistant (local mode, no sign-in)\n  tab:        ${url}/tab/\n  Word pane:  ${url}/word/\n  bot:        ${url}/api/messages\n  health:     ${url}/healthz\n\n`,
    );
  }

  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ContentError) {
    process.stderr.write(
      `Content problem — ${error.message}\nFix the file (see content/README.md) and start again.\n`,
    );
    process.exit(1);
  }
  process.stderr.write(`Start-up failed: ${errorForLog(error).type as string}\n`);
  process.exit(1);
});
