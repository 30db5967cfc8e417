/**
 * The committed bundle, run the way a runner runs the composite step: `node dist/index.js` with
 * the env that action.yml maps from the inputs, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, a
 * workspace and an event payload. Checks outputs, the summary and the exit status, for each
 * command: verify against evidence sets; analyze against an in-process web endpoint; rollout
 * against a real bare GitOps repository and that endpoint. Secrets come from the environment and
 * must reach the log only as the runner's mask commands.
 */
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import type { RolloutRecord } from '../../src/rollout/executor.js';
import { DIGESTS, imageOf, seedGitops } from '../../examples/demo/world/world.mjs';
import { makeEvidenceSet, TRUSTED_ROOT } from '../support/evidence-set.js';
import { createBareRepo, gitText, type TempBareRepo } from '../support/git-remote.js';
import { closeServers, serve, type Answer, type Received } from '../support/http-server.js';
import { webhookPayload } from '../support/webhook-payloads.js';
import { webhookSchemaErrors } from '../support/webhook-schema.js';

const ROOT = join(import.meta.dirname, '..', '..');

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: {
    using: string;
    steps: { id?: string; run?: string; uses?: string; if?: string; env?: Record<string, string> }[];
  };
}
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

/** The step env the runner would build: each `${{ inputs.x }}` replaced by the input or its default. */
function stepEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(programStep().env ?? {}).map(([name, expression]) => {
      const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(expression)?.[1];
      if (!input) throw new Error(`action.yml env ${name} is not a plain input mapping: ${expression}`);
      return [name, inputs[input] ?? action.inputs[input]?.default ?? ''];
    }),
  );
}

/** GitHub's file-command format: `name<<DELIMITER\nvalue\nDELIMITER`. */
function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of readFileSync(file, 'utf8').matchAll(pattern)) outputs[match[1]!] = match[3]!;
  return outputs;
}

/** A workflow_run event whose head is a fork. */
const FORK_RUN = {
  name: 'workflow_run',
  payload: {
    repository: { full_name: 'acme/checkout' },
    workflow_run: { head_repository: { full_name: 'mallory/checkout' } },
  },
};

/** What one step run left behind: the exit status, the log, the outputs and the job summary. */
interface StepRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  outputFile: string;
  summary: string;
  runner: string;
}

/**
 * Runs the step as a runner would, asynchronously: the in-process endpoints the analysis queries
 * must keep answering while the step runs.
 */
async function runStep(
  inputs: Record<string, string>,
  options: { event?: { name: string; payload: unknown }; env?: Record<string, string> } = {},
): Promise<StepRun> {
  const { event } = options;
  const runner = mkdtempSync(join(tmpdir(), 'glidepath-runner-'));
  const files = {
    output: join(runner, 'output'),
    summary: join(runner, 'summary'),
    event: join(runner, 'event.json'),
  };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(
    files.event,
    JSON.stringify(event?.payload ?? { repository: { full_name: 'acme/checkout' } }),
  );
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: runner,
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION_PATH: ROOT,
    GITHUB_WORKSPACE: ROOT,
    GITHUB_REPOSITORY: 'acme/checkout',
    GITHUB_EVENT_NAME: event?.name ?? 'push',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: runner,
    ...options.env,
    ...stepEnv(inputs),
  };
  const child = spawn('bash', ['-c', programStep().run!], { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const status = await new Promise<number | null>((done) => child.on('close', done));
  return {
    status,
    stdout,
    stderr,
    outputs: readOutputs(files.output),
    outputFile: readFileSync(files.output, 'utf8'),
    summary: readFileSync(files.summary, 'utf8'),
    runner,
  };
}

/** The composite step that runs the program (the others download evidence and check out GitOps). */
function programStep() {
  const step = action.runs.steps.find((candidate) => candidate.id === 'glidepath');
  if (!step?.run) throw new Error('action.yml has no step with id glidepath that runs the program');
  return step;
}

describe('action.yml', () => {
  it('is a composite action whose run text never interpolates inputs', () => {
    expect(action.runs.using).toBe('composite');
    const runs = action.runs.steps.filter((step) => step.run !== undefined);
    expect(runs).toEqual([programStep()]);
    expect(programStep().run).not.toMatch(/\$\{\{/);
    expect(programStep().run).toContain('"$GITHUB_ACTION_PATH/dist/index.js"');
    // The optional steps before it run only when their input is set.
    expect(action.runs.steps.filter((step) => step.uses).map((step) => [step.uses, step.if])).toEqual([
      ['actions/download-artifact@v4', "inputs.evidence-artifact != ''"],
      ['actions/checkout@v4', "inputs.gitops-repository != ''"],
    ]);
    expect(Object.keys(action.outputs).sort()).toEqual(['admitted', 'digest', 'record', 'report', 'verdict']);
  });

  it('is documented in the README: every input with its default, every output', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table = (header: string) =>
      new Map(
        [...(readme.split(header)[1]?.split('\n\n')[0] ?? '').matchAll(/^\| `([\w-]+)` \| ([^|]+) \|/gm)].map(
          (match) => [match[1]!, match[2]!.trim()],
        ),
      );
    const rows = table('| input | default | meaning |');
    const outputs = table('| output | meaning |');
    for (const [name, spec] of Object.entries(action.inputs)) {
      const documented = rows.get(name);
      expect([name, documented]).toEqual([
        name,
        spec.required ? '— (required)' : `\`${spec.default || "''"}\``,
      ]);
    }
    expect([...outputs.keys()].sort()).toEqual(Object.keys(action.outputs).sort());
  });
});

describe('dist/index.js as the composite step', () => {
  it('admits a clean set: outputs, JSON report and the checks table in the job summary', async () => {
    const set = makeEvidenceSet();
    const run = await runStep({
      command: 'verify',
      artifact: set.artifact,
      evidence: `${set.dir}\n`,
      policy: set.policyFile,
      'trusted-root': TRUSTED_ROOT,
    });
    expect(run.status).toBe(0);
    expect(run.outputs.admitted).toBe('true');
    expect(run.outputs.digest).toBe(set.digest);
    expect(run.outputs.report).toBe(join(run.runner, 'glidepath', 'admission.json'));
    const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8')) as {
      admitted: boolean;
      checks: unknown[];
    };
    expect(report.admitted).toBe(true);
    expect(run.summary).toContain('### Glidepath admission: ✅ Admitted');
    expect(run.summary).toContain('| Status | Kind | File | Reason |');
    expect(run.summary).toMatch(/\| 🔕 suppressed \| scan \|.*CVE-2023-45853/);
  });

  it('rejects a set with a failed test: exit 1, admitted=false, an error annotation and the summary', async () => {
    const set = makeEvidenceSet({ defect: 'failed-test' });
    const run = await runStep({
      command: 'verify',
      artifact: set.artifact,
      evidence: set.dir,
      policy: set.policyFile,
      'trusted-root': TRUSTED_ROOT,
    });
    expect(run.status).toBe(1);
    expect(run.outputs.admitted).toBe('false');
    expect(run.stdout).toMatch(/::error title=tests fail%3A .*junit\.xml::/);
    expect(run.summary).toContain('❌ Rejected');
  });

  it('exits 2 for a tag-only artifact with an error that names the digest requirement', async () => {
    const run = await runStep({ command: 'verify', artifact: 'ghcr.io/acme/checkout:1.4.0' });
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/::error::.*only by digest/);
    expect(run.outputs).toEqual({});
  });

  it('annotates each policy problem on its line of the policy file and exits 2', async () => {
    const set = makeEvidenceSet();
    const policy = join(set.dir, '..', 'typo.yaml');
    writeFileSync(policy, 'evidence:\n  scan:\n    faillOn: high\n  require: [tests, sboms]\n');
    const run = await runStep({ command: 'verify', artifact: set.artifact, policy });
    expect(run.status).toBe(2);
    const annotations = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('::error title=Glidepath policy'));
    expect(annotations).toHaveLength(2);
    expect(annotations[0]).toMatch(
      /,line=3,col=5::evidence\.scan\.faillOn: unknown key "faillOn"; did you mean "failOn"\?$/,
    );
    expect(annotations[1]).toMatch(/,line=4,col=20::evidence\.require\[1\]: must be one of/);
  });

  it('refuses evidence from a workflow_run triggered by a fork', async () => {
    const set = makeEvidenceSet();
    const run = await runStep(
      {
        command: 'verify',
        artifact: set.artifact,
        evidence: set.dir,
        policy: set.policyFile,
        'trusted-root': TRUSTED_ROOT,
      },
      { event: FORK_RUN },
    );
    expect(run.status).toBe(1);
    expect(run.outputs.admitted).toBe('false');
    expect(run.summary).toContain('fork mallory/checkout');
  });
});

/** A token and a provider secret the steps get from the environment, never from inputs. */
const GITHUB_TOKEN = 'ghs_e2eActionToken0123456789';
const WEB_SECRET = 'Bearer web-e2e-secret-9f8e7d6c';
const SECRET_ENV = { GITHUB_TOKEN, WEB_TOKEN: WEB_SECRET };

/**
 * Every log line holding a secret is the runner's `::add-mask::` command for it (the runner consumes
 * that line and masks the value in every later one), and those commands come first, before the
 * command printed anything. The summary, the outputs and `files` never hold a secret.
 */
function expectSecretsMasked(run: StepRun, files: string[] = []): void {
  const lines = `${run.stdout}${run.stderr}`.split('\n');
  for (const secret of [GITHUB_TOKEN, WEB_SECRET]) {
    expect(lines.filter((line) => line.includes(secret))).toEqual([`::add-mask::${secret}`]);
    expect(lines.indexOf(`::add-mask::${secret}`)).toBeLessThan(2);
    for (const text of [run.summary, run.outputFile, ...files.map((file) => readFileSync(file, 'utf8'))]) {
      expect(text).not.toContain(secret);
    }
  }
}

/**
 * An analysis policy against `address`: one guardrail judged by `criteria` (its keys), the secret
 * header from WEB_TOKEN.
 */
function analysisPolicy(address: string, criteria: string[] = ['max: 0.01']): string {
  return [
    'analysis:',
    "  provider: { kind: web, jsonPath: '{$.data.ratio}', headersFromEnv: { Authorization: WEB_TOKEN } }",
    '  guardrails:',
    '    - name: error-ratio',
    `      query: ${address}/ratio?canary={{canary}}&stable={{stable}}`,
    ...criteria.map((line) => `      ${line}`),
    '',
  ].join('\n');
}

describe('dist/index.js as the composite step: command analyze', () => {
  afterEach(closeServers);

  async function analyze(
    answer: Answer | ((request: Received) => Answer),
    criteria?: string[],
    inputs: Record<string, string> = {},
  ) {
    const server = await serve(typeof answer === 'function' ? answer : () => answer);
    const dir = mkdtempSync(join(tmpdir(), 'glidepath-analyze-'));
    const policy = join(dir, 'glidepath.yaml');
    writeFileSync(policy, analysisPolicy(server.address, criteria));
    const run = await runStep(
      { command: 'analyze', policy, 'canary-label': 'v2', 'stable-label': 'v1', ...inputs },
      { env: SECRET_ENV },
    );
    return { run, server };
  }

  it('passes: verdict and record outputs, the JSON report, the metrics table in the summary, secrets masked', async () => {
    const { run, server } = await analyze({ body: { data: { ratio: 0.002 } } });
    expect(run.status).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    expect(run.outputs.record).toBe(join(run.runner, 'glidepath', 'analysis.json'));
    const report = JSON.parse(readFileSync(run.outputs.record!, 'utf8')) as {
      phase: string;
      metrics: { name: string; values: number[]; criterion: string }[];
    };
    expect(report.phase).toBe('pass');
    expect(report.metrics).toEqual([
      expect.objectContaining({ name: 'error-ratio', values: [0.002], criterion: 'max 0.01' }),
    ]);
    expect(run.summary).toContain('### ✅ pass: all 1 gating metric passed');
    expect(run.summary).toContain('| ✅ pass | error-ratio | 0.002 | max 0.01 |');
    // The labels reached the query, and the secret reached the endpoint (so it was in use, and masked).
    expect(server.requests.map((request) => request.url)).toEqual(['/ratio?canary=v2&stable=v1']);
    expect(server.requests[0]!.headers.authorization).toBe(WEB_SECRET);
    expectSecretsMasked(run, [run.outputs.record!]);
  });

  it('fails the job on a breach: exit 1, verdict fail, an error naming the guardrail', async () => {
    const { run } = await analyze({ body: { data: { ratio: 0.05 } } });
    expect(run.status).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    expect(run.stdout).toMatch(/^::error::analysis failed: error-ratio: /m);
    expect(run.summary).toContain('| ❌ fail | error-ratio | 0.05 | max 0.01 |');
    expectSecretsMasked(run, [run.outputs.record!]);
  });

  it('holds when the value meets neither condition: exit 4 and "held: …"', async () => {
    // 0.002 fails `result < 0.001` and does not meet `result > 0.1`: inconclusive (Argo's rule).
    const { run } = await analyze({ body: { data: { ratio: 0.002 } } }, [
      "successCondition: 'result < 0.001'",
      "failureCondition: 'result > 0.1'",
    ]);
    expect(run.status).toBe(4);
    expect(run.outputs.verdict).toBe('inconclusive');
    expect(run.stdout).toMatch(/^::error::held: the analysis is inconclusive, so nothing may advance: /m);
    expectSecretsMasked(run);
  });

  it('an endpoint that fails and echoes the secret header: exit 3, verdict error, the secret nowhere', async () => {
    const { run, server } = await analyze(
      (request) => ({
        status: 503,
        contentType: 'text/plain',
        body: `upstream down; you sent Authorization: ${String(request.headers.authorization)}`,
      }),
      ['max: 0.01', 'consecutiveErrorLimit: 0'],
    );
    expect(run.status).toBe(3);
    expect(run.outputs.verdict).toBe('error');
    expect(run.stdout).toMatch(
      /^::error::the analysis errored \(the provider kept failing, never a pass\): /m,
    );
    expect(server.requests.length).toBeGreaterThan(0);
    expectSecretsMasked(run, [run.outputs.record!]);
  });

  it('refuses a bad input before running anything: exit 2, the input and the fix named', async () => {
    const { run, server } = await analyze({ body: { data: { ratio: 0.002 } } }, undefined, {
      bake: '15 minutes',
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(
      /^::error::input "bake": "15 minutes" is not a duration; write a number and a unit, e\.g\. 90s, 15m/m,
    );
    expect(run.outputs).toEqual({});
    expect(server.requests).toEqual([]);
  });
});

describe('dist/index.js as the composite step: command rollout', () => {
  const repos: TempBareRepo[] = [];
  afterEach(closeServers);
  afterAll(async () => {
    await Promise.all(repos.map((repo) => repo.dispose()));
  });

  /** A GitOps repository seeded with the demo's manifests, and a rollout policy for it. */
  async function world(ratio: number) {
    const seed = mkdtempSync(join(tmpdir(), 'glidepath-action-seed-'));
    await seedGitops(seed);
    const repo = await createBareRepo({ seedDir: seed });
    repos.push(repo);
    const server = await serve(() => ({ body: { data: { ratio } } }));
    const policy = join(seed, '..', `${basename(seed)}.yaml`);
    writeFileSync(
      policy,
      [
        'service: demo',
        'desired:',
        `  repo: file://${repo.path}`,
        '  backend: git',
        '  targets:',
        '    - { kind: deployment, path: apps/demo/canary.yaml, container: app }',
        '  traffic: { router: gateway-api, path: apps/demo/route.yaml, route: demo }',
        'exposure:',
        '  steps: [50, 100]',
        '  bake: 1s',
        '  reconcile: { wait: delay, delay: 0s }',
        analysisPolicy(server.address).replace('analysis:\n', 'analysis:\n  interval: 1s\n'),
      ].join('\n'),
    );
    return { repo, policy };
  }

  const trailers = (repo: TempBareRepo, sha: string) =>
    gitText(['--git-dir', repo.path, 'log', '-1', '--format=%(trailers:only,unfold)', sha]);

  it('promotes step by step: outputs, the record, commits in Git, the summary with its diagrams', async () => {
    const { repo, policy } = await world(0.002);
    const run = await runStep(
      { command: 'rollout', policy, artifact: imageOf(DIGESTS.v2) },
      { env: SECRET_ENV },
    );
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({ verdict: 'promoted', digest: `sha256:${DIGESTS.v2}` });
    expect(run.outputs.record).toBe(join(run.runner, 'glidepath', 'rollout.json'));
    const record = JSON.parse(readFileSync(run.outputs.record!, 'utf8')) as RolloutRecord;
    expect(record.outcome).toBe('promoted');
    expect(record.steps.map((step) => [step.step, step.weight, step.phase])).toEqual([
      [1, 50, 'pass'],
      [2, 100, 'pass'],
    ]);
    for (const step of record.steps) {
      expect(await trailers(repo, step.commit!)).toContain(`Glidepath-Step: ${step.step}/2`);
    }
    expect(run.summary).toMatch(/^### ✅ Rollout promoted: `sha256:a89617db26af…` serves 100%$/m);
    expect(run.summary).toContain(`| 1 | 50% | \`${record.steps[0]!.commit!.slice(0, 12)}\` | ✅ pass |`);
    expect(run.summary).toContain('```mermaid\nflowchart LR\n');
    expect(run.summary).toContain('```mermaid\nxychart-beta\n  title "error-ratio"\n');
    expect(run.summary).not.toContain('#### Root cause');
    expectSecretsMasked(run, [run.outputs.record!]);
  }, 60_000);

  it('reverts at the first breach: exit 1, the root cause in the summary and an annotation, the digest quarantined', async () => {
    const { repo, policy } = await world(0.05);
    const run = await runStep(
      { command: 'rollout', policy, artifact: imageOf(DIGESTS.v3) },
      { env: SECRET_ENV },
    );
    expect(run.status).toBe(1);
    expect(run.outputs.verdict).toBe('reverted');
    const record = JSON.parse(readFileSync(run.outputs.record!, 'utf8')) as RolloutRecord;
    expect(record).toMatchObject({ outcome: 'reverted', lever: 'traffic' });
    const revert = record.revertCommit!.slice(0, 12);
    expect(run.summary).toMatch(
      new RegExp(
        `#### Root cause\\n\\nAt step 1 \\(50%\\), guardrail \`error-ratio\` failed: values? 0\\.05.* against max 0\\.01 .*The traffic lever reverted it in commit \`${revert}\``,
      ),
    );
    // Workflow command data escapes % as %25.
    expect(run.stdout).toMatch(
      /^::error title=Glidepath rollout reverted::At step 1 \(50%25\), guardrail `error-ratio` failed: value 0\.05 against max 0\.01 /m,
    );
    expect(run.stdout).toMatch(
      /^::error::rollout demo-5e544653cfd6 failed and was reverted: step 1\/2 at 50%25: analysis failed: error-ratio: /m,
    );
    const quarantine = await gitText(['--git-dir', repo.path, 'show', 'main:.glidepath/quarantine.yaml']);
    expect(quarantine).toContain(`sha256:${DIGESTS.v3}`);
    expectSecretsMasked(run, [run.outputs.record!]);
  }, 60_000);

  it('step on a deployment_status that is not final: exit 0, verdict skipped, nothing committed', async () => {
    const { repo, policy } = await world(0.002);
    const head = repo.head;
    const payload = webhookPayload('deployment_status', {
      repository: 'acme/checkout',
      deployment: { id: 7, sha: head!, payload: { rollout: 'r-1' }, state: 'in_progress' },
    });
    expect(webhookSchemaErrors('deployment_status', payload)).toEqual([]);
    const run = await runStep(
      { command: 'step', policy, artifact: imageOf(DIGESTS.v2) },
      { event: { name: 'deployment_status', payload }, env: SECRET_ENV },
    );
    expect(run.status).toBe(0);
    expect(run.outputs.verdict).toBe('skipped');
    expect(run.stdout).toContain('this deployment_status is in_progress (deployment 7)');
    expect((await gitText(['--git-dir', repo.path, 'rev-parse', 'main'])).trim()).toBe(head);
  }, 60_000);

  it('never rolls out from a fork: exit 1, verdict rejected, nothing committed', async () => {
    const { repo, policy } = await world(0.002);
    const head = repo.head;
    const run = await runStep(
      { command: 'rollout', policy, artifact: imageOf(DIGESTS.v2) },
      { event: FORK_RUN, env: SECRET_ENV },
    );
    expect(run.status).toBe(1);
    expect(run.outputs).toMatchObject({ verdict: 'rejected', admitted: 'false' });
    expect(run.summary).toContain('fork mallory/checkout');
    expect((await gitText(['--git-dir', repo.path, 'rev-parse', 'main'])).trim()).toBe(head);
  }, 60_000);
});
