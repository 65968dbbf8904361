import { cpus, loadavg } from 'node:os';

/**
 * Load average beside every figure. The machine is shared (≈ 7 engineers on 2 cores): a time
 * measured while the load changed a lot is not comparable with one measured before, so a row
 * whose 1-minute load average moved by more than LOAD_JUMP (and by half of its lower value)
 * during its runs prints no time comparison.
 */
export const LOAD_JUMP = 1.5;

export interface LoadRange {
  min: number;
  max: number;
}

export function sampleLoad(range: LoadRange): number {
  const l = loadavg()[0];
  range.min = Math.min(range.min, l);
  range.max = Math.max(range.max, l);
  return l;
}

export const newRange = (): LoadRange => ({ min: Infinity, max: -Infinity });

export function steady(r: LoadRange): boolean {
  return !(r.max - r.min > LOAD_JUMP && r.max > r.min * 1.5);
}

export function showRange(r: LoadRange): string {
  if (r.min === Infinity) return '–';
  return r.max - r.min < 0.05 ? r.min.toFixed(1) : `${r.min.toFixed(1)}–${r.max.toFixed(1)}`;
}

export function loadLine(): string {
  return `${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`;
}
