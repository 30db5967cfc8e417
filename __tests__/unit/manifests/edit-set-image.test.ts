import { describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editSetImageCommand } from '../../../src/cli/commands/edit-set-image.js';
import type { CliIo } from '../../../src/cli/command.js';
import { ConfigurationError, ExitCode } from '../../../src/errors.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'manifests');
const DIGEST = 'sha256:4f6d1c0e9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d';
const IMAGE = `ghcr.io/acme/checkout:1.4.2@${DIGEST}`;

/** A working directory with copies of fixture inputs, and an io that records output. */
function workspace(files: Record<string, string>) {
  const cwd = mkdtempSync(join(tmpdir(), 'glidepath-set-image-'));
  for (const [name, fixture] of Object.entries(files)) copyFileSync(join(FIXTURES, fixture), join(cwd, name));
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { cwd, stdout: (t) => out.push(t), stderr: (t) => err.push(t), now: () => new Date(0) };
  return {
    cwd,
    io,
    out: () => out.join(''),
    err: () => err.join(''),
    read: (name: string) => readFileSync(join(cwd, name), 'utf8'),
  };
}

describe('glidepath edit set-image', () => {
  it('declares FILE... as the first option, positional and repeatable', () => {
    expect(editSetImageCommand.options[0]).toMatchObject({
      name: 'files',
      multiple: true,
      positional: true,
      placeholder: 'FILE...',
    });
  });

  it('prints a unified diff and leaves the files alone by default', async () => {
    const ws = workspace({
      'deploy.yaml': 'deployment/with-service.input.yaml',
      'kustomization.yaml': 'kustomization/overlay-newtag.input.yaml',
    });
    const code = await editSetImageCommand.run(
      { files: ['deploy.yaml', 'kustomization.yaml'], image: IMAGE },
      ws.io,
    );
    expect(code).toBe(ExitCode.ok);
    expect(ws.out()).toContain('--- a/deploy.yaml\n+++ b/deploy.yaml\n@@ -23,7 +23,7 @@\n');
    expect(ws.out()).toContain(`+          image: "${IMAGE}"  # pinned by the release bot\n`);
    expect(ws.out()).toContain(`--- a/kustomization.yaml\n+++ b/kustomization.yaml\n`);
    expect(ws.read('deploy.yaml')).toBe(
      readFileSync(join(FIXTURES, 'deployment/with-service.input.yaml'), 'utf8'),
    );
  });

  it('--write edits in place (and leaves no temporary files)', async () => {
    const ws = workspace({ 'deploy.yaml': 'deployment/with-service.input.yaml' });
    const code = await editSetImageCommand.run({ files: ['deploy.yaml'], image: IMAGE, write: true }, ws.io);
    expect(code).toBe(ExitCode.ok);
    expect(ws.out()).toBe('');
    expect(ws.read('deploy.yaml')).toBe(
      readFileSync(join(FIXTURES, 'deployment/with-service.expected.yaml'), 'utf8'),
    );
    expect(readdirSync(ws.cwd)).toEqual(['deploy.yaml']);
  });

  it('exits 0 with a note when the files already hold the image', async () => {
    const ws = workspace({ 'deploy.yaml': 'deployment/with-service.expected.yaml' });
    const code = await editSetImageCommand.run({ files: ['deploy.yaml'], image: IMAGE, write: true }, ws.io);
    expect(code).toBe(ExitCode.ok);
    expect(ws.out()).toBe('');
    expect(ws.err()).toBe(`deploy.yaml: already at ghcr.io/acme/checkout@${DIGEST}; nothing to change\n`);
  });

  it('writes nothing when any file is refused, and names each refusal', async () => {
    const ws = workspace({
      'deploy.yaml': 'deployment/with-service.input.yaml',
      'pod.yaml': 'pod/init-container.input.yaml',
    });
    const code = await editSetImageCommand.run(
      { files: ['deploy.yaml', 'pod.yaml'], image: IMAGE, container: 'web', write: true },
      ws.io,
    );
    expect(code).toBe(ExitCode.configuration);
    expect(ws.err()).toMatch(/^pod\.yaml:\d+: no container is named "web"/m);
    expect(ws.err()).toContain('1 of 2 files refused; nothing was written');
    expect(ws.read('deploy.yaml')).toBe(
      readFileSync(join(FIXTURES, 'deployment/with-service.input.yaml'), 'utf8'),
    );
  });

  it('refuses an unreadable file with exit 2', async () => {
    const ws = workspace({});
    const code = await editSetImageCommand.run({ files: ['missing.yaml'], image: IMAGE }, ws.io);
    expect(code).toBe(ExitCode.configuration);
    expect(ws.err()).toMatch(/^missing\.yaml: cannot read the file: ENOENT/);
  });

  it('refuses an image given by tag only', async () => {
    const ws = workspace({ 'deploy.yaml': 'deployment/with-service.input.yaml' });
    await expect(
      editSetImageCommand.run({ files: ['deploy.yaml'], image: 'ghcr.io/acme/checkout:1.4.2' }, ws.io),
    ).rejects.toThrow(ConfigurationError);
    await expect(
      editSetImageCommand.run({ files: ['deploy.yaml'], image: 'ghcr.io/acme/checkout:1.4.2' }, ws.io),
    ).rejects.toThrow(/--image: .*tags can move/);
  });

  it('keeps the file mode when writing', async () => {
    const ws = workspace({});
    writeFileSync(join(ws.cwd, 'values.yaml'), 'image: ghcr.io/acme/checkout:1.0\n', { mode: 0o640 });
    await editSetImageCommand.run({ files: ['values.yaml'], image: IMAGE, write: true }, ws.io);
    expect(ws.read('values.yaml')).toBe(`image: ${IMAGE}\n`);
  });
});
