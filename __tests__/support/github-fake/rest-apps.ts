/**
 * What a GitHub App does against the fake: authenticate as the App with a JWT it signs (RS256,
 * verified with the App's public key), exchange it for an installation token
 * (`POST /app/installations/{installation_id}/access_tokens`, which the fake then accepts like its
 * own token), and review a custom deployment protection rule
 * (`POST /repos/{o}/{r}/actions/runs/{run_id}/deployment_protection_rule`) with GitHub's rules
 * (reference/github-platform.md §1.3): only the App's installation token may review, with
 * Deployments write; a comment is at most 1,024 characters; at most 10 reports per run and
 * environment; and, our reading, one decision (a pending rule is no longer pending once decided).
 */
import { createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';
import { HttpError, type FakeApp, type RequestContext } from './context.js';
import { timestamp, type GateReviewRecord } from './model.js';
import type { RestHandler } from './rest-types.js';

/** GitHub's limit on the comment of a review (a status report or a decision). */
export const GATE_COMMENT_LIMIT = 1024;
/** GitHub's limit on reports posted to one run's rule for one environment. */
export const GATE_REPORT_LIMIT = 10;
/** Installation tokens live an hour on GitHub. */
const TOKEN_LIFETIME_MS = 3600 * 1000;
/** GitHub refuses a JWT whose `exp` is more than ten minutes ahead. */
const JWT_MAX_LIFETIME_S = 600;
/** Clock drift tolerated on `iat` (GitHub's docs tell Apps to back-date it by 60 s for drift). */
const JWT_DRIFT_S = 60;

const DEFAULT_PERMISSIONS: Readonly<Record<string, 'read' | 'write'>> = {
  actions: 'read',
  deployments: 'write',
  metadata: 'read',
};

/** The outcome of checking an App JWT. */
export type JwtCheck = { ok: true; appId: string } | { ok: false; message: string };

/** Whether `value` looks like a JWT (three base64url parts), as opposed to an opaque token. */
export function looksLikeJwt(value: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(value);
}

const keys = new WeakMap<FakeApp, KeyObject>();

/**
 * Verifies an App JWT the way GitHub does: RS256 over `header.payload` with the App's public key,
 * `iss` naming the App (id or client id), `iat` not in the future beyond drift, `exp` in the future
 * and at most ten minutes ahead. Messages are GitHub's (captured wording for `exp` and `iat`).
 */
export function verifyAppJwt(app: FakeApp | undefined, jwt: string, nowMs: number): JwtCheck {
  const undecodable: JwtCheck = { ok: false, message: 'A JSON web token could not be decoded' };
  if (app === undefined || !looksLikeJwt(jwt)) return undecodable;
  const [head, body, signature] = jwt.split('.') as [string, string, string];
  let header: { alg?: unknown };
  let claims: { iss?: unknown; iat?: unknown; exp?: unknown };
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as typeof header;
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as typeof claims;
  } catch {
    return undecodable;
  }
  let key = keys.get(app);
  if (key === undefined) {
    key = typeof app.publicKey === 'string' ? createPublicKey(app.publicKey) : app.publicKey;
    keys.set(app, key);
  }
  if (
    header.alg !== 'RS256' ||
    !verify('sha256', Buffer.from(`${head}.${body}`), key, Buffer.from(signature, 'base64url'))
  ) {
    return undecodable;
  }
  const now = Math.floor(nowMs / 1000);
  if (String(claims.iss) !== String(app.id) && (app.clientId === undefined || claims.iss !== app.clientId)) {
    return { ok: false, message: 'Integration not found' };
  }
  if (typeof claims.iat !== 'number' || claims.iat > now + JWT_DRIFT_S) {
    return {
      ok: false,
      message:
        "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued",
    };
  }
  if (typeof claims.exp !== 'number' || claims.exp <= now) {
    return {
      ok: false,
      message:
        "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
    };
  }
  if (claims.exp > now + JWT_MAX_LIFETIME_S) {
    return { ok: false, message: "'Expiration time' claim ('exp') is too far in the future" };
  }
  return { ok: true, appId: String(app.id) };
}

const createInstallationAccessToken: RestHandler = async (ctx, req) => {
  const app = ctx.app;
  // index.ts lets only a verified App JWT reach this handler.
  if (app === undefined || ctx.caller.kind !== 'app')
    throw new HttpError(401, 'A JSON web token could not be decoded');
  const installationId = Number(req.params.installation_id);
  if (!(app.installations ?? [1]).includes(installationId)) throw new HttpError(404, 'Not Found');
  const granted = app.permissions ?? DEFAULT_PERMISSIONS;
  const asked = (req.body.permissions ?? undefined) as Record<string, string> | undefined;
  if (asked !== undefined) {
    for (const [name, level] of Object.entries(asked)) {
      const has = granted[name];
      if (has === undefined || (level === 'write' && has !== 'write')) {
        throw new HttpError(422, 'The permissions requested are not granted to this installation.');
      }
    }
  }
  const permissions = asked ?? { ...granted };
  const token = `ghs_${randomBytes(27).toString('base64url').replace(/[-_]/g, 'x').slice(0, 36)}`;
  const expiresAt = ctx.now().getTime() + TOKEN_LIFETIME_MS;
  ctx.state.installationTokens.set(token, { token, installationId, expiresAt, permissions });
  return {
    status: 201,
    body: {
      token,
      expires_at: timestamp(new Date(expiresAt)),
      permissions,
      repository_selection: 'all',
    },
  };
};

const reviewCustomGatesForRun: RestHandler = async (ctx, req) => {
  // "GitHub Apps can only review their own custom deployment protection rules": GITHUB_TOKEN or a
  // PAT cannot, and the App's token needs Deployments write.
  const caller = ctx.caller;
  if (caller.kind !== 'installation' || caller.permissions.deployments !== 'write') {
    throw new HttpError(403, 'Resource not accessible by integration');
  }
  const runId = Number(req.params.run_id);
  const body = req.body as { environment_name: string; state?: 'approved' | 'rejected'; comment?: string };
  if (body.comment !== undefined && body.comment.length > GATE_COMMENT_LIMIT) {
    throw validationFailed(
      'comment',
      'too_long',
      `comment is too long (maximum is ${GATE_COMMENT_LIMIT} characters)`,
    );
  }
  const earlier = ctx.state.gateReviews.filter(
    (r) => r.runId === runId && r.environment === body.environment_name,
  );
  if (earlier.length >= GATE_REPORT_LIMIT) {
    throw validationFailed(
      'comment',
      'custom',
      `at most ${GATE_REPORT_LIMIT} status reports can be posted for a deployment protection rule`,
    );
  }
  if (earlier.some((r) => r.state !== undefined)) {
    throw validationFailed('state', 'custom', 'the deployment protection rule was already reviewed');
  }
  const record: GateReviewRecord = {
    runId,
    environment: body.environment_name,
    ...(body.state !== undefined ? { state: body.state } : {}),
    ...(body.comment !== undefined ? { comment: body.comment } : {}),
    installationId: caller.installationId,
    at: timestamp(ctx.now()),
  };
  ctx.state.gateReviews.push(record);
  ctx.emit('gate_review', record);
  return { status: 204 };
};

function validationFailed(field: string, code: string, message: string): HttpError {
  return new HttpError(422, 'Validation Failed', {
    errors: [{ resource: 'DeploymentProtectionRule', field, code, message }],
  });
}

/** Handlers by operationId. */
export const appHandlers: Record<string, RestHandler> = {
  'apps/create-installation-access-token': createInstallationAccessToken,
  'actions/review-custom-gates-for-run': reviewCustomGatesForRun,
};

/** Who an `Authorization` value belongs to, or why it is refused (the body of a 401). */
export function resolveCaller(
  ctx: Pick<RequestContext, 'app' | 'state' | 'now'>,
  authorization: string | undefined,
  fakeToken: string,
): { caller: RequestContext['caller'] } | { refused: string } {
  const credential = /^(?:token|bearer)\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
  if (credential === undefined)
    return { refused: authorization ? 'Bad credentials' : 'Requires authentication' };
  if (credential === fakeToken) return { caller: { kind: 'token' } };
  const issued = ctx.state.installationTokens.get(credential);
  if (issued !== undefined) {
    return issued.expiresAt > ctx.now().getTime()
      ? {
          caller: {
            kind: 'installation',
            installationId: issued.installationId,
            permissions: issued.permissions,
          },
        }
      : { refused: 'Bad credentials' };
  }
  if (looksLikeJwt(credential)) {
    const check = verifyAppJwt(ctx.app, credential, ctx.now().getTime());
    return check.ok ? { caller: { kind: 'app', appId: check.appId } } : { refused: check.message };
  }
  return { refused: 'Bad credentials' };
}
