import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { createRequire } from 'node:module';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The committed pictures of the screenshot suite (reviewed like code). */
export const SCREENS_DIR = path.join(ROOT, 'tests', 'e2e', 'screens');
const ACTUAL_DIR = path.join(ROOT, 'test-results', 'screens');

/**
 * Tolerance: anti-aliasing and a clock minute may differ between runs; a moved column, a wrapped
 * header or a new line of text does not pass. The comparator is the one Playwright's
 * `toHaveScreenshot` uses (pixelmatch), from playwright-core, which the project pins.
 */
const TOLERANCE = { threshold: 0.2, maxDiffPixelRatio: 0.004 };

type Comparator = (actual: Buffer, expected: Buffer, options: typeof TOLERANCE) => { errorMessage: string; diff?: Buffer } | null;
// playwright-core ships this module without types; it is listed in the package's exports.
const { utils } = createRequire(import.meta.url)('playwright-core/lib/coreBundle') as { utils: { getComparator(mime: string): Comparator } };
const comparePng = utils.getComparator('image/png');

/**
 * Takes the window's picture and compares it with the committed one. Returns null when they match,
 * else what differs (the picture and the diff are left in test-results/screens/ for review).
 * `UPDATE_SCREENS=1` writes the picture as the new committed one instead.
 */
export async function comparePictures(page: Page, name: string, mask: Locator[] = []): Promise<string | null> {
  // The once-a-day notice of late tasks pops up on its own timer: checked elsewhere, not pictured.
  // `mask` covers what differs from run to run by design (the run's own data folder) with a plain box.
  const actual = await page.screenshot({ animations: 'disabled', caret: 'hide', scale: 'css', mask, maskColor: '#d9d9d9', style: '.ant-notification { display: none !important; }' });
  const expectedFile = path.join(SCREENS_DIR, `${name}.png`);
  if (process.env.UPDATE_SCREENS === '1') {
    fs.mkdirSync(SCREENS_DIR, { recursive: true });
    fs.writeFileSync(expectedFile, actual);
    return null;
  }
  fs.mkdirSync(ACTUAL_DIR, { recursive: true });
  if (!fs.existsSync(expectedFile)) {
    fs.writeFileSync(path.join(ACTUAL_DIR, `${name}.png`), actual);
    return `нет утверждённой картинки ${path.relative(ROOT, expectedFile)} (новая: test-results/screens/${name}.png; UPDATE_SCREENS=1 её записывает)`;
  }
  const result = comparePng(actual, fs.readFileSync(expectedFile), TOLERANCE);
  if (!result) return null;
  fs.writeFileSync(path.join(ACTUAL_DIR, `${name}.png`), actual);
  if (result.diff) fs.writeFileSync(path.join(ACTUAL_DIR, `${name}.diff.png`), result.diff);
  return `картинка отличается от ${path.relative(ROOT, expectedFile)}: ${result.errorMessage}`;
}
