/**
 * The local git backend against real git: bare repositories served over smart HTTP with token auth
 * (__tests__/support/git-remote.ts), real pushes, real non-fast-forward rejections.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  cloneCheckout,
  createBareRepo,
  gitText,
  runGit,
  startGitRemote,
  type GitRemote,
  type TempBareRepo,
} from '../../support/git-remote.js';
import { ConfigurationError } from '../../../src/errors.js';
import { spawnGit, type GitRunner } from '../../../src/gitops/git-command.js';
import { LocalGitWriter, type LocalGitSettings } from '../../../src/gitops/local-git.js';
import { parseTrailers } from '../../../src/gitops/trailers.js';
import type { CommitRequest, DesiredChange } from '../../../src/gitops/types.js';

/** Short base delays (the window still widens to the measured attempt time) and headroom for ten racing writers. */
const FAST = { maxAttempts: 10, baseDelayMs: 5 };
const DIGEST_A = `sha256:${'a'.repeat(64)}`;

/** Sets `image:` in a tiny manifest, the way a manifest kind would: from whatever is there now. */
function setImage(path: string, image: string): DesiredChange {
  return {
    path,
    intent: `image=${image}`,
    render: (current) => {
      if (current === undefined) return `image: ${image}\n`;
      return current.replace(/^image: .*$/m, `image: ${image}`);
    },
  };
}

function request(changes: DesiredChange[], extra: Partial<CommitRequest> = {}): CommitRequest {
  return {
    branch: 'main',
    headline: 'Set checkout to the canary digest',
    trailers: { 'Glidepath-Rollout': 'checkout-1', 'Glidepath-Step': '1/5', 'Glidepath-Digest': DIGEST_A },
    changes,
    ...extra,
  };
}

async function commitsOn(repo: TempBareRepo, branch = 'main'): Promise<string[]> {
  return (await gitText(['--git-dir', repo.path, 'rev-list', '--first-parent', branch])).split('\n');
}

async function show(repo: TempBareRepo, spec: string): Promise<string | undefined> {
  try {
    return (await runGit(['--git-dir', repo.path, 'show', spec])).stdout.toString('utf8');
  } catch {
    return undefined;
  }
}

describe('LocalGitWriter over smart HTTP', () => {
  let repo: TempBareRepo;
  let remote: GitRemote;
  const writers: LocalGitWriter[] = [];

  const open = async (settings: Partial<LocalGitSettings> = {}, git?: GitRunner) => {
    const writer = await LocalGitWriter.open(
      { source: { url: remote.url('acme/gitops') }, token: remote.token, retry: FAST, ...settings },
      git ? { git } : {},
    );
    writers.push(writer);
    return writer;
  };

  beforeAll(async () => {
    const services = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`apps/svc-${i}/deployment.yaml`, `# svc-${i}\nimage: old\n`]),
    );
    repo = await createBareRepo({
      files: {
        ...services,
        'apps/crlf/values.yaml': '# keep CRLF\r\nimage: old\r\nreplicas: 2',
      },
    });
    remote = await startGitRemote({ repos: { 'acme/gitops': repo.path } });
  });

  afterAll(async () => {
    await Promise.all(writers.map((writer) => writer.close()));
    await remote.close();
    await repo.dispose();
  });

  it('commits a change rendered on the head, with trailers and the bot identity', async () => {
    const writer = await open();
    const before = await commitsOn(repo);
    const result = await writer.commit(request([setImage('apps/svc-0/deployment.yaml', 'new')]));

    expect(result).toMatchObject({ status: 'committed', attempts: 1 });
    expect(await commitsOn(repo)).toEqual([result.sha, ...before]);
    expect(await show(repo, `${result.sha}:apps/svc-0/deployment.yaml`)).toBe('# svc-0\nimage: new\n');
    const message = await gitText(['--git-dir', repo.path, 'log', '-1', '--format=%B', result.sha]);
    expect(parseTrailers(message)).toMatchObject({
      'Glidepath-Rollout': 'checkout-1',
      'Glidepath-Step': '1/5',
      'Glidepath-Digest': DIGEST_A,
      'Glidepath-Intent': expect.stringMatching(/^sha256:[0-9a-f]{32}$/),
    });
    // git itself reads the same trailers.
    const parsedByGit = await gitText([
      '--git-dir',
      repo.path,
      'log',
      '-1',
      '--format=%(trailers:only,unfold)',
      result.sha,
    ]);
    expect(parsedByGit).toContain('Glidepath-Step: 1/5');
    expect(await gitText(['--git-dir', repo.path, 'log', '-1', '--format=%an <%ae>|%cn', result.sha])).toBe(
      'glidepath[bot] <glidepath[bot]@users.noreply.github.com>|glidepath[bot]',
    );
  });

  it('makes no commit when every change is already in place', async () => {
    const writer = await open();
    const before = await commitsOn(repo);
    const result = await writer.commit(request([setImage('apps/svc-0/deployment.yaml', 'new')]));
    expect(result).toEqual({ status: 'unchanged', sha: before[0], attempts: 1 });
    expect(await commitsOn(repo)).toEqual(before);
  });

  it('writes the rendered bytes exactly: CRLF and a missing final newline survive .gitattributes', async () => {
    const writer = await open();
    const result = await writer.commit(
      request([
        // A rule that would turn CRLF into LF if the bytes went through git's filters.
        { path: '.gitattributes', render: () => '* text=auto eol=lf\n' },
        {
          path: 'apps/crlf/values.yaml',
          render: (current) => current!.replace('image: old', 'image: new'),
        },
      ]),
    );
    expect(await show(repo, `${result.sha}:apps/crlf/values.yaml`)).toBe(
      '# keep CRLF\r\nimage: new\r\nreplicas: 2',
    );
    expect(await writer.readFile('main', 'apps/crlf/values.yaml')).toBe(
      '# keep CRLF\r\nimage: new\r\nreplicas: 2',
    );
  });

  it('creates and deletes files', async () => {
    const writer = await open();
    const created = await writer.commit(
      request([{ path: 'apps/new/file.yaml', render: () => 'a: 1\n' }], { headline: 'create' }),
    );
    expect(await show(repo, `${created.sha}:apps/new/file.yaml`)).toBe('a: 1\n');
    const deleted = await writer.commit(
      request([{ path: 'apps/new/file.yaml', render: () => undefined }], { headline: 'delete' }),
    );
    expect(deleted.status).toBe('committed');
    expect(await show(repo, `${deleted.sha}:apps/new/file.yaml`)).toBeUndefined();
    expect(await writer.changedFiles(deleted.sha)).toEqual(['apps/new/file.yaml']);
  });

  it('lands 10 concurrent writers (different files, one branch) exactly once each, losing no edit', async () => {
    const before = await commitsOn(repo);
    const concurrent = await Promise.all(Array.from({ length: 10 }, () => open()));
    const results = await Promise.all(
      concurrent.map((writer, i) =>
        writer.commit(
          request([setImage(`apps/svc-${i}/deployment.yaml`, `v2-${i}`)], {
            headline: `svc-${i} to v2`,
            trailers: { 'Glidepath-Rollout': `svc-${i}-7`, 'Glidepath-Service': `svc-${i}` },
          }),
        ),
      ),
    );

    expect(results.map((result) => result.status)).toEqual(Array(10).fill('committed'));
    const after = await commitsOn(repo);
    expect(after.length - before.length).toBe(10);
    expect(new Set(results.map((result) => result.sha))).toEqual(new Set(after.slice(0, 10)));
    // Linear history: every new commit's parent is the previous head (no merges, no lost commit).
    for (let i = 0; i < 10; i++) {
      expect(await gitText(['--git-dir', repo.path, 'rev-parse', `${after[i]}^`])).toBe(after[i + 1]);
    }
    for (let i = 0; i < 10; i++) {
      expect(await show(repo, `main:apps/svc-${i}/deployment.yaml`)).toBe(`# svc-${i}\nimage: v2-${i}\n`);
    }
    const intents = (
      await gitText([
        '--git-dir',
        repo.path,
        'log',
        '-10',
        '--format=%(trailers:key=Glidepath-Intent,valueonly)',
      ])
    )
      .split('\n')
      .filter(Boolean);
    expect(new Set(intents).size).toBe(10);
    expect(results.some((result) => result.attempts > 1)).toBe(true);
  });

  it('re-renders from intent on the new head after a non-fast-forward, keeping the other edit', async () => {
    const checkout = await cloneCheckout(remote.url('acme/gitops'), {
      config: { 'http.extraheader': remote.extraHeader() },
    });
    let raced = false;
    const racingGit: GitRunner = async (args, options) => {
      if (args[0] === 'push' && !raced) {
        raced = true;
        // Someone else edits the same file (another line) between our read and our push.
        const file = join(checkout.dir, 'apps/svc-1/deployment.yaml');
        await checkout.git(['pull', '--quiet', '--ff-only']);
        await writeFile(file, `${(await readFile(file, 'utf8')).trimEnd()}\nreplicas: 3\n`);
        await checkout.git(['commit', '--quiet', '-am', 'scale svc-1']);
        await checkout.git(['push', '--quiet', 'origin', 'HEAD:main']);
      }
      return spawnGit(args, options);
    };
    const writer = await open({}, racingGit);
    const result = await writer.commit(
      request([setImage('apps/svc-1/deployment.yaml', 'v3')], { headline: 'svc-1 to v3' }),
    );
    await checkout.dispose();

    expect(result).toMatchObject({ status: 'committed', attempts: 2 });
    expect(await show(repo, 'main:apps/svc-1/deployment.yaml')).toBe('# svc-1\nimage: v3\nreplicas: 3\n');
  });

  it('does not commit twice when a push lands but its answer is lost', async () => {
    let pushes = 0;
    const lossyGit: GitRunner = async (args, options) => {
      if (args[0] !== 'push') return spawnGit(args, options);
      pushes++;
      const real = await spawnGit(args, options);
      if (pushes === 1) {
        // The remote applied the push; the connection died before the client heard about it.
        return {
          code: 128,
          stdout: Buffer.alloc(0),
          stderr: 'fatal: the remote end hung up unexpectedly\n',
          timedOut: false,
        };
      }
      return real;
    };
    const writer = await open({}, lossyGit);
    const before = await commitsOn(repo);
    const result = await writer.commit(
      request([setImage('apps/svc-2/deployment.yaml', 'v3')], { headline: 'svc-2 to v3' }),
    );

    expect(result.status).toBe('already-applied');
    expect(pushes).toBe(1);
    const after = await commitsOn(repo);
    expect(after.length - before.length).toBe(1);
    expect(result.sha).toBe(after[0]);
  });

  it('retries when a push fails ambiguously without landing', async () => {
    let pushes = 0;
    const flakyGit: GitRunner = async (args, options) => {
      if (args[0] === 'push' && ++pushes === 1) {
        return { code: -1, stdout: Buffer.alloc(0), stderr: '', timedOut: true };
      }
      return spawnGit(args, options);
    };
    const writer = await open({}, flakyGit);
    const before = await commitsOn(repo);
    const result = await writer.commit(
      request([setImage('apps/svc-3/deployment.yaml', 'v3')], { headline: 'svc-3 to v3' }),
    );
    expect(result).toMatchObject({ status: 'committed', attempts: 2 });
    expect((await commitsOn(repo)).length - before.length).toBe(1);
  });

  it('refuses a render that throws: nothing is pushed', async () => {
    const writer = await open();
    const before = await commitsOn(repo);
    const refusal = writer.commit(
      request([
        setImage('apps/svc-4/deployment.yaml', 'v9'),
        {
          path: 'apps/svc-5/deployment.yaml',
          render: () => {
            throw new ConfigurationError(
              'apps/svc-5/deployment.yaml:2:1: no container named "web"; containers: app',
            );
          },
        },
      ]),
    );
    await expect(refusal).rejects.toThrow(/no container named "web"/);
    expect(await commitsOn(repo)).toEqual(before);
    expect(remote.stats().pushes).toBeGreaterThan(0);
  });

  it('refuses a wrong token as a configuration problem without printing it', async () => {
    const writer = await open({ token: 'ghs_wrong_secret_value' });
    const failure = writer.commit(request([setImage('apps/svc-6/deployment.yaml', 'x')]));
    await expect(failure).rejects.toBeInstanceOf(ConfigurationError);
    await expect(failure).rejects.not.toThrow(/ghs_wrong_secret_value/);
  });

  it('names a missing branch', async () => {
    const writer = await open();
    await expect(writer.commit(request([setImage('a.yaml', 'x')], { branch: 'nope' }))).rejects.toThrow(
      /branch nope does not exist/,
    );
  });

  it('refuses credentials in the URL', async () => {
    await expect(open({ source: { url: remote.authenticatedUrl('acme/gitops') } })).rejects.toThrow(
      /carries credentials/,
    );
  });

  it('reads history with trailers, files at a commit, and changed paths', async () => {
    const writer = await open();
    const log = await writer.log('main', 3);
    expect(log).toHaveLength(3);
    expect(log[0]!.parents).toEqual([log[1]!.sha]);
    const withTrailers = log.find((commit) => commit.trailers['Glidepath-Intent']);
    expect(withTrailers).toBeDefined();
    expect(await writer.readFile(log[1]!.sha, 'apps/svc-0/deployment.yaml')).toEqual(
      await show(repo, `${log[1]!.sha}:apps/svc-0/deployment.yaml`),
    );
    expect(await writer.readFile('main', 'does/not/exist.yaml')).toBeUndefined();
    // A commit it does not know is an error, never "the file does not exist".
    await expect(writer.readFile('f'.repeat(40), 'apps/svc-0/deployment.yaml')).rejects.toThrow(
      /is not in the fetched history/,
    );
  });

  it('sends only its own token when a checkout persisted another one', async () => {
    const checkout = await cloneCheckout(remote.url('acme/gitops'), {
      config: { 'http.extraheader': remote.extraHeader() },
    });
    try {
      await checkout.git(['config', 'http.extraheader', remote.extraHeader('ghs_stale_persisted_token')]);
      const writer = await LocalGitWriter.open({
        source: { checkout: checkout.dir },
        token: remote.token,
        retry: FAST,
      });
      const result = await writer.commit(
        request([setImage('apps/svc-7/deployment.yaml', 'own-token')], { headline: 'svc-7' }),
      );
      await writer.close();
      expect(result.status).toBe('committed');
    } finally {
      await checkout.dispose();
    }
  });
});

describe('LocalGitWriter on an existing checkout', () => {
  it('commits without touching the checkout: HEAD, index and files stay as they were', async () => {
    const repo = await createBareRepo({ files: { 'app.yaml': 'image: old\n', 'other.yaml': 'x: 1\n' } });
    const remote = await startGitRemote({ repos: { 'acme/gitops': repo.path } });
    // Credentials persisted in the checkout's config, as actions/checkout does.
    const checkout = await cloneCheckout(remote.url('acme/gitops'), {
      config: { 'http.extraheader': remote.extraHeader() },
    });
    try {
      await checkout.git(['config', 'core.hooksPath', '/nonexistent']);
      await writeFile(join(checkout.dir, 'other.yaml'), 'x: local edit\n');
      const headBefore = await gitText(['rev-parse', 'HEAD'], { cwd: checkout.dir });
      const statusBefore = await gitText(['status', '--porcelain'], { cwd: checkout.dir });

      const writer = await LocalGitWriter.open({ source: { checkout: checkout.dir }, retry: FAST });
      const refused = writer.commit(
        request([
          setImage('app.yaml', 'new'),
          {
            path: 'other.yaml',
            render: () => {
              throw new ConfigurationError('refused');
            },
          },
        ]),
      );
      await expect(refused).rejects.toThrow('refused');
      const result = await writer.commit(request([setImage('app.yaml', 'new')]));
      await writer.close();

      expect(result.status).toBe('committed');
      expect(await show(repo, 'main:app.yaml')).toBe('image: new\n');
      expect(await gitText(['rev-parse', 'HEAD'], { cwd: checkout.dir })).toBe(headBefore);
      expect(await gitText(['status', '--porcelain'], { cwd: checkout.dir })).toBe(statusBefore);
      expect(await readFile(join(checkout.dir, 'app.yaml'), 'utf8')).toBe('image: old\n');
      expect(await readFile(join(checkout.dir, 'other.yaml'), 'utf8')).toBe('x: local edit\n');
      expect(await gitText(['for-each-ref', 'refs/glidepath'], { cwd: checkout.dir })).toBe('');
    } finally {
      await checkout.dispose();
      await remote.close();
      await repo.dispose();
    }
  });
});
