import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EvidenceFormatError } from '../../../src/errors.js';
import { loadEvidence, readEvidenceText } from '../../../src/evidence/load.js';

const STATEMENT = {
  _type: 'https://in-toto.io/Statement/v1',
  subject: [{ name: 'ghcr.io/acme/app', digest: { sha256: 'a'.repeat(64) } }],
  predicateType: 'https://slsa.dev/provenance/v1',
  predicate: {},
};

describe('readEvidenceText: recognised by content, not by name', () => {
  it.each([
    [
      'JUnit XML',
      '<?xml version="1.0"?>\n<testsuite name="s" tests="1"><testcase name="t"/></testsuite>',
      'junit',
    ],
    ['an in-toto statement', JSON.stringify(STATEMENT), 'in-toto'],
    [
      'a CycloneDX SBOM',
      JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', version: 1 }),
      'cyclonedx',
    ],
    ['SARIF', JSON.stringify({ version: '2.1.0', runs: [] }), 'sarif'],
  ])('%s', (_label, text, format) => {
    const outcome = readEvidenceText(text, 'any-name.txt');
    expect(outcome).toEqual({ documents: [expect.objectContaining({ format, file: 'any-name.txt' })] });
  });

  it('reads JSON lines (one document per line) and names each by line', () => {
    const text = `${JSON.stringify(STATEMENT)}\n${JSON.stringify(STATEMENT)}\n`;
    const outcome = readEvidenceText(text, 'bundles.jsonl');
    expect('documents' in outcome && outcome.documents.map((d) => d.file)).toEqual([
      'bundles.jsonl:1',
      'bundles.jsonl:2',
    ]);
  });

  it.each([
    ['plain text', 'hello', 'not JSON or XML'],
    ['an empty file', '  \n', 'empty file'],
    ['unknown JSON', '{"name": "package.json"}', 'JSON, but not a format Glidepath reads'],
    ['a JSON array', '[{"Target": "old trivy"}]', expect.stringContaining('old Trivy')],
    [
      'unknown XML',
      '<project><modelVersion>4.0.0</modelVersion></project>',
      'XML with root <project>, not a format Glidepath reads',
    ],
  ])('ignores %s and says why', (_label, text, reason) => {
    expect(readEvidenceText(text, 'f')).toEqual({ ignored: reason });
  });

  it.each([
    ['truncated JSON', '{\n  "bomFormat": "CycloneDX",\n  "specVersion": ', /^f: 3:\d+: malformed JSON/],
    [
      'truncated XML',
      '<testsuites>\n  <testsuite name="a">\n    <testcase name="x">',
      /^f: \d+:\d+: malformed XML/,
    ],
    ['a bad JSON line', `${JSON.stringify(STATEMENT)}\n{"_type": \n`, /^f:2: JSON lines:/],
  ])('refuses %s with an EvidenceFormatError naming the file and position', (_label, text, message) => {
    expect(() => readEvidenceText(text, 'f')).toThrow(EvidenceFormatError);
    expect(() => readEvidenceText(text, 'f')).toThrow(message);
  });

  it('strips nothing but a BOM: a BOM-prefixed file is still recognised', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'glidepath-load-'));
    writeFileSync(join(dir, 'bom.json'), '\ufeff' + JSON.stringify(STATEMENT));
    const loaded = await loadEvidence([dir]);
    expect(loaded.documents.map((d) => d.format)).toEqual(['in-toto']);
  });
});

describe('loadEvidence', () => {
  it('walks directories in name order, does not follow symbolic links, and lists ignored files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'glidepath-load-'));
    mkdirSync(join(dir, 'b-nested'));
    writeFileSync(join(dir, 'b-nested', 'statement.json'), JSON.stringify(STATEMENT));
    writeFileSync(join(dir, 'a-notes.md'), '# notes');
    writeFileSync(join(dir, 'c.xml'), '<testsuite tests="1"><testcase name="t"/></testsuite>');
    symlinkSync(dir, join(dir, 'd-loop'));
    const loaded = await loadEvidence([dir]);
    expect(loaded.documents.map((d) => d.file)).toEqual([
      join(dir, 'b-nested', 'statement.json'),
      join(dir, 'c.xml'),
    ]);
    expect(loaded.ignored).toEqual([{ file: join(dir, 'a-notes.md'), reason: 'not JSON or XML' }]);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'glidepath-load-'));
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, 65 * 1024 * 1024); // sparse: no disk is used
    await expect(loadEvidence([huge])).rejects.toThrow(
      /huge\.json: 68157440 bytes is larger than the 67108864-byte limit/,
    );
  });

  it('parses a large real-shaped JUnit report (100,000 test cases)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'glidepath-load-'));
    const cases = Array.from(
      { length: 100_000 },
      (_, i) => `<testcase classname="c" name="t${i}" time="0.001"/>`,
    );
    writeFileSync(
      join(dir, 'big.xml'),
      `<testsuites><testsuite name="big">${cases.join('')}</testsuite></testsuites>`,
    );
    const loaded = await loadEvidence([dir]);
    const [document] = loaded.documents;
    expect(document?.kind === 'tests' && document.report.total).toBe(100_000);
  });

  it('names a missing path and what to check', async () => {
    await expect(loadEvidence(['/no/such/evidence'])).rejects.toThrow(
      '/no/such/evidence: cannot read evidence path (ENOENT); check the --evidence path',
    );
  });
});
