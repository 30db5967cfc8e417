import { describe, expect, it } from '@jest/globals';
import { forkOrigin } from '../../../src/github/fork.js';

describe('forkOrigin: evidence from forks is refused', () => {
  it.each([
    [
      'workflow_run from a fork',
      'workflow_run',
      { repository: { full_name: 'acme/app' }, workflow_run: { head_repository: { full_name: 'eve/app' } } },
      'eve/app',
    ],
    [
      'workflow_run from the repository itself',
      'workflow_run',
      { repository: { full_name: 'acme/app' }, workflow_run: { head_repository: { full_name: 'Acme/App' } } },
      undefined,
    ],
    [
      'pull_request from a fork',
      'pull_request',
      {
        pull_request: { head: { repo: { full_name: 'eve/app' } }, base: { repo: { full_name: 'acme/app' } } },
      },
      'eve/app',
    ],
    [
      'pull_request_target from a fork',
      'pull_request_target',
      {
        pull_request: { head: { repo: { full_name: 'eve/app' } }, base: { repo: { full_name: 'acme/app' } } },
      },
      'eve/app',
    ],
    [
      'pull_request from a branch',
      'pull_request',
      {
        pull_request: {
          head: { repo: { full_name: 'acme/app' } },
          base: { repo: { full_name: 'acme/app' } },
        },
      },
      undefined,
    ],
    ['push', 'push', { repository: { full_name: 'acme/app' } }, undefined],
    ['no event (a terminal)', undefined, undefined, undefined],
  ])('%s', (_label, eventName, payload, expected) => {
    expect(forkOrigin(eventName, payload)).toBe(expected);
  });
});
