import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError } from '../../../src/errors.js';
import { ImageRef } from '../../../src/evidence/image-ref.js';
import type { KindName, HelmImageLayout } from '../../../src/manifests/kinds/index.js';
import { planSetImage } from '../../../src/manifests/set-image.js';
import type { SetImageRequest } from '../../../src/manifests/set-image.js';
import type { YamlPath } from '../../../src/manifests/yaml-edit.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'manifests');
const DIGEST = 'sha256:4f6d1c0e9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d';

/** Setting GLIDEPATH_UPDATE_FIXTURES=1 rewrites the expected files; review their diff before committing. */
const UPDATE = process.env.GLIDEPATH_UPDATE_FIXTURES === '1';

interface Case {
  kind: KindName;
  name: string;
  /** The input under fixtures/manifests (default `<kind>/<name>.input.yaml`). */
  input?: string;
  image: string;
  container?: string;
  path?: YamlPath;
  layout?: HelmImageLayout;
  /** Pass the kind explicitly (yaml-path must be asked for). */
  explicit?: boolean;
}

const CASES: Case[] = [
  { kind: 'deployment', name: 'with-service', image: `ghcr.io/acme/checkout:1.4.2@${DIGEST}` },
  {
    kind: 'deployment',
    name: 'sidecar-by-name',
    image: `fluent/fluent-bit:3.1@${DIGEST}`,
    container: 'log-shipper',
  },
  {
    kind: 'deployment',
    name: 'podinfo',
    input: 'real/podinfo/kustomize/deployment.yaml',
    image: `ghcr.io/stefanprodan/podinfo@${DIGEST}`,
  },
  {
    kind: 'deployment',
    name: 'flagger-podinfo',
    input: 'real/flagger/kustomize/podinfo/deployment.yaml',
    image: `ghcr.io/stefanprodan/podinfo:6.1.0@${DIGEST}`,
  },
  { kind: 'statefulset', name: 'init-and-main', image: `ghcr.io/acme/ledger:2.1.0@${DIGEST}` },
  { kind: 'daemonset', name: 'flow-container', image: `ghcr.io/acme/node-agent:0.9.1@${DIGEST}` },
  {
    kind: 'replicaset',
    name: 'plain',
    image: `us-docker.pkg.dev/google-samples/containers/gke/gb-frontend@${DIGEST}`,
  },
  { kind: 'job', name: 'single-quoted', image: `ghcr.io/acme/checkout-migrations:1.4.2@${DIGEST}` },
  { kind: 'cronjob', name: 'job-template', image: `ghcr.io/acme/report:2024.07@${DIGEST}` },
  { kind: 'pod', name: 'init-container', image: `busybox:1.37@${DIGEST}`, container: 'wait-for-db' },
  { kind: 'pod', name: 'single', image: `docker.io/library/nginx:1.27@${DIGEST}` },
  {
    kind: 'rollout',
    name: 'rollout-canary',
    input: 'real/argo-rollouts/examples/rollout-canary.yaml',
    image: `argoproj/rollouts-demo:yellow@${DIGEST}`,
  },
  {
    kind: 'rollout',
    name: 'rollout-bluegreen',
    input: 'real/argo-rollouts/examples/rollout-bluegreen.yaml',
    image: `argoproj/rollouts-demo:green@${DIGEST}`,
  },
  {
    kind: 'rollout',
    name: 'istio-subset-split',
    input: 'real/argo-rollouts/examples/istio/istio-subset-split.yaml',
    image: `nginx:1.27-alpine@${DIGEST}`,
  },
  { kind: 'rollout', name: 'workload-ref', image: `ghcr.io/acme/checkout:1.4.2@${DIGEST}` },
  { kind: 'kustomization', name: 'overlay-newtag', image: `ghcr.io/acme/checkout:1.4.2@${DIGEST}` },
  { kind: 'kustomization', name: 'overlay-newname', image: `registry.acme.internal/checkout@${DIGEST}` },
  { kind: 'kustomization', name: 'flow-images', image: `ghcr.io/acme/checkout:1.10.1@${DIGEST}` },
  {
    kind: 'kustomization',
    name: 'podinfo',
    input: 'real/podinfo/kustomize/kustomization.yaml',
    image: `ghcr.io/stefanprodan/podinfo:6.15.0@${DIGEST}`,
  },
  {
    kind: 'kustomization',
    name: 'flagger-no-kind',
    input: 'real/flagger/kustomize/podinfo/kustomization.yaml',
    image: `ghcr.io/stefanprodan/podinfo@${DIGEST}`,
  },
  {
    kind: 'helm-values',
    name: 'podinfo',
    input: 'real/podinfo/charts/podinfo/values.yaml',
    image: `ghcr.io/stefanprodan/podinfo:6.15.0@${DIGEST}`,
  },
  {
    kind: 'helm-values',
    name: 'podinfo-prod',
    input: 'real/podinfo/charts/podinfo/values-prod.yaml',
    image: `ghcr.io/stefanprodan/podinfo:6.15.0@${DIGEST}`,
  },
  { kind: 'helm-values', name: 'bitnami', image: `docker.io/bitnami/nginx:1.27.1-debian-12-r0@${DIGEST}` },
  { kind: 'helm-values', name: 'single-string', image: `ghcr.io/acme/checkout:1.4.2@${DIGEST}` },
  {
    kind: 'helm-values',
    name: 'nested-path',
    image: `ghcr.io/acme/checkout-api@${DIGEST}`,
    path: ['backend', 'image'],
  },
  { kind: 'flux-helmrelease', name: 'values-image', image: `ghcr.io/acme/checkout:1.4.2@${DIGEST}` },
  {
    kind: 'flux-helmrelease',
    name: 'podinfo-release',
    input: 'real/flux2-kustomize-helm-example/apps/base/podinfo/release.yaml',
    image: `ghcr.io/stefanprodan/podinfo@${DIGEST}`,
    layout: 'repository-digest',
  },
  {
    kind: 'flux-helmrelease',
    name: 'production-patch',
    input: 'real/flux2-kustomize-helm-example/apps/production/podinfo-values.yaml',
    image: `ghcr.io/stefanprodan/podinfo:6.15.0@${DIGEST}`,
    layout: 'repository-tag',
  },
  {
    kind: 'yaml-path',
    name: 'knative',
    image: `ghcr.io/knative/helloworld-go:1.0@${DIGEST}`,
    path: ['spec', 'template', 'spec', 'containers', 0, 'image'],
    explicit: true,
  },
  {
    kind: 'yaml-path',
    name: 'argocd-application',
    input: 'real/argo-cd/docs/operator-manual/application.yaml',
    image: `quay.io/argoprojlabs/argocd-e2e-container:0.3@${DIGEST}`,
    path: ['spec', 'source', 'kustomize', 'images', 0],
    explicit: true,
  },
];

function requestOf(testCase: Case): SetImageRequest {
  return {
    image: ImageRef.parse(testCase.image),
    container: testCase.container,
    path: testCase.path,
    layout: testCase.layout,
    kind: testCase.explicit ? testCase.kind : undefined,
  };
}

function read(relative: string): string {
  return readFileSync(join(FIXTURES, relative), 'utf8');
}

describe('set-image fixture pairs (<kind>/<name>.input.yaml → <kind>/<name>.expected.yaml)', () => {
  it.each(CASES.map((c) => [`${c.kind}/${c.name}`, c] as const))('%s', (_label, testCase) => {
    const inputFile = testCase.input ?? `${testCase.kind}/${testCase.name}.input.yaml`;
    const expectedFile = `${testCase.kind}/${testCase.name}.expected.yaml`;
    const input = read(inputFile);
    const { after, changes } = planSetImage(input, inputFile, requestOf(testCase));
    if (UPDATE || !existsSync(join(FIXTURES, expectedFile)))
      writeFileSync(join(FIXTURES, expectedFile), after);
    expect(after).toBe(read(expectedFile));
    expect(changes.length).toBeGreaterThan(0);
    // Applying the same image again changes nothing.
    const again = planSetImage(after, inputFile, requestOf(testCase));
    expect(again.changes).toEqual([]);
    expect(again.after).toBe(after);
  });

  // Each pair again with CRLF line endings, a BOM, and no final newline: the edit is the same.
  const variants: [string, (text: string) => string][] = [
    ['CRLF', (text) => text.replaceAll('\n', '\r\n')],
    ['BOM', (text) => `\uFEFF${text}`],
    ['no final newline', (text) => text.replace(/\n$/, '')],
  ];
  it.each(
    CASES.flatMap((c) =>
      variants.map(([variant, transform]) => [`${c.kind}/${c.name} (${variant})`, c, transform] as const),
    ),
  )('%s', (_label, testCase, transform) => {
    const inputFile = testCase.input ?? `${testCase.kind}/${testCase.name}.input.yaml`;
    const expected = read(`${testCase.kind}/${testCase.name}.expected.yaml`);
    const { after } = planSetImage(transform(read(inputFile)), inputFile, requestOf(testCase));
    expect(after).toBe(transform(expected));
  });
});

describe('set-image refusals say where and what to do', () => {
  function refusal(
    text: string,
    file: string,
    request: Omit<SetImageRequest, 'image'> & { image: string },
  ): string {
    try {
      planSetImage(text, file, { ...request, image: ImageRef.parse(request.image) });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return (error as Error).message;
    }
    throw new Error('expected a refusal');
  }
  const podWithThree = read('pod/init-container.input.yaml');

  it('an unknown container lists the containers with FILE:LINE', () => {
    const message = refusal(podWithThree, 'pod.yaml', {
      image: `ghcr.io/acme/app@${DIGEST}`,
      container: 'sidecar',
    });
    expect(message).toMatch(/^pod\.yaml:\d+: no container is named "sidecar"/);
    expect(message).toContain('containers app (pod.yaml:11:5), proxy (pod.yaml:13:5)');
    expect(message).toContain('initContainers wait-for-db (pod.yaml:7:5)');
  });

  it('an image no container runs, with several containers, asks for --container', () => {
    const message = refusal(podWithThree, 'pod.yaml', { image: `ghcr.io/acme/other@${DIGEST}` });
    expect(message).toMatch(/^pod\.yaml:\d+: no container runs ghcr\.io\/acme\/other .*--container/);
    expect(message).toContain('app (pod.yaml:11:5)');
  });

  it('a Rollout with workloadRef points at the Deployment', () => {
    const rolloutOnly = read('rollout/workload-ref.input.yaml').split('\n---\n')[0]!;
    const message = refusal(rolloutOnly, 'rollout.yaml', { image: `ghcr.io/acme/checkout@${DIGEST}` });
    expect(message).toMatch(/^rollout\.yaml: nothing in this file runs ghcr\.io\/acme\/checkout; /);
    expect(message).toContain('spec.workloadRef (Deployment checkout): set the image in that Deployment');
  });

  it('a Rollout with workloadRef does not count as a second workload when the name is left out', () => {
    const input = read('rollout/workload-ref.input.yaml');
    const { changes } = planSetImage(input, 'app.yaml', {
      image: ImageRef.parse(`ghcr.io/acme/renamed@${DIGEST}`),
    });
    expect(changes).toEqual([
      expect.objectContaining({ document: 1, line: 34, before: 'ghcr.io/acme/checkout:1.4.1' }),
    ]);
  });

  it('a kustomize newTag that would mislabel the digest', () => {
    const message = refusal(read('kustomization/overlay-newtag.input.yaml'), 'kustomization.yaml', {
      image: `ghcr.io/acme/checkout@${DIGEST}`,
    });
    expect(message).toMatch(
      /^kustomization\.yaml:9:11: .*newTag 1\.4\.1.*ghcr\.io\/acme\/checkout:TAG@sha256:/,
    );
  });

  it('a Helm repository + tag layout without a tag', () => {
    const message = refusal(read('real/podinfo/charts/podinfo/values.yaml'), 'values.yaml', {
      image: `ghcr.io/stefanprodan/podinfo@${DIGEST}`,
    });
    expect(message).toMatch(/^values\.yaml:10:3: image uses repository \+ tag/);
  });

  it('a HelmRelease whose values show no image asks for the layout', () => {
    const message = refusal(
      read('real/flux2-kustomize-helm-example/apps/base/podinfo/release.yaml'),
      'release.yaml',
      {
        image: `ghcr.io/stefanprodan/podinfo@${DIGEST}`,
      },
    );
    expect(message).toMatch(
      /^release\.yaml:24:5: cannot tell how the chart spells its image at spec\.values\.image/,
    );
  });

  it('a file with nothing that takes an image', () => {
    const message = refusal(read('real/podinfo/kustomize/service.yaml'), 'service.yaml', {
      image: `ghcr.io/stefanprodan/podinfo@${DIGEST}`,
    });
    expect(message).toMatch(/^service\.yaml: nothing in this file takes an image: it holds Service/);
  });
});
