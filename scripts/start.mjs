// npm start: builds whatever is missing or out of date, then runs the server in the foreground.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { isStale, root, steps } from './build-steps.mjs';

for (const step of steps) {
  if (isStale(step)) step.run();
}

const child = spawn(process.execPath, [join(root, 'dist', 'bot', 'src', 'index.js')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
