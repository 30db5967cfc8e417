/**
 * A fake clock and the deps a reconcile waiter needs: `sleep` advances `now` at once and records
 * each wait, so a ten-minute wait runs in milliseconds and the test can read the schedule.
 */
import type { ReconcileDeps } from '../../../../src/rollout/reconcile/index.js';

/** Deps with a fake clock; `sleeps` lists every wait in ms, `lines` every log line. */
export function fakeDeps(overrides: Partial<ReconcileDeps> = {}): ReconcileDeps & {
  sleeps: number[];
  lines: string[];
} {
  let at = Date.parse('2025-06-02T09:00:00Z');
  const sleeps: number[] = [];
  const lines: string[] = [];
  return {
    now: () => new Date(at),
    sleep: async (ms: number) => {
      sleeps.push(ms);
      at += ms;
    },
    fetch: globalThis.fetch,
    env: {},
    log: (line: string) => lines.push(line),
    sleeps,
    lines,
    ...overrides,
  };
}

/** A 40-hex commit id made of `seed` repeated. */
export function sha(seed: string): string {
  return seed.repeat(40).slice(0, 40);
}
