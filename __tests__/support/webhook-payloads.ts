/**
 * Webhook payloads for tests, built from deliveries github.com really sent, so a payload keeps
 * GitHub's real shape — every URL, nested owner and extra field — instead of the few fields a
 * hand-written object would guess:
 *
 * - `workflow_run`, `workflow_dispatch`, `deployment_status`: GitHub's own examples
 *   (`@octokit/webhooks-examples`, `api.github.com/index.json`: one entry per event with `examples`
 *   captured from github.com);
 * - `deployment_protection_rule`: the package has no example of it (7.6.1, the newest), so either
 *   a delivery captured by a GitHub App (`__tests__/fixtures/github/webhooks/`, with its source and
 *   licence) or one assembled from the package's `deployment` example (see
 *   {@link ProtectionRuleSource}).
 *
 * Only what a scenario is about is rewritten: the repository and owner names (in every string that
 * names them), the branch, the CI conclusion, the head repository of a fork, the dispatch inputs,
 * the deployment's id, sha and payload, and for a protection rule the API root, run, installation
 * and environment. Every payload built here is checked against GitHub's published webhook schema
 * by `__tests__/unit/harness/webhook-payloads.test.ts`.
 *
 * ```ts
 * const payload = webhookPayload('workflow_run', { repository: 'acme/demo', branch: 'main' });
 * payload.workflow_run.head_repository.full_name; // 'acme/demo'
 * ```
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The events the step loop is started by. */
export type StepEventName = 'workflow_run' | 'workflow_dispatch' | 'deployment_status';

/** What to rewrite in an example; everything else stays as GitHub sent it. */
export interface PayloadRewrite {
  /** `owner/name` of the repository the workflow runs in; replaces the example's everywhere. */
  repository: string;
  /** `repository.default_branch`; default `main`. */
  defaultBranch?: string;
  /**
   * The branch: `workflow_run.head_branch`, `workflow_dispatch.ref` (as `refs/heads/…`) or
   * `deployment.ref`. Default the default branch.
   */
  branch?: string;
  /** `workflow_run.conclusion`; default `success`. */
  conclusion?: string | null;
  /** `owner/name` of `workflow_run.head_repository` when the run came from a fork. */
  headRepository?: string;
  /** `workflow_dispatch.inputs`. */
  inputs?: Record<string, unknown>;
  /**
   * The deployment a `deployment_status` is about: its id (and the URLs naming it), its sha and its
   * payload (where the workflow finds the digest, as `github.event.deployment.payload` does), and
   * the status's state (default the example's `success`).
   */
  deployment?: { id: number; sha: string; payload?: unknown; state?: string };
}

/** One example payload as the package ships it. */
type Example = Record<string, unknown> & { action?: string };

interface Definition {
  name: string;
  examples: Example[];
}

const definitions = createRequire(import.meta.url)(
  '@octokit/webhooks-examples/api.github.com/index.json',
) as Definition[];

/**
 * Which example of each event to start from: a completed, successful CI run (the package's first
 * `workflow_run` example has `conclusion: null` and a fork as head), the first dispatch, and the
 * plain `deployment_status` (no check_run or workflow_run attached).
 */
const PICK: Readonly<Record<StepEventName, (example: Example) => boolean>> = {
  workflow_run: (example) =>
    example.action === 'completed' &&
    (example.workflow_run as { conclusion?: unknown }).conclusion === 'success',
  workflow_dispatch: () => true,
  deployment_status: (example) => !('workflow_run' in example) && !('check_run' in example),
};

/** A deep copy of GitHub's example for `event` (throws when the package has none). */
export function webhookExample(event: StepEventName): Example {
  const example = definitions.find((definition) => definition.name === event)?.examples.find(PICK[event]);
  if (!example) {
    throw new Error(
      `@octokit/webhooks-examples has no ${event} example to start from; check the package version`,
    );
  }
  return structuredClone(example);
}

/** GitHub's example for `event` with `rewrite` applied (see the module comment). */
export function webhookPayload(event: StepEventName, rewrite: PayloadRewrite): Record<string, unknown> {
  const example = webhookExample(event);
  const from = example.repository as { full_name: string };
  const defaultBranch = rewrite.defaultBranch ?? 'main';
  const branch = rewrite.branch ?? defaultBranch;
  const payload = renamed(example, from.full_name, rewrite.repository) as Record<string, unknown>;
  (payload.repository as Record<string, unknown>).default_branch = defaultBranch;
  switch (event) {
    case 'workflow_run': {
      const run = payload.workflow_run as Record<string, unknown>;
      run.head_branch = branch;
      run.conclusion = rewrite.conclusion === undefined ? 'success' : rewrite.conclusion;
      if (rewrite.headRepository) {
        run.head_repository = renamed(run.head_repository, rewrite.repository, rewrite.headRepository);
      }
      break;
    }
    case 'workflow_dispatch':
      payload.ref = `refs/heads/${branch}`;
      payload.inputs = { ...(rewrite.inputs ?? {}) };
      break;
    case 'deployment_status': {
      const deployment = payload.deployment as Record<string, unknown>;
      deployment.ref = branch;
      if (rewrite.deployment) {
        const { id, sha, payload: carried, state } = rewrite.deployment;
        const old = String(deployment.id);
        deployment.id = id;
        deployment.sha = sha;
        if (carried !== undefined) deployment.payload = structuredClone(carried);
        // Every URL under the deployment names its id: keep them consistent with the new one.
        for (const key of ['url', 'statuses_url']) {
          deployment[key] = String(deployment[key]).replace(`/deployments/${old}`, `/deployments/${id}`);
        }
        const status = payload.deployment_status as Record<string, unknown>;
        if (state !== undefined) status.state = state;
        for (const key of ['url', 'deployment_url']) {
          status[key] = String(status[key]).replace(`/deployments/${old}`, `/deployments/${id}`);
        }
      }
      break;
    }
  }
  return payload;
}

/** What to rewrite in the captured `deployment_protection_rule` delivery. */
export interface ProtectionRuleRewrite {
  /** `owner/name` of the repository whose run waits; replaces the capture's everywhere. */
  repository: string;
  /** The REST API root the callback and every API URL point at (the fake's URL in tests). */
  apiUrl: string;
  /** The waiting run: `deployment_callback_url` is `{apiUrl}/repos/{repository}/actions/runs/{runId}/deployment_protection_rule`. */
  runId: number;
  /** `installation.id`: the App installation whose token reviews the run. */
  installationId: number;
  /** The environment whose rule asks (`environment` and `deployment.environment`). Default `production`. */
  environment?: string;
  /** The event that started the run. Default `push`. */
  event?: string;
  /**
   * `deployment.payload`. GitHub's Actions-created deployment carries `{}` (as captured); a workflow
   * that creates its deployment through the API can set `{ digest }`. Default `{}`.
   */
  deploymentPayload?: Record<string, unknown>;
}

const PROTECTION_RULE_CAPTURE = new URL(
  '../fixtures/github/webhooks/deployment_protection_rule.requested.json',
  import.meta.url,
);

/**
 * Where a `deployment_protection_rule` delivery starts from:
 * - `capture`: the delivery github.com sent to another App, whole (pull request, enterprise and all);
 * - `examples`: assembled from `@octokit/webhooks-examples`' Actions-era `deployment` example (its
 *   deployment, repository, organization, sender and installation objects as GitHub sent them) plus
 *   the fields the rule's payload adds, with no pull request.
 */
export type ProtectionRuleSource = 'capture' | 'examples';

/** The starting delivery of `source`, before any rewrite. */
export function protectionRuleStart(source: ProtectionRuleSource): Record<string, unknown> {
  if (source === 'capture') {
    return JSON.parse(readFileSync(PROTECTION_RULE_CAPTURE, 'utf8')) as Record<string, unknown>;
  }
  const example = definitions
    .find((definition) => definition.name === 'deployment')
    ?.examples.find((candidate) => 'installation' in candidate && 'organization' in candidate);
  if (!example) {
    throw new Error(
      '@octokit/webhooks-examples has no deployment example with an installation; check the package version',
    );
  }
  const { deployment, repository, organization, installation, sender } = structuredClone(example) as Record<
    string,
    Record<string, unknown>
  >;
  return {
    action: 'requested',
    environment: deployment!.environment,
    event: 'push',
    deployment_callback_url: `${String(repository!.url)}/actions/runs/1/deployment_protection_rule`,
    deployment,
    pull_requests: [],
    repository,
    organization,
    sender,
    installation,
  };
}

/** A `deployment_protection_rule` delivery with `rewrite` applied (see the module comment). */
export function protectionRulePayload(
  rewrite: ProtectionRuleRewrite,
  source: ProtectionRuleSource = 'capture',
): Record<string, unknown> {
  const capture = protectionRuleStart(source);
  const from = (capture.repository as { full_name: string }).full_name;
  const apiRoot = rewrite.apiUrl.replace(/\/+$/, '');
  const moved = rehosted(renamed(capture, from, rewrite.repository), 'https://api.github.com', apiRoot);
  const payload = moved as Record<string, unknown> & {
    deployment: Record<string, unknown>;
    installation: Record<string, unknown>;
  };
  const environment = rewrite.environment ?? 'production';
  payload.environment = environment;
  payload.event = rewrite.event ?? 'push';
  payload.deployment_callback_url = `${apiRoot}/repos/${rewrite.repository}/actions/runs/${rewrite.runId}/deployment_protection_rule`;
  payload.deployment.environment = environment;
  payload.deployment.original_environment = environment;
  payload.deployment.payload = structuredClone(rewrite.deploymentPayload ?? {});
  payload.installation.id = rewrite.installationId;
  return payload;
}

/** `node` with every string starting with `from` (an API root) starting with `to` instead. */
function rehosted(node: unknown, from: string, to: string): unknown {
  return mapStrings(node, (text) => (text.startsWith(from) ? to + text.slice(from.length) : text));
}

/**
 * `node` with the repository `from` (`owner/name`) renamed to `to` in every string: full names,
 * API and web URLs, and the owner's login and URLs (`/users/owner`, `/orgs/owner`). Strings that
 * are exactly the old owner or name (`login`, `name`) become the new ones.
 */
function renamed(node: unknown, from: string, to: string): unknown {
  const [fromOwner, fromName] = from.split('/') as [string, string];
  const [toOwner, toName] = to.split('/') as [string, string];
  const owner = new RegExp(`(?<=/)${escape(fromOwner)}(?=$|[/{?#])`, 'g');
  return mapStrings(node, (text) => {
    if (text === fromOwner) return toOwner;
    if (text === fromName) return toName;
    return text.split(`${fromOwner}/${fromName}`).join(`${toOwner}/${toName}`).replace(owner, toOwner);
  });
}

/** A copy of JSON `node` with `change` applied to every string in it. */
function mapStrings(node: unknown, change: (text: string) => string): unknown {
  if (typeof node === 'string') return change(node);
  if (Array.isArray(node)) return node.map((item) => mapStrings(item, change));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, inner]) => [key, mapStrings(inner, change)]));
  }
  return node;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
