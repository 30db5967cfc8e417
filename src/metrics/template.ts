/**
 * Query templates: `{{canary}}`, `{{stable}}`, `{{service}}`, `{{window}}`, `{{stepStart}}` and
 * `{{args.NAME}}` for policy args. A key with no value is a configuration error naming the key and
 * the template: an empty string would turn `{track="{{canary}}"}` into a query that silently
 * matches nothing, or everything.
 *
 * Values are substituted verbatim. Quoting is the template author's job: PromQL label values go in
 * double quotes in the template (`{version="{{canary}}"}`), and a value containing `"` or `\` must
 * arrive escaped. Glidepath does not guess the query language, so it does not escape for one.
 */
import { ConfigurationError } from '../errors.js';

/** What a template may refer to. */
export interface TemplateVariables {
  /** The canary's version or track label value. */
  canary?: string;
  /** The stable version's label value. */
  stable?: string;
  /** The service under rollout. */
  service?: string;
  /** The measurement window as a PromQL duration, e.g. `5m`. */
  window?: string;
  /** When the current step began, unix seconds: windows anchored to the step, not to now. */
  stepStart?: string | number;
  /** Policy args, referred to as `{{args.NAME}}`. */
  args?: Readonly<Record<string, string | number>>;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)?)\s*\}\}/g;
const BUILT_IN = ['canary', 'stable', 'service', 'window', 'stepStart'] as const;

/** The query with every placeholder replaced; throws ConfigurationError for a missing key. */
export function renderQuery(template: string, variables: TemplateVariables): string {
  const unparsed = template.replace(PLACEHOLDER, '').indexOf('{{');
  if (unparsed !== -1) {
    const fragment = template.replace(PLACEHOLDER, '').slice(unparsed, unparsed + 20);
    throw new ConfigurationError(
      `query template ${JSON.stringify(template)}: malformed placeholder near ${JSON.stringify(fragment)}; ` +
        `write {{NAME}} with NAME one of ${BUILT_IN.join(', ')} or args.NAME`,
    );
  }
  return template.replace(PLACEHOLDER, (_match, key: string) => {
    const value = lookup(key, variables);
    if (value === undefined || value === '') {
      throw new ConfigurationError(
        `query template ${JSON.stringify(template)}: no value for {{${key}}}; ` +
          (key.startsWith('args.')
            ? `add ${key.slice(5)} to the metric's args`
            : (BUILT_IN as readonly string[]).includes(key)
              ? `${key} is not known at this point of the rollout`
              : `use one of ${BUILT_IN.join(', ')} or args.NAME`),
      );
    }
    return String(value);
  });
}

function lookup(key: string, variables: TemplateVariables): string | number | undefined {
  if (key.startsWith('args.')) {
    const name = key.slice(5);
    return variables.args && Object.hasOwn(variables.args, name) ? variables.args[name] : undefined;
  }
  if (!(BUILT_IN as readonly string[]).includes(key)) return undefined;
  return variables[key as (typeof BUILT_IN)[number]];
}
