// Upgrade layer: daemon command lines for hot upgrade and failover — what runs (the prefix
// up to the subcommand), the options without --upgrade/--apisock, and the API socket names
// nydus-snapshotter uses for successors (api.sock → api1.sock → api2.sock ...).
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The parts of a daemon command line: what runs (prefix, up to the subcommand) and its options. */
export interface CommandLine {
  prefix: string[];
  args: string[];
}

const SUBCOMMANDS = new Set(['fuse', 'virtiofs', 'singleton', 'blobcache', 'fscache']);

/** Splits a recorded argv ([node, script, 'fuse', ...args] or [nydusd, 'fuse', ...]). */
export function splitCommandLine(argv: readonly string[]): CommandLine {
  const sub = argv.findIndex((a, i) => i > 0 && SUBCOMMANDS.has(a));
  if (sub > 0) return { prefix: argv.slice(0, sub + 1), args: argv.slice(sub + 1) };
  const node = /^node(js)?(\d+)?$/.test(basename(argv[0] ?? '')) || argv[0] === process.execPath;
  const n = node ? 2 : 1;
  return { prefix: argv.slice(0, n), args: argv.slice(n) };
}

/** The command prefix of another entry point: a .js file runs under this node, anything else directly. */
export function binaryPrefix(binary: string, subcommand = 'fuse'): string[] {
  return /\.[cm]?js$/.test(binary) ? [process.execPath, binary, subcommand] : [binary, subcommand];
}

/** Removes --upgrade and every form of --apisock/-A from daemon options. */
export function stripUpgradeArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      out.push(...args.slice(i));
      break;
    }
    if (a === '--upgrade') continue;
    if (a === '--apisock' || a === '-A') {
      i++;
      continue;
    }
    if (a.startsWith('--apisock=') || (a.startsWith('-A') && !a.startsWith('--'))) continue;
    out.push(a);
  }
  return out;
}

/** The --apisock value of daemon options (last one wins), if any. */
export function apisockOf(args: readonly string[]): string | undefined {
  let v: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if ((a === '--apisock' || a === '-A') && i + 1 < args.length) v = args[++i];
    else if (a.startsWith('--apisock=')) v = a.slice('--apisock='.length);
    else if (a.startsWith('-A') && a.length > 2 && !a.startsWith('--')) v = a.slice(2).replace(/^=/, '');
  }
  return v;
}

/** The failover command line: the recorded one, minus --upgrade (same --apisock). */
export function restartArgv(argv: readonly string[]): string[] {
  const { prefix, args } = splitCommandLine(argv);
  return [...prefix, ...args.filter((a) => a !== '--upgrade')];
}

/** The hot-upgrade command line: same options (or another binary), --upgrade and a new API socket. */
export function successorArgv(argv: readonly string[], apiSock: string, binary?: string): string[] {
  const { prefix, args } = splitCommandLine(argv);
  const sub = SUBCOMMANDS.has(prefix[prefix.length - 1]) ? prefix[prefix.length - 1] : 'fuse';
  return [...(binary ? binaryPrefix(binary, sub) : prefix), ...stripUpgradeArgs(args), '--upgrade', '--apisock', apiSock];
}

/**
 * The next API socket name after `current`, as nydus-snapshotter names them: api.sock →
 * api1.sock → api2.sock ...; names whose file exists are skipped.
 */
export function nextApiSock(current: string, exists: (p: string) => boolean = existsSync): string {
  const dir = dirname(current);
  const m = /^(.*?)(\d*)(\.sock)?$/.exec(basename(current)) as RegExpExecArray;
  const stem = m[1] || 'api';
  const ext = m[3] ?? '';
  let n = m[2] ? Number(m[2]) + 1 : 1;
  for (;;) {
    const candidate = join(dir, `${stem}${n}${ext}`);
    if (candidate !== current && !exists(candidate)) return candidate;
    n++;
  }
}
