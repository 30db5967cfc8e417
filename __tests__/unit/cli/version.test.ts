import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VERSION } from '../../../src/version.js';
import { Duration } from '../../../src/config/duration.js';

describe('VERSION', () => {
  it('equals package.json version', () => {
    const pkg = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8'),
    ) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});

describe('Duration', () => {
  it.each([
    ['90s', 90_000, '90s'],
    ['15m', 900_000, '15m'],
    ['24h', 86_400_000, '1d'],
    ['36h', 129_600_000, '36h'],
    ['7d', 604_800_000, '1w'],
    ['250ms', 250, '250ms'],
    ['1.5h', 5_400_000, '90m'],
  ])('parses %s', (text, ms, shown) => {
    expect(Duration.parse(text).milliseconds).toBe(ms);
    expect(Duration.parse(text).toString()).toBe(shown);
  });

  it.each(['', '24', 'h', '1 day', '-1h', '1y'])('refuses %j and shows examples', (text) => {
    expect(() => Duration.parse(text, 'evidence.maxAge')).toThrow(
      /evidence\.maxAge: .* is not a duration; .*24h/,
    );
  });
});
