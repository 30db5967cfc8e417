/**
 * Commit trailers, written and read the way `git interpret-trailers --parse` reads them, so that
 * `git log --format=%(trailers)`, GitHub's UI and Glidepath agree on what a commit says. Git's
 * rules (trailer.c, git 2.39): the first paragraph is the title and never holds trailers; a `---`
 * line followed by whitespace starts a patch and ends the message; the trailer block is the last
 * paragraph when every line in it is a `Token: value` line (or a continuation line starting with
 * whitespace), or when it holds a git-generated line (`Signed-off-by: `, `(cherry picked from
 * commit `) and at least a quarter of its lines are trailers. Lines starting with `#` are comments.
 */
import { ConfigurationError } from '../errors.js';
import { TRAILER_KEYS, type TrailerKey, type Trailers } from './types.js';

/** One `Token: value` line of a trailer block, continuation lines unfolded. */
export interface TrailerLine {
  key: string;
  value: string;
}

const GIT_GENERATED_PREFIXES = ['Signed-off-by: ', '(cherry picked from commit '];
const COMMENT = '#';

/**
 * The commit message for `headline`, `body` and `trailers`: `headline`, a blank line, the body,
 * a blank line and one `Key: value` line per set trailer in TRAILER_KEYS order. Refuses values
 * that would not survive a round trip (newlines, empty values).
 */
export function formatCommitMessage(headline: string, body: string | undefined, trailers: Trailers): string {
  const title = headline.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  if (!title) throw new ConfigurationError('a commit headline must not be empty');
  const lines = formatTrailers(trailers);
  const paragraphs = [title];
  const text = body === undefined ? '' : protectBody(body);
  if (text) paragraphs.push(text);
  if (lines) paragraphs.push(lines);
  return `${paragraphs.join('\n\n')}\n`;
}

/** The trailer block alone (`Key: value` lines, no trailing newline); '' when none is set. */
export function formatTrailers(trailers: Trailers): string {
  const lines: string[] = [];
  for (const key of TRAILER_KEYS) {
    const raw = trailers[key];
    if (raw === undefined) continue;
    const value = raw.trim();
    if (!value || /[\r\n]/.test(value)) {
      throw new ConfigurationError(
        `commit trailer ${key} must be one non-empty line; got ${JSON.stringify(raw)}`,
      );
    }
    lines.push(`${key}: ${value}`);
  }
  return lines.join('\n');
}

/** Every trailer of `message` in order, as `git interpret-trailers --parse` prints them. */
export function parseTrailerLines(message: string): TrailerLine[] {
  const lines = messageLines(message);
  const start = trailerBlockStart(lines);
  if (start === undefined) return [];
  const trailers: TrailerLine[] = [];
  // The trailer a continuation line (one starting with whitespace) folds into, as --parse unfolds.
  let last: TrailerLine | undefined;
  for (const line of lines.slice(start)) {
    if (last && /^\s/.test(line)) {
      last.value = `${last.value} ${line.trim()}`.trim();
      continue;
    }
    const separator = line.startsWith(COMMENT) ? -1 : separatorIndex(line);
    if (separator < 1) {
      last = undefined;
      continue;
    }
    last = { key: line.slice(0, separator).trim(), value: line.slice(separator + 1).trim() };
    trailers.push(last);
  }
  return trailers;
}

/**
 * The Glidepath trailers of `message`, keys matched case-insensitively (as git matches trailer
 * tokens); when a key repeats, the last one wins.
 */
export function parseTrailers(message: string): Trailers {
  const canonical = new Map(TRAILER_KEYS.map((key) => [key.toLowerCase(), key] as const));
  const trailers: Trailers = {};
  for (const { key, value } of parseTrailerLines(message)) {
    const known: TrailerKey | undefined = canonical.get(key.toLowerCase());
    if (known) trailers[known] = value;
  }
  return trailers;
}

/** The first line of a commit message. */
export function headlineOf(message: string): string {
  return message.split('\n', 1)[0]?.trim() ?? '';
}

/**
 * A body line that git would read as the start of a patch (`---` and whitespace) would hide the
 * trailers after it from every reader, so it gets a leading space; CRLF becomes LF.
 */
function protectBody(body: string): string {
  return body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (/^---(\s|$)/.test(line) ? ` ${line}` : line))
    .join('\n')
    .trim();
}

/** The message's lines up to the patch divider, without trailing blank and comment lines. */
function messageLines(message: string): string[] {
  const lines = message.replace(/\r\n/g, '\n').split('\n');
  const divider = lines.findIndex((line) => /^---(\s|$)/.test(line));
  const kept = divider < 0 ? lines : lines.slice(0, divider);
  while (kept.length > 0) {
    const last = kept[kept.length - 1]!;
    if (last.trim() === '' || last.startsWith(COMMENT)) kept.pop();
    else break;
  }
  return kept;
}

/** Index of the first line of the trailer block, or undefined when the message has none (trailer.c). */
function trailerBlockStart(lines: readonly string[]): number | undefined {
  // The first paragraph is the title and cannot hold trailers.
  let endOfTitle = 0;
  while (endOfTitle < lines.length) {
    const line = lines[endOfTitle]!;
    if (!line.startsWith(COMMENT) && line.trim() === '') break;
    endOfTitle++;
  }
  let onlySpaces = true;
  let recognizedPrefix = false;
  let trailerLines = 0;
  let nonTrailerLines = 0;
  let possibleContinuationLines = 0;
  for (let index = lines.length - 1; index >= endOfTitle; index--) {
    const line = lines[index]!;
    if (line.startsWith(COMMENT)) {
      nonTrailerLines += possibleContinuationLines;
      possibleContinuationLines = 0;
      continue;
    }
    if (line.trim() === '') {
      if (onlySpaces) continue;
      nonTrailerLines += possibleContinuationLines;
      if (recognizedPrefix && trailerLines * 3 >= nonTrailerLines) return index + 1;
      if (trailerLines > 0 && nonTrailerLines === 0) return index + 1;
      return undefined;
    }
    onlySpaces = false;
    if (GIT_GENERATED_PREFIXES.some((prefix) => line.startsWith(prefix))) {
      trailerLines++;
      possibleContinuationLines = 0;
      recognizedPrefix = true;
      continue;
    }
    if (separatorIndex(line) >= 1 && !/^\s/.test(line)) {
      trailerLines++;
      possibleContinuationLines = 0;
    } else if (/^\s/.test(line)) {
      possibleContinuationLines++;
    } else {
      nonTrailerLines += 1 + possibleContinuationLines;
      possibleContinuationLines = 0;
    }
  }
  return undefined;
}

/**
 * Where the `:` after a token is (trailer.c find_separator): the token is letters, digits and `-`,
 * optionally followed by spaces or tabs; anything else before the separator means the line is not
 * a trailer (-1). A line starting with `:` returns 0, which callers also treat as not a trailer.
 */
function separatorIndex(line: string): number {
  let whitespace = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (char === ':') return index;
    if (!whitespace && /[A-Za-z0-9-]/.test(char)) continue;
    if (index > 0 && (char === ' ' || char === '\t')) {
      whitespace = true;
      continue;
    }
    return -1;
  }
  return -1;
}
