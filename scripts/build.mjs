// npm run build: builds the server, the tab and the Word task pane into dist/.
import { steps } from './build-steps.mjs';

for (const step of steps) step.run();
