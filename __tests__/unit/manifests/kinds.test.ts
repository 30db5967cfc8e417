import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError } from '../../../src/errors.js';
import { ImageRef } from '../../../src/evidence/image-ref.js';
import { detectKind, KIND_NAMES, manifestKind, MANIFEST_KINDS } from '../../../src/manifests/kinds/index.js';
import { repositoryOf, sameRepository } from '../../../src/manifests/kinds/image-text.js';
import { parseManifestSource } from '../../../src/manifests/yaml-edit.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'manifests');
const image = ImageRef.parse(`ghcr.io/acme/checkout:1.4.2@sha256:${'ab'.repeat(32)}`);

function kindsIn(relative: string): (string | undefined)[] {
  const source = parseManifestSource(readFileSync(join(FIXTURES, relative), 'utf8'), relative);
  return source.documents.map((doc) => detectKind(doc)?.name);
}

describe('manifest kind factory', () => {
  it('has one module per kind name, under its own name', () => {
    for (const name of KIND_NAMES) expect(MANIFEST_KINDS[name].name).toBe(name);
    expect(manifestKind('cronjob')).toBe(MANIFEST_KINDS.cronjob);
  });

  it('refuses an unknown kind and lists the known ones', () => {
    expect(() => manifestKind('deploymnet', 'desired.targets[0].kind')).toThrow(ConfigurationError);
    expect(() => manifestKind('deploymnet', 'desired.targets[0].kind')).toThrow(
      /desired\.targets\[0\]\.kind: unknown manifest kind "deploymnet"; known kinds: deployment, statefulset, .*yaml-path/,
    );
  });
});

describe('detectKind recognises documents by apiVersion and kind, or by shape', () => {
  it.each([
    ['deployment/with-service.input.yaml', [undefined, 'deployment']],
    ['statefulset/init-and-main.input.yaml', ['statefulset']],
    ['daemonset/flow-container.input.yaml', ['daemonset']],
    ['replicaset/plain.input.yaml', ['replicaset']],
    ['job/single-quoted.input.yaml', ['job']],
    ['cronjob/job-template.input.yaml', ['cronjob']],
    ['pod/single.input.yaml', ['pod']],
    ['rollout/workload-ref.input.yaml', ['rollout', 'deployment']],
    [
      'real/argo-rollouts/examples/istio/istio-subset-split.yaml',
      [undefined, undefined, undefined, 'rollout'],
    ],
    ['kustomization/overlay-newtag.input.yaml', ['kustomization']],
    ['real/flagger/kustomize/podinfo/kustomization.yaml', ['kustomization']],
    ['real/podinfo/charts/podinfo/values.yaml', ['helm-values']],
    ['helm-values/single-string.input.yaml', ['helm-values']],
    ['flux-helmrelease/values-image.input.yaml', ['flux-helmrelease']],
    // A Flux Kustomization is not a kustomize one; a Knative Service needs the yaml-path kind.
    ['real/podinfo/kustomize/service.yaml', [undefined]],
    ['yaml-path/knative.input.yaml', [undefined]],
  ])('%s', (file, kinds) => {
    expect(kindsIn(file)).toEqual(kinds);
  });

  it('does not take a Flux Kustomization for a kustomize one', () => {
    const flux = parseManifestSource(
      'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nspec:\n  path: ./apps\n',
      'apps.yaml',
    );
    expect(detectKind(flux.documents[0]!)).toBeUndefined();
  });
});

describe('kinds plan edits as data', () => {
  it('a workload plans one edit per matching container, init containers included', () => {
    const source = parseManifestSource(
      readFileSync(join(FIXTURES, 'statefulset/init-and-main.input.yaml'), 'utf8'),
      'sts.yaml',
    );
    const ledger = ImageRef.parse(`ghcr.io/acme/ledger@sha256:${'ab'.repeat(32)}`);
    expect(MANIFEST_KINDS.statefulset.planImage(source, 0, { image: ledger })).toEqual([
      {
        document: 0,
        path: ['spec', 'template', 'spec', 'containers', 0, 'image'],
        value: `ghcr.io/acme/ledger@sha256:${'ab'.repeat(32)}`,
      },
      {
        document: 0,
        path: ['spec', 'template', 'spec', 'initContainers', 0, 'image'],
        value: `ghcr.io/acme/ledger@sha256:${'ab'.repeat(32)}`,
      },
    ]);
    expect(MANIFEST_KINDS.statefulset.planImage(source, 0, { image })).toEqual([]);
  });

  it('kustomization adds an entry when the image has none', () => {
    const source = parseManifestSource('resources:\n- a.yaml\n', 'kustomization.yaml');
    expect(MANIFEST_KINDS.kustomization.planImage(source, 0, { image })).toEqual([
      { document: 0, path: ['images', 0, 'name'], value: 'ghcr.io/acme/checkout' },
      { document: 0, path: ['images', 0, 'newTag'], value: '1.4.2' },
      { document: 0, path: ['images', 0, 'digest'], value: `sha256:${'ab'.repeat(32)}` },
    ]);
  });

  it.each([
    [
      'image',
      'image: old\n',
      [{ document: 0, path: ['image'], value: image.name + ':1.4.2@' + image.digest.toString() }],
    ],
    [
      'repository-tag',
      'image: {repository: ghcr.io/acme/checkout, tag: "1"}\n',
      [{ document: 0, path: ['image', 'tag'], value: `1.4.2@${image.digest.toString()}` }],
    ],
    [
      'repository-digest',
      'image: {repository: other, digest: ""}\n',
      [
        { document: 0, path: ['image', 'repository'], value: 'ghcr.io/acme/checkout' },
        { document: 0, path: ['image', 'digest'], value: image.digest.toString() },
      ],
    ],
  ])('helm values layout %s', (_layout, text, edits) => {
    const source = parseManifestSource(text, 'values.yaml');
    expect(MANIFEST_KINDS['helm-values'].planImage(source, 0, { image })).toEqual(edits);
  });
});

describe('image names', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx', true],
    ['index.docker.io/library/nginx', 'nginx', true],
    ['bitnami/nginx', 'docker.io/bitnami/nginx', true],
    ['ghcr.io/acme/web', 'ghcr.io/acme/api', false],
    ['localhost:5000/web', 'localhost:5000/web', true],
    ['GHCR.io/Acme/web', 'ghcr.io/acme/web', true],
  ])('%s is the same repository as %s: %s', (a, b, same) => {
    expect(sameRepository(a, b)).toBe(same);
  });

  it.each([
    ['nginx:1.27', 'nginx'],
    ['localhost:5000/web:1.0@sha256:ab', 'localhost:5000/web'],
    ['localhost:5000/web', 'localhost:5000/web'],
    ['ghcr.io/acme/web@sha256:ab', 'ghcr.io/acme/web'],
  ])('the repository of %s is %s', (reference, repository) => {
    expect(repositoryOf(reference)).toBe(repository);
  });
});
