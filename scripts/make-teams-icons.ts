// Regenerates manifest/teams/color.png and outline.png, and the tab's favicon (the same colour icon):
// npx tsx scripts/make-teams-icons.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng, renderColorIcon, renderOutlineIcon } from './teams-app/icons.js';

const dir = join(__dirname, '..', 'manifest', 'teams');
writeFileSync(join(dir, 'color.png'), encodePng(renderColorIcon()));
writeFileSync(join(dir, 'outline.png'), encodePng(renderOutlineIcon()));
writeFileSync(join(__dirname, '..', 'tab', 'public', 'favicon.png'), encodePng(renderColorIcon()));
console.log(`Wrote ${join(dir, 'color.png')} and ${join(dir, 'outline.png')}`);
