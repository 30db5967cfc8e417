/**
 * The action's one reader of inputs (src/action/settings.ts): each command's inputs, their
 * defaults, and errors that name the input and the fix. Inputs arrive as action.yml maps them:
 * INPUT_<NAME> with dashes as underscores.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { readSettings } from '../../../src/action/settings.js';
import { ConfigurationError } from '../../../src/errors.js';

const ARTIFACT = `ghcr.io/acme/checkout@sha256:${'a'.repeat(64)}`;
const RUNNER_TEMP = '/runner/temp';

/** The step environment for `inputs` (names as in action.yml). */
function env(inputs: Record<string, string>, extra: Record<string, string> = {}) {
  return {
    RUNNER_TEMP,
    GITHUB_WORKSPACE: '/workspace',
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [
        `INPUT_${name.replace(/-/g, '_').toUpperCase()}`,
        value,
      ]),
    ),
    ...extra,
  };
}

describe('readSettings', () => {
  it('verify: artifact, evidence by line or space, the admission report path', () => {
    const settings = readSettings(
      env({ command: 'verify', artifact: ` ${ARTIFACT} `, evidence: 'reports/\nsbom.json  scan.sarif\n' }),
    );
    expect(settings).toMatchObject({
      command: 'verify',
      artifact: ARTIFACT,
      evidence: ['reports/', 'sbom.json', 'scan.sarif'],
      reportPath: join(RUNNER_TEMP, 'glidepath', 'admission.json'),
      workspace: '/workspace',
      tokens: [],
    });
    expect(settings.policyFile).toBeUndefined();
  });

  it('analyze: labels, since in RFC 3339 or unix seconds, bake as a duration, the record path; no artifact needed', () => {
    const rfc = readSettings(
      env({
        command: 'analyze',
        policy: 'deploy/glidepath.yaml',
        'canary-label': 'v2',
        'stable-label': 'v1',
        since: '2026-11-22T10:00:00Z',
        bake: '15m',
      }),
    );
    expect(rfc).toMatchObject({
      command: 'analyze',
      artifact: '',
      policyFile: 'deploy/glidepath.yaml',
      canaryLabel: 'v2',
      stableLabel: 'v1',
      since: new Date('2026-11-22T10:00:00Z'),
      recordPath: join(RUNNER_TEMP, 'glidepath', 'analysis.json'),
    });
    expect(rfc.bake?.milliseconds).toBe(15 * 60_000);
    // 1795860000 s since the epoch = 2026-11-28T10:00:00Z (hand-computed: 20785 days + 36000 s).
    expect(readSettings(env({ command: 'analyze', since: '1795860000' })).since).toEqual(
      new Date('2026-11-28T10:00:00Z'),
    );
    const bare = readSettings(env({ command: 'analyze', 'canary-label': '', since: '', bake: '' }));
    expect([bare.canaryLabel, bare.since, bare.bake]).toEqual([undefined, undefined, undefined]);
  });

  it('rollout: the GitOps repo override, labels, the record path, and the tokens to mask', () => {
    const settings = readSettings(
      env(
        { command: 'rollout', artifact: ARTIFACT, repo: 'acme/gitops', 'canary-label': 'canary' },
        {
          GLIDEPATH_GITOPS_TOKEN: 'ghp_gitops',
          GLIDEPATH_TOKEN: 'ghp_glidepath',
          GITHUB_TOKEN: 'ghs_workflow',
        },
      ),
    );
    expect(settings).toMatchObject({
      command: 'rollout',
      artifact: ARTIFACT,
      repo: 'acme/gitops',
      canaryLabel: 'canary',
      recordPath: join(RUNNER_TEMP, 'glidepath', 'rollout.json'),
      tokens: ['ghp_gitops', 'ghp_glidepath', 'ghs_workflow'],
    });
    expect(settings.env.GLIDEPATH_TOKEN).toBe('ghp_glidepath');
  });

  it('reads the event payload the runner wrote', () => {
    const dir = mkdtempSync(join(tmpdir(), 'glidepath-settings-'));
    const path = join(dir, 'event.json');
    writeFileSync(path, '{"repository":{"full_name":"acme/checkout"}}');
    const settings = readSettings(
      env({ artifact: ARTIFACT }, { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: path }),
    );
    expect(settings.eventName).toBe('push');
    expect(settings.eventPayload).toEqual({ repository: { full_name: 'acme/checkout' } });
  });

  it.each<[string, Record<string, string>, string]>([
    [
      'an unknown command',
      { command: 'deploy' },
      'input "command": "deploy" is not a command; set it to one of verify, analyze, rollout, step',
    ],
    [
      'verify without an artifact',
      { command: 'verify' },
      'input "artifact" is required for command verify: the image pinned by digest, e.g. ghcr.io/acme/app@sha256:…',
    ],
    [
      'the default command (rollout) without an artifact',
      {},
      'input "artifact" is required for command rollout',
    ],
    [
      'rollout without an artifact',
      { command: 'rollout' },
      'input "artifact" is required for command rollout: the image pinned by digest',
    ],
    [
      'a bake that is not a duration',
      { command: 'analyze', bake: '15 minutes' },
      'input "bake": "15 minutes" is not a duration; write a number and a unit, e.g. 90s, 15m, 24h or 7d',
    ],
    [
      'a since that is not a time',
      { command: 'analyze', since: 'yesterday' },
      'input "since": "yesterday" is not a time; write RFC 3339 (2026-11-22T10:00:00Z) or unix seconds (1795860000)',
    ],
    [
      'bake given to a rollout',
      { command: 'rollout', artifact: ARTIFACT, bake: '10m' },
      'input "bake" applies only to command analyze, not rollout (a rollout bakes each step for the policy\'s exposure.bake); remove it from the step\'s with:',
    ],
    [
      'since given to a rollout',
      { command: 'rollout', artifact: ARTIFACT, since: '1795860000' },
      'input "since" applies only to command analyze, not rollout (a rollout starts each window when its step is applied)',
    ],
    [
      'repo given to verify',
      { command: 'verify', artifact: ARTIFACT, repo: 'acme/gitops' },
      'input "repo" applies only to commands rollout and step, not verify (only a rollout commits to the GitOps repository)',
    ],
    [
      'artifact given to analyze',
      { command: 'analyze', artifact: ARTIFACT },
      'input "artifact" applies only to commands verify, rollout, and step, not analyze (analyze judges labels: set canary-label)',
    ],
    [
      'evidence given to analyze',
      { command: 'analyze', evidence: 'reports/' },
      'input "evidence" applies only to commands verify, rollout, and step, not analyze',
    ],
    [
      'a canary label given to verify',
      { command: 'verify', artifact: ARTIFACT, 'canary-label': 'v2' },
      'input "canary-label" applies only to commands analyze, rollout, and step, not verify (verify runs no queries)',
    ],
    [
      'a control given to rollout',
      { command: 'rollout', artifact: ARTIFACT, control: 'abort' },
      'input "control" applies only to command step, not rollout (controls act on an event-driven rollout in progress: use command step)',
    ],
    [
      'a dispatch given to rollout',
      { command: 'rollout', artifact: ARTIFACT, dispatch: 'rollout.yml' },
      'input "dispatch" applies only to command step, not rollout (only step hands the next unit of work to a new run)',
    ],
    [
      'a control that is not one',
      { command: 'step', artifact: ARTIFACT, control: 'rollback' },
      'input "control": "rollback" is not a control; set it to one of promote, promote-full, abort, retry, pause, resume',
    ],
    [
      'a report path given to analyze',
      { command: 'analyze', report: 'out/analysis.json' },
      'input "report" applies only to commands verify, rollout, and step, not analyze (the analysis report is the record output, under RUNNER_TEMP)',
    ],
  ])('refuses %s, naming the input and the fix', (_name, inputs, message) => {
    let error: unknown;
    try {
      readSettings(env(inputs));
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(message);
  });

  it('evidence-artifact adds the downloaded folder to evidence; gitops-repository is the repo when repo is empty', () => {
    const settings = readSettings(
      env({
        artifact: ARTIFACT,
        evidence: 'sbom.json',
        'evidence-artifact': 'evidence',
        'gitops-repository': 'acme/gitops',
      }),
    );
    expect(settings).toMatchObject({
      command: 'rollout',
      evidence: ['sbom.json', join(RUNNER_TEMP, 'glidepath-evidence')],
      repo: join('/workspace', '.glidepath/gitops'),
    });
    expect(
      readSettings(env({ artifact: ARTIFACT, repo: 'acme/other', 'gitops-repository': 'acme/gitops' })).repo,
    ).toBe('acme/other');
    expect(() =>
      readSettings(env({ command: 'verify', artifact: ARTIFACT, 'gitops-repository': 'acme/gitops' })),
    ).toThrow('input "gitops-repository" applies only to commands rollout and step, not verify');
  });

  it('step: control and dispatch, the rollout record path, the artifact required', () => {
    const settings = readSettings(
      env({ command: 'step', artifact: ARTIFACT, control: 'promote-full', dispatch: 'rollout.yml' }),
    );
    expect(settings).toMatchObject({
      command: 'step',
      control: 'promote-full',
      dispatch: 'rollout.yml',
      recordPath: join(RUNNER_TEMP, 'glidepath', 'rollout.json'),
    });
    expect(readSettings(env({ command: 'step', artifact: ARTIFACT })).control).toBeUndefined();
    expect(() => readSettings(env({ command: 'step' }))).toThrow(
      'input "artifact" is required for command step',
    );
  });

  it('refuses an unreadable event payload, naming the file', () => {
    expect(() =>
      readSettings(env({ artifact: ARTIFACT }, { GITHUB_EVENT_PATH: '/nonexistent/event.json' })),
    ).toThrow(/^\/nonexistent\/event\.json: cannot read the event payload: /);
  });
});
