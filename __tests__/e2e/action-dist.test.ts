/**
 * The committed bundle, run the way a runner runs the composite step: `node dist/index.js` with
 * the env that action.yml maps from the inputs, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, a
 * workspace and an event payload. Checks outputs, the summary and the exit status.
 */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { makeEvidenceSet, TRUSTED_ROOT } from '../support/evidence-set.js';

const ROOT = join(import.meta.dirname, '..', '..');

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: { id: string; run: string; env: Record<string, string> }[] };
}
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

/** The step env the runner would build: each `${{ inputs.x }}` replaced by the input or its default. */
function stepEnv(inputs: Record<string, string>): Record<string, string> {
  const step = action.runs.steps[0]!;
  return Object.fromEntries(
    Object.entries(step.env).map(([name, expression]) => {
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

function runStep(inputs: Record<string, string>, event?: { name: string; payload: unknown }) {
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
    ...stepEnv(inputs),
  };
  const result = spawnSync('bash', ['-c', action.runs.steps[0]!.run], { cwd: ROOT, env, encoding: 'utf8' });
  return {
    status: result.status,
    stdout: result.stdout,
    outputs: readOutputs(files.output),
    summary: readFileSync(files.summary, 'utf8'),
    runner,
  };
}

describe('action.yml', () => {
  it('is a composite action whose run text never interpolates inputs', () => {
    expect(action.runs.using).toBe('composite');
    for (const step of action.runs.steps) {
      expect(step.run).not.toMatch(/\$\{\{/);
      expect(step.run).toContain('"$GITHUB_ACTION_PATH/dist/index.js"');
    }
    expect(Object.keys(action.outputs).sort()).toEqual(['admitted', 'digest', 'report']);
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
  it('admits a clean set: outputs, JSON report and the checks table in the job summary', () => {
    const set = makeEvidenceSet();
    const run = runStep({
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

  it('rejects a set with a failed test: exit 1, admitted=false, an error annotation and the summary', () => {
    const set = makeEvidenceSet({ defect: 'failed-test' });
    const run = runStep({
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

  it('exits 2 for a tag-only artifact with an error that names the digest requirement', () => {
    const run = runStep({ artifact: 'ghcr.io/acme/checkout:1.4.0' });
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/::error::.*only by digest/);
    expect(run.outputs).toEqual({});
  });

  it('annotates each policy problem on its line of the policy file and exits 2', () => {
    const set = makeEvidenceSet();
    const policy = join(set.dir, '..', 'typo.yaml');
    writeFileSync(policy, 'evidence:\n  scan:\n    faillOn: high\n  require: [tests, sboms]\n');
    const run = runStep({ artifact: set.artifact, policy });
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

  it('refuses evidence from a workflow_run triggered by a fork', () => {
    const set = makeEvidenceSet();
    const run = runStep(
      { artifact: set.artifact, evidence: set.dir, policy: set.policyFile, 'trusted-root': TRUSTED_ROOT },
      {
        name: 'workflow_run',
        payload: {
          repository: { full_name: 'acme/checkout' },
          workflow_run: { head_repository: { full_name: 'mallory/checkout' } },
        },
      },
    );
    expect(run.status).toBe(1);
    expect(run.outputs.admitted).toBe('false');
    expect(run.summary).toContain('fork mallory/checkout');
  });
});
