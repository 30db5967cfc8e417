/**
 * Turns `analysis.provider` from the policy into provider settings, reading secrets from the
 * environment. The policy names variables, never secrets, so it can live in a repository; a named
 * variable that is unset is a configuration error naming the variable and the key that names it.
 */
import type { ProviderPolicy } from '../config/types.js';
import { ConfigurationError } from '../errors.js';
import type { MetricProviderSettings } from './providers/index.js';

/** Settings plus every secret value read, so the caller can mask them (`core.setSecret`). */
export interface ResolvedProvider {
  settings: MetricProviderSettings;
  secrets: string[];
}

/** Default variable names for keys the policy may leave out. */
export const DEFAULT_SECRET_VARIABLES = {
  datadogApiKey: 'DD_API_KEY',
  datadogApplicationKey: 'DD_APP_KEY',
  newRelicApiKey: 'NEW_RELIC_API_KEY',
} as const;

/** The provider settings `policy` describes, with secrets from `env`. */
export function resolveProvider(
  policy: ProviderPolicy,
  env: Readonly<Record<string, string | undefined>>,
): ResolvedProvider {
  const secrets: string[] = [];
  const secret = (variable: string, key: string): string => {
    const value = env[variable];
    if (value === undefined || value === '') {
      throw new ConfigurationError(
        `analysis.provider.${key} names the environment variable ${variable}, which is not set; ` +
          `set it (in Actions: env: ${variable}: \${{ secrets.${variable} }})`,
      );
    }
    secrets.push(value);
    return value;
  };
  const headers: Record<string, string> = { ...policy.headers };
  for (const [name, variable] of Object.entries(policy.headersFromEnv)) {
    headers[name] = secret(variable, `headersFromEnv.${name}`);
  }
  const timeoutMs = policy.timeout.milliseconds;
  const settings = ((): MetricProviderSettings => {
    switch (policy.kind) {
      case 'prometheus':
        return {
          kind: 'prometheus',
          address: policy.address!,
          headers,
          timeoutMs,
          ...(policy.tokenEnv
            ? { auth: { kind: 'bearer' as const, token: secret(policy.tokenEnv, 'tokenEnv') } }
            : policy.username && policy.passwordEnv
              ? {
                  auth: {
                    kind: 'basic' as const,
                    username: policy.username,
                    password: secret(policy.passwordEnv, 'passwordEnv'),
                  },
                }
              : {}),
        };
      case 'datadog':
        return {
          kind: 'datadog',
          site: policy.site,
          ...(policy.address ? { address: policy.address } : {}),
          apiKey: secret(policy.apiKeyEnv ?? DEFAULT_SECRET_VARIABLES.datadogApiKey, 'apiKeyEnv'),
          applicationKey: secret(
            policy.applicationKeyEnv ?? DEFAULT_SECRET_VARIABLES.datadogApplicationKey,
            'applicationKeyEnv',
          ),
          api: policy.api,
          timeoutMs,
        };
      case 'newrelic':
        return {
          kind: 'newrelic',
          accountId: policy.accountId!,
          apiKey: secret(policy.apiKeyEnv ?? DEFAULT_SECRET_VARIABLES.newRelicApiKey, 'apiKeyEnv'),
          region: policy.region,
          ...(policy.address ? { address: policy.address } : {}),
          ...(policy.valueKey ? { valueKey: policy.valueKey } : {}),
          timeoutMs,
        };
      case 'web':
        return {
          kind: 'web',
          method: policy.method,
          headers,
          ...(policy.body === undefined ? {} : { body: policy.body }),
          jsonPath: policy.jsonPath,
          timeoutMs,
        };
    }
  })();
  return { settings, secrets };
}
