// Regenerates the Word add-in's icons (manifest/word/icons/icon-{16,32,64,80}.png): npx tsx scripts/make-word-icons.ts
// A white page with a folded corner and text lines on a teal rounded square, drawn with 4×4 supersampling
// so the edges stay smooth at 16 px. The output is deterministic, so a test can check the committed files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

export const WORD_ICON_SIZES = [16, 32, 64, 80] as const;

type Rgb = [number, number, number];
const TEAL: Rgb = [3, 120, 124];
const WHITE: Rgb = [255, 255, 255];
const SAMPLES = 4;

/** Shapes in a 0–1 unit square, painted in order; each says whether it covers a point. */
type Shape = { colour: Rgb; covers: (x: number, y: number) => boolean };

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number) {
  return (x: number, y: number) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

const page = { x0: 0.27, y0: 0.18, x1: 0.73, y1: 0.82, fold: 0.14 };

const shapes: Shape[] = [
  { colour: TEAL, covers: roundedRect(0.02, 0.02, 0.98, 0.98, 0.2) },
  {
    colour: WHITE,
    // The page, less its top-right corner.
    covers: (x, y) =>
      x >= page.x0 && x <= page.x1 && y >= page.y0 && y <= page.y1 && x - page.x1 + page.fold <= y - page.y0,
  },
  {
    colour: [190, 226, 227],
    // The folded corner.
    covers: (x, y) =>
      x >= page.x1 - page.fold &&
      y >= page.y0 &&
      y <= page.y0 + page.fold &&
      x - page.x1 + page.fold >= y - page.y0,
  },
  ...[0.42, 0.54, 0.66].map((y, i): Shape => ({
    colour: TEAL,
    covers: roundedRect(0.35, y, i === 2 ? 0.55 : 0.65, y + 0.055, 0.02),
  })),
];

export function renderWordIcon(size: number): PNG {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          let colour: Rgb | undefined;
          for (const shape of shapes) if (shape.covers(x, y)) colour = shape.colour;
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a++;
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return png;
}

export function encodeWordIcon(size: number): Buffer {
  return PNG.sync.write(renderWordIcon(size), { colorType: 6 });
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'manifest', 'word', 'icons');
  mkdirSync(dir, { recursive: true });
  for (const size of WORD_ICON_SIZES) writeFileSync(join(dir, `icon-${size}.png`), encodeWordIcon(size));
  console.log(`Wrote ${WORD_ICON_SIZES.map((s) => `icon-${s}.png`).join(', ')} to ${dir}`);
}
