/** Helpers for policy tests: YAML from lines, and the problems a rejected policy reports. */
import { PolicyError, parsePolicy } from '../../src/config/load-policy.js';

/** The file name the policy tests parse under. */
export const FILE = 'glidepath.yaml';

/** A YAML document from its lines. */
export const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;

/** The `FILE:LINE:COL: …` lines `text` is rejected with; throws if it is accepted. */
export function problemsOf(text: string): string[] {
  try {
    parsePolicy(text, FILE);
  } catch (error) {
    if (error instanceof PolicyError) return error.message.split('\n');
    throw error;
  }
  throw new Error(`expected the policy to be rejected:\n${text}`);
}
