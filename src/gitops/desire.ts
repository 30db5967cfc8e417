/**
 * `desire`: the policy's `desired` section turned into one commit's worth of intent — the canary
 * image in every target, the traffic weight, the flag split — guarded by the quarantine list. Each
 * change is a render function, so the writers re-render it on whatever head they commit on.
 */
import type { DesiredPolicy, DesiredTarget, TargetKind } from '../config/types.js';
import { ConfigurationError } from '../errors.js';
import type { ImageRef } from '../evidence/image-ref.js';
import type { KindName } from '../manifests/kinds/types.js';
import { planSetImage } from '../manifests/set-image.js';
import { planSetFlag } from '../traffic/flags/set-flag.js';
import { planSetHeaderRoute } from '../traffic/set-header-route.js';
import { planSetMirror } from '../traffic/set-mirror.js';
import { planSetWeight } from '../traffic/set-weight.js';
import { assertNotQuarantined } from './quarantine.js';
import type { CommitRequest, DesiredChange } from './types.js';

/** What to desire: the admitted image and, optionally, the canary weight. */
export interface DesireRequest {
  image: ImageRef;
  /** Canary traffic (and flag) percentage; without it only images change. */
  weight?: number;
  /** The policy's service, for the Glidepath-Service trailer. */
  service?: string;
  /** Rollout id; default `<service>-<first 12 hex of the digest>`. */
  rollout?: string;
  /** Digest of the admission report, for the Glidepath-Evidence trailer. */
  evidence?: string;
  /** Step label, `2/5`. */
  step?: string;
  /**
   * Percent of stable's traffic mirrored to the canary (a mirror step), or 0 to stop mirroring once
   * the canary serves; without it the route's mirror is left as it is. Needs `desired.traffic`.
   */
  mirror?: number;
  /**
   * The header route to the canary switched on (a header-route step) or off (later steps, reversal);
   * without it the route's header rule is left as it is. Needs `desired.traffic`.
   */
  headerRoute?: { header: string; value: string; enabled: boolean };
}

/** Policy target kinds whose manifest-kind name differs. */
const KIND_OF: Partial<Record<TargetKind, KindName>> = { helmrelease: 'flux-helmrelease' };

/**
 * The commit request for `request`: a quarantine guard first (it refuses a quarantined digest on
 * the very head being committed on, so a digest quarantined a moment ago cannot slip through),
 * then one change per image target, the route and the flag.
 */
export function desireCommit(desired: DesiredPolicy, request: DesireRequest): CommitRequest {
  const digest = request.image.digest.toString();
  const quarantineGuard: DesiredChange = {
    path: desired.quarantineFile,
    intent: `not quarantined ${digest}`,
    render(current) {
      assertNotQuarantined(current, digest, desired.quarantineFile);
      return current;
    },
  };
  const changes: DesiredChange[] = [
    quarantineGuard,
    ...desired.targets.map((target) => imageChange(target, request)),
  ];
  const routing = request.mirror !== undefined || request.headerRoute !== undefined;
  if ((request.weight !== undefined || routing) && desired.traffic) {
    const { traffic } = desired;
    const { weight: canary, mirror, headerRoute } = request;
    const route = { route: traffic.route, router: traffic.router };
    const intent = [
      ...(canary === undefined ? [] : [`weight ${traffic.router} ${traffic.route}=${canary}`]),
      ...(mirror === undefined ? [] : [`mirror ${traffic.route}=${mirror}`]),
      ...(headerRoute === undefined
        ? []
        : [`header ${headerRoute.header} ${headerRoute.enabled ? 'on' : 'off'}`]),
    ].join(', ');
    changes.push({
      path: traffic.path,
      intent,
      render: (current) => {
        let text = required(current, traffic.path);
        if (canary !== undefined) text = planSetWeight(text, traffic.path, { ...route, canary }).after;
        if (mirror !== undefined) {
          text = planSetMirror(text, traffic.path, { ...route, percent: mirror }).after;
        }
        if (headerRoute !== undefined) {
          text = planSetHeaderRoute(text, traffic.path, { ...route, ...headerRoute }).after;
        }
        return text;
      },
    });
  } else if (routing) {
    throw new ConfigurationError(
      'a mirror or header-route step needs desired.traffic: the route that sends the canary its requests',
    );
  }
  if (request.weight !== undefined && desired.flags) {
    const { flags } = desired;
    const percent = request.weight;
    changes.push({
      path: flags.path,
      intent: `flag ${flags.flag}=${percent}`,
      render: (current) =>
        planSetFlag(required(current, flags.path), flags.path, {
          flag: flags.flag,
          percent,
          provider: flags.provider,
        }).after,
    });
  }
  if (changes.length === 1) {
    throw new ConfigurationError(
      'desired: nothing to change; list image targets under desired.targets (and desired.traffic to step weights)',
    );
  }
  mergeSamePath(changes);
  const rollout =
    request.rollout ?? `${request.service ?? 'rollout'}-${request.image.digest.hex.slice(0, 12)}`;
  const weight = request.weight === undefined ? '' : ` at ${request.weight}%`;
  return {
    branch: desired.branch,
    headline: `glidepath: ${request.service ?? 'desire'} ${request.image.name}@${digest.slice(0, 19)}${weight}`,
    trailers: {
      'Glidepath-Rollout': rollout,
      ...(request.service ? { 'Glidepath-Service': request.service } : {}),
      ...(request.step ? { 'Glidepath-Step': request.step } : {}),
      ...(request.weight !== undefined ? { 'Glidepath-Weight': String(request.weight) } : {}),
      'Glidepath-Digest': digest,
      ...(request.evidence ? { 'Glidepath-Evidence': request.evidence } : {}),
    },
    changes,
  };
}

function imageChange(target: DesiredTarget, request: DesireRequest): DesiredChange {
  const kind = KIND_OF[target.kind] ?? (target.kind as KindName);
  const path = target.valuesPath ?? target.yamlPath;
  return {
    path: target.path,
    intent: `image ${target.kind}:${target.container ?? ''}=${request.image.toString()}`,
    render: (current) =>
      planSetImage(required(current, target.path), target.path, {
        image: request.image,
        kind,
        ...(target.container ? { container: target.container } : {}),
        ...(path ? { path: path.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key)) } : {}),
      }).after,
  };
}

/** Two targets in one file (a Deployment and its HTTPRoute side by side) become one change. */
function mergeSamePath(changes: DesiredChange[]): void {
  for (let i = 0; i < changes.length; i++) {
    for (let j = changes.length - 1; j > i; j--) {
      const [first, second] = [changes[i]!, changes[j]!];
      if (first.path !== second.path) continue;
      changes[i] = {
        path: first.path,
        intent: `${first.intent ?? ''}; ${second.intent ?? ''}`,
        render: (current) => second.render(first.render(current)),
      };
      changes.splice(j, 1);
    }
  }
}

function required(current: string | undefined, path: string): string {
  if (current === undefined) {
    throw new ConfigurationError(
      `does not exist on the branch; fix desired.targets/traffic/flags paths (repository-relative)`,
      path,
    );
  }
  return current;
}
