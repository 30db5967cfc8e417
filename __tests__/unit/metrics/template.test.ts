import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../src/errors.js';
import { renderQuery, type TemplateVariables } from '../../../src/metrics/template.js';

const variables: TemplateVariables = {
  canary: 'v2',
  stable: 'v1',
  service: 'web',
  window: '5m',
  stepStart: 1700001800,
  args: { code: '5..', quantile: 0.99 },
};

describe('renderQuery', () => {
  it.each([
    [
      'sum(rate(http_requests_total{service="{{service}}",version="{{canary}}"}[{{window}}]))',
      'sum(rate(http_requests_total{service="web",version="v2"}[5m]))',
    ],
    ['{{ stable }}', 'v1'],
    ['x @ {{stepStart}}', 'x @ 1700001800'],
    ['code=~"{{args.code}}" q={{args.quantile}}', 'code=~"5.." q=0.99'],
    ['no placeholders', 'no placeholders'],
    ['{{canary}}{{canary}}', 'v2v2'],
  ])('renders %s', (template, expected) => {
    expect(renderQuery(template, variables)).toBe(expected);
  });

  it("substitutes values verbatim: quoting is the template author's", () => {
    expect(renderQuery('{v="{{canary}}"}', { canary: 'a"b' })).toBe('{v="a"b"}');
    expect(renderQuery('{{canary}}', { canary: '{{stable}}', stable: 'x' })).toBe('{{stable}}');
  });

  it.each([
    ['{v="{{canary}}"}', {}, 'canary'],
    ['{{window}}', { window: '' }, 'window'],
    ['{{args.code}}', { args: {} }, 'args.code'],
    ['{{args.code}}', {}, 'args.code'],
    ['{{version}}', variables, 'version'],
    ['{{args.toString}}', { args: {} }, 'args.toString'],
  ])('refuses %s with %j: missing %s', (template, vars, key) => {
    const render = (): string => renderQuery(template, vars as TemplateVariables);
    expect(render).toThrow(ConfigurationError);
    expect(render).toThrow(`query template ${JSON.stringify(template)}: no value for {{${key}}}`);
  });

  it('names the arg to add', () => {
    expect(() => renderQuery('{{args.code}}', {})).toThrow("add code to the metric's args");
  });

  it.each(['{{canary', '{{ 1x }}', 'a {{}} b'])('refuses the malformed placeholder in %s', (template) => {
    expect(() => renderQuery(template, variables)).toThrow(/malformed placeholder/);
  });
});
