/**
 * How a lower floor asks or tells a higher one without importing it (ARCHITECTURE.md «Floors»).
 * The lower domain declares a port in its `index.ts` (e.g. «who uses this subject?»); a higher
 * domain's function is plugged into it once, in src-main/core/wiring.ts, the one list of such
 * connections. The lower domain calls every plug and never learns who answered.
 */
export interface Port<F> {
  readonly name: string;
  plug(fn: F): void;
  readonly plugs: readonly F[];
}

export function createPort<F>(name: string): Port<F> {
  const plugs: F[] = [];
  return {
    name,
    plug(fn) {
      // Wiring runs once per process; plugging the same function again changes nothing.
      if (!plugs.includes(fn)) plugs.push(fn);
    },
    plugs,
  };
}
