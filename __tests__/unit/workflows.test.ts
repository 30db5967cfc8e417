/**
 * The reusable workflows (.github/workflows/) and the organisation starter templates
 * (workflows-templates/), issue 6 Build 2–3. Every workflow is parsed and converted by GitHub's own
 * parser, @actions/workflow-parser, with a file provider that serves this repository's reusable
 * workflows, so a template that passes an undeclared input or forgets a required secret fails here
 * as it would on GitHub. Template properties follow github-platform.md §7.2; the shell scripts the
 * workflows carry are run with bash as the runner runs them.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow,
  type WorkflowTemplate,
} from '@actions/workflow-parser';
import { parse as parseYaml } from 'yaml';

import { dispatchNext } from '../../src/cli/commands/step.js';
import { ROLLOUT_COMMANDS } from '../../src/rollout/types.js';
import { createBareRepo, type TempBareRepo } from '../support/git-remote.js';
import { startGitHubFake, type GitHubFake } from '../support/github-fake/index.js';

/** Where the templates say Glidepath lives (`acme/glidepath`, as in the README). */
const GLIDEPATH = 'acme/glidepath';
const WORKFLOWS = '.github/workflows';
const TEMPLATES = 'workflows-templates';

const yamlIn = (dir: string) =>
  readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${dir}/${name}`);
const workflowFiles = yamlIn(WORKFLOWS);
const templateFiles = yamlIn(TEMPLATES);
const REUSABLE = [`${WORKFLOWS}/progressive-delivery.yml`, `${WORKFLOWS}/progressive-step.yml`];

/** `$/x`, `./x` and `acme/glidepath/x@ref` are this repository's file x; anything else is unknown. */
function localPath(ref: { path: string } | { owner: string; repository: string; path: string }): string {
  if ('owner' in ref && `${ref.owner}/${ref.repository}` !== GLIDEPATH) {
    throw new Error(`not a Glidepath file: ${ref.owner}/${ref.repository}/${ref.path}`);
  }
  return ref.path;
}

/** Parses and converts `content` as GitHub does; every error message, in order. */
async function parserErrors(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const template = await convert(parsed);
  return [
    ...new Set([
      ...parsed.context.errors.getErrors().map((e) => e.message),
      ...(template.errors ?? []).map((e) => e.Message),
    ]),
  ];
}

async function convert(parsed: ReturnType<typeof parseWorkflow>): Promise<WorkflowTemplate> {
  if (!parsed.value) return { errors: [{ Message: 'nothing parsed' }] } as WorkflowTemplate;
  return convertWorkflowTemplate(
    parsed.context,
    parsed.value,
    {
      getFileContent: async (ref) => {
        const path = localPath(ref);
        return { name: path, content: await readFile(path, 'utf8') };
      },
    },
    // Depth 1 fetches the called workflow and checks the call's inputs and secrets against it.
    { fetchReusableWorkflowDepth: 1, maxReusableWorkflowDepth: 10 },
  );
}

async function converted(file: string): Promise<WorkflowTemplate> {
  return convert(
    parseWorkflow({ name: file, content: readFileSync(file, 'utf8') }, new NoOperationTraceWriter()),
  );
}

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const doc = (file: string): Doc => parseYaml(readFileSync(file, 'utf8')) as Doc;
const steps = (workflow: Doc): Doc[] =>
  Object.values((workflow.jobs ?? {}) as Record<string, Doc>).flatMap((job) => (job.steps ?? []) as Doc[]);
/** The file without its comment lines (the header comments show examples with other names). */
const code = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');

/** An expression that puts caller- or event-controlled text into a script (script injection). */
const UNSAFE_IN_SCRIPT = /\$\{\{\s*(inputs|github\.event)\./;

/** Runs `script` as the runner runs a `run:` step (bash --noprofile --norc -eo pipefail). */
function runScript(script: string, cwd: string, env: Record<string, string>) {
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout };
}

describe('every workflow and template parses with @actions/workflow-parser', () => {
  it('finds the reusable workflows and at least the two templates', () => {
    expect(workflowFiles).toEqual(expect.arrayContaining(REUSABLE));
    expect(templateFiles).toEqual(
      expect.arrayContaining([`${TEMPLATES}/glidepath-rollout.yml`, `${TEMPLATES}/glidepath-step.yml`]),
    );
  });

  it.each([...workflowFiles, ...templateFiles])('%s: no errors', async (file) => {
    expect(await parserErrors(file, readFileSync(file, 'utf8'))).toEqual([]);
  });

  // Negative controls: the same call converts cleanly when right (the last row), so each error
  // below comes from the one thing the row breaks, and the file provider really serves our files.
  const call = (withs: string, secrets = 'secrets: { gitops-token: x }') =>
    `on: push\njobs:\n  deliver:\n    uses: ${GLIDEPATH}/.github/workflows/progressive-delivery.yml@v0\n    with: { ${withs} }\n    ${secrets}\n`;
  it.each<[string, string, RegExp | null]>([
    [
      'an unknown key is an error',
      'on: push\njobs:\n  a:\n    runs-on: x\n    colour: red\n    steps: [{ run: echo }]\n',
      /Unexpected value 'colour'/,
    ],
    [
      'an unclosed expression is an error',
      'on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: "echo ${{ github.sha" }]\n',
      /expression is not closed/,
    ],
    [
      'an unknown context is an error',
      'on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: "echo ${{ secret.x }}" }]\n',
      /Unrecognized named-value: 'secret'/,
    ],
    [
      'an input the reusable workflow does not declare is an error',
      call('service: a, environment: b, image: c, colour: red'),
      /Invalid input, colour is not defined/,
    ],
    ['a missing required input is an error', call('service: a, environment: b'), /Input image is required/],
    [
      'a call without secrets is accepted (gitops-token is optional: app-id may replace it)',
      call('service: a, environment: b, image: c', ''),
      null,
    ],
    [
      'a reusable workflow that does not exist is an error',
      call('service: a').replace('progressive-delivery', 'nothing-here'),
      /Unable to find reusable workflow/,
    ],
    ['a correct call is accepted', call('service: a, environment: b, image: c'), null],
  ])('%s', async (_name, content, expected) => {
    const errors = await parserErrors('negative.yml', content);
    if (expected === null) expect(errors).toEqual([]);
    else expect(errors).toEqual([expect.stringMatching(expected)]);
  });
});

describe('no run: script interpolates caller- or event-controlled text', () => {
  it.each<[string, boolean]>([
    ['echo "${{ inputs.image }}"', true],
    ['echo ${{inputs.image}}', true],
    ['echo "${{ github.event.workflow_run.head_branch }}"', true],
    ['echo "$IMAGE"', false],
    ['echo "${{ github.run_id }}"', false],
  ])('the check flags %s: %s', (script, flagged) => {
    expect(UNSAFE_IN_SCRIPT.test(script)).toBe(flagged);
  });

  it.each([...workflowFiles, ...templateFiles])('%s', (file) => {
    const scripts = steps(doc(file))
      .map((step) => step.run as unknown)
      .filter((run): run is string => typeof run === 'string');
    expect(scripts.filter((script) => UNSAFE_IN_SCRIPT.test(script))).toEqual([]);
  });
});

describe('the reusable workflows', () => {
  const actionInputs = Object.keys((doc('action.yml').inputs ?? {}) as Doc);

  it.each(REUSABLE)('%s is a workflow_call with the shape the brief fixes', async (file) => {
    const workflow = doc(file);
    const call = workflow.on.workflow_call as Doc;
    expect(Object.keys(call.inputs)).toEqual(
      expect.arrayContaining([
        'service',
        'environment',
        'policy',
        'image',
        'evidence-artifact',
        'gitops-repository',
      ]),
    );
    expect(Object.keys(call.secrets)).toEqual(expect.arrayContaining(['gitops-token', 'metrics-token']));
    expect(call.secrets['metrics-token'].required).toBe(false);
    expect(Object.keys(call.outputs).sort()).toEqual(['record', 'verdict']);

    const [jobId, job] = Object.entries(workflow.jobs as Record<string, Doc>)[0]!;
    expect(Object.keys(workflow.jobs)).toHaveLength(1);
    expect(job.concurrency.group).toBe('glidepath-${{ inputs.service }}-${{ inputs.environment }}');
    expect(job.concurrency['cancel-in-progress']).toBe(false);
    expect(job.environment).toEqual({ name: '${{ inputs.environment }}' });
    // Workflow outputs map job outputs, which map step outputs (§7.1): each link must exist.
    for (const [name, output] of Object.entries(call.outputs as Record<string, Doc>)) {
      expect(output.value).toBe(`\${{ jobs.${jobId}.outputs.${name} }}`);
      expect(job.outputs[name]).toEqual(expect.stringMatching(/steps\.(glidepath|record)\.outputs\./));
    }
    // The parser's model agrees on the trigger.
    expect((await converted(file)).events.workflow_call).toBeDefined();
  });

  it.each<[string, Doc]>([
    [REUSABLE[0]!, { contents: 'read', deployments: 'write', actions: 'read' }],
    // actions: write: the step dispatches the caller's workflow for the next step.
    [REUSABLE[1]!, { contents: 'read', deployments: 'write', actions: 'write' }],
  ])('%s asks GITHUB_TOKEN for exactly %j', (file, permissions) => {
    const job = Object.values(doc(file).jobs as Record<string, Doc>)[0]!;
    expect(job.permissions).toEqual(permissions);
  });

  it.each(REUSABLE)('%s: every inputs.X, secrets.X and steps.X it reads is declared', (file) => {
    const workflow = doc(file);
    const call = workflow.on.workflow_call as Doc;
    const text = code(file);
    const names = (context: string) => [
      ...new Set([...text.matchAll(new RegExp(`\\b${context}\\.([A-Za-z0-9_-]+)`, 'g'))].map((m) => m[1]!)),
    ];
    const stepIds = steps(workflow)
      .map((step) => step.id as unknown)
      .filter(Boolean);
    expect(names('inputs').filter((name) => !(name in call.inputs))).toEqual([]);
    expect(names('secrets').filter((name) => !(name in call.secrets))).toEqual([]);
    expect(names('steps').filter((name) => !stepIds.includes(name))).toEqual([]);
    expect(names('inputs').length).toBeGreaterThan(5); // the scan does see the references
  });

  it.each(REUSABLE)('%s runs the action at its own commit ($/), with inputs action.yml declares', (file) => {
    const glidepath = steps(doc(file)).filter((step) => step.id === 'glidepath');
    expect(glidepath).toHaveLength(1);
    expect(glidepath[0]!.uses).toBe('$/');
    expect(Object.keys(glidepath[0]!.with).filter((name) => !actionInputs.includes(name))).toEqual([]);
    // Secrets reach the program through env, never through an input.
    expect(Object.values(glidepath[0]!.with as Record<string, string>).join('\n')).not.toMatch(/secrets\./);
    expect(glidepath[0]!.env.GLIDEPATH_TOKEN).toBe('${{ steps.app.outputs.token || secrets.gitops-token }}');
  });

  it('the step workflow runs command step and the delivery workflow command rollout', () => {
    const command = (file: string) => steps(doc(file)).find((step) => step.id === 'glidepath')!.with.command;
    expect([command(REUSABLE[0]!), command(REUSABLE[1]!)]).toEqual(['rollout', 'step']);
  });

  describe("the step workflow's caller-file script", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'glidepath-workflows-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });
    const script = () => steps(doc(REUSABLE[1]!)).find((step) => step.id === 'caller')!.run as string;

    it.each<[string, number, string]>([
      [
        'acme/checkout/.github/workflows/glidepath-step.yml@refs/heads/main',
        0,
        'workflow=glidepath-step.yml\n',
      ],
      ['acme/checkout/.github/workflows/deploy.yaml@refs/tags/v1.2.0', 0, 'workflow=deploy.yaml\n'],
      ['acme/checkout/.github/workflows/@refs/heads/main', 2, ''],
    ])('github.workflow_ref %s → exit %i, output %j', async (ref, status, output) => {
      const out = join(dir, `out-${ref.replace(/\W+/g, '-')}`);
      await writeFile(out, '');
      const result = runScript(script(), dir, { WORKFLOW_REF: ref, GITHUB_OUTPUT: out });
      expect(result.status).toBe(status);
      expect(await readFile(out, 'utf8')).toBe(output);
    });
  });
});

describe('the starter templates', () => {
  const properties = readdirSync(TEMPLATES)
    .filter((name) => name.endsWith('.properties.json'))
    .sort();

  it('each template has a properties file of the same name, and each properties file a template', () => {
    const stems = (names: string[], suffix: RegExp) =>
      names.map((name) => basename(name).replace(suffix, '')).sort();
    expect(stems(properties, /\.properties\.json$/)).toEqual(stems(templateFiles, /\.ya?ml$/));
  });

  it.each(properties)('%s has the keys GitHub reads, with the right types', (name) => {
    const meta = JSON.parse(readFileSync(join(TEMPLATES, name), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(meta).sort()).toEqual([
      'categories',
      'description',
      'filePatterns',
      'iconName',
      'name',
    ]);
    expect(meta.name).toEqual(expect.stringMatching(/\S/));
    expect(meta.description).toEqual(expect.stringMatching(/\S/));
    // iconName is an SVG in the same folder, named without its extension (§7.2).
    expect(typeof meta.iconName).toBe('string');
    expect(existsSync(join(TEMPLATES, `${meta.iconName as string}.svg`))).toBe(true);
    for (const key of ['categories', 'filePatterns'] as const) {
      expect(Array.isArray(meta[key])).toBe(true);
      expect((meta[key] as unknown[]).every((item) => typeof item === 'string' && item.length > 0)).toBe(
        true,
      );
    }
    for (const pattern of meta.filePatterns as string[]) expect(() => new RegExp(pattern)).not.toThrow();
  });

  it.each<[string, boolean]>([
    ['glidepath.yaml', true],
    ['glidepath.yml', true],
    ['Dockerfile', true],
    ['Dockerfile.dev', true],
    ['package.json', false],
    ['docs/glidepath.yaml', false],
  ])('the filePatterns of glidepath-rollout match a root file %s: %s', (file, matches) => {
    const meta = JSON.parse(readFileSync(join(TEMPLATES, 'glidepath-rollout.properties.json'), 'utf8')) as {
      filePatterns: string[];
    };
    expect(meta.filePatterns.some((pattern) => new RegExp(pattern).test(file))).toBe(matches);
  });

  it('the icon is an SVG document', () => {
    expect(readFileSync(join(TEMPLATES, 'glidepath.svg'), 'utf8')).toMatch(
      /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
    );
  });

  it.each(templateFiles)('%s calls a reusable workflow of this repository that exists', async (file) => {
    const jobs = (await converted(file)).jobs.filter((job) => job.type === 'reusableWorkflowJob');
    expect(jobs).toHaveLength(1);
    const ref = (jobs[0] as { ref: { value: string } }).ref.value;
    const match = /^([^/]+\/[^/]+)\/(\.github\/workflows\/[^@/]+\.ya?ml)@(.+)$/.exec(ref);
    expect(match?.[1]).toBe(GLIDEPATH);
    expect(REUSABLE).toContain(match?.[2]);
    expect(doc(match![2]!).on.workflow_call).toBeDefined();
  });

  it.each(templateFiles)('%s runs after CI on $default-branch, which GitHub fills in', async (file) => {
    const workflowRun = (await converted(file)).events.workflow_run as {
      branches?: string[];
      types?: string[];
    };
    expect(workflowRun.branches).toEqual(['$default-branch']);
    expect(workflowRun.types).toEqual(['completed']);
  });

  it.each(templateFiles)('%s grants the called workflow the permissions it asks for', (file) => {
    const jobs = Object.values(doc(file).jobs as Record<string, Doc>);
    const caller = jobs.find((job) => typeof job.uses === 'string')!;
    const called = Object.values(
      doc(`${WORKFLOWS}/${basename((caller.uses as string).split('@')[0]!)}`).jobs as Record<string, Doc>,
    )[0]!;
    // A called workflow can only narrow the caller's GITHUB_TOKEN (§7.1).
    expect(caller.permissions).toEqual(called.permissions);
    expect(doc(file).permissions).toEqual({});
  });

  describe("the templates' image-ref script", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'glidepath-image-ref-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });
    const digest = `sha256:${'ab'.repeat(32)}`;

    it.each(templateFiles)('%s carries the same script', (file) => {
      const read = (f: string) => steps(doc(f)).find((step) => step.id === 'read')!.run as string;
      expect(read(file)).toBe(read(templateFiles[0]!));
    });

    it.each<[string, string, number, string]>([
      [
        'an image pinned by digest',
        `ghcr.io/acme/checkout@${digest}\n`,
        0,
        `ref=ghcr.io/acme/checkout@${digest}\n`,
      ],
      [
        'the same with trailing spaces and a second line',
        `ghcr.io/acme/checkout@${digest}  \nnoise\n`,
        0,
        `ref=ghcr.io/acme/checkout@${digest}\n`,
      ],
      ['a tag', 'ghcr.io/acme/checkout:1.2.0\n', 1, ''],
      ['a short digest', 'ghcr.io/acme/checkout@sha256:abc\n', 1, ''],
      ['an empty file', '', 1, ''],
    ])('%s', async (name, content, status, output) => {
      const work = join(dir, name.replace(/\W+/g, '-'));
      await mkdir(join(work, 'evidence'), { recursive: true });
      await writeFile(join(work, 'evidence', 'image-ref.txt'), content);
      await writeFile(join(work, 'out'), '');
      const script = steps(doc(templateFiles[0]!)).find((step) => step.id === 'read')!.run as string;
      const result = runScript(script, work, { GITHUB_OUTPUT: join(work, 'out') });
      expect(result.status).toBe(status);
      expect(await readFile(join(work, 'out'), 'utf8')).toBe(output);
      if (status !== 0)
        expect(result.stdout).toMatch(/^::error file=image-ref.txt::expected one image pinned by digest/);
    });
  });

  describe("glidepath-step's workflow_dispatch accepts what Glidepath dispatches", () => {
    let repo: TempBareRepo;
    let github: GitHubFake;
    beforeAll(async () => {
      repo = await createBareRepo({ files: { 'README.md': 'checkout\n' } });
      github = await startGitHubFake({ repo: 'acme/checkout', bareRepoPath: repo.path, token: 'ghs_test' });
    });
    afterAll(async () => {
      await github.close();
      await repo.dispose();
    });

    it('dispatchNext sends only inputs the template declares, and the template requires none it does not send', async () => {
      const artifact = `ghcr.io/acme/checkout@sha256:${'cd'.repeat(32)}`;
      await dispatchNext(
        {
          env: {
            GITHUB_TOKEN: 'ghs_test',
            GITHUB_REPOSITORY: 'acme/checkout',
            GITHUB_API_URL: github.url,
            GITHUB_REF_NAME: 'main',
          },
        },
        'glidepath-step.yml',
        artifact,
      );
      const [dispatch] = github.dispatches();
      expect(dispatch?.workflowId).toBe('glidepath-step.yml');
      expect(dispatch?.inputs).toEqual({ command: 'step', artifact });

      const declared = doc(`${TEMPLATES}/glidepath-step.yml`).on.workflow_dispatch.inputs as Record<
        string,
        Doc
      >;
      // GitHub answers 422 "Unexpected inputs provided" for an undeclared input.
      expect(Object.keys(dispatch!.inputs).filter((name) => !(name in declared))).toEqual([]);
      const required = Object.entries(declared).filter(([, input]) => input.required === true);
      expect(required.map(([name]) => name).filter((name) => !(name in dispatch!.inputs))).toEqual([]);
    });

    it('the control choices are the controls glidepath step takes, plus none', () => {
      const control = doc(`${TEMPLATES}/glidepath-step.yml`).on.workflow_dispatch.inputs.control as Doc;
      expect(control.options).toEqual(['none', ...ROLLOUT_COMMANDS]);
      expect(control.default).toBe('none');
    });
  });
});

/**
 * The README's copy-paste workflows (its ```yaml blocks with `jobs:`, dedented when they sit in a
 * list item), parsed and converted like the files above, so an adopter pasting one gets no error
 * from GitHub. A fragment that shows only jobs gets `on: workflow_dispatch`, and the jobs it
 * `needs` but leaves out (the adopter's build) get a one-step stand-in with the outputs it reads.
 */
describe("the README's workflow examples", () => {
  const readme = readFileSync('README.md', 'utf8');
  const examples = [...readme.matchAll(/^( *)```ya?ml\n([\s\S]*?)^\1```$/gm)]
    .map(([, indent, body]) =>
      body!
        .split('\n')
        .map((line) => line.slice(indent!.length))
        .join('\n'),
    )
    .filter((body) => /^jobs:/m.test(body));

  /** The example as a whole workflow (see the describe comment). */
  function completed(body: string): string {
    const workflow = parseYaml(body) as {
      on?: unknown;
      jobs: Record<string, ({ needs?: string | string[] } & Record<string, unknown>) | null>;
    };
    workflow.on ??= 'workflow_dispatch';
    const stand = (name: string) => {
      const outputs = [...body.matchAll(new RegExp(`needs\\.${name}\\.outputs\\.([\\w-]+)`, 'g'))].map(
        (m) => m[1]!,
      );
      return {
        'runs-on': 'ubuntu-latest',
        ...(outputs.length
          ? { outputs: Object.fromEntries(outputs.map((o) => [o, '${{ steps.build.outputs.' + o + ' }}'])) }
          : {}),
        steps: [{ id: 'build', run: 'true' }],
      };
    };
    for (const [name, job] of Object.entries(workflow.jobs)) {
      // A job shown only as a comment (`build:  # … pushes the image`) is the adopter's.
      if (job === null) workflow.jobs[name] = stand(name);
    }
    for (const job of Object.values(workflow.jobs)) {
      for (const need of [job?.needs ?? []].flat()) workflow.jobs[need] ??= stand(need);
    }
    return JSON.stringify(workflow, null, 2);
  }

  it('there are examples for all three adoption paths', () => {
    const text = examples.join('\n');
    expect(text).toContain('uses: acme/glidepath@v0');
    expect(text).toContain('uses: acme/glidepath/.github/workflows/progressive-delivery.yml@v0');
    expect(text).toContain('uses: acme/glidepath/.github/workflows/progressive-step.yml@v0');
  });

  it.each(
    examples.map((body, index) => [index + 1, body.split('\n').find((line) => line.trim()) ?? '', body]),
  )('example %i (%s) parses with zero errors', async (index, _first, body) => {
    expect(await parserErrors(`README example ${index}`, completed(body as string))).toEqual([]);
  });
});
