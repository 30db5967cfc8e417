/**
 * `glidepath desire` and `glidepath revert` end to end through the CLI entry: real Deployments in a
 * real bare repository, served by the smart-HTTP git remote (git backend) and by the GitHub fake
 * (github backend). Ten services desire their canary on one branch at once: every commit lands
 * exactly once and no edit is lost. A revert restores byte-identical files and quarantines the
 * digest, which desire then refuses; a refused edit leaves the branch as it was.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { parseTrailers } from '../../src/gitops/trailers.js';
import {
  createBareRepo,
  gitText,
  runGit,
  startGitRemote,
  type GitRemote,
  type TempBareRepo,
} from '../support/git-remote.js';
import { startGitHubFake, type GitHubFake } from '../support/github-fake/index.js';

const TOKEN = 'test-token-desire';
const SERVICES = Array.from({ length: 10 }, (_, i) => `svc-${i}`);
const digestOf = (n: number) => `sha256:${n.toString(16).padStart(2, '0').repeat(32)}`;

function deployment(service: string): string {
  return [
    `# ${service}: owned by team ${service.toUpperCase()}`,
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${service}`,
    'spec:',
    '  replicas: 3 # scaled by HPA',
    `  selector: { matchLabels: { app: ${service} } }`,
    '  template:',
    `    metadata: { labels: { app: ${service} } }`,
    '    spec:',
    '      containers:',
    `        - name: app`,
    `          image: "ghcr.io/acme/${service}:1.0.0" # set by glidepath`,
    '          ports: [{ containerPort: 8080 }]',
    '',
  ].join('\n');
}

const SEED = Object.fromEntries(SERVICES.map((s) => [`apps/${s}/deployment.yaml`, deployment(s)]));

function policyFile(dir: string, service: string, repo: string): string {
  const file = join(dir, `${service}.yaml`);
  writeFileSync(
    file,
    [
      `service: ${service}`,
      'desired:',
      `  repo: ${repo}`,
      '  branch: main',
      '  targets:',
      `    - { kind: deployment, path: apps/${service}/deployment.yaml, container: app }`,
      '',
    ].join('\n'),
  );
  return file;
}

async function cli(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(
    args,
    {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      cwd: process.cwd(),
      now: () => new Date(),
      env,
    },
    'test',
  );
  return { status, stdout: out.join(''), stderr: err.join('') };
}

describe.each(['git', 'github'] as const)('desire and revert through the %s backend', (backend) => {
  let bare: TempBareRepo;
  let remote: GitRemote | undefined;
  let github: GitHubFake | undefined;
  let repo: string;
  let env: Record<string, string>;
  let policies: string;

  beforeEach(async () => {
    bare = await createBareRepo({ files: SEED });
    policies = mkdtempSync(join(tmpdir(), 'glidepath-policies-'));
    if (backend === 'git') {
      remote = await startGitRemote({ repos: { 'acme/gitops': bare.path }, token: TOKEN });
      repo = remote.url('acme/gitops');
      env = { GLIDEPATH_TOKEN: TOKEN };
    } else {
      github = await startGitHubFake({ repo: 'acme/gitops', bareRepoPath: bare.path, token: TOKEN });
      repo = 'acme/gitops';
      env = { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: github.url };
    }
  });

  afterEach(async () => {
    await remote?.close();
    await github?.close();
    remote = undefined;
    github = undefined;
    await bare.dispose();
  });

  const show = async (path: string, ref = 'main') =>
    (await runGit(['show', `${ref}:${path}`], { cwd: bare.path })).stdout.toString('utf8');

  it('lands 10 concurrent desire commits (different services, one branch) exactly once, losing no edit', async () => {
    const runs = await Promise.all(
      SERVICES.map((service, i) =>
        cli(
          [
            'desire',
            '--policy',
            policyFile(policies, service, repo),
            '--artifact',
            `ghcr.io/acme/${service}@${digestOf(i)}`,
            '--json',
          ],
          env,
        ),
      ),
    );
    for (const run of runs) expect([run.status, run.stderr]).toEqual([0, '']);
    expect(runs.map((run) => (JSON.parse(run.stdout) as { status: string }).status)).toEqual(
      SERVICES.map(() => 'committed'),
    );

    const log = await gitText(['log', '--format=%H%x00%B%x01', 'main'], { cwd: bare.path });
    const commits = log
      .split('\x01')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const digests = commits
      .map((entry) => parseTrailers(entry.split('\x00')[1]!)['Glidepath-Digest'])
      .filter(Boolean);
    expect(digests.sort()).toEqual(SERVICES.map((_, i) => digestOf(i)).sort());
    for (const [i, service] of SERVICES.entries()) {
      const after = await show(`apps/${service}/deployment.yaml`);
      // Only the image scalar changed: comments, quoting and flow style are the seed's bytes.
      expect(after).toBe(
        deployment(service).replace(
          `"ghcr.io/acme/${service}:1.0.0"`,
          `"ghcr.io/acme/${service}@${digestOf(i)}"`,
        ),
      );
    }
  }, 180_000);

  it('reverts to byte-identical files, quarantines the digest, and desire then refuses it', async () => {
    const policy = policyFile(policies, 'svc-3', repo);
    const desired = await cli(
      ['desire', '--policy', policy, '--artifact', `ghcr.io/acme/svc-3@${digestOf(3)}`],
      env,
    );
    expect(desired.status).toBe(0);
    const revert = await cli(
      ['revert', '--policy', policy, '--previous', '--reason', 'error rate 4% > 1%', '--json'],
      env,
    );
    expect([revert.status, revert.stderr]).toEqual([0, '']);
    expect(JSON.parse(revert.stdout)).toMatchObject({ status: 'committed', quarantined: digestOf(3) });
    expect(await show('apps/svc-3/deployment.yaml')).toBe(deployment('svc-3'));
    expect(await show('.glidepath/quarantine.yaml')).toContain(digestOf(3));

    const head = await gitText(['rev-parse', 'main'], { cwd: bare.path });
    const refused = await cli(
      ['desire', '--policy', policy, '--artifact', `ghcr.io/acme/svc-3@${digestOf(3)}`],
      env,
    );
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/quarantine/i);
    expect(await gitText(['rev-parse', 'main'], { cwd: bare.path })).toBe(head);
  }, 120_000);

  it('writes with GLIDEPATH_GITOPS_TOKEN before GLIDEPATH_TOKEN (a GitOps repository in another organisation)', async () => {
    const policy = policyFile(policies, 'svc-2', repo);
    const head = await gitText(['rev-parse', 'main'], { cwd: bare.path });
    const args = ['desire', '--policy', policy, '--artifact', `ghcr.io/acme/svc-2@${digestOf(2)}`];
    const elsewhere: Record<string, string> = { ...env, GLIDEPATH_TOKEN: 'ghs_token_of_the_app_repository' };
    delete elsewhere.GITHUB_TOKEN;
    // Without it, the app repository's token is refused by the GitOps repository: nothing written.
    const refused = await cli(args, elsewhere);
    expect(refused.status).not.toBe(0);
    expect(await gitText(['rev-parse', 'main'], { cwd: bare.path })).toBe(head);
    const desired = await cli(args, { ...elsewhere, GLIDEPATH_GITOPS_TOKEN: TOKEN });
    expect([desired.status, desired.stderr]).toEqual([0, '']);
    expect(await show('apps/svc-2/deployment.yaml')).toContain(digestOf(2));
  }, 60_000);

  it('refuses an edit that would be invalid (unknown container) and leaves the branch untouched', async () => {
    const file = join(policies, 'bad.yaml');
    writeFileSync(
      file,
      `service: svc-1\ndesired:\n  repo: ${repo}\n  targets:\n    - { kind: deployment, path: apps/svc-1/deployment.yaml, container: sidecar }\n`,
    );
    const head = await gitText(['rev-parse', 'main'], { cwd: bare.path });
    const run = await cli(
      ['desire', '--policy', file, '--artifact', `ghcr.io/acme/svc-1@${digestOf(1)}`],
      env,
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/apps\/svc-1\/deployment\.yaml:\d+(:\d+)?: .*sidecar[\s\S]*app/);
    expect(await gitText(['rev-parse', 'main'], { cwd: bare.path })).toBe(head);
  }, 60_000);
});
