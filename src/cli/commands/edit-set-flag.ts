import { ExitCode, UsageError } from '../../errors.js';
import { Weight } from '../../traffic/routers/types.js';
import { planSetFlag, type SetFlagRequest, type SetFlagResult } from '../../traffic/flags/set-flag.js';
import type { FlagExposure } from '../../traffic/flags/types.js';
import type { CliIo, Command, OptionValues } from '../command.js';
import { editOneFile, oneFile, stringOption } from '../replace-file.js';

/** Everything `edit set-flag` needs, parsed from the command line. */
export interface SetFlagSettings {
  /** The flagd flag file, as the user typed it. */
  file: string;
  /** What to set: a split (`percent`) or the kill switch (`off`), with the flag and its variants. */
  request: SetFlagRequest;
  /** Edit the file in place instead of printing a diff. */
  write: boolean;
}

/** Plans the edit and either prints it as a unified diff or writes it: the call the command wraps. */
export async function editSetFlag(
  settings: SetFlagSettings,
  io: Pick<CliIo, 'cwd' | 'stdout' | 'stderr'>,
): Promise<SetFlagResult> {
  const flag = `flag "${settings.request.flag}"`;
  const wanted = settings.request.off ? 'off for everyone' : `on for ${String(settings.request.percent)} %`;
  return editOneFile(
    settings.file,
    { ...io, write: settings.write },
    (text) => planSetFlag(text, settings.file, settings.request),
    {
      unchanged: () => `${flag} is ${wanted} already`,
      written: (plan) => `${flag} is ${wanted} (was ${describe(plan.before)})`,
    },
  );
}

function describe(exposure: FlagExposure): string {
  switch (exposure.mode) {
    case 'static':
      return exposure.percent === undefined ? 'the code default' : `${exposure.percent} % on`;
    case 'split':
      return `a ${Number(exposure.percent?.toFixed(2))} % split`;
    case 'rules':
      return 'decided by targeting rules';
    case 'disabled':
      return 'disabled';
  }
}

function settingsFrom(values: OptionValues): SetFlagSettings {
  const file = oneFile(values);
  const text = (name: string): string | undefined => stringOption(values, name);
  const flag = text('flag');
  if (flag === undefined) throw new UsageError('--flag KEY is required');
  const percent = text('percent');
  const off = values.off === true;
  if ((percent === undefined) === !off) {
    throw new UsageError(
      off
        ? 'give either --percent PCT or --off, not both'
        : 'give --percent PCT (a split) or --off (the kill switch)',
    );
  }
  const common = { flag, onVariant: text('on-variant'), offVariant: text('off-variant') };
  let request: SetFlagRequest;
  if (percent === undefined) {
    request = { ...common, off: true };
  } else {
    try {
      request = { ...common, percent: Weight.parse(percent, '--percent').percent };
    } catch (error) {
      // Same message, as a usage error so the --help hint is printed with it.
      throw new UsageError((error as Error).message);
    }
  }
  return { file, request, write: values.write === true };
}

/** `glidepath edit set-flag FILE --flag KEY (--percent PCT | --off) [--write]`. */
export const editSetFlagCommand: Command = {
  name: 'set-flag',
  summary: 'set a flagd flag to a fractional split, or switch it off for everyone',
  description: [
    'Reads the flag from a flagd flag file (JSON or YAML), plans the change and prints it as a',
    'unified diff; with --write the file is edited in place. The result is checked with the',
    "evaluation engine flagd's providers embed (@openfeature/flagd-core) before anything is",
    'printed or written.',
    '',
    '--percent sets targeting to a fractional split: PCT % of targeting keys get the on variant,',
    'the rest the off variant. An existing split keeps its bucketing and bucket order and only its',
    'weights change, so keys that were on stay on as the percentage grows. Targeting rules of any',
    'other shape (if, $ref, more variants) are refused rather than overwritten.',
    '',
    '--off is the kill switch: the default variant becomes the off variant and targeting becomes',
    '{}; the flag stays ENABLED, because a DISABLED flag serves the code default, which may be on.',
    '',
    'The on and off variants of a boolean flag are the ones valued true and false; for any other',
    'flag name them with --on-variant and --off-variant.',
    '',
    'Exit status: 0 done (also when the flag is already as asked), 2 bad usage, unreadable file,',
    'unknown flag or a change Glidepath refuses (nothing is written), 70 internal error.',
  ].join('\n'),
  options: [
    {
      name: 'file',
      type: 'string',
      multiple: true,
      positional: true,
      required: true,
      placeholder: 'FILE',
      description: 'the flagd flag file, JSON or YAML (exactly one)',
    },
    {
      name: 'flag',
      type: 'string',
      required: true,
      placeholder: 'KEY',
      description: 'the flag key under flags:',
    },
    {
      name: 'percent',
      type: 'string',
      placeholder: 'PCT',
      description: 'share of targeting keys on the on variant, a whole percent from 0 to 100',
    },
    { name: 'off', type: 'boolean', description: 'kill switch: everyone gets the off variant' },
    {
      name: 'on-variant',
      type: 'string',
      placeholder: 'NAME',
      description: 'the on variant (default for boolean flags: the one valued true)',
    },
    {
      name: 'off-variant',
      type: 'string',
      placeholder: 'NAME',
      description: 'the off variant (default for boolean flags: the one valued false)',
    },
    { name: 'write', type: 'boolean', description: 'edit the file in place instead of printing a diff' },
  ],
  examples: [
    'glidepath edit set-flag flags/checkout.flagd.json --flag new-checkout --percent 25',
    'glidepath edit set-flag flags/checkout.flagd.yaml --flag new-checkout --off --write',
    'glidepath edit set-flag flags.yaml --flag layout --percent 10 --on-variant compact --off-variant classic',
  ],
  async run(values, io) {
    await editSetFlag(settingsFrom(values), io);
    return ExitCode.ok;
  },
};
