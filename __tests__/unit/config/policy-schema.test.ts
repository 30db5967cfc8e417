import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import Ajv2020 from 'ajv/dist/2020.js';
import { policySchema } from '../../../src/config/load-policy.js';
import type { SchemaNode } from '../../../src/config/policy-reference.js';
import { EVIDENCE_KINDS } from '../../../src/evidence/types.js';

const schema = policySchema as SchemaNode;

/** Every node reachable through `properties` and `items`, with its dotted path. */
function walk(node: SchemaNode, path = ''): [string, SchemaNode][] {
  const children = Object.entries(node.properties ?? {}).flatMap(([key, child]) =>
    walk(child, path ? `${path}.${key}` : key),
  );
  const items = node.items ? walk(node.items, `${path}[]`) : [];
  return [[path, node], ...children, ...items];
}

/**
 * What a third party needs to compile the published schema in strict mode: our annotation
 * keyword `x-hint` and the `uri` format (which ajv-formats would also provide).
 */
function strictAjv(): InstanceType<typeof Ajv2020.default> {
  const ajv = new Ajv2020.default({ strict: true, allErrors: true });
  ajv.addKeyword({ keyword: 'x-hint', schemaType: 'string' });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
  return ajv;
}

describe('schema/glidepath.schema.json', () => {
  it('is JSON Schema 2020-12 with the published $id', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://glidepath.dev/schema/glidepath.schema.json');
  });

  it('is the file the loader uses', async () => {
    const onDisk: unknown = JSON.parse(
      await readFile(new URL('../../../schema/glidepath.schema.json', import.meta.url), 'utf8'),
    );
    expect(onDisk).toEqual(policySchema);
  });

  it('compiles under Ajv2020 in strict mode', () => {
    expect(() => strictAjv().compile(schema)).not.toThrow();
  });

  it('has only service, environment and the sections at the top level', () => {
    expect(Object.keys(schema.properties ?? {})).toEqual([
      'service',
      'environment',
      'evidence',
      'desired',
      'analysis',
      'exposure',
      'deploy',
      'notify',
      'rollback',
    ]);
  });

  it('lists exactly the evidence kinds Glidepath knows', () => {
    expect(schema.properties?.evidence?.properties?.require?.items?.enum).toEqual(EVIDENCE_KINDS);
  });

  const nodes = walk(schema).filter(([path]) => path !== '');

  it.each(nodes)('%s has a title and a description (they are the user docs)', (_, node) => {
    expect(node.title).toEqual(expect.any(String));
    expect(node.description).toEqual(expect.any(String));
    expect(node.description!.length).toBeGreaterThan(10);
  });

  it.each(walk(schema).filter(([, node]) => node.type === 'object'))(
    '%s rejects unknown keys (a typo is an error), or is a map whose key names are constrained',
    (_, node) => {
      if (node.propertyNames === undefined) expect(node.additionalProperties).toBe(false);
      else expect(node.propertyNames).toEqual({ pattern: expect.stringMatching(/^\^.*\$$/) });
    },
  );

  it.each(nodes.filter(([, node]) => node.pattern !== undefined || node.format !== undefined))(
    '%s explains its shape with an x-hint and shows an example or default',
    (_, node) => {
      expect(node['x-hint']).toMatch(/^is not .+; write .+e\.g\. /);
      expect(node.examples ?? node.default).toBeDefined();
    },
  );

  const ajv = strictAjv();
  it.each(nodes.filter(([, node]) => node.default !== undefined || node.examples !== undefined))(
    '%s accepts its own default and examples',
    (_, node) => {
      const { default: fallback, examples = [], ...rules } = node;
      const validate = ajv.compile(rules);
      for (const value of [...(fallback === undefined ? [] : [fallback]), ...examples]) {
        expect({ value, valid: validate(value) }).toEqual({ value, valid: true });
      }
    },
  );
});
