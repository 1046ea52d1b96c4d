// Config layer: reads configuration text (file or string), detects v1 / v2 and JSON / TOML
// as nydusd does (spec daemon.md §2), validates with the generated validators, converts v1
// to v2, applies schema defaults and reports every problem at once as a ConfigError.
import { open } from 'node:fs/promises';
import { parse as parseToml } from 'smol-toml';
import { schemaIds, schemaRegistry } from '../../generated/schemas.js';
import type { ConfigV1, ConfigV2 } from '../../generated/types.js';
import { validateConfigV1, validateConfigV2 } from '../../generated/validate.js';
import { ConfigError, type ConfigProblem } from '../errors.js';
import { applyDefaults } from '../schema/defaults.js';
import { problemsFromAjv } from '../schema/problems.js';
import { convertV1ToV2, v2PointerToV1 } from './convert.js';
import { checkConfigV2, type Strictness } from './semantics.js';

/** nydusd's limit on configuration files. */
export const MAX_CONFIG_BYTES = 1 << 20;

export interface LoadOptions {
  /** Name used in messages (a file path, "mount request", ...). */
  source?: string;
  /** 'mount' makes mount-time requirements errors; 'parse' (default) reports them as warnings. */
  strictness?: Strictness;
}

export interface LoadedConfig {
  /** The configuration as version 2, every default applied. */
  config: ConfigV2;
  /** Which format the text was in. */
  format: 'v1' | 'v2';
  syntax: 'json' | 'toml';
  /** Problems a mount would reject, when strictness is 'parse'. */
  warnings: ConfigProblem[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a configuration file, refusing files over 1 MiB as nydusd does. */
export async function readConfigText(path: string): Promise<string> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    throw new ConfigError([{ pointer: '', message: `cannot read the file: ${(err as Error).message}` }], path);
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw new ConfigError([{ pointer: '', message: 'expected a regular file' }], path);
    if (st.size > MAX_CONFIG_BYTES) {
      throw new ConfigError([{ pointer: '', message: `expected at most ${MAX_CONFIG_BYTES} bytes, found ${st.size}` }], path);
    }
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}

/** Parses text as JSON, else TOML; says which, or why neither worked. */
function parseText(text: string, source: string | undefined): { doc: unknown; syntax: 'json' | 'toml' } {
  try {
    return { doc: JSON.parse(text), syntax: 'json' };
  } catch (jsonErr) {
    try {
      return { doc: parseToml(text), syntax: 'toml' };
    } catch (tomlErr) {
      const first = text.trimStart()[0];
      const why = first === '{' || first === '[' ? `not valid JSON: ${(jsonErr as Error).message}` : `not valid JSON or TOML: ${(tomlErr as Error).message.split('\n')[0]}`;
      throw new ConfigError([{ pointer: '', message: `failed to parse configuration information (${why})` }], source);
    }
  }
}

/** Validates a parsed document (v1 or v2) and returns it as a resolved v2 config. */
export function resolveConfig(doc: unknown, syntax: 'json' | 'toml', options: LoadOptions = {}): LoadedConfig {
  const { source, strictness = 'parse' } = options;
  if (!isObj(doc)) {
    throw new ConfigError([{ pointer: '', message: `expected an object, found ${Array.isArray(doc) ? 'an array' : typeof doc}` }], source);
  }
  // A document with a `version` key is v2; TOML is v2 only; otherwise JSON with `device` is v1.
  const isV1 = syntax === 'json' && !('version' in doc) && 'device' in doc;
  if (!isV1 && !('version' in doc)) {
    throw new ConfigError(
      [{ pointer: '/version', message: 'required property is missing (a v2 config needs "version": 2; a v1 config needs "device" and "mode")' }],
      source,
    );
  }
  let problems: ConfigProblem[];
  let v2: unknown;
  let mapPointer = (p: string) => p;
  if (isV1) {
    problems = validateConfigV1(doc) ? [] : problemsFromAjv(validateConfigV1.errors);
    const v1 = applyDefaults(schemaRegistry, schemaIds.ConfigV1, doc) as unknown as ConfigV1;
    v2 = convertV1ToV2(v1);
    mapPointer = v2PointerToV1;
  } else {
    v2 = doc;
    problems = [];
  }
  const full = applyDefaults(schemaRegistry, schemaIds.ConfigV2, v2, { prune: true });
  if (!validateConfigV2(full)) {
    // For v1, schema problems were found on the user's document already.
    if (!isV1) problems.push(...problemsFromAjv(validateConfigV2.errors));
    else if (problems.length === 0) problems.push(...problemsFromAjv(validateConfigV2.errors).map((p) => ({ ...p, pointer: mapPointer(p.pointer) })));
  }
  const semantic = checkConfigV2(full);
  const seen = new Set(problems.map((p) => p.pointer));
  for (const p of semantic.errors) {
    const pointer = mapPointer(p.pointer);
    if (!seen.has(pointer)) problems.push({ pointer, message: p.message });
  }
  const mountProblems = semantic.mountProblems
    .map((p) => ({ pointer: mapPointer(p.pointer), message: p.message }))
    .filter((p) => !seen.has(p.pointer));
  if (strictness === 'mount') problems.push(...mountProblems);
  if (problems.length > 0) throw new ConfigError(problems, source);
  return { config: full as ConfigV2, format: isV1 ? 'v1' : 'v2', syntax, warnings: strictness === 'mount' ? [] : mountProblems };
}

/** Parses configuration text (JSON v1 or v2, or TOML v2). */
export function parseConfig(text: string, options: LoadOptions = {}): LoadedConfig {
  const { doc, syntax } = parseText(text, options.source);
  return resolveConfig(doc, syntax, options);
}

/** Reads and parses a configuration file. */
export async function loadConfigFile(path: string, options: Omit<LoadOptions, 'source'> = {}): Promise<LoadedConfig> {
  return parseConfig(await readConfigText(path), { ...options, source: path });
}
