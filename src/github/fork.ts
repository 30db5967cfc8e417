/**
 * Evidence from a fork is attacker-controlled: a fork's workflow can write any JUnit, scan or SBOM
 * it likes. Glidepath refuses to admit on the strength of a run whose code came from a fork,
 * whichever event carried it here. Returns the fork's full name, or undefined when the run is the
 * repository's own.
 */
export function forkOrigin(eventName: string | undefined, payload: unknown): string | undefined {
  const event = (payload ?? {}) as Record<string, unknown>;
  const repository = fullName(event.repository);
  if (eventName === 'workflow_run') {
    const run = (event.workflow_run ?? {}) as Record<string, unknown>;
    const head = fullName(run.head_repository);
    return head && repository && head !== repository ? head : undefined;
  }
  if (
    eventName === 'pull_request' ||
    eventName === 'pull_request_target' ||
    eventName === 'pull_request_review'
  ) {
    const pull = (event.pull_request ?? {}) as Record<string, { repo?: unknown }>;
    const head = fullName(pull.head?.repo);
    const base = fullName(pull.base?.repo) ?? repository;
    return head && base && head !== base ? head : undefined;
  }
  return undefined;
}

function fullName(repo: unknown): string | undefined {
  const name = (repo as { full_name?: unknown } | null | undefined)?.full_name;
  return typeof name === 'string' ? name.toLowerCase() : undefined;
}
