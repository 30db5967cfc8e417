import { spawnSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../src/errors.js';
import {
  formatCommitMessage,
  formatTrailers,
  parseTrailerLines,
  parseTrailers,
} from '../../../src/gitops/trailers.js';
import type { Trailers } from '../../../src/gitops/types.js';

const DIGEST = `sha256:${'4f'.repeat(32)}`;

/** What `git interpret-trailers --parse` prints for `message`, as key/value pairs. */
function gitParse(message: string): { key: string; value: string }[] {
  const result = spawnSync('git', ['-c', 'trailer.separators=:', 'interpret-trailers', '--parse'], {
    input: message,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(':');
      return { key: line.slice(0, colon), value: line.slice(colon + 1).trim() };
    });
}

describe('formatCommitMessage', () => {
  it('writes headline, body and trailers in TRAILER_KEYS order', () => {
    const message = formatCommitMessage('Step checkout to 25%', 'Error rate 0.02% (limit 0.1%).', {
      'Glidepath-Weight': '25',
      'Glidepath-Rollout': 'checkout-42',
      'Glidepath-Digest': DIGEST,
      'Glidepath-Step': '3/6',
    });
    expect(message).toBe(
      [
        'Step checkout to 25%',
        '',
        'Error rate 0.02% (limit 0.1%).',
        '',
        'Glidepath-Rollout: checkout-42',
        'Glidepath-Step: 3/6',
        'Glidepath-Weight: 25',
        `Glidepath-Digest: ${DIGEST}`,
        '',
      ].join('\n'),
    );
  });

  it('leaves out an empty body', () => {
    expect(formatCommitMessage('Revert', undefined, { 'Glidepath-Revert-Of': 'abc' })).toBe(
      'Revert\n\nGlidepath-Revert-Of: abc\n',
    );
  });

  it('folds a multi-line headline into one line', () => {
    expect(formatCommitMessage('a\nb', undefined, {})).toBe('a b\n');
  });

  it.each([
    ['an empty value', { 'Glidepath-Step': ' ' }],
    ['a newline', { 'Glidepath-Verdict': 'fail\nGlidepath-Weight: 100' }],
  ] as [string, Trailers][])('refuses %s', (_, trailers) => {
    expect(() => formatTrailers(trailers)).toThrow(ConfigurationError);
  });

  it('keeps a body line that looks like a patch divider from hiding the trailers', () => {
    const message = formatCommitMessage('Revert', 'reason:\n---\nsee the run', {
      'Glidepath-Verdict': 'fail',
    });
    expect(parseTrailers(message)).toEqual({ 'Glidepath-Verdict': 'fail' });
    expect(gitParse(message)).toEqual([{ key: 'Glidepath-Verdict', value: 'fail' }]);
  });
});

describe('round trip', () => {
  const every: Trailers = {
    'Glidepath-Rollout': 'checkout-production-42',
    'Glidepath-Service': 'checkout',
    'Glidepath-Step': '3/6',
    'Glidepath-Weight': '25',
    'Glidepath-Digest': DIGEST,
    'Glidepath-Evidence': `sha256:${'0a'.repeat(32)}`,
    'Glidepath-Verdict': 'pass',
    'Glidepath-Revert-Of': '8d2f1c0b9a7e6d5c4b3a29180716253443526170',
    'Glidepath-Intent': `sha256:${'1'.repeat(32)}`,
  };

  it.each([
    ['no body', undefined],
    ['a one-line body', 'Promoted after 10m bake.'],
    ['a body that itself ends in Key: value lines', 'Evidence:\nTests: 120 passed\nScan: 0 high'],
    ['a body with comment-like lines', '# not a comment in a commit object\nbut git skips it when parsing'],
  ])('parses what it formats (%s), and git agrees', (_, body) => {
    const message = formatCommitMessage('Step checkout', body, every);
    expect(parseTrailers(message)).toEqual(every);
    expect(gitParse(message)).toEqual(parseTrailerLines(message));
  });
});

describe('parseTrailerLines follows git interpret-trailers --parse', () => {
  it.each([
    ['only a title', 'Glidepath-Step: 1/5\n'],
    ['title and trailers', 'Title\n\nGlidepath-Step: 1/5\nGlidepath-Weight: 5\n'],
    ['a paragraph that is not all trailers', 'Title\n\nGlidepath-Step: 1/5\nsome prose\n'],
    [
      'a git-generated trailer among prose (25% rule)',
      'Title\n\nprose one\nprose two\nSigned-off-by: A <a@b>\nX-Key: v\n',
    ],
    [
      'a continuation line',
      'Title\n\nGlidepath-Verdict: fail because\n  the error rate rose\nGlidepath-Weight: 0\n',
    ],
    ['space before the colon', 'Title\n\nGlidepath-Step : 2/5\n'],
    ['a patch divider', 'Title\n\nGlidepath-Step: 2/5\n---\n diff\n'],
    ['trailing blank and comment lines', 'Title\n\nGlidepath-Step: 2/5\n\n# comment\n\n'],
    ['CRLF line endings', 'Title\r\n\r\nGlidepath-Step: 2/5\r\n'],
    ['a URL value', 'Title\n\nSee: https://example.com/a:b\n'],
    ['a key with a space in it', 'Title\n\nNot A-Key: value\n'],
    ['a line starting with a colon', 'Title\n\n: value\nKey: v\n'],
    ['trailers only in an earlier paragraph', 'Title\n\nKey: v\n\nprose at the end\n'],
  ])('%s', (_, message) => {
    expect(parseTrailerLines(message)).toEqual(gitParse(message));
  });

  it('matches keys case-insensitively and lets the last repeat win', () => {
    expect(parseTrailers('T\n\nglidepath-step: 1/5\nGLIDEPATH-STEP: 2/5\nOther: x\n')).toEqual({
      'Glidepath-Step': '2/5',
    });
  });
});
