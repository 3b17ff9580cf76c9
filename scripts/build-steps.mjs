// The build, shared by `npm run build` (always) and `npm start` (only what is missing or stale).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function run(label, command, args) {
  process.stdout.write(`• ${label}\n`);
  // What is built is what ships: a NODE_ENV inherited from a test runner (jest sets `test`) would
  // make Vite bundle React's development build (about 100 KB more, and slower).
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    process.stderr.write(`✗ ${label} failed\n`);
    process.exit(result.status ?? 1);
  }
}

const bin = (name) => join(root, 'node_modules', '.bin', name);

export const steps = [
  {
    label: 'server (TypeScript → dist/)',
    output: join(root, 'dist', 'bot', 'src', 'index.js'),
    inputs: ['core', 'storage', 'bot/src', 'tsconfig.base.json', 'tsconfig.build.json'],
    run: () => run('server (TypeScript → dist/)', bin('tsc'), ['-p', 'tsconfig.build.json']),
  },
  {
    label: 'Teams tab (dist/tab/)',
    output: join(root, 'dist', 'tab', 'index.html'),
    inputs: ['tab', 'core'],
    run: () =>
      run('Teams tab (dist/tab/)', bin('vite'), [
        'build',
        '--config',
        'tab/vite.config.mts',
        '--logLevel',
        'warn',
      ]),
  },
  {
    label: 'Word task pane (dist/word/)',
    output: join(root, 'dist', 'word', 'index.html'),
    inputs: ['word-addin', 'core', 'manifest/word/icons'],
    run: () =>
      run('Word task pane (dist/word/)', bin('vite'), [
        'build',
        '--config',
        'word-addin/vite.config.mts',
        '--logLevel',
        'warn',
      ]),
  },
];

export function isStale(step) {
  if (!existsSync(step.output)) return true;
  const built = statSync(step.output).mtimeMs;
  return step.inputs.some((input) => newestMtime(join(root, input)) > built);
}
