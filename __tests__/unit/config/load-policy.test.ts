import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Duration } from '../../../src/config/duration.js';
import {
  DEFAULT_POLICY_FILE,
  PolicyError,
  defaultPolicy,
  loadPolicy,
  parsePolicy,
} from '../../../src/config/load-policy.js';
import type { Policy } from '../../../src/config/types.js';
import { ConfigurationError, ExitCode } from '../../../src/errors.js';

const FILE = 'glidepath.yaml';

/** Every schema default; nothing is required. */
const DEFAULTS: Policy = {
  evidence: {
    require: [],
    maxAge: Duration.parse('24h'),
    tests: { maxFailed: 0, minTotal: 1 },
    scan: { failOn: 'high', ignoreUnfixed: false },
    sbom: { minCycloneDxVersion: '1.4' },
    provenance: {
      predicateType: 'https://slsa.dev/provenance/v1',
      issuer: 'https://token.actions.githubusercontent.com',
      runnerEnvironment: 'github-hosted',
      allowLegacyStatement: false,
    },
  },
  exposure: {
    tier: 'standard',
    strategy: 'canary',
    steps: [1, 5, 25, 50, 100],
    adaptive: false,
    bake: Duration.parse('10m'),
    maxDuration: Duration.parse('4h'),
    onInconclusive: 'pause',
    reconcile: { wait: 'delay', delay: Duration.parse('30s'), timeout: Duration.parse('15m') },
  },
  rollback: { order: ['flag', 'traffic', 'image'] },
};

/** The message parsePolicy throws for `text`, or a failure if it accepts it. */
function errorOf(text: string): PolicyError {
  try {
    parsePolicy(text, FILE);
  } catch (error) {
    if (error instanceof PolicyError) return error;
    throw error;
  }
  throw new Error(`expected the policy to be rejected:\n${text}`);
}

/** YAML from lines, so a test reads line numbers off the array index + 1. */
const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;

describe('defaults', () => {
  it('the default policy file name is glidepath.yaml', () => {
    expect(DEFAULT_POLICY_FILE).toBe('glidepath.yaml');
  });

  it.each([
    ['no file argument', undefined],
    ['an empty file argument', ''],
  ])('%s gives the defaults without reading anything', async (_, file) => {
    const readFile = async (): Promise<string> => {
      throw new Error('must not read');
    };
    await expect(loadPolicy(file, { readFile })).resolves.toEqual(DEFAULTS);
    expect(defaultPolicy()).toEqual(DEFAULTS);
  });

  it.each([
    ['an empty file', ''],
    ['only comments', '# yaml-language-server: $schema=https://glidepath.dev/schema/glidepath.schema.json\n'],
    ['only a document marker', '---\n'],
    ['whitespace', '\n\n   \n'],
  ])('%s is the defaults', (_, text) => {
    expect(parsePolicy(text, FILE)).toEqual({ ...DEFAULTS, source: FILE });
  });

  it('fills in the keys a partial policy leaves out', () => {
    const policy = parsePolicy(yaml('evidence:', '  scan:', '    failOn: critical'), FILE);
    expect(policy.evidence.scan).toEqual({ failOn: 'critical', ignoreUnfixed: false });
    expect(policy.evidence.tests).toEqual(DEFAULTS.evidence.tests);
    expect(policy.evidence.provenance).toEqual(DEFAULTS.evidence.provenance);
  });

  it('does not share defaults between sections joined by a YAML alias', () => {
    // Both keys alias one map; ajv's useDefaults must not leak tests defaults into scan.
    const policy = parsePolicy(yaml('evidence:', '  scan: &same {}', '  tests: *same'), FILE);
    expect(policy.evidence.scan).toEqual(DEFAULTS.evidence.scan);
    expect(policy.evidence.tests).toEqual(DEFAULTS.evidence.tests);
  });
});

describe('a full valid policy', () => {
  const text = yaml(
    '# yaml-language-server: $schema=https://glidepath.dev/schema/glidepath.schema.json',
    'service: checkout',
    'environment: production',
    'evidence:',
    '  require: [tests, scan, sbom, provenance]',
    '  maxAge: 36h',
    '  tests: { maxFailed: 2, minTotal: 10, maxSkippedRatio: 0.25 }',
    '  scan:',
    '    failOn: critical',
    '    ignoreUnfixed: true',
    '  sbom:',
    '    minCycloneDxVersion: "1.5"',
    '  provenance:',
    '    predicateType: https://slsa.dev/provenance/v1',
    '    issuer: https://token.actions.githubusercontent.com',
    '    signerWorkflow: acme/release/.github/workflows/build.yml',
    '    sourceRepository: acme/checkout',
    '    sourceRef: refs/tags/v1.2.3',
    '    runnerEnvironment: any',
    '    allowLegacyStatement: true',
  );

  it('parses into the typed policy, durations as Duration', () => {
    const policy = parsePolicy(text, 'policies/checkout.yaml');
    expect(policy).toEqual({
      source: 'policies/checkout.yaml',
      service: 'checkout',
      environment: 'production',
      evidence: {
        require: ['tests', 'scan', 'sbom', 'provenance'],
        maxAge: Duration.parse('36h'),
        tests: { maxFailed: 2, minTotal: 10, maxSkippedRatio: 0.25 },
        scan: { failOn: 'critical', ignoreUnfixed: true },
        sbom: { minCycloneDxVersion: '1.5' },
        provenance: {
          predicateType: 'https://slsa.dev/provenance/v1',
          issuer: 'https://token.actions.githubusercontent.com',
          signerWorkflow: 'acme/release/.github/workflows/build.yml',
          sourceRepository: 'acme/checkout',
          sourceRef: 'refs/tags/v1.2.3',
          runnerEnvironment: 'any',
          allowLegacyStatement: true,
        },
      },
      exposure: DEFAULTS.exposure,
      rollback: DEFAULTS.rollback,
    });
    expect(policy.evidence.maxAge).toBeInstanceOf(Duration);
    expect(policy.evidence.maxAge.milliseconds).toBe(36 * 3_600_000);
  });

  it.each([
    ['signerRepo', '    signerRepo: acme/checkout'],
    [
      'certIdentity',
      '    certIdentity: https://github.com/acme/release/.github/workflows/sign.yml@refs/heads/main',
    ],
  ])('accepts %s as the only signer identity', (key, line) => {
    const policy = parsePolicy(yaml('evidence:', '  provenance:', line), FILE);
    expect(policy.evidence.provenance).toHaveProperty(key);
  });
});

describe('each kind of problem is reported at the offending node', () => {
  // [what, YAML, the exact line printed]. Positions are 1-based and were counted by hand:
  // a value's column is the length of everything before it on its line, plus one.
  it.each([
    [
      'a misspelt key, at the key, with the nearest allowed key',
      yaml('service: checkout', 'evidence:', '  scan:', '    faillOn: high'),
      'glidepath.yaml:4:5: evidence.scan.faillOn: unknown key "faillOn"; did you mean "failOn"?',
    ],
    [
      'a misspelt top-level key',
      yaml('servce: checkout'),
      'glidepath.yaml:1:1: servce: unknown key "servce"; did you mean "service"?',
    ],
    [
      'an unknown key with nothing near it, listing the allowed keys',
      yaml('evidence:', '  tests:', '    retries: 3'),
      'glidepath.yaml:3:5: evidence.tests.retries: unknown key "retries"; allowed keys here: maxFailed, minTotal, maxSkippedRatio',
    ],
    [
      'a section that does not exist yet',
      yaml('service: checkout', 'gate:', '  windows: [weekdays]'),
      'glidepath.yaml:2:1: gate: unknown key "gate"; allowed keys here: service, environment, evidence, desired, analysis, exposure, deploy, notify, rollback',
    ],
    [
      'a value outside an enum, listing the allowed values',
      yaml('evidence:', '  scan: { failOn: severe }'),
      'glidepath.yaml:2:19: evidence.scan.failOn: must be one of critical, high, medium, low; got "severe"',
    ],
    [
      'a near miss of an enum value',
      yaml('evidence:', '  provenance:', '    runnerEnvironment: github_hosted'),
      'glidepath.yaml:3:24: evidence.provenance.runnerEnvironment: must be one of github-hosted, self-hosted, any; got "github_hosted", did you mean "github-hosted"?',
    ],
    [
      'an unknown evidence kind inside a flow list',
      yaml('evidence:', '  require: [tests, sboms]'),
      'glidepath.yaml:2:20: evidence.require[1]: must be one of tests, scan, sbom, provenance; got "sboms", did you mean "sbom"?',
    ],
    [
      'a kind listed twice, at the second one',
      yaml('evidence:', '  require:', '    - tests', '    - scan', '    - tests'),
      'glidepath.yaml:5:7: evidence.require[2]: "tests" is already listed at [0]; list each value once',
    ],
    [
      'a string where a whole number belongs',
      yaml('evidence:', '  tests:', '    maxFailed: none'),
      'glidepath.yaml:3:16: evidence.tests.maxFailed: expected a whole number, got string "none"',
    ],
    [
      'a fraction where a whole number belongs',
      yaml('evidence:', '  tests:', '    minTotal: 2.5'),
      'glidepath.yaml:3:15: evidence.tests.minTotal: expected a whole number, got number 2.5',
    ],
    [
      'an unquoted version, shown as typed',
      yaml('evidence:', '  sbom:', '    minCycloneDxVersion: 1.10'),
      'glidepath.yaml:3:26: evidence.sbom.minCycloneDxVersion: expected a string, got number 1.10; put it in quotes: "1.10"',
    ],
    [
      'a YAML 1.2 "yes", which is a string',
      yaml('evidence:', '  scan:', '    ignoreUnfixed: yes'),
      'glidepath.yaml:3:20: evidence.scan.ignoreUnfixed: expected true or false, got string "yes"; write true or false without quotes',
    ],
    [
      'a section left empty, at its key',
      yaml('evidence:', '  tests:', '  scan: {}'),
      'glidepath.yaml:2:3: evidence.tests: expected a mapping of keys (maxFailed, minTotal, maxSkippedRatio), got an empty value; add keys under it or delete the line',
    ],
    [
      'a single kind where a list belongs',
      yaml('evidence:', '  require: tests'),
      'glidepath.yaml:2:12: evidence.require: expected a list, got string "tests"; write a list, e.g. [tests]',
    ],
    [
      'a list where the whole policy belongs',
      yaml('- service'),
      'glidepath.yaml:1:1: expected a mapping of keys (service, environment, evidence, desired, analysis, exposure, deploy, notify, rollback), got a list',
    ],
    [
      'a bare word after a comment, at the word',
      yaml('# policy', 'checkout'),
      'glidepath.yaml:2:1: expected a mapping of keys (service, environment, evidence, desired, analysis, exposure, deploy, notify, rollback), got string "checkout"',
    ],
    [
      'a duration without a unit',
      yaml('evidence:', '  maxAge: 1 day'),
      'glidepath.yaml:2:11: evidence.maxAge: "1 day" is not a duration; write a number and a unit (ms, s, m, h, d or w) with no space, e.g. 24h or 7d',
    ],
    [
      'a branch name where a full ref belongs',
      yaml('evidence:', '  provenance:', '    sourceRef: main'),
      'glidepath.yaml:3:16: evidence.provenance.sourceRef: "main" is not a full Git ref; write refs/heads/BRANCH or refs/tags/TAG, e.g. refs/heads/main',
    ],
    [
      'a workflow pinned to a ref',
      yaml(
        'evidence:',
        '  provenance:',
        '    signerWorkflow: acme/checkout/.github/workflows/ci.yml@refs/heads/main',
      ),
      'glidepath.yaml:3:21: evidence.provenance.signerWorkflow: "acme/checkout/.github/workflows/ci.yml@refs/heads/main" is not a workflow path; write owner/repo/.github/workflows/file.yml without an @ref, e.g. acme/checkout/.github/workflows/ci.yml',
    ],
    [
      'a repository URL where owner/repo belongs',
      yaml('evidence:', '  provenance:', '    signerRepo: https://github.com/acme/checkout'),
      'glidepath.yaml:3:17: evidence.provenance.signerRepo: "https://github.com/acme/checkout" is not a repository; write owner/repo, e.g. acme/checkout',
    ],
    [
      'a predicate type that is not a URI',
      yaml('evidence:', '  provenance:', '    predicateType: slsa-v1'),
      'glidepath.yaml:3:20: evidence.provenance.predicateType: "slsa-v1" is not a URI; write an absolute URI, e.g. https://slsa.dev/provenance/v1',
    ],
    [
      'a negative count',
      yaml('evidence:', '  tests: { minTotal: -1 }'),
      'glidepath.yaml:2:22: evidence.tests.minTotal: must be at least 0, got -1',
    ],
    [
      'a ratio above one',
      yaml('evidence:', '  tests:', '    maxSkippedRatio: 1.5'),
      'glidepath.yaml:3:22: evidence.tests.maxSkippedRatio: must be at most 1, got 1.5',
    ],
    [
      'an empty string',
      yaml('service: ""'),
      'glidepath.yaml:1:10: service: must not be empty; give it a value or delete the line',
    ],
    [
      'two signer identities, at the second key the schema orders',
      yaml(
        'evidence:',
        '  provenance:',
        '    signerRepo: acme/checkout',
        '    signerWorkflow: acme/checkout/.github/workflows/ci.yml',
      ),
      'glidepath.yaml:3:5: evidence.provenance.signerRepo: cannot be used together with signerWorkflow; name the signer one way only: signerWorkflow, signerRepo or certIdentity',
    ],
    [
      'a zero maximum age (a semantic check beyond the schema)',
      yaml('evidence:', '  maxAge: 0h'),
      'glidepath.yaml:2:11: evidence.maxAge: "0h" would reject every report; use a positive duration, e.g. 24h',
    ],
  ])('%s', (_, text, expected) => {
    const error = errorOf(text);
    expect(error.message).toBe(expected);
    expect(error.problems).toHaveLength(1);
  });

  it('says it once when all three signer identities are given', () => {
    const error = errorOf(
      yaml(
        'evidence:',
        '  provenance:',
        '    signerWorkflow: acme/checkout/.github/workflows/ci.yml',
        '    signerRepo: acme/checkout',
        '    certIdentity: https://example.com/signer',
      ),
    );
    expect(error.problems.map((p) => [p.line, p.column, p.path])).toEqual([
      [4, 5, 'evidence.provenance.signerRepo'],
      [5, 5, 'evidence.provenance.certIdentity'],
    ]);
  });

  it('reports one problem for a wrong type, not the enum complaint as well', () => {
    const error = errorOf(yaml('evidence:', '  scan:', '    failOn: 5'));
    expect(error.message).toBe(
      'glidepath.yaml:3:13: evidence.scan.failOn: expected a string, got number 5; put it in quotes: "5"',
    );
  });
});

describe('several problems', () => {
  const text = yaml(
    'evidence:', // 1
    '  tests: { minTotal: -1, maxFailed: -2 }', // 2: two on one line
    '  scan: { failOn: severe }', // 3
    'servce: checkout', // 4: the schema reports top-level keys first
    'environment: 7', // 5
  );

  it('are all collected into one error, sorted by line then column', () => {
    const error = errorOf(text);
    expect(error.message.split('\n')).toEqual([
      'glidepath.yaml:2:22: evidence.tests.minTotal: must be at least 0, got -1',
      'glidepath.yaml:2:37: evidence.tests.maxFailed: must be at least 0, got -2',
      'glidepath.yaml:3:19: evidence.scan.failOn: must be one of critical, high, medium, low; got "severe"',
      'glidepath.yaml:4:1: servce: unknown key "servce"; did you mean "service"?',
      'glidepath.yaml:5:14: environment: expected a string, got number 7; put it in quotes: "7"',
    ]);
  });

  it('are kept as data on a PolicyError, which is a ConfigurationError (exit 2)', () => {
    const error = errorOf(text);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.exitCode).toBe(ExitCode.configuration);
    expect(error.file).toBe(FILE);
    expect(error.problems[0]).toEqual({
      line: 2,
      column: 22,
      path: 'evidence.tests.minTotal',
      message: 'must be at least 0, got -1',
    });
  });

  it('skip the semantic checks of a section the schema already rejected', () => {
    const error = errorOf(yaml('evidence:', '  maxAge: 0h', '  scan: { failOn: severe }'));
    expect(error.problems.map((p) => p.path)).toEqual(['evidence.scan.failOn']);
  });
});

describe('YAML problems', () => {
  it.each([
    [
      'a duplicate key, with its path',
      yaml('evidence:', '  scan:', '    failOn: high', '    failOn: low'),
      'glidepath.yaml:4:5: evidence.scan.failOn: duplicate key "failOn"; a key may appear only once in a mapping, so delete one of them',
    ],
    [
      'a duplicate top-level key',
      yaml('service: checkout', 'environment: production', 'service: cart'),
      'glidepath.yaml:3:1: service: duplicate key "service"; a key may appear only once in a mapping, so delete one of them',
    ],
    [
      'a tab used for indentation',
      yaml('evidence:', '\tscan: {}'),
      'glidepath.yaml:2:1: invalid YAML: tabs are not allowed as indentation',
    ],
    [
      'an unclosed flow mapping (reported where the parser gives up)',
      yaml('evidence:', '  scan: { failOn: high'),
      'glidepath.yaml:3:1: invalid YAML: flow map in block collection must be sufficiently indented and end with a }',
    ],
    [
      'an unknown tag (a parser warning, still fatal)',
      yaml('service: !env SERVICE'),
      'glidepath.yaml:1:10: unknown YAML tag !env; policies use no tags (nor environment variables), so write the value itself',
    ],
    [
      'a second document',
      yaml('service: checkout', '---', 'service: cart'),
      'glidepath.yaml:2:1: a policy file holds one YAML document; delete this "---" and what follows, or merge the two',
    ],
    [
      'an alias to an anchor that does not exist',
      yaml('service: checkout', 'environment: *env'),
      'glidepath.yaml:2:14: invalid YAML: Unresolved alias (the anchor must be set before the alias): env',
    ],
  ])('%s', (_, text, expected) => {
    expect(errorOf(text).message).toBe(expected);
  });

  it('stops before schema validation, so a broken file does not also list schema noise', () => {
    const error = errorOf(yaml('servce: checkout', 'servce: cart'));
    expect(error.problems).toHaveLength(1);
  });
});

describe('policies elsewhere in the repository', () => {
  it('accepts the demo policy', async () => {
    const policy = await loadPolicy(
      fileURLToPath(new URL('../../../examples/demo/glidepath.yaml', import.meta.url)),
    );
    expect(policy.service).toBe('checkout');
  });

  it('prints the example error README.md shows', () => {
    const error = errorOf(yaml('evidence:', '  scan:', '    failOn: severe'));
    expect(error.message).toBe(
      'glidepath.yaml:3:13: evidence.scan.failOn: must be one of critical, high, medium, low; got "severe"',
    );
  });
});

describe('reading the file', () => {
  it('names a missing file and says how to create one or pass --policy', async () => {
    const readFile = async (): Promise<string> => {
      throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
    };
    const loading = loadPolicy('deploy/glidepath.yaml', { readFile });
    await expect(loading).rejects.toThrow(ConfigurationError);
    await expect(loading).rejects.toThrow(
      'deploy/glidepath.yaml: policy file not found; create it (an empty file means the defaults; ' +
        'README.md "Policy reference" lists every key) or point --policy (the action input `policy`) at your policy file',
    );
  });

  it('explains a file it cannot read', async () => {
    const readFile = async (): Promise<string> => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    await expect(loadPolicy('glidepath.yaml', { readFile })).rejects.toThrow(
      'glidepath.yaml: cannot read the policy file (EACCES: permission denied); check its permissions',
    );
  });

  describe('on disk', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'glidepath-policy-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('reads and parses a real file', async () => {
      const file = join(dir, 'glidepath.yaml');
      await writeFile(file, yaml('service: checkout', 'evidence:', '  require: [tests]'));
      const policy = await loadPolicy(file);
      expect(policy.source).toBe(file);
      expect(policy.evidence.require).toEqual(['tests']);
    });

    it('reports a real missing file', async () => {
      const file = join(dir, 'absent.yaml');
      await expect(loadPolicy(file)).rejects.toThrow(`${file}: policy file not found`);
    });

    it('reports a directory passed as the policy', async () => {
      await expect(loadPolicy(dir)).rejects.toThrow(
        `${dir}: is a directory; point --policy (the action input \`policy\`) at the policy file`,
      );
    });

    it('prints problems with the path it was given', async () => {
      const file = join(dir, 'bad.yaml');
      await writeFile(file, yaml('evidence:', '  scan: { failOn: hgh }'));
      await expect(loadPolicy(file)).rejects.toThrow(
        `${file}:2:19: evidence.scan.failOn: must be one of critical, high, medium, low; got "hgh", did you mean "high"?`,
      );
    });
  });
});
