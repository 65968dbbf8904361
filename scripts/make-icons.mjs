// Makes the installer and window icons from the one drawing, assets/build/icon.svg: PNGs for Linux
// (assets/build/icons/<n>x<n>.png, as electron-builder expects), icon.png (512) and a Windows
// icon.ico holding PNG images of 16–256 px. Chromium draws the SVG (the same engine as the app's
// window), so no image library is needed. Run after changing the drawing and commit the output:
//   node scripts/make-icons.mjs
// The SVG's hash goes to icons/source.sha256, and tests/unit/foundation/electronBuilder.test.ts
// fails when the drawing changed but the icons were not made again.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, 'assets', 'build');
const svg = fs.readFileSync(path.join(dir, 'icon.svg'));
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const pngs = new Map();
try {
  const page = await browser.newPage();
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    const html = `<html><body style="margin:0;background:transparent"><img style="display:block;width:${size}px;height:${size}px" src="data:image/svg+xml;base64,${svg.toString('base64')}"></body></html>`;
    await page.setContent(html);
    await page.locator('img').evaluate((img) => img.decode());
    pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
  }
} finally {
  await browser.close();
}

fs.mkdirSync(path.join(dir, 'icons'), { recursive: true });
for (const [size, png] of pngs) fs.writeFileSync(path.join(dir, 'icons', `${size}x${size}.png`), png);
fs.writeFileSync(path.join(dir, 'icon.png'), pngs.get(512));

// ICO: a 6-byte header, one 16-byte entry per image, then the PNG images themselves (Vista+ reads
// PNG inside ICO; 256 is written as 0 in the one-byte width and height).
const images = ICO_SIZES.map((s) => pngs.get(s));
const header = Buffer.alloc(6 + 16 * images.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(images.length, 4);
let offset = header.length;
ICO_SIZES.forEach((s, i) => {
  const e = 6 + 16 * i;
  header.writeUInt8(s >= 256 ? 0 : s, e);
  header.writeUInt8(s >= 256 ? 0 : s, e + 1);
  header.writeUInt8(0, e + 2);
  header.writeUInt8(0, e + 3);
  header.writeUInt16LE(1, e + 4);
  header.writeUInt16LE(32, e + 6);
  header.writeUInt32LE(images[i].length, e + 8);
  header.writeUInt32LE(offset, e + 12);
  offset += images[i].length;
});
fs.writeFileSync(path.join(dir, 'icon.ico'), Buffer.concat([header, ...images]));
fs.writeFileSync(path.join(dir, 'icons', 'source.sha256'), `${crypto.createHash('sha256').update(svg).digest('hex')}\n`);
process.stdout.write(`icons: ${SIZES.join(', ')} px PNG, icon.ico (${ICO_SIZES.join(', ')}), from assets/build/icon.svg\n`);
