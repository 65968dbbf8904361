/**
 * UUID v7: time-ordered, so ids sort by creation and index well on both SQLite and PostgreSQL.
 * Uses Web Crypto, which exists in Node 20 and in every browser. Random bytes are drawn 4 KiB at a
 * time (a call to the system's generator per id was a twentieth of a large pull's apply).
 */
const POOL = new Uint8Array(4096);
let used = POOL.length;

const HEX: string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function newId(now: number = Date.now()): string {
  if (used + 10 > POOL.length) {
    globalThis.crypto.getRandomValues(POOL);
    used = 0;
  }
  const bytes = new Uint8Array(16);
  bytes.set(POOL.subarray(used, used + 10), 6);
  used += 10;
  let ts = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ts % 256;
    ts = Math.floor(ts / 256);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  let hex = '';
  for (let i = 0; i < 16; i++) {
    hex += HEX[bytes[i]];
    if (i === 3 || i === 5 || i === 7 || i === 9) hex += '-';
  }
  return hex;
}
