import type { CommandGroup } from '../command.js';
import { editSetFlagCommand } from './edit-set-flag.js';
import { editSetImageCommand } from './edit-set-image.js';
import { editSetWeightCommand } from './edit-set-weight.js';

/** `glidepath edit …`: the desired-state edits, one file at a time, for local use and review. */
export const editGroup: Omit<CommandGroup, 'summary'> = {
  name: 'edit',
  description: [
    'Each command prints a unified diff of the change by default and edits in place with --write.',
    'Only the bytes of the changed values change: comments, key order, quoting, anchors, flow style,',
    'document separators, CRLF line endings and a missing final newline survive. An invalid result is',
    'refused with FILE:LINE and nothing is written.',
    '',
    'Exit status: 0 edited (or already at the value), 2 bad input or a refused edit, 70 internal error.',
  ].join('\n'),
  subcommands: [editSetImageCommand, editSetWeightCommand, editSetFlagCommand],
};
