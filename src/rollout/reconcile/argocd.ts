/**
 * The `argocd` reconcile waiter: asks Argo CD's API for the Application
 * (`GET {server}/api/v1/applications/{name}`, Argo CD's ApplicationService.Get in
 * assets/swagger.json; `project` is its query parameter, `appNamespace` the one argoproj-labs'
 * argocd-mcp client sends for apps in any namespace) until the application is synced at our commit,
 * `Synced` and `Healthy`.
 *
 * Which fields say "at our commit" (the v1alpha1 types, pkg/apis/application/v1alpha1/types.go):
 * `status.sync.revision` (the revision the live state was compared to), `status.sync.revisions[]`
 * (the same per source of a multi-source application), or `status.operationState.syncResult.revision`
 * / `.revisions[]` (what the last sync applied). Health is `status.health.status`. Argo CD 3 stopped
 * filling the application-level `status.health.message` (deprecated in AppHealthStatus), so a
 * `Degraded` reason is taken from it when present, else from the degraded resources in
 * `status.resources[].health.message`, else from the last operation's message.
 *
 * Answers: 401 and 403 are ConfigurationErrors about the token (Argo CD also answers 403 for an
 * application the token may not see, which includes one that does not exist); 404 is about the
 * application's name or namespace; 408, 429, 5xx and network failures are asked again.
 *
 * Security: the token comes from the environment variable named by `tokenEnv` and travels only in
 * the `Authorization` header. Every line this module logs or returns passes through a masker holding
 * the token, because a proxy's error page may echo request headers back into a body excerpt.
 */
import { ConfigurationError } from '../../errors.js';
import {
  asObject,
  bodyExcerpt,
  createMasker,
  displayAddress,
  fetchText,
  isTransientStatus,
  parseBaseAddress,
  parseJson,
} from '../../metrics/providers/http.js';
import {
  checkInterval,
  pollUntil,
  shortSha,
  type PollResult,
  type ReconcileDeps,
  type ReconcileSpec,
  type ReconcileWaiter,
} from './types.js';

/** Limit of one request to Argo CD, body included. */
export const ARGOCD_REQUEST_TIMEOUT_MS = 10_000;

/** What one Application answer says about our commit. */
export interface ArgoApplicationView {
  /** Whether any of the revision fields names the commit. */
  atCommit: boolean;
  /** `status.sync.status`: `Synced`, `OutOfSync`, `Unknown` (or missing). */
  sync: string;
  /** `status.health.status`: `Healthy`, `Progressing`, `Degraded`, `Suspended`, `Missing`, `Unknown`. */
  health: string;
  /** The revision Argo CD compared to, shortened, for messages. */
  revision: string;
  /** Why the application is not healthy, when Argo CD says. */
  healthMessage?: string;
}

/** Reads an Application JSON (`v1alpha1Application`) for `sha`; pure, exported for tests. */
export function readApplication(application: unknown, sha: string): ArgoApplicationView {
  const status = asObject(asObject(application)?.status) ?? {};
  const sync = asObject(status.sync) ?? {};
  const health = asObject(status.health) ?? {};
  const operation = asObject(status.operationState) ?? {};
  const result = asObject(operation.syncResult) ?? {};
  const wanted = sha.toLowerCase();
  const names = (value: unknown) => typeof value === 'string' && value.toLowerCase() === wanted;
  const listNames = (value: unknown) => Array.isArray(value) && value.some(names);
  const atCommit =
    names(sync.revision) ||
    listNames(sync.revisions) ||
    names(result.revision) ||
    listNames(result.revisions);
  const revision =
    typeof sync.revision === 'string'
      ? shortSha(sync.revision)
      : Array.isArray(sync.revisions)
        ? sync.revisions.map((r) => shortSha(String(r))).join(',')
        : 'no revision';
  const healthMessage =
    text(health.message) ?? degradedResources(status.resources) ?? text(operation.message);
  return {
    atCommit,
    sync: text(sync.status) ?? 'Unknown',
    health: text(health.status) ?? 'Unknown',
    revision,
    ...(healthMessage ? { healthMessage } : {}),
  };
}

/** A waiter asking Argo CD; refuses a bad server address or a missing token at once. */
export function createArgoCdWaiter(
  spec: Extract<ReconcileSpec, { wait: 'argocd' }>,
  deps: ReconcileDeps,
): ReconcileWaiter {
  const base = parseBaseAddress(spec.server, {
    provider: 'argocd',
    example: 'https://argocd.example.com',
    credentialsFix: `put an API token in the environment variable ${spec.tokenEnv} instead`,
  });
  const token = deps.env[spec.tokenEnv];
  if (!token) {
    throw new ConfigurationError(
      `exposure.reconcile.tokenEnv: environment variable ${spec.tokenEnv} is not set; set it to an Argo CD ` +
        'API token that may get the application (e.g. `argocd account generate-token`, stored as a secret)',
    );
  }
  checkInterval(spec.interval);
  const mask = createMasker([token]);
  const url = new URL(`api/v1/applications/${encodeURIComponent(spec.application)}`, base);
  if (spec.appNamespace) url.searchParams.set('appNamespace', spec.appNamespace);
  if (spec.project) url.searchParams.set('project', spec.project);
  const where = `argocd application ${spec.application}${spec.appNamespace ? ` (namespace ${spec.appNamespace})` : ''}`;
  const server = displayAddress(base);

  return {
    name: 'argocd',
    async wait(target) {
      let requests = 0;
      const check = async (): Promise<PollResult> => {
        requests += 1;
        let reply;
        try {
          reply = await fetchText(
            deps.fetch,
            url.toString(),
            { method: 'GET', headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } },
            {
              timeoutMs: ARGOCD_REQUEST_TIMEOUT_MS,
              what: `GET ${url.toString()}`,
              mask,
              unreachableFix: 'asking again',
            },
          );
        } catch (error) {
          // fetchText's TransientError: the server may be restarting; ask again until the deadline.
          return { kind: 'waiting', seen: mask((error as Error).message) };
        }
        if (reply.status === 401 || reply.status === 403) {
          throw new ConfigurationError(
            mask(
              `${where} at ${server}: HTTP ${reply.status} (${argoMessage(reply.text, mask)}); check that ${spec.tokenEnv} ` +
                `holds a valid Argo CD token with "applications, get" permission${spec.project ? ` in project ${spec.project}` : ''}, ` +
                'and the application name (Argo CD answers 403 for applications the token cannot see)',
            ),
          );
        }
        if (reply.status === 404) {
          throw new ConfigurationError(
            mask(
              `${where} at ${server}: not found (${argoMessage(reply.text, mask)}); check exposure.reconcile.application` +
                ' and appNamespace against `argocd app list`',
            ),
          );
        }
        if (isTransientStatus(reply.status)) {
          return { kind: 'waiting', seen: mask(`HTTP ${reply.status}, ${bodyExcerpt(reply.text, mask)}`) };
        }
        if (reply.status < 200 || reply.status > 299) {
          throw new ConfigurationError(
            mask(
              `${where} at ${server}: HTTP ${reply.status} (${argoMessage(reply.text, mask)}); check exposure.reconcile`,
            ),
          );
        }
        const parsed = parseJson(reply.text);
        if (!parsed) return { kind: 'waiting', seen: mask(`not JSON: ${bodyExcerpt(reply.text, mask)}`) };
        const view = readApplication(parsed.value, target.sha);
        if (view.atCommit && view.sync === 'Synced' && view.health === 'Healthy') return { kind: 'applied' };
        if (view.atCommit && view.health === 'Degraded') {
          return {
            kind: 'failed',
            reason: mask(
              `${where} is Degraded at commit ${shortSha(target.sha)}: ${view.healthMessage ?? 'Argo CD gave no message'}; ` +
                `see ${server}/applications/${spec.appNamespace ? `${spec.appNamespace}/` : ''}${spec.application}`,
            ),
          };
        }
        const at = view.atCommit
          ? `at ${shortSha(target.sha)}`
          : `at ${view.revision}, not ${shortSha(target.sha)}`;
        const why = view.healthMessage && view.health !== 'Healthy' ? `: ${view.healthMessage}` : '';
        return { kind: 'waiting', seen: mask(`${view.sync}/${view.health} ${at}${why}`) };
      };
      return pollUntil(
        deps,
        `reconcile (${where})`,
        { timeoutMs: spec.timeout.milliseconds, intervalMs: spec.interval.milliseconds },
        check,
        () => requests,
        (seen) =>
          `reconcile: ${where} was not Synced and Healthy at commit ${shortSha(target.sha)} within ` +
          `${spec.timeout.toString()} (last: ${seen}); check its sync in Argo CD and that it tracks the desired branch`,
      );
    },
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.replace(/\s+/g, ' ').trim() : undefined;
}

/** `Kind/name: message` of the first degraded resources (Argo CD 3 keeps messages only here). */
function degradedResources(resources: unknown): string | undefined {
  if (!Array.isArray(resources)) return undefined;
  const lines = resources
    .map((resource) => asObject(resource))
    .filter((resource) => asObject(resource?.health)?.status === 'Degraded')
    .map((resource) => {
      const message = text(asObject(resource?.health)?.message);
      return `${String(resource?.kind)}/${String(resource?.name)}${message ? `: ${message}` : ''}`;
    });
  return lines.length > 0 ? lines.slice(0, 2).join('; ') : undefined;
}

/** The gRPC-gateway error's `message` (`{"error":…,"code":7,"message":"permission denied"}`), or an excerpt. */
function argoMessage(body: string, mask: (text: string) => string): string {
  const message = asObject(parseJson(body)?.value)?.message;
  return typeof message === 'string' && message !== '' ? message : bodyExcerpt(body, mask);
}
