/** Seeded PRNG (mulberry32): the demo school is the same for the same seed on every machine. */
export interface Rng {
  next(): number;
  int(min: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

/** UUID v7-shaped ids from the seeded generator, so demo ids are stable too. */
export function seededIdFactory(rng: Rng, epochMs = Date.UTC(2026, 7, 1)): () => string {
  let counter = 0;
  return () => {
    const ts = epochMs + counter++;
    const hex = (n: number, len: number) => Math.floor(n).toString(16).padStart(len, '0').slice(-len);
    const rand = () => hex(rng.next() * 0x10000, 4);
    const t = hex(ts, 12);
    return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${rand().slice(1)}-${hex(0x8000 + rng.next() * 0x3fff, 4)}-${rand()}${rand()}${rand()}`;
  };
}
