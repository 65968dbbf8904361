import { describe, expect, it } from 'vitest';
import { allowedHosts, isAllowedHost, isAllowedOrigin } from '../../../src-main/http/hostGuard';
import { createRateLimiter, tooLargeMessage } from '../../../src-main/http/limits';
import { decodedPath } from '../../../src-main/http/server';

const ENV = { hostname: 'Kanc-PC', addresses: ['127.0.0.1', '192.168.1.20', '::1', 'fe80::1'] };

describe('allowed hosts', () => {
  it('answers only the loopback names on loopback', () => {
    const a = allowedHosts('127.0.0.1', 5180, [], ENV);
    expect([...a].sort()).toEqual(['127.0.0.1:5180', '[::1]:5180', 'localhost:5180']);
    expect(isAllowedHost('LocalHost:5180', a)).toBe(true);
    expect(isAllowedHost('192.168.1.20:5180', a)).toBe(false);
    expect(isAllowedHost('kanc-pc:5180', a)).toBe(false);
    expect(isAllowedHost(undefined, a)).toBe(false);
  });

  it('adds the LAN address and the computer name in LAN mode, every interface for 0.0.0.0', () => {
    const one = allowedHosts('192.168.1.20', 5180, [], ENV);
    expect(isAllowedHost('192.168.1.20:5180', one)).toBe(true);
    expect(isAllowedHost('kanc-pc:5180', one)).toBe(true);
    expect(isAllowedHost('kanc-pc.local:5180', one)).toBe(true);
    expect(isAllowedHost('evil.example:5180', one)).toBe(false);
    const all = allowedHosts('0.0.0.0', 5180, ['office.school.local'], ENV);
    expect(isAllowedHost('[fe80::1]:5180', all)).toBe(true);
    expect(isAllowedHost('office.school.local:5180', all)).toBe(true);
    expect(isAllowedHost('192.168.1.20:5181', all)).toBe(false);
  });

  it('accepts an Origin only of our names, and none that is not a plain origin', () => {
    const a = allowedHosts('127.0.0.1', 5180, [], ENV);
    expect(isAllowedOrigin(undefined, a)).toBe(true);
    expect(isAllowedOrigin('http://localhost:5180', a)).toBe(true);
    expect(isAllowedOrigin('http://evil.example:5180', a)).toBe(false);
    expect(isAllowedOrigin('null', a)).toBe(false);
    expect(isAllowedOrigin('file://', a)).toBe(false);
    expect(isAllowedOrigin('http://localhost:5181', a)).toBe(false);
  });
});

describe('request helpers', () => {
  it('decodes paths and refuses broken percent-encodings', () => {
    expect(decodedPath('/api/people.pupils.list?x=%')).toBe('/api/people.pupils.list');
    expect(decodedPath('/%D0%B0')).toBe('/а');
    for (const bad of ['/%', '/%E0%A4%A', '/%c0%af', 'http://evil/x', '*']) expect(decodedPath(bad), bad).toBeNull();
  });

  it('limits sign-in attempts per client with a token bucket', () => {
    let now = 0;
    const limiter = createRateLimiter({ burst: 3, perMinute: 6 }, () => now);
    expect([1, 2, 3].map(() => limiter.take('a'))).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(10);
    expect(limiter.take('b')).toBe(0);
    now += 10_000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
  });

  it('says the limit in Russian units', () => {
    expect(tooLargeMessage(4 * 1024 * 1024)).toBe('Запрос слишком велик: не больше 4 МБ для этой операции. Ничего не изменено.');
    expect(tooLargeMessage(64 * 1024)).toMatch(/не больше 64 КБ/);
  });
});
