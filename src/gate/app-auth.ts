/**
 * The gate server's identity: a GitHub App (reference/github-platform.md §1.1, §1.3). A custom
 * deployment protection rule can only be reviewed by the App that owns it, with an installation
 * token: the server signs a JWT as the App (`@octokit/auth-app`, RS256 with the App's private key),
 * exchanges it for a token of the installation named in the webhook payload, and reviews with that.
 *
 * Security: the private key and the webhook secret come from the environment (or, for the key, a
 * file such as a mounted container secret), are held in memory only, and never appear in a message,
 * a log line or an error — a bad key is reported by variable name, not by content.
 */
import { createPrivateKey } from 'node:crypto';
import { readFile as readFileFromDisk } from 'node:fs/promises';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { ConfigurationError, TransientError } from '../errors.js';

/** The environment variables the gate server reads, in one place. */
export const GATE_ENV = {
  /** The App's ID (About → App ID on the App's settings page), or its client ID. */
  appId: 'GLIDEPATH_APP_ID',
  /** The App's private key, PEM text (escaped `\n` newlines are accepted). */
  privateKey: 'GLIDEPATH_APP_PRIVATE_KEY',
  /** A file holding the PEM instead (a mounted secret); exclusive with the variable above. */
  privateKeyFile: 'GLIDEPATH_APP_PRIVATE_KEY_FILE',
  /** The App's webhook secret, which signs every delivery (`X-Hub-Signature-256`). */
  webhookSecret: 'GLIDEPATH_WEBHOOK_SECRET',
  /** GitHub's REST API root; default `https://api.github.com` (`https://HOST/api/v3` on GHES). */
  apiUrl: 'GITHUB_API_URL',
} as const;

/** The default REST API root. */
export const GITHUB_API_URL = 'https://api.github.com';

/** What the server needs to act as the App. */
export interface AppCredentials {
  /** App ID (digits) or client ID (`Iv…`); either is accepted as a JWT issuer. */
  appId: string;
  /** PKCS#1 or PKCS#8 PEM. */
  privateKey: string;
  /** The webhook secret. */
  webhookSecret: string;
  /** REST API root, without a trailing slash. */
  apiUrl: string;
}

/** Effects of {@link readAppCredentials}, injected so tests need no files. */
export interface ReadCredentialsDeps {
  readFile?: (path: string) => Promise<string>;
}

/**
 * Reads and checks the App's credentials from `env`. Every problem names the variable and how to
 * fix it; all problems are reported at once, so a deployment is fixed in one round.
 */
export async function readAppCredentials(
  env: Readonly<Record<string, string | undefined>>,
  deps: ReadCredentialsDeps = {},
): Promise<AppCredentials> {
  const problems: string[] = [];
  const appId = env[GATE_ENV.appId]?.trim() ?? '';
  if (appId === '') {
    problems.push(
      `${GATE_ENV.appId} is not set: set it to the App ID from the GitHub App's settings page (About → App ID)`,
    );
  } else if (!/^\d+$/.test(appId) && !/^Iv[\w.]+$/.test(appId)) {
    problems.push(
      `${GATE_ENV.appId} must be the App ID (digits) or its client ID (Iv…); got ${JSON.stringify(appId.slice(0, 40))}`,
    );
  }

  const privateKey = await readPrivateKey(env, deps, problems);

  const webhookSecret = env[GATE_ENV.webhookSecret] ?? '';
  if (webhookSecret === '') {
    problems.push(
      `${GATE_ENV.webhookSecret} is not set: set it to the webhook secret entered in the App's settings (Webhook → Secret)`,
    );
  }

  const apiUrl = (env[GATE_ENV.apiUrl] || GITHUB_API_URL).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(apiUrl)) {
    problems.push(
      `${GATE_ENV.apiUrl} must be an http(s) URL such as ${GITHUB_API_URL}; got ${JSON.stringify(apiUrl)}`,
    );
  }

  if (problems.length > 0) {
    throw new ConfigurationError(`the gate server cannot act as the GitHub App:\n- ${problems.join('\n- ')}`);
  }
  return { appId, privateKey: privateKey!, webhookSecret, apiUrl };
}

async function readPrivateKey(
  env: Readonly<Record<string, string | undefined>>,
  deps: ReadCredentialsDeps,
  problems: string[],
): Promise<string | undefined> {
  const inline = env[GATE_ENV.privateKey] ?? '';
  const file = env[GATE_ENV.privateKeyFile] ?? '';
  if (inline !== '' && file !== '') {
    problems.push(`set only one of ${GATE_ENV.privateKey} and ${GATE_ENV.privateKeyFile}`);
    return undefined;
  }
  let pem: string;
  let source: string;
  if (file !== '') {
    source = `${GATE_ENV.privateKeyFile} (${file})`;
    try {
      pem = await (deps.readFile ?? ((path: string) => readFileFromDisk(path, 'utf8')))(file);
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      problems.push(
        code === 'ENOENT'
          ? `${source}: no such file; mount the App's private key there or fix the path`
          : `${source}: cannot read it (${String(code ?? error)}); check its permissions`,
      );
      return undefined;
    }
  } else if (inline !== '') {
    source = GATE_ENV.privateKey;
    pem = inline;
  } else {
    problems.push(
      `${GATE_ENV.privateKey} (or ${GATE_ENV.privateKeyFile}) is not set: generate a private key on the App's settings ` +
        'page (Private keys → Generate) and pass the PEM text, or the path of the .pem file',
    );
    return undefined;
  }
  // Secrets stores often flatten newlines to `\n`; auth-app accepts that too.
  const normalised = pem.replace(/\\n/g, '\n').trim() + '\n';
  try {
    const key = createPrivateKey(normalised);
    if (key.asymmetricKeyType !== 'rsa') {
      problems.push(
        `${source} holds a ${key.asymmetricKeyType ?? 'non-RSA'} key; GitHub Apps sign with RSA keys`,
      );
      return undefined;
    }
  } catch {
    // Deliberately no detail: OpenSSL's message can quote parts of the input.
    problems.push(
      `${source} is not a PEM private key; paste the whole .pem file the App's settings page generated`,
    );
    return undefined;
  }
  return normalised;
}

/** Settings of {@link createInstallationTokens}. */
export interface InstallationTokenSettings {
  appId: string;
  privateKey: string;
  /** REST API root (the fake's URL in tests). */
  apiUrl: string;
  /** Milliseconds per "second" of retry waits; tests set 1. Default 1000. */
  retryAfterBaseMs?: number;
  /** HTTP transport; default the global fetch. */
  fetch?: typeof fetch;
}

/** Hands out installation tokens, cached and refreshed by `@octokit/auth-app`. */
export interface InstallationTokens {
  /** A token of `installationId`, narrowed to the permissions a review needs. */
  tokenFor(installationId: number): Promise<string>;
}

/**
 * The permissions an installation token is narrowed to, as GitHub's own guide narrows it
 * (reference/github-platform.md §1.3): reviewing needs Deployments write; the facts behind a
 * decision read Actions and contents.
 */
export const GATE_TOKEN_PERMISSIONS = { deployments: 'write', actions: 'read', metadata: 'read' } as const;

const AppRequestOctokit = Octokit.plugin(retry);

/**
 * Creates the token source. `@octokit/auth-app` signs the JWT and caches tokens per installation
 * until shortly before they expire (an hour); concurrent first requests for one installation share
 * one exchange here, so 200 simultaneous deliveries mint one token, not 200.
 */
export function createInstallationTokens(settings: InstallationTokenSettings): InstallationTokens {
  // The exchange goes through an Octokit with the retry plugin, pointed at `apiUrl`: auth-app's
  // README names `request` as the way to reach GHES (or, here, a test fake).
  const { request } = new AppRequestOctokit({
    baseUrl: settings.apiUrl,
    userAgent: 'glidepath-gate',
    request: settings.fetch ? { fetch: settings.fetch } : {},
    retry: { retryAfterBaseValue: settings.retryAfterBaseMs ?? 1000 },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  const auth = createAppAuth({ appId: settings.appId, privateKey: settings.privateKey, request });
  const inFlight = new Map<number, Promise<string>>();
  return {
    tokenFor(installationId) {
      const pending = inFlight.get(installationId);
      if (pending !== undefined) return pending;
      const next = auth({ type: 'installation', installationId, permissions: { ...GATE_TOKEN_PERMISSIONS } })
        .then((result) => result.token)
        .catch((error: unknown) => {
          throw tokenError(error, installationId, settings.apiUrl);
        })
        .finally(() => inFlight.delete(installationId));
      inFlight.set(installationId, next);
      return next;
    },
  };
}

/** Maps a failed exchange to what the operator should do. */
function tokenError(error: unknown, installationId: number, apiUrl: string): Error {
  const status = (error as { status?: unknown }).status;
  const detail = error instanceof Error ? error.message : String(error);
  const what = `exchanging the App's JWT for a token of installation ${installationId} at ${apiUrl}`;
  if (status === 401) {
    return new ConfigurationError(
      `${what}: GitHub refused the App's JWT (${detail}); check ${GATE_ENV.appId} and that ${GATE_ENV.privateKey} is a current key of that App, and the server's clock`,
      undefined,
      { cause: error },
    );
  }
  if (status === 404 || status === 403 || status === 422) {
    return new ConfigurationError(
      `${what}: HTTP ${String(status)} (${detail}); the App must be installed on the repository with Deployments: read and write and Actions: read`,
      undefined,
      { cause: error },
    );
  }
  return new TransientError(`${what} failed (${detail}); GitHub will be asked again on the next delivery`, {
    cause: error,
  });
}
