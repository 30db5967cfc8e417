/**
 * GitHub's published schemas for the webhook events Glidepath receives (`@octokit/openapi-webhooks`,
 * extracted into `__tests__/fixtures/github/webhooks-subset.json` by
 * `scripts/extract-github-openapi.mjs`). Every payload a test delivers is checked against them, so a
 * payload GitHub could never send — a missing `repository`, a number where GitHub sends a string, a
 * `deployment_callback_url` that is no URI — fails the test that built it instead of passing
 * silently.
 *
 * ```ts
 * expect(webhookSchemaErrors('deployment_protection_rule', payload)).toEqual([]);
 * ```
 *
 * The description is OpenAPI 3.1, whose schemas are JSON Schema 2020-12 (null is a `type`, not
 * `nullable`), so they are compiled as they are, with ajv's 2020 dialect and the fake's formats.
 *
 * Where github.com's real deliveries disagree with the published schema, the delivery wins, but
 * only for the exact difference seen in a capture ({@link KNOWN_SCHEMA_GAPS}); anything else is
 * still an error.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv';
import { registerFormats } from './github-fake/openapi.js';

const SUBSET = new URL('../fixtures/github/webhooks-subset.json', import.meta.url);
const SCHEMA_ID = 'https://api.github.com/webhooks-subset';

interface Subset {
  'x-glidepath-source': { package: string; version: string; webhooks: string[] };
  webhooks: Record<
    string,
    { post: { requestBody: { content: { 'application/json': { schema: { $ref: string } } } } } }
  >;
  components: { schemas: Record<string, unknown> };
}

/**
 * Differences between what github.com sends and what its published schema says, each seen in a
 * captured delivery. An error is forgiven only when the webhook, the instance path, the keyword
 * and the missing property all match.
 */
export const KNOWN_SCHEMA_GAPS: readonly {
  webhook: string;
  path: RegExp;
  keyword: 'required';
  properties: readonly string[];
  seen: string;
}[] = [
  {
    // The schema points `pull_requests[]` at the full `pull-request` object; GitHub sends the
    // webhook's pull request summary, without the counters and merge state.
    webhook: 'deployment-protection-rule-requested',
    path: /^\/pull_requests\/\d+$/,
    keyword: 'required',
    properties: [
      'additions',
      'changed_files',
      'comments',
      'commits',
      'deletions',
      'mergeable',
      'mergeable_state',
      'merged',
      'maintainer_can_modify',
      'merged_by',
      'review_comments',
    ],
    seen: '__tests__/fixtures/github/webhooks/deployment_protection_rule.requested.json',
  },
];

type Validate = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

let loaded:
  | { subset: Subset; validators: Map<string, Validate>; ajv: InstanceType<typeof Ajv2020.default> }
  | undefined;

function load() {
  if (!loaded) {
    const subset = JSON.parse(readFileSync(SUBSET, 'utf8')) as Subset;
    const ajv = new Ajv2020.default({ strict: false, allErrors: true, validateFormats: true });
    registerFormats(ajv);
    ajv.addSchema({ $id: SCHEMA_ID, components: subset.components });
    loaded = { subset, validators: new Map(), ajv };
  }
  return loaded;
}

/** The description's key for an event and its action: `deployment_status` + `created` → `deployment-status-created`. */
export function webhookKey(event: string, action?: string): string {
  return [event, ...(action ? [action] : [])].join('-').replaceAll('_', '-');
}

/** The package and version the schemas come from (for test names and messages). */
export function webhookSchemaSource(): string {
  const { package: name, version } = load().subset['x-glidepath-source'];
  return `${name}@${version}`;
}

/**
 * What GitHub's schema for `event` (with the payload's own `action`) finds wrong with `payload`, one
 * line per problem (`/deployment/id: must be integer`); empty when the payload could have come from
 * GitHub. Throws when the subset has no schema for the event: add it to the extraction script.
 */
export function webhookSchemaErrors(event: string, payload: unknown): string[] {
  const { subset, validators, ajv } = load();
  const action = (payload as { action?: unknown } | null)?.action;
  const key = webhookKey(event, typeof action === 'string' ? action : undefined);
  const webhook = subset.webhooks[key];
  if (!webhook) {
    throw new Error(
      `no schema for the ${key} webhook in ${webhookSchemaSource()}'s subset; add it to WEBHOOKS in scripts/extract-github-openapi.mjs`,
    );
  }
  let validate = validators.get(key);
  if (!validate) {
    const ref = webhook.post.requestBody.content['application/json'].schema.$ref;
    validate = ajv.compile({ $ref: SCHEMA_ID + ref }) as Validate;
    validators.set(key, validate);
  }
  if (validate(payload)) return [];
  const forgiven = (error: ErrorObject) =>
    KNOWN_SCHEMA_GAPS.some(
      (gap) =>
        gap.webhook === key &&
        gap.keyword === error.keyword &&
        gap.path.test(error.instancePath) &&
        gap.properties.includes(String(error.params.missingProperty)),
    );
  return (validate.errors ?? [])
    .filter((error) => !forgiven(error))
    .map((error) => `${error.instancePath || '/'}: ${error.message ?? error.keyword} (${error.schemaPath})`);
}
