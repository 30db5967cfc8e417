import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigurationError, ExitCode, GlidepathError, UsageError } from '../../errors.js';
import { ImageRef } from '../../evidence/image-ref.js';
import { unifiedDiff } from '../../manifests/diff.js';
import { planSetImage } from '../../manifests/set-image.js';
import type { ManifestPlan } from '../../manifests/set-image.js';
import { replaceFile } from '../replace-file.js';
import type { CliIo, Command, OptionValues } from '../command.js';

/** Everything `edit set-image` needs, parsed from the command line. */
export interface SetImageSettings {
  /** Manifest files, as the user typed them. */
  files: string[];
  /** The image to set, pinned by digest. */
  image: ImageRef;
  /** The container to set; without it, containers already running the image's repository. */
  container?: string;
  /** Edit the files in place instead of printing a diff. */
  write: boolean;
}

/** What happened to each file. */
export interface SetImageOutcome {
  file: string;
  plan: ManifestPlan;
}

/**
 * Plans the image change in every file, then prints the diffs or writes the files. Every file is
 * planned before any is written, so one refused file leaves all of them untouched; the refusals
 * are printed together so a user fixes them in one pass.
 *
 * Files are read and written synchronously on purpose: this runs over thousands of small files in
 * one process (a whole GitOps repository), where the promise machinery per file costs more than
 * the disk.
 */
export function editSetImage(
  settings: SetImageSettings,
  io: Pick<CliIo, 'cwd' | 'stdout' | 'stderr'>,
): { outcomes: SetImageOutcome[]; refused: number } {
  const outcomes: SetImageOutcome[] = [];
  const texts = new Map<string, string>();
  let refused = 0;
  for (const file of settings.files) {
    try {
      const text = readManifest(resolve(io.cwd, file), file);
      texts.set(file, text);
      const plan = planSetImage(text, file, { image: settings.image, container: settings.container });
      outcomes.push({ file, plan });
    } catch (error) {
      if (!(error instanceof GlidepathError)) throw error;
      refused += 1;
      io.stderr(`${error.message}\n`);
    }
  }
  if (refused > 0) {
    io.stderr(
      `glidepath: ${refused} of ${settings.files.length} files refused; nothing was ${settings.write ? 'written' : 'changed'}\n`,
    );
    return { outcomes, refused };
  }
  for (const { file, plan } of outcomes) {
    if (plan.changes.length === 0) {
      io.stderr(`${file}: already at ${settings.image.toString()}; nothing to change\n`);
    } else if (settings.write) {
      replaceFile(resolve(io.cwd, file), plan.after);
    } else {
      io.stdout(unifiedDiff(texts.get(file)!, plan.after, file));
    }
  }
  return { outcomes, refused };
}

function readManifest(path: string, file: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`cannot read the file: ${(error as Error).message}`, file, { cause: error });
  }
}

function settingsFrom(values: OptionValues): SetImageSettings {
  const files = (values.files as string[] | undefined) ?? [];
  if (files.length === 0) throw new UsageError('give at least one FILE');
  const image = values.image;
  if (typeof image !== 'string') throw new UsageError('--image REF is required');
  const container = values.container;
  return {
    files,
    image: ImageRef.parse(image, '--image'),
    container: typeof container === 'string' ? container : undefined,
    write: values.write === true,
  };
}

/** `glidepath edit set-image FILE... --image REF [--container NAME] [--write]`. */
export const editSetImageCommand: Command = {
  name: 'set-image',
  summary: 'set a container image, pinned by digest, in manifest files',
  description: [
    'Finds the image in every document of each file and prints the change as a unified diff;',
    'with --write the files are edited in place. Only the image values change: comments,',
    'quoting, key order, anchors and line endings stay as they are.',
    '',
    'Recognised: Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod and Argo',
    'Rollout (containers and initContainers), kustomization images (an entry is added when',
    'missing), Flux HelmRelease spec.values.image and Helm values image blocks (repository +',
    'digest, repository + tag written as TAG@digest, or one image string). Documents of other',
    'kinds are left alone. Without --container, the containers already running the image',
    'repository are set; a workload with a single container is set whatever it runs.',
    '',
    'Edited workloads are validated against the Kubernetes (1.27) and Argo Rollouts schemas; an',
    'invalid result, an unknown container or a file with nothing to set is refused with',
    'FILE:LINE and no file is written.',
    '',
    'Exit status: 0 done (also when the files already hold the image), 2 bad usage, unreadable',
    'file or a refused edit (nothing is written), 70 internal error.',
  ].join('\n'),
  options: [
    {
      name: 'files',
      type: 'string',
      multiple: true,
      positional: true,
      required: true,
      placeholder: 'FILE...',
      description: 'manifest files (YAML or JSON, any number of documents each)',
    },
    {
      name: 'image',
      type: 'string',
      required: true,
      placeholder: 'REF',
      description: 'image pinned by digest: registry/repo[:tag]@sha256:<64 hex>; a tag alone is refused',
    },
    {
      name: 'container',
      type: 'string',
      placeholder: 'NAME',
      description: 'the container (or init container) to set, when the image repository does not pick it',
    },
    { name: 'write', type: 'boolean', description: 'edit the files in place instead of printing a diff' },
  ],
  examples: [
    'glidepath edit set-image apps/checkout/deployment.yaml --image ghcr.io/acme/checkout@sha256:<digest>',
    'glidepath edit set-image overlays/prod/kustomization.yaml --image ghcr.io/acme/checkout:1.4.2@sha256:<digest> --write',
    'glidepath edit set-image pod.yaml --image ghcr.io/acme/migrate@sha256:<digest> --container migrate',
  ],
  // async although the work is synchronous, so bad input surfaces as a rejection like every command's.
  async run(values, io) {
    const { refused } = editSetImage(settingsFrom(values), io);
    return refused > 0 ? ExitCode.configuration : ExitCode.ok;
  },
};
