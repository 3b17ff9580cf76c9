// npm run playground: the bot in local mode (npm start, unless one already answers on PORT) and the
// Microsoft 365 Agents Playground pointed at it, so you can chat with the bot and @mention it in an
// emulated Teams channel with no tenant. Ctrl+C stops both. PLAYGROUND_PORT (default 56150) moves the
// playground; the playground's emulated team and users are in .m365agentsplayground.yml.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from './build-steps.mjs';

const port = process.env.PORT ?? '3978';
const playgroundPort = process.env.PLAYGROUND_PORT ?? '56150';
const botUrl = `http://127.0.0.1:${port}`;
const children = [];

if ((process.env.APP_MODE ?? 'local') !== 'local') {
  process.stderr.write(
    'The playground talks to the bot without sign-in, so it needs local mode: unset APP_MODE.\n',
  );
  process.exit(1);
}

async function healthy() {
  try {
    const res = await fetch(`${botUrl}/healthz`);
    return res.ok && (await res.json()).mode === 'local';
  } catch {
    return false;
  }
}

function stopAll(code) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(0));

if (await healthy()) {
  process.stdout.write(`Using the bot already running at ${botUrl}\n`);
} else {
  process.stdout.write(`Starting the bot at ${botUrl} (npm start)…\n`);
  const bot = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, APP_MODE: 'local', PORT: port },
  });
  children.push(bot);
  bot.on('exit', (code) => {
    process.stderr.write('The bot stopped.\n');
    stopAll(code ?? 1);
  });
  const deadline = Date.now() + 5 * 60_000; // a first run builds the tab and task pane too
  while (!(await healthy())) {
    if (Date.now() > deadline) {
      process.stderr.write(`The bot did not answer on ${botUrl}/healthz.\n`);
      stopAll(1);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
const playground = spawn(
  process.execPath,
  [cli, '-e', `${botUrl}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', playgroundPort],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
);
children.push(playground);
playground.stdout.on('data', (chunk) => {
  const text = chunk.toString();
  process.stdout.write(text);
  const listening = /Listening on (\d+)/.exec(text);
  if (listening) {
    process.stdout.write(
      `\nAgents Playground: open http://127.0.0.1:${listening[1]}/ in a browser.\n` +
        '  1:1 chat: type "help", "new assessment", "reviews", "classify" or a question.\n' +
        '  Channel: choose "Safeguarding team" > "Cases" and @mention HSB Assistant.\n\n',
    );
  }
});
playground.on('exit', (code) => {
  process.stderr.write('The playground stopped.\n');
  stopAll(code ?? 1);
});
