import { describe, expect, it } from 'vitest';
import { newId } from '../../../src-shared/domain/ids';

describe('newId (UUID v7)', () => {
  it('is a version-7, RFC 4122 variant UUID whose first 48 bits are the time', () => {
    const id = newId(0x018bcfe56800);
    expect(id).toMatch(/^018bcfe5-6800-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('never repeats across many pool refills and sorts by creation time', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => newId(1_700_000_000_000 + i));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
