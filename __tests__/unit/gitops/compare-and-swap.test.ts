import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, TransientError } from '../../../src/errors.js';
import { backoffDelay, retryPolicy, type RetryEffects } from '../../../src/gitops/backoff.js';
import {
  commitWithCompareAndSwap,
  type CompareAndSwapTarget,
  type FileEdit,
  type WriteOutcome,
} from '../../../src/gitops/compare-and-swap.js';
import { intentOf } from '../../../src/gitops/intent.js';
import { parseTrailers } from '../../../src/gitops/trailers.js';
import { silentLogger, type CommitRequest, type LoggedCommit } from '../../../src/gitops/types.js';

describe('backoffDelay (full jitter)', () => {
  const policy = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 });

  it.each([
    // attempt, random, expected wait: floor(random · min(1000, 100 · 2^(attempt-1)))
    [1, 0, 0],
    [1, 0.999, 99],
    [2, 0.5, 100],
    [3, 0.5, 200],
    [4, 0.25, 200],
    [5, 0.999, 999],
    [9, 0.5, 500],
  ])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, policy, () => random)).toBe(expected);
  });

  it.each([
    // attempt, how long the lost attempt took, expected wait with random 0.5
    [1, 40, 50],
    [1, 700, 350],
    [3, 700, 500],
  ])(
    'widens the window to the attempt’s own duration (attempt %i took %i ms: wait %i ms)',
    (attempt, took, expected) => {
      expect(backoffDelay(attempt, policy, () => 0.5, took)).toBe(expected);
    },
  );

  it('defaults to 5 attempts', () => {
    expect(retryPolicy().maxAttempts).toBe(5);
  });

  it.each([{ maxAttempts: 0 }, { maxAttempts: 1.5 }, { baseDelayMs: 10, maxDelayMs: 5 }])(
    'refuses %j',
    (bad) => {
      expect(() => retryPolicy(bad)).toThrow(RangeError);
    },
  );
});

/** An in-memory branch with a scripted write outcome per attempt. */
class FakeBranch implements CompareAndSwapTarget {
  commits: { sha: string; files: Map<string, string>; message: string; parent?: string }[] = [];
  writes: { base: string; edits: readonly FileEdit[] }[] = [];
  historyReads = 0;
  /** Per write: what happens. `conflict` first lets another writer commit; `lost` lands but reports ambiguity. */
  script: ('ok' | 'conflict' | 'lost' | 'dropped')[] = [];

  constructor(files: Record<string, string>) {
    this.commits.push({ sha: 'c0', files: new Map(Object.entries(files)), message: 'seed' });
  }

  get head() {
    return this.commits[this.commits.length - 1]!;
  }

  land(files: Record<string, string | undefined>, message = 'other writer'): string {
    const next = new Map(this.head.files);
    for (const [path, content] of Object.entries(files)) {
      if (content === undefined) next.delete(path);
      else next.set(path, content);
    }
    const sha = `c${this.commits.length}`;
    this.commits.push({ sha, files: next, message, parent: this.head.sha });
    return sha;
  }

  async readHead(withHistory: boolean) {
    if (!withHistory) return { oid: this.head.sha };
    this.historyReads++;
    const history: LoggedCommit[] = [...this.commits].reverse().map((commit) => ({
      sha: commit.sha,
      parents: commit.parent ? [commit.parent] : [],
      headline: commit.message.split('\n')[0]!,
      message: commit.message,
      trailers: parseTrailers(commit.message),
    }));
    return { oid: this.head.sha, history };
  }

  async readFiles(oid: string, paths: readonly string[]) {
    const commit = this.commits.find((candidate) => candidate.sha === oid)!;
    return new Map(paths.map((path) => [path, commit.files.get(path)]));
  }

  async write(base: string, edits: readonly FileEdit[], message: string): Promise<WriteOutcome> {
    this.writes.push({ base, edits });
    const step = this.script.shift() ?? 'ok';
    if (step === 'conflict') {
      this.land({ 'other.yaml': `other ${this.commits.length}\n` });
      return { kind: 'conflict', detail: 'stale head' };
    }
    if (step === 'dropped') return { kind: 'ambiguous', detail: 'connection reset before the server saw it' };
    if (base !== this.head.sha) return { kind: 'conflict', detail: 'stale head' };
    const sha = this.land(Object.fromEntries(edits.map((edit) => [edit.path, edit.content])), message);
    return step === 'lost' ? { kind: 'ambiguous', detail: 'connection reset' } : { kind: 'written', sha };
  }
}

const noWait: RetryEffects & { waits: number[] } = {
  waits: [],
  sleep: async (ms) => {
    noWait.waits.push(ms);
  },
  random: () => 0.5,
  now: () => 0,
};

const options = {
  retry: retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 }),
  effects: noWait,
  logger: silentLogger,
};

function bump(path: string): CommitRequest['changes'][number] {
  return { path, render: (current) => `${(current ?? '').trimEnd()}\nbumped\n`.trimStart() };
}

function request(changes: CommitRequest['changes']): CommitRequest {
  return { branch: 'main', headline: 'Bump', trailers: { 'Glidepath-Step': '1/5' }, changes };
}

describe('commitWithCompareAndSwap', () => {
  it('commits on the first attempt when nobody races', async () => {
    const branch = new FakeBranch({ 'a.yaml': 'a\n' });
    const result = await commitWithCompareAndSwap(request([bump('a.yaml')]), branch, options);
    expect(result).toEqual({ status: 'committed', sha: 'c1', attempts: 1 });
    expect(branch.head.files.get('a.yaml')).toBe('a\nbumped\n');
    expect(parseTrailers(branch.head.message)['Glidepath-Intent']).toBe(intentOf(request([bump('a.yaml')])));
  });

  it('re-renders on the new head after losing the race, keeping the winner’s edit', async () => {
    const branch = new FakeBranch({ 'a.yaml': 'a\n' });
    branch.script = ['conflict', 'conflict'];
    noWait.waits.length = 0;
    const result = await commitWithCompareAndSwap(request([bump('a.yaml')]), branch, options);
    expect(result).toMatchObject({ status: 'committed', attempts: 3 });
    expect(branch.writes.map((write) => write.base)).toEqual(['c0', 'c1', 'c2']);
    expect(branch.head.files.get('other.yaml')).toBe('other 2\n');
    expect(branch.head.files.get('a.yaml')).toBe('a\nbumped\n');
    // Full jitter with random 0.5: half of 100 ms, then half of 200 ms.
    expect(noWait.waits).toEqual([50, 100]);
  });

  it('spreads retries over the time an attempt takes, measured with the injected clock', async () => {
    const branch = new FakeBranch({ 'a.yaml': 'a\n' });
    branch.script = ['conflict', 'conflict'];
    let clock = 0;
    const waits: number[] = [];
    const slow: CompareAndSwapTarget = {
      readHead: async (withHistory) => {
        clock += 300;
        return branch.readHead(withHistory);
      },
      readFiles: (oid, paths) => branch.readFiles(oid, paths),
      write: async (base, edits, message) => {
        clock += 600;
        return branch.write(base, edits, message);
      },
    };
    const effects = { sleep: async (ms: number) => void waits.push(ms), random: () => 0.5, now: () => clock };
    const result = await commitWithCompareAndSwap(request([bump('a.yaml')]), slow, { ...options, effects });
    expect(result.attempts).toBe(3);
    // Each attempt took 900 ms, more than the 100 ms base: the windows are 900 ms and 1000 ms (capped).
    expect(waits).toEqual([450, 500]);
  });

  it('reports already-applied when an ambiguous write had landed', async () => {
    const branch = new FakeBranch({ 'a.yaml': 'a\n' });
    branch.script = ['lost'];
    const result = await commitWithCompareAndSwap(request([bump('a.yaml')]), branch, options);
    expect(result).toEqual({ status: 'already-applied', sha: 'c1', attempts: 1 });
    expect(branch.commits).toHaveLength(2);
  });

  it('finds the landed commit even after other writers moved the branch on', async () => {
    const branch = new FakeBranch({ 'a.yaml': 'a\n' });
    branch.script = ['lost'];
    const racing: CompareAndSwapTarget = {
      ...branch,
      readHead: async (withHistory) => {
        if (withHistory) branch.land({ 'b.yaml': 'someone else\n' });
        return branch.readHead(withHistory);
      },
      readFiles: (oid, paths) => branch.readFiles(oid, paths),
      write: (base, edits, message) => branch.write(base, edits, message),
    };
    const result = await commitWithCompareAndSwap(request([bump('a.yaml')]), racing, options);
    expect(result).toMatchObject({ status: 'already-applied', sha: 'c1' });
  });

  it('retries an ambiguous write that never reached the server', async () => {
    const branch = new FakeBranch({ 'a.yaml': 'a\n' });
    branch.script = ['dropped'];
    const result = await commitWithCompareAndSwap(request([bump('a.yaml')]), branch, options);
    expect(result).toEqual({ status: 'committed', sha: 'c1', attempts: 2 });
    expect(branch.historyReads).toBe(1);
  });

  it('does not mistake an identical earlier commit for this attempt', async () => {
    const branch = new FakeBranch({ 'a.yaml': 'a\n' });
    await commitWithCompareAndSwap(request([bump('a.yaml')]), branch, options);
    branch.land({ 'a.yaml': 'a\n' }, 'reverted by a person');
    branch.script = ['dropped'];
    const again = await commitWithCompareAndSwap(request([bump('a.yaml')]), branch, options);
    expect(again).toMatchObject({ status: 'committed', attempts: 2 });
  });

  it('makes no commit when nothing changes', async () => {
    const branch = new FakeBranch({ 'a.yaml': 'a\nbumped\n' });
    const same = { path: 'a.yaml', render: (current: string | undefined) => current };
    const result = await commitWithCompareAndSwap(request([same]), branch, options);
    expect(result).toEqual({ status: 'unchanged', sha: 'c0', attempts: 1 });
    expect(branch.writes).toHaveLength(0);
  });

  it('writes nothing when a render refuses', async () => {
    const branch = new FakeBranch({ 'a.yaml': 'a\n' });
    const refused = {
      path: 'b.yaml',
      render: () => {
        throw new ConfigurationError('b.yaml:3:5: weights must sum to 100, got 110');
      },
    };
    await expect(
      commitWithCompareAndSwap(request([bump('a.yaml'), refused]), branch, options),
    ).rejects.toThrow('weights must sum to 100');
    expect(branch.writes).toHaveLength(0);
    expect(branch.commits).toHaveLength(1);
  });

  it('gives up with a TransientError after maxAttempts lost races', async () => {
    const branch = new FakeBranch({ 'a.yaml': 'a\n' });
    branch.script = Array(5).fill('conflict');
    await expect(commitWithCompareAndSwap(request([bump('a.yaml')]), branch, options)).rejects.toBeInstanceOf(
      TransientError,
    );
    expect(branch.writes).toHaveLength(5);
  });

  it.each([
    ['no changes', { changes: [] }],
    ['a repeated path', { changes: [bump('a.yaml'), bump('a.yaml')] }],
    ['an absolute path', { changes: [bump('/etc/passwd')] }],
    ['a path that climbs', { changes: [bump('apps/../../x')] }],
    ['a path inside .git', { changes: [bump('.git/config')] }],
    ['a qualified branch', { branch: 'refs/heads/main' }],
  ])('refuses %s before reading anything', async (_, override) => {
    const branch = new FakeBranch({ 'a.yaml': 'a\n' });
    const bad = { ...request([bump('a.yaml')]), ...override } as CommitRequest;
    await expect(commitWithCompareAndSwap(bad, branch, options)).rejects.toBeInstanceOf(ConfigurationError);
    expect(branch.writes).toHaveLength(0);
  });
});

describe('intentOf', () => {
  const base: CommitRequest = {
    branch: 'main',
    headline: 'Step',
    trailers: { 'Glidepath-Rollout': 'r1', 'Glidepath-Step': '1/5' },
    changes: [
      { path: 'b', render: () => 'x', intent: 'image=x' },
      { path: 'a', render: () => 'y' },
    ],
  };

  it('is stable across change order and render functions', () => {
    const reordered = {
      ...base,
      changes: [
        { path: 'a', render: () => 'z' },
        { path: 'b', render: () => 'w', intent: 'image=x' },
      ],
    };
    expect(intentOf(reordered)).toBe(intentOf(base));
  });

  it.each([
    ['another step', { trailers: { 'Glidepath-Rollout': 'r1', 'Glidepath-Step': '2/5' } }],
    ['another branch', { branch: 'prod' }],
    [
      'another declared edit',
      {
        changes: [
          { path: 'b', render: () => 'x', intent: 'image=y' },
          { path: 'a', render: () => 'y' },
        ],
      },
    ],
  ])('differs for %s', (_, override) => {
    expect(intentOf({ ...base, ...override } as CommitRequest)).not.toBe(intentOf(base));
  });

  it('uses an explicit Glidepath-Intent as given', () => {
    expect(intentOf({ ...base, trailers: { 'Glidepath-Intent': 'run-77-step-3' } })).toBe('run-77-step-3');
  });
});
