// CLI layer: the daemon commands' command lines parsed without oclif, for the daemon's start-up
// path (src/cli/daemon-entry.ts). Only what is certainly valid is taken here; everything else
// (an unknown or repeated flag, a missing value, a value oclif would refuse, a usage rule broken,
// --help, positional arguments) returns null and the command line goes to oclif, which answers it
// with its own messages and exit codes. For an accepted command line the result is the flags
// object oclif's parser builds from the same definitions (generated/daemon-options.ts renders
// them from the schema, as generated/daemon-flags.ts renders oclif's; test/commands compares the two).
import type { DaemonFlagSpec } from '../../generated/daemon-options.js';

/** The flags object oclif would parse from `argv` with `specs`, or null when oclif must parse it. */
export function parseDaemonArgv(argv: readonly string[], specs: Readonly<Record<string, DaemonFlagSpec>>): Record<string, unknown> | null {
  const byLong = new Map<string, string>();
  const byChar = new Map<string, string>();
  for (const [name, spec] of Object.entries(specs)) {
    byLong.set(name, name);
    for (const alias of spec.aliases ?? []) byLong.set(alias, name);
    if (spec.char) byChar.set(spec.char, name);
  }
  const given = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    let name: string | undefined;
    let value: string | undefined;
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      name = byLong.get(eq < 0 ? word.slice(2) : word.slice(2, eq));
      if (eq >= 0) value = word.slice(eq + 1);
    } else if (/^-[^-]$/.test(word)) name = byChar.get(word[1]);
    if (name === undefined || given.has(name)) return null;
    const spec = specs[name];
    if (spec.kind === 'boolean') {
      if (value !== undefined) return null;
      given.set(name, true);
      continue;
    }
    if (value === undefined) value = argv[++i];
    // Values that look like flags (and empty ones) are oclif's to judge.
    if (value === undefined || value === '' || value.startsWith('-')) return null;
    given.set(name, value);
  }

  const flags: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const raw = given.get(name);
    if (raw === undefined) {
      if (spec.required) return null;
      if (spec.default !== undefined) flags[name] = spec.default;
      continue;
    }
    for (const other of spec.exclusive ?? []) if (given.has(other)) return null;
    for (const other of spec.dependsOn ?? []) if (!given.has(other)) return null;
    if (spec.dependsOnAny && !spec.dependsOnAny.some((other) => given.has(other))) return null;
    if (spec.kind === 'boolean') flags[name] = true;
    else if (spec.kind === 'option') {
      if (!spec.options?.includes(raw as string)) return null;
      flags[name] = raw;
    } else if (spec.kind === 'integer') {
      if (!/^\d+$/.test(raw as string)) return null;
      const n = Number.parseInt(raw as string, 10);
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) return null;
      flags[name] = n;
    } else flags[name] = raw;
  }
  return flags;
}
