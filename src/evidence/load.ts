import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseJsonWithPositions, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { ConfigurationError, EvidenceFormatError } from '../errors.js';
import { recogniseFormat } from './formats/index.js';
import type { ParsedContent } from './formats/types.js';
import { XML_PARSER_OPTIONS } from './formats/xml-options.js';
import type { EvidenceDocument } from './types.js';

/** Evidence files larger than this are refused: no real report is this big, and memory is finite. */
export const MAX_EVIDENCE_FILE_BYTES = 64 * 1024 * 1024;

/** What the loader made of the paths it was given. */
export interface LoadedEvidence {
  documents: EvidenceDocument[];
  /** Files that hold nothing Glidepath reads, with why (listed in the report, never an error). */
  ignored: { file: string; reason: string }[];
}

/** File-system access, passed in so tests can count or fake it. */
export interface EvidenceFs {
  readFile(path: string): Promise<Buffer>;
  stat(path: string): Promise<{ isDirectory(): boolean; isFile(): boolean; size: number }>;
  readdir(path: string): Promise<{ name: string; isDirectory(): boolean; isFile(): boolean }[]>;
}

const nodeFs: EvidenceFs = {
  readFile: (path) => readFile(path),
  stat: (path) => stat(path),
  readdir: (path) => readdir(path, { withFileTypes: true }),
};

/**
 * Reads every evidence path (files, or directories walked recursively in name order) and turns each
 * file into documents by its content. Unreadable paths and malformed content are errors that name the
 * file (exit 2): a truncated scan report must never be mistaken for a clean one.
 */
export async function loadEvidence(
  paths: readonly string[],
  options: { fs?: EvidenceFs; maxFileBytes?: number } = {},
): Promise<LoadedEvidence> {
  const fs = options.fs ?? nodeFs;
  const maxFileBytes = options.maxFileBytes ?? MAX_EVIDENCE_FILE_BYTES;
  const result: LoadedEvidence = { documents: [], ignored: [] };
  for (const path of paths) {
    for (const file of await listFiles(fs, path)) {
      const info = await fs.stat(file);
      if (info.size > maxFileBytes) {
        throw new EvidenceFormatError(
          `${info.size} bytes is larger than the ${maxFileBytes}-byte limit for one evidence file; ` +
            'pass the report itself, not an archive or a log',
          file,
        );
      }
      const outcome = readEvidenceText(stripBom((await fs.readFile(file)).toString('utf8')), file);
      if ('ignored' in outcome) result.ignored.push({ file, reason: outcome.ignored });
      else result.documents.push(...outcome.documents);
    }
  }
  return result;
}

async function listFiles(fs: EvidenceFs, path: string): Promise<string[]> {
  let info;
  try {
    info = await fs.stat(path);
  } catch (error) {
    throw new ConfigurationError(
      `cannot read evidence path (${(error as NodeJS.ErrnoException).code ?? String(error)}); ` +
        'check the --evidence path, relative to the working directory',
      path,
    );
  }
  if (info.isFile()) return [path];
  if (!info.isDirectory()) throw new ConfigurationError('is neither a file nor a directory', path);
  const files: string[] = [];
  // Symbolic links are not followed: a link cycle in an artifact download must not hang admission.
  const entries = (await fs.readdir(path)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(fs, child)));
    else if (entry.isFile()) files.push(child);
  }
  return files;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Classifies one file's text: JSON (or JSON lines, as `gh attestation download` writes), XML, or
 * something else (ignored). Exported for tests.
 */
export function readEvidenceText(
  text: string,
  file: string,
): { documents: EvidenceDocument[] } | { ignored: string } {
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') return readJson(text, file);
  if (first === '<') return readXml(text, file);
  return { ignored: text.trim() ? 'not JSON or XML' : 'empty file' };
}

function readJson(text: string, file: string): { documents: EvidenceDocument[] } | { ignored: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const lines = text.split('\n').filter((line) => line.trim());
    // JSON lines: every non-empty line is a document of its own.
    if (lines.length > 1 && lines.every((line) => line.trimStart().startsWith('{')))
      return readJsonLines(text, file);
    throw new EvidenceFormatError(`${jsonErrorPosition(text, error)} (is the file truncated?)`, file);
  }
  const document = parseRecognised({ syntax: 'json', value }, file);
  if (document) return { documents: [document] };
  if (Array.isArray(value)) {
    return {
      ignored:
        'a JSON array, not a format Glidepath reads (old Trivy wrote arrays: use a current trivy --format json)',
    };
  }
  return { ignored: 'JSON, but not a format Glidepath reads' };
}

function readJsonLines(text: string, file: string): { documents: EvidenceDocument[] } | { ignored: string } {
  const documents: EvidenceDocument[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    const where = `${file}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new EvidenceFormatError(`JSON lines: ${(error as Error).message}`, where);
    }
    const document = parseRecognised({ syntax: 'json', value }, where);
    if (document) documents.push(document);
  }
  return documents.length ? { documents } : { ignored: 'JSON lines, none in a format Glidepath reads' };
}

function readXml(text: string, file: string): { documents: EvidenceDocument[] } | { ignored: string } {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new EvidenceFormatError(
      `${valid.err.line}:${valid.err.col}: malformed XML: ${valid.err.msg}`,
      file,
    );
  }
  const parsed = new XMLParser(XML_PARSER_OPTIONS).parse(text) as Record<string, unknown>;
  const root = Object.keys(parsed).find(
    (key) => !key.startsWith('?') && !key.startsWith('#') && !key.startsWith('!'),
  );
  if (!root) return { ignored: 'XML without a root element' };
  const document = parseRecognised({ syntax: 'xml', root, document: parsed }, file);
  return document
    ? { documents: [document] }
    : { ignored: `XML with root <${root}>, not a format Glidepath reads` };
}

function parseRecognised(content: ParsedContent, file: string): EvidenceDocument | undefined {
  return recogniseFormat(content)?.parse(content, file);
}

/**
 * Names where JSON breaks as LINE:COL. V8's messages on Node 20 carry no position, so the error
 * path re-reads the text with jsonc-parser, which reports the offset of the first fault.
 */
function jsonErrorPosition(text: string, error: unknown): string {
  const faults: ParseError[] = [];
  parseJsonWithPositions(text, faults, { disallowComments: true, allowTrailingComma: false });
  const [fault] = faults;
  if (!fault) return `malformed JSON: ${(error as Error).message}`;
  const before = text.slice(0, fault.offset);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const what =
    fault.offset >= text.trimEnd().length ? 'the file ends early' : printParseErrorCode(fault.error);
  return `${line}:${column}: malformed JSON: ${what}`;
}
