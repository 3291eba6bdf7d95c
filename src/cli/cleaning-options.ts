/**
 * What the local CLI and `deboil queue add` share: the usage error (exit 2),
 * rule-id flags, and turning config file + flags into DeboilOptions, so a
 * queued job is cleaned with exactly the options a local run would use.
 */
import { RULE_IDS, type DeboilOptions, type RuleId } from '../pipeline/preset.js';
import { ConfigError, loadConfig } from '../io/config.js';

/** Bad flags or operands that can never work: exit 2, before anything is written. */
export class UsageError extends Error {}

/** `--disable a --disable b,c` → validated rule ids. */
export function ruleIds(value: string | string[]): RuleId[] {
  const ids = [value].flat().flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const id of ids) if (!(RULE_IDS as readonly string[]).includes(id)) throw new Error(`unknown rule "${id}" for --disable (known: ${RULE_IDS.join(', ')})`);
  return ids as RuleId[];
}

export interface CleaningFlags {
  config?: string;
  disable: RuleId[];
  enable: RuleId[];
  threshold?: number | 'precision' | 'recall';
}

export async function buildOptions(args: CleaningFlags): Promise<DeboilOptions> {
  let options: DeboilOptions;
  try {
    options = await loadConfig(args.config);
  } catch (err) {
    throw err instanceof ConfigError ? new UsageError(err.message) : err;
  }
  if (args.threshold !== undefined) {
    if (typeof args.threshold === 'number' && !(args.threshold >= 0 && args.threshold <= 1)) throw new UsageError('--threshold must be between 0 and 1');
    options = { ...options, threshold: args.threshold };
  }
  if (args.disable.length === 0 && args.enable.length === 0) return options;
  const rules = { ...options.rules };
  for (const id of args.enable) rules[id] = true;
  for (const id of args.disable) rules[id] = false;
  return { ...options, rules };
}
