import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  cloneCheckout,
  createBareRepo,
  GitCommandError,
  gitText,
  runGit,
  startGitRemote,
  type GitRemote,
  type TempBareRepo,
} from '../../support/git-remote.js';

describe('git remote harness: real bare repositories behind git http-backend with token auth', () => {
  let bare: TempBareRepo;
  let remote: GitRemote;

  beforeAll(async () => {
    bare = await createBareRepo({
      files: {
        'apps/web/kustomization.yaml': 'images:\n  - name: web\n    newTag: "1.0.0"\n',
        'README.md': '# gitops\n',
      },
    });
    remote = await startGitRemote({ repos: { 'acme/gitops': bare.path }, token: 'ghs_remote_token' });
  });

  afterAll(async () => {
    try {
      await remote.close();
    } finally {
      await bare.dispose();
    }
  });

  it('seeds the bare repository with one deterministic commit on main', async () => {
    expect(bare.head).toMatch(/^[0-9a-f]{40}$/);
    const files = await gitText(['--git-dir', bare.path, 'ls-tree', '-r', '--name-only', 'main']);
    expect(files.split('\n')).toEqual(['README.md', 'apps/web/kustomization.yaml']);
    const again = await createBareRepo({
      files: {
        'apps/web/kustomization.yaml': 'images:\n  - name: web\n    newTag: "1.0.0"\n',
        'README.md': '# gitops\n',
      },
    });
    expect(again.head).toBe(bare.head);
    await again.dispose();
  });

  it('clones with the token and pushes a commit back', async () => {
    const work = await cloneCheckout(remote.authenticatedUrl('acme/gitops'));
    try {
      const file = join(work.dir, 'apps/web/kustomization.yaml');
      await writeFile(file, (await readFile(file, 'utf8')).replace('1.0.0', '1.1.0'));
      await work.git(['commit', '--quiet', '-am', 'web 1.1.0']);
      await work.git(['push', '--quiet', 'origin', 'HEAD:main']);
      const head = await gitText(['rev-parse', 'HEAD'], { cwd: work.dir });
      expect(await gitText(['--git-dir', bare.path, 'rev-parse', 'main'])).toBe(head);
      expect(remote.stats().pushes).toBeGreaterThanOrEqual(1);
    } finally {
      await work.dispose();
    }
  });

  it('authenticates through an http.extraheader, the way actions/checkout does', async () => {
    const work = await cloneCheckout(remote.url('acme/gitops'), {
      config: { 'http.extraheader': remote.extraHeader() },
    });
    try {
      expect(await gitText(['log', '-1', '--format=%s'], { cwd: work.dir })).toBe('web 1.1.0');
    } finally {
      await work.dispose();
    }
  });

  it('refuses a wrong token with 401 and no data', async () => {
    const refusedBefore = remote.stats().unauthorized;
    const error = await runGit(['ls-remote', remote.authenticatedUrl('acme/gitops', 'wrong-token')]).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(GitCommandError);
    expect((error as GitCommandError).stderr).toMatch(/Authentication failed|401/);
    expect(remote.stats().unauthorized).toBeGreaterThan(refusedBefore);

    const response = await fetch(`${remote.url('acme/gitops')}/info/refs?service=git-upload-pack`, {
      headers: { authorization: `Basic ${Buffer.from('x-access-token:wrong').toString('base64')}` },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
  });

  it('answers 404 for a repository it does not serve', async () => {
    const response = await fetch(`${remote.url('acme/other')}/info/refs?service=git-upload-pack`, {
      headers: { authorization: `Basic ${Buffer.from(`x-access-token:${remote.token}`).toString('base64')}` },
    });
    expect(response.status).toBe(404);
  });
});
