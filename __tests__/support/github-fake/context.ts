/**
 * What every handler of the fake (REST and GraphQL) works with: the repository, git, the in-memory
 * records, the actor and clock, events, and the shared "commit as the token" operation.
 */
import type { KeyObject } from 'node:crypto';
import { type GitPerson, type GitStore, type TreeChange } from './git-store.js';
import {
  type ArtifactRecord,
  type DeploymentRecord,
  type DeploymentStatusRecord,
  type DispatchRecord,
  type FakeActor,
  type FakeState,
  type GateReviewRecord,
  type PullRecord,
  type RepoIdentity,
  timestamp,
} from './model.js';

/** Events a test can observe with `fake.on(name, listener)`. */
export interface FakeEvents {
  /** A deployment was created. */
  deployment: DeploymentRecord;
  /** A deployment status was created (also the automatic `inactive` ones). */
  deployment_status: DeploymentStatusRecord;
  /** A workflow_dispatch was accepted. */
  workflow_dispatch: DispatchRecord;
  /** A branch moved because of a request to the fake (or an injected interfering commit). */
  ref_update: { ref: string; before: string | null; after: string; via: string };
  /** A pull request was opened, merged or had auto-merge enabled. */
  pull_request: { action: 'opened' | 'merged' | 'auto_merge_enabled'; pull: PullRecord };
  /** An artifact was downloaded. */
  artifact_download: ArtifactRecord;
  /** The App reviewed a deployment protection rule (a decision or a status report). */
  gate_review: GateReviewRecord;
}

/** Listener type for one event. */
export type FakeListener<K extends keyof FakeEvents> = (payload: FakeEvents[K]) => void;

/** An HTTP error answered in GitHub's error shape (`message`, `documentation_url`, `status`). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Extra body fields (e.g. `errors` of a 422). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Shared state and services handed to every handler. */
export interface FakeContext {
  repo: RepoIdentity;
  store: GitStore;
  state: FakeState;
  actor: FakeActor;
  /** The GitHub App, when the fake was started with one. */
  app: FakeApp | undefined;
  now(): Date;
  /** The repository's default branch (HEAD of the bare repository). */
  defaultBranch(): Promise<string>;
  emit<K extends keyof FakeEvents>(event: K, payload: FakeEvents[K]): void;
}

/** A snapshot of one rate-limit bucket. */
export interface RateLimitSnapshot {
  resource: 'core' | 'graphql';
  limit: number;
  remaining: number;
  used: number;
  /** Epoch seconds when the bucket refills. */
  reset: number;
}

/**
 * Who made a request, from its `Authorization` header: the fake's token (GITHUB_TOKEN or a PAT),
 * an installation token the fake issued to the App, or the App itself (a JWT it signed).
 */
export type FakeCaller =
  | { kind: 'token' }
  | { kind: 'installation'; installationId: number; permissions: Readonly<Record<string, string>> }
  | { kind: 'app'; appId: string };

/** The GitHub App the fake knows (option `app` of `startGitHubFake`). */
export interface FakeApp {
  /** The App id (a JWT's `iss`); the App's client id is accepted too, as on GitHub. */
  id: number;
  clientId?: string;
  /** PEM (SPKI) or KeyObject: the public half of the App's private key, which verifies its JWTs. */
  publicKey: string | KeyObject;
  /** Installations that exist; default `[1]`. */
  installations?: readonly number[];
  /** Permissions granted to the App; default actions read, deployments write, metadata read. */
  permissions?: Readonly<Record<string, 'read' | 'write'>>;
}

/** Per-request additions to the context. */
export interface RequestContext extends FakeContext {
  /** Who sent the request. */
  caller: FakeCaller;
  /** Records that this request read a branch head (arms the "stale head" fault). */
  noteRefRead(branch: string): void;
  /** The current numbers of a rate-limit bucket. */
  rateLimit(resource: 'core' | 'graphql'): RateLimitSnapshot;
}

/** The committer GitHub writes on commits it creates and signs for API callers ("web-flow"). */
export const GITHUB_WEB_FLOW = { name: 'GitHub', email: 'noreply@github.com' };

/** The person line for the token's actor at the fake's current time. */
export function actorPerson(ctx: FakeContext): GitPerson {
  return { name: ctx.actor.name, email: ctx.actor.email, date: timestamp(ctx.now()) };
}

/** Result of {@link commitOnBranch}. */
export type CommitOnBranchResult = { ok: true; oid: string } | { ok: false; head: string | undefined };

/**
 * Writes a commit with `changes` on top of `parent` and moves `refs/heads/BRANCH` from `parent` to
 * it with a compare-and-swap. Returns `ok: false` (nothing moved) when the branch no longer points
 * at `parent`. The commit object may exist unreferenced afterwards; git's gc handles that, as
 * GitHub's does.
 */
export async function commitOnBranch(
  ctx: FakeContext,
  input: {
    branch: string;
    parent: string;
    changes: readonly TreeChange[];
    message: string;
    author?: GitPerson;
    committer?: GitPerson;
    /** Reported as verified (GitHub signs commits it authors for bots and API callers). */
    verified: boolean;
    via: string;
  },
): Promise<CommitOnBranchResult> {
  const parent = await ctx.store.readCommit(input.parent);
  const tree = await ctx.store.buildTree(parent.tree, input.changes);
  const author = input.author ?? actorPerson(ctx);
  const committer = input.committer ?? { ...GITHUB_WEB_FLOW, date: author.date };
  const oid = await ctx.store.commitTree({
    tree,
    parents: [parent.oid],
    message: input.message,
    author,
    committer,
  });
  const ref = `refs/heads/${input.branch}`;
  if (!(await ctx.store.updateRef(ref, oid, parent.oid))) {
    return { ok: false, head: await ctx.store.readRef(ref) };
  }
  if (input.verified) ctx.state.verifiedCommits.add(oid);
  ctx.emit('ref_update', { ref, before: parent.oid, after: oid, via: input.via });
  return { ok: true, oid };
}
