import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError } from '../../../src/errors.js';
import { setPath } from '../../../src/manifests/kinds/yaml-path.js';
import { planManifestEdits } from '../../../src/manifests/plan.js';
import { schemaProblems } from '../../../src/manifests/validate.js';
import { parseManifestSource } from '../../../src/manifests/yaml-edit.js';
import type { ScalarEdit } from '../../../src/manifests/yaml-edit.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'manifests');
const deployment = readFileSync(join(FIXTURES, 'deployment', 'with-service.input.yaml'), 'utf8');

function refusal(text: string, edits: ScalarEdit[]): string {
  try {
    planManifestEdits(parseManifestSource(text, 'app.yaml'), edits);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('edited workloads are validated; invalid results are refused with FILE:LINE', () => {
  it('refuses negative replicas set through the generic path (an API-server rule the schema lacks)', () => {
    expect(refusal(deployment, setPath(1, ['spec', 'replicas'], -1))).toBe(
      'app.yaml:15:13: refusing the edit: it would make Deployment checkout invalid: spec.replicas must be >= 0; nothing was changed',
    );
  });

  it('refuses a value of the wrong type, from the kubernetes-models schema', () => {
    expect(refusal(deployment, setPath(1, ['spec', 'replicas'], 'three'))).toMatch(
      /^app\.yaml:15:13: .*spec\.replicas must be integer/,
    );
  });

  it('refuses an empty image and a duplicate container name', () => {
    const path = ['spec', 'template', 'spec', 'containers'];
    expect(refusal(deployment, setPath(1, [...path, 0, 'image'], ''))).toMatch(
      /^app\.yaml:26:18: .*containers\[0\]\.image must have an image/,
    );
    expect(refusal(deployment, setPath(1, [...path, 1, 'name'], 'web'))).toMatch(
      /duplicate container name "web"/,
    );
  });

  it('validates a Rollout against the Argo Rollouts schema', () => {
    const rollout = readFileSync(join(FIXTURES, 'real/argo-rollouts/examples/rollout-canary.yaml'), 'utf8');
    expect(
      refusal(rollout, setPath(0, ['spec', 'strategy', 'canary', 'steps', 0, 'setWeight'], 'x')),
    ).toMatch(
      /^app\.yaml:\d+:\d+: .*Rollout rollout-canary invalid: spec\.strategy\.canary\.steps\[0\]\.setWeight must be integer/,
    );
  });

  it('does not block an edit on a problem the file already had', () => {
    const broken = deployment.replace('replicas: 3', 'replicas: -2');
    const plan = planManifestEdits(
      parseManifestSource(broken, 'app.yaml'),
      setPath(
        1,
        ['spec', 'template', 'spec', 'containers', 0, 'image'],
        'ghcr.io/acme/checkout@sha256:' + 'a'.repeat(64),
      ),
    );
    expect(plan.changes).toHaveLength(1);
  });

  it('does not validate kinds it has no schema for (Service, values files)', () => {
    const plan = planManifestEdits(
      parseManifestSource(deployment, 'app.yaml'),
      setPath(0, ['spec', 'ports', 0, 'port'], -5),
    );
    expect(plan.changes).toEqual([
      { document: 0, path: ['spec', 'ports', 0, 'port'], line: 7, before: '80', after: '-5' },
    ]);
  });

  it('reports nothing for valid workloads and real examples', () => {
    const source = parseManifestSource(deployment, 'app.yaml');
    expect(schemaProblems(source.documents[1]!.toJS())).toEqual([]);
  });
});

describe('a Rollout edited only in its pod template is checked against the core pod template schema', () => {
  it('refuses an invalid template value with the Rollout path', () => {
    const rollout = readFileSync(join(FIXTURES, 'real/argo-rollouts/examples/rollout-canary.yaml'), 'utf8');
    expect(refusal(rollout, setPath(0, ['spec', 'template', 'spec', 'containers', 0, 'image'], 7))).toMatch(
      /^app\.yaml:21:16: .*spec\.template\.spec\.containers\[0\]\.image must be string/,
    );
  });
});
