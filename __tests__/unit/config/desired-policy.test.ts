/** The policy's `desired:` section: where desired state is written and what is edited there. */
import { describe, expect, it } from '@jest/globals';
import { parsePolicy } from '../../../src/config/load-policy.js';
import { FILE, problemsOf, yaml } from '../../support/policy.js';

describe('desired', () => {
  it('is absent from a policy that does not mention it', () => {
    expect('desired' in parsePolicy('service: checkout\n', FILE)).toBe(false);
  });

  it('reads the DESIGN.md example with defaults filled in', () => {
    const policy = parsePolicy(
      yaml(
        'desired:',
        '  repo: acme/gitops',
        '  targets:',
        '    - { kind: kustomization, path: apps/checkout/overlays/prod/kustomization.yaml, image: checkout }',
        '  traffic: { router: gateway-api, path: apps/checkout/overlays/prod/route.yaml, route: checkout }',
        '  flags:   { provider: flagd, path: flags/checkout.json, flag: new-pricing }',
      ),
      FILE,
    );
    expect(policy.desired).toEqual({
      repo: 'acme/gitops',
      branch: 'main',
      backend: 'github',
      mode: 'direct',
      targets: [
        { kind: 'kustomization', path: 'apps/checkout/overlays/prod/kustomization.yaml', image: 'checkout' },
      ],
      traffic: { router: 'gateway-api', path: 'apps/checkout/overlays/prod/route.yaml', route: 'checkout' },
      flags: { provider: 'flagd', path: 'flags/checkout.json', flag: 'new-pricing' },
      quarantineFile: '.glidepath/quarantine.yaml',
    });
  });

  it.each([
    ['https://gitlab.example.com/platform/gitops.git', 'git'],
    ['git@gitlab.example.com:platform/gitops.git', 'git'],
    ['file:///srv/git/gitops.git', 'git'],
    ['acme/gitops', 'github'],
  ])('defaults the backend for %s to %s', (repo, backend) => {
    expect(parsePolicy(yaml('desired:', `  repo: "${repo}"`), FILE).desired?.backend).toBe(backend);
  });

  it('accepts the github backend in pull-request mode with auto-merge', () => {
    const policy = parsePolicy(
      yaml(
        'desired:',
        '  repo: acme/gitops',
        '  branch: release/prod',
        '  mode: pull-request',
        '  autoMerge: squash',
      ),
      FILE,
    );
    expect(policy.desired).toMatchObject({
      branch: 'release/prod',
      mode: 'pull-request',
      autoMerge: 'squash',
    });
  });

  it.each([
    [
      'a missing repo',
      yaml('desired:', '  branch: main'),
      `${FILE}:1:1: desired.repo: missing required key "repo"`,
    ],
    [
      'a repo that is neither owner/name nor a URL',
      yaml('desired:', '  repo: gitops'),
      `${FILE}:2:9: desired.repo: "gitops" is not a repository; write owner/name`,
    ],
    [
      'a qualified branch',
      yaml('desired:', '  repo: acme/gitops', '  branch: refs/heads/main'),
      `${FILE}:3:11: desired.branch: "refs/heads/main" is not a branch name`,
    ],
    [
      'the github backend with a URL',
      yaml('desired:', '  repo: https://git.example.com/a/b.git', '  backend: github'),
      `${FILE}:2:9: desired.repo: the github backend needs the repository as owner/name`,
    ],
    [
      'pull-request mode with git',
      yaml('desired:', '  repo: https://git.example.com/a/b.git', '  mode: pull-request'),
      `${FILE}:3:9: desired.mode: pull-request needs GitHub's API`,
    ],
    [
      'autoMerge outside pull-request mode',
      yaml('desired:', '  repo: acme/gitops', '  autoMerge: squash'),
      `${FILE}:3:3: desired.autoMerge: applies only with mode: pull-request`,
    ],
    [
      'an unknown kind, with a suggestion',
      yaml('desired:', '  repo: acme/gitops', '  targets:', '    - kind: deploymnet', '      path: a.yaml'),
      `${FILE}:4:13: desired.targets[0].kind: must be one of deployment,`,
    ],
    [
      'yaml-path without yamlPath',
      yaml('desired:', '  repo: acme/gitops', '  targets:', '    - kind: yaml-path', '      path: a.yaml'),
      `${FILE}:4:7: desired.targets[0]: kind yaml-path needs yamlPath`,
    ],
    [
      'a container on a kustomization',
      yaml(
        'desired:',
        '  repo: acme/gitops',
        '  targets:',
        '    - { kind: kustomization, path: k.yaml, container: app }',
      ),
      `${FILE}:4:44: desired.targets[0].container: applies only to workloads and Rollouts`,
    ],
    [
      'a path that climbs out of the repository',
      yaml(
        'desired:',
        '  repo: acme/gitops',
        '  targets:',
        '    - { kind: deployment, path: ../secrets.yaml }',
      ),
      `${FILE}:4:33: desired.targets[0].path: "../secrets.yaml" is not a repository path`,
    ],
    [
      'the same target twice',
      yaml(
        'desired:',
        '  repo: acme/gitops',
        '  targets:',
        '    - { kind: deployment, path: d.yaml }',
        '    - { kind: deployment, path: d.yaml }',
      ),
      `${FILE}:5:33: desired.targets[1].path: the same file and container as desired.targets[0]`,
    ],
    [
      'an unknown router',
      yaml('desired:', '  repo: acme/gitops', '  traffic: { router: linkerd, path: r.yaml, route: x }'),
      `${FILE}:3:22: desired.traffic.router: must be one of gateway-api, istio, smi, nginx, traefik, replicas`,
    ],
    [
      'traffic without a route',
      yaml('desired:', '  repo: acme/gitops', '  traffic: { router: istio, path: vs.yaml }'),
      `${FILE}:3:3: desired.traffic.route: missing required key "route"`,
    ],
    [
      'the quarantine file as a target',
      yaml(
        'desired:',
        '  repo: acme/gitops',
        '  targets: [{ kind: yaml-path, path: q.yaml, yamlPath: a }]',
        '  quarantineFile: q.yaml',
      ),
      `${FILE}:4:19: desired.quarantineFile: must be a file of its own`,
    ],
    [
      'an unknown key, with a suggestion',
      yaml('desired:', '  repo: acme/gitops', '  branches: main'),
      `${FILE}:3:3: desired.branches: unknown key "branches"; did you mean "branch"?`,
    ],
  ])('refuses %s at FILE:LINE:COL', (_, text, expected) => {
    const startsWith = new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
    expect(problemsOf(text)).toEqual(expect.arrayContaining([expect.stringMatching(startsWith)]));
  });
});
