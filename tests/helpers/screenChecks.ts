import type { Page } from 'playwright-core';

/**
 * English words a person must never read on a screen: statuses, JSON and programming words that leak
 * from the core (issue 24 item 5). Whole words only, case-sensitive as they leak (`signed`, `null`).
 */
export const ENGLISH_WORDS = [
  'draft', 'signed', 'applied', 'previewed', 'pending', 'cancelled', 'canceled', 'failed', 'done', 'status', 'written',
  'created', 'updated', 'deleted', 'handedOver', 'enroll', 'transfer', 'withdraw', 'graduate', 'promote',
  'pupil', 'parent', 'staff', 'order', 'appUser', 'schoolClass', 'null', 'undefined', 'true', 'false', 'NaN',
  'Invalid Date', 'object Object', 'Error', 'error', 'id', 'version',
];
const ENGLISH = new RegExp(`(?<![\\p{L}\\d_.@-])(${ENGLISH_WORDS.join('|')})(?![\\p{L}\\d_@-])`, 'u');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;

interface Win {
  innerWidth: number;
  document: {
    documentElement: { scrollWidth: number };
    body: { innerText: string };
    querySelectorAll(s: string): ArrayLike<El>;
  };
  getComputedStyle(e: El): { overflowX: string; visibility: string; position: string };
  requestAnimationFrame(cb: () => void): void;
}
interface El {
  tagName: string;
  className: unknown;
  textContent: string | null;
  parentElement: El | null;
  getBoundingClientRect(): { left: number; right: number; width: number; height: number };
  getAnimations?(): unknown[];
}

/**
 * Waits until the screen has loaded: no request to the API in flight for a moment, no spinner or
 * skeleton, no running animation (antd's open animations), two frames drawn.
 */
export async function settle(page: Page): Promise<void> {
  let quietSince = Date.now();
  let inFlight = 0;
  const start = () => inFlight++;
  const end = () => {
    inFlight = Math.max(0, inFlight - 1);
    quietSince = Date.now();
  };
  const isApi = (r: { url(): string }) => r.url().includes('/api/');
  const onReq = (r: { url(): string }) => isApi(r) && start();
  const onEnd = (r: { url(): string }) => isApi(r) && end();
  page.on('request', onReq);
  page.on('requestfinished', onEnd);
  page.on('requestfailed', onEnd);
  try {
    const deadline = Date.now() + 20_000;
    const still = () =>
      page.evaluate(() => {
        const w = globalThis as unknown as Win & { document: { getAnimations(): { playState: string; effect: { getComputedTiming(): { iterations?: number } } | null }[] } };
        const busy = w.document.querySelectorAll('.ant-spin-spinning, .ant-skeleton, .ant-table-placeholder .ant-spin').length > 0;
        const animating = w.document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity);
        return !busy && !animating;
      });
    for (;;) {
      if ((await still()) && inFlight === 0 && Date.now() - quietSince > 250) {
        // Two frames later it must still be still: a loaded list may mount a child that shows its own
        // skeleton and only then asks for its data (a chain that outlasts 250 ms on a busy machine).
        await page.evaluate(() => new Promise<void>((r) => (globalThis as unknown as Win).requestAnimationFrame(() => (globalThis as unknown as Win).requestAnimationFrame(() => r()))));
        await page.waitForTimeout(150);
        if ((await still()) && inFlight === 0) break;
      }
      if (Date.now() > deadline) break;
      await page.waitForTimeout(100);
    }
  } finally {
    page.off('request', onReq);
    page.off('requestfinished', onEnd);
    page.off('requestfailed', onEnd);
  }
}

/**
 * What is wrong on the screen as a person sees it: elements sticking out of the window on the right
 * (not those a scrolling or clipping box keeps inside the window), text that looks like an id, English
 * words. Returns Russian-free technical lines for the test report.
 */
export async function pageProblems(page: Page): Promise<string[]> {
  await settle(page);
  const found = await page.evaluate(() => {
    const w = globalThis as unknown as Win;
    const width = w.innerWidth;
    const out: string[] = [];
    if (w.document.documentElement.scrollWidth > width + 1) out.push(`page is ${w.document.documentElement.scrollWidth}px wide`);
    const all = w.document.querySelectorAll('body *');
    const describe = (e: El) => `<${e.tagName.toLowerCase()} class="${String(e.className).slice(0, 60)}"> «${(e.textContent ?? '').trim().slice(0, 40)}»`;
    for (let i = 0; i < all.length && out.length < 4; i++) {
      const e = all[i];
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= width + 1) continue;
      if (e.tagName === 'COL' || e.tagName === 'COLGROUP') continue;
      if (w.getComputedStyle(e).visibility === 'hidden') continue;
      // Kept inside the window by a box that scrolls or clips (a wide table scrolls inside itself).
      let p = e.parentElement;
      let clipped = false;
      while (p) {
        const s = w.getComputedStyle(p);
        if (s.overflowX !== 'visible' && p.getBoundingClientRect().right <= width + 1) {
          clipped = true;
          break;
        }
        p = p.parentElement;
      }
      if (!clipped) out.push(`sticks out ${Math.round(r.right - width)}px: ${describe(e)}`);
    }
    // A box that must be scrolled sideways to see its end (a table wider than the window's room).
    const boxes = w.document.querySelectorAll('.ant-table-content, .ant-table-body, .ant-tabs-nav-wrap, [data-scroll-x]');
    for (let i = 0; i < boxes.length; i++) {
      const b = boxes[i] as unknown as El & { scrollWidth: number; clientWidth: number; closest(s: string): El | null };
      if (b.closest('[data-wide-ok]')) continue;
      if (b.scrollWidth > b.clientWidth + 2) out.push(`scrolls sideways by ${b.scrollWidth - b.clientWidth}px: ${describe(b)}`);
    }
    // Headers of the virtual lists: one line each, cut with «…» when too narrow.
    const virtualHeads = w.document.querySelectorAll('[role="columnheader"]');
    for (let i = 0; i < virtualHeads.length; i++) {
      const h = virtualHeads[i] as unknown as El & { scrollWidth: number; clientWidth: number; tagName: string };
      if (h.tagName !== 'TH' && h.clientWidth > 0 && h.scrollWidth > h.clientWidth + 1) out.push(`header cut: ${describe(h)}`);
    }
    // Column headers cut with «…» or broken inside a word («Восстановл/ены»).
    const heads = w.document.querySelectorAll('th');
    for (let i = 0; i < heads.length; i++) {
      const th = heads[i] as unknown as El & { scrollWidth: number; clientWidth: number; querySelectorAll(s: string): ArrayLike<El & { scrollWidth: number; clientWidth: number }> };
      // A table on a hidden tab has no width to judge.
      if (th.getBoundingClientRect().width === 0) continue;
      const cut = th.querySelectorAll('.ant-table-column-title, .ant-table-cell-ellipsis, span');
      for (let j = 0; j < cut.length; j++) if (cut[j].scrollWidth > cut[j].clientWidth + 1 && cut[j].clientWidth > 0) out.push(`header cut: ${describe(th)}`);
      const words = (th.textContent ?? '').split(/\s+/).filter((x) => x.length > 3);
      if (words.length === 0) continue;
      // Each word measured alone: a word wider than its cell's text box is broken inside the word.
      const doc = w.document as unknown as { createElement(t: string): El & { style: Record<string, string>; textContent: string; remove(): void }; body: { appendChild(e: unknown): void } };
      const probe = doc.createElement('span');
      const cs = w.getComputedStyle(th) as unknown as { font: string; paddingLeft: string; paddingRight: string };
      probe.style.font = cs.font;
      probe.style.position = 'absolute';
      probe.style.whiteSpace = 'nowrap';
      doc.body.appendChild(probe);
      const room = th.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      for (const word of words) {
        probe.textContent = word;
        if (probe.getBoundingClientRect().width > room + 1) out.push(`header broken inside «${word}»: ${describe(th)}`);
      }
      probe.remove();
    }
    return { out, text: w.document.body.innerText };
  });
  const problems = [...found.out];
  for (const line of found.text.split('\n')) {
    if (UUID.test(line)) problems.push(`id in the text: «${line.trim().slice(0, 80)}»`);
    const m = ENGLISH.exec(line);
    if (m) problems.push(`English word «${m[1]}» in «${line.trim().slice(0, 80)}»`);
  }
  return [...new Set(problems)];
}
