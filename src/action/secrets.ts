/**
 * Which values the action registers with `core.setSecret` before the command runs: the GitHub
 * tokens in the environment, and every secret the policy's metric provider reads from the
 * environment (`resolveProvider(...).secrets`: tokens, passwords, API keys, `headersFromEnv`
 * values).
 *
 * Security: the runner replaces a registered value with `***` in every later log line, so masking
 * must happen before anything can print one — a provider's error, a request echoed back by a
 * misbehaving endpoint. `runAnalyze` and `runRolloutCommand` load the policy themselves; this reads
 * it once more up front for that reason only. A policy that cannot be loaded, or names a variable
 * that is unset, yields no provider secrets here: the command then stops with that same error
 * before it sends any request, so no unmasked value is used.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_POLICY_FILE, loadPolicy } from '../config/load-policy.js';
import { resolveProvider } from '../metrics/provider-settings.js';
import type { ActionSettings } from './settings.js';

/** The values to mask for `settings`, without duplicates or empty strings. */
export async function secretsToMask(
  settings: Pick<ActionSettings, 'command' | 'policyFile' | 'workspace' | 'env' | 'tokens'>,
): Promise<string[]> {
  const secrets = [...settings.tokens];
  if (settings.command !== 'verify') secrets.push(...(await providerSecrets(settings)));
  return [...new Set(secrets.filter((secret) => secret !== ''))];
}

async function providerSecrets(
  settings: Pick<ActionSettings, 'policyFile' | 'workspace' | 'env'>,
): Promise<string[]> {
  const implicit = resolve(settings.workspace, DEFAULT_POLICY_FILE);
  const file = settings.policyFile
    ? isAbsolute(settings.policyFile)
      ? settings.policyFile
      : resolve(settings.workspace, settings.policyFile)
    : existsSync(implicit)
      ? implicit
      : undefined;
  if (file === undefined) return [];
  try {
    const analysis = (await loadPolicy(file)).analysis;
    return analysis ? resolveProvider(analysis.provider, settings.env).secrets : [];
  } catch {
    // Reported by the command itself, before any request (see the module comment).
    return [];
  }
}
