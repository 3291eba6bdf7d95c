/**
 * The config file: JSON with the shape of DeboilOptions. It is validated
 * strictly, since a misspelled rule id would otherwise be ignored silently.
 */
import { readFile } from 'node:fs/promises';
import { RULE_IDS, type DeboilOptions } from '../pipeline/preset.js';

type PhraseKind = keyof NonNullable<DeboilOptions['phrases']>;
import { describeError } from './inputs.js';

export const DEFAULT_CONFIG = 'deboil.config.json';

// A Record so that the compiler flags a phrase kind added to the library but not here.
const PHRASE_KINDS: Record<PhraseKind, true> = { navigation: true, related: true, byline: true, caption: true, cta: true, legal: true, syndication: true };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Check parsed JSON; returns the problems, one message each. */
export function validateOptions(value: unknown): string[] {
  if (!isObject(value)) return ['the top level must be an object with "rules", "phrases" and/or "threshold"'];
  const problems: string[] = [];
  for (const key of Object.keys(value)) if (!['rules', 'phrases', 'threshold'].includes(key)) problems.push(`unknown key "${key}" (expected "rules", "phrases" or "threshold")`);
  const { rules, phrases, threshold } = value;
  const preset = threshold === 'precision' || threshold === 'recall' || threshold === 'balanced';
  if (threshold !== undefined && !preset && !(typeof threshold === 'number' && threshold >= 0 && threshold <= 1)) problems.push('"threshold" must be a number from 0 to 1, or "precision", "recall" or "balanced"');
  if (rules !== undefined) {
    if (!isObject(rules)) problems.push('"rules" must be an object of rule id → true/false');
    else
      for (const [id, on] of Object.entries(rules)) {
        if (!(RULE_IDS as readonly string[]).includes(id)) problems.push(`unknown rule "${id}" in "rules" (known: ${RULE_IDS.join(', ')})`);
        else if (typeof on !== 'boolean') problems.push(`"rules.${id}" must be true or false`);
      }
  }
  if (phrases !== undefined) {
    if (!isObject(phrases)) problems.push('"phrases" must be an object of kind → list of strings');
    else
      for (const [kind, list] of Object.entries(phrases)) {
        if (!(kind in PHRASE_KINDS)) problems.push(`unknown phrase kind "${kind}" in "phrases" (known: ${Object.keys(PHRASE_KINDS).join(', ')})`);
        else if (!Array.isArray(list) || !list.every((p) => typeof p === 'string')) problems.push(`"phrases.${kind}" must be a list of strings`);
      }
  }
  return problems;
}

export class ConfigError extends Error {}

/**
 * Load `path`, or `deboil.config.json` from the current directory when no
 * path is given and that file exists. Throws ConfigError naming the file.
 */
export async function loadConfig(path?: string): Promise<DeboilOptions> {
  const file = path ?? DEFAULT_CONFIG;
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (path === undefined && code === 'ENOENT') return {};
    throw new ConfigError(`${file}: cannot read config (${describeError(err)})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (err) {
    throw new ConfigError(`${file}: invalid JSON (${(err as Error).message})`);
  }
  const problems = validateOptions(value);
  if (problems.length) throw new ConfigError(`${file}: ${problems.join('; ')}`);
  return value as DeboilOptions;
}
