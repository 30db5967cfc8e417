#!/usr/bin/env node
/**
 * The one program with two faces: `glidepath <command>` on a terminal, or the composite action's
 * step (no arguments, inputs in INPUT_* variables). Both return the same exit statuses.
 */
import { VERSION } from './version.js';

const MIN_NODE = [20, 17];
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < MIN_NODE[0]! || (major === MIN_NODE[0] && minor < MIN_NODE[1]!)) {
  process.stderr.write(
    `glidepath: Node.js ${MIN_NODE.join('.')} or newer is required; this is ${process.versions.node}\n`,
  );
  process.exit(2);
}

// Stack traces of internal errors point into the sources, not the bundle, when debugging: the
// bundle's modules load after this line (each command's module only when it runs), so Node maps
// them through dist/*.map. Off by default: parsing the maps costs ~50 MB.
if (process.env.GLIDEPATH_DEBUG) process.setSourceMapsEnabled(true);

// Lets the bundle resolve what kubernetes-models loads at run time (see the module); it must run
// before any command module is imported.
await import('./manifests/bundled-require.js');

const args = process.argv.slice(2);
const actionFace = args.length === 0 && process.env.INPUT_COMMAND !== undefined;
const status = actionFace
  ? await (await import('./action/run.js')).runAction()
  : await (
      await import('./cli/main.js')
    ).runCli(
      args,
      {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
        cwd: process.cwd(),
        now: () => new Date(),
        env: process.env,
      },
      VERSION,
    );
process.exitCode = status;
