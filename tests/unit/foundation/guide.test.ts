import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The office guide (issue 23, part 7) shows only screenshots the e2e suite takes — the e2e run's
 * teardown copies them over the guide's copies — so a picture cannot be drawn by hand or go stale
 * without this test or the next e2e run noticing.
 */
const root = path.resolve(import.meta.dirname, '..', '..', '..');
const guide = path.join(root, 'docs', 'guide');
const pages = fs.readdirSync(guide).filter((f) => f.endsWith('.md'));
const e2eSource = fs
  .readdirSync(path.join(root, 'tests', 'e2e'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => fs.readFileSync(path.join(root, 'tests', 'e2e', f), 'utf8'))
  .join('\n');
/** Names passed to the e2e screenshot helpers: `shot(page, 'x')`, `settledShot(page, 'x')`, `screenshotPath('x')`. */
const taken = new Set([...e2eSource.matchAll(/(?:[sS]hot\(\s*\w+,\s*|screenshotPath\()'([^']+)'/g)].map((m) => m[1]));

describe('docs/guide', () => {
  it('has a page for each role of the work order and an index linking them', () => {
    const index = fs.readFileSync(path.join(guide, 'README.md'), 'utf8');
    for (const page of ['administrator.md', 'sekretar.md', 'kadry.md', 'zavuch.md']) {
      expect(pages).toContain(page);
      expect(index).toContain(`](${page})`);
    }
  });

  it('uses only screenshots that exist and that an e2e test takes', () => {
    const used = new Set<string>();
    for (const page of pages) {
      const text = fs.readFileSync(path.join(guide, page), 'utf8');
      for (const m of text.matchAll(/!\[[^\]]*\]\(img\/([^)]+)\.png\)/g)) {
        used.add(m[1]);
        expect(fs.existsSync(path.join(guide, 'img', `${m[1]}.png`)), `${page}: img/${m[1]}.png`).toBe(true);
        expect(taken.has(m[1]), `${page}: no e2e test takes the screenshot «${m[1]}»`).toBe(true);
      }
    }
    expect(used.size).toBeGreaterThan(10);
    // No picture lies in img/ that no page shows (it would never be refreshed for a reason).
    const files = fs.readdirSync(path.join(guide, 'img')).map((f) => f.replace(/\.png$/, ''));
    expect(files.filter((f) => !used.has(f))).toEqual([]);
  });
});
