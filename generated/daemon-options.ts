// Generated from schema/daemon/*.schema.json, templates/daemon-options.ts.ejs by `npm run generate` (scripts/generate.mjs). Do not edit.
// Each daemon command's flags as plain data (what oclif's definitions in daemon-flags.ts are
// rendered from, for the daemon's own start-up path, src/cli/daemon-entry.ts, which loads no
// oclif), and the mapping from parsed flags to the daemon's options object (the schema's
// camelCase keys) and back. No imports at run time: the daemon loads this at start.
import type { FuseDaemonOptionsInput, BlobcacheDaemonOptionsInput, VirtiofsDaemonOptionsInput } from './types.js';

/** One flag: oclif's kind and the properties of its definition that parsing and validation read. */
export interface DaemonFlagSpec {
  readonly kind: 'string' | 'boolean' | 'integer' | 'option';
  readonly char?: string;
  readonly aliases?: readonly string[];
  readonly options?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly default?: string | number;
  readonly required?: boolean;
  readonly exclusive?: readonly string[];
  readonly dependsOn?: readonly string[];
  /** At least one of these flags must be given too. */
  readonly dependsOnAny?: readonly string[];
}

/** The fuse daemon's flags (daemon-flags.ts: fuseDaemonFlags) as data. */
export const fuseDaemonFlagSpecs: Readonly<Record<string, DaemonFlagSpec>> = {
  "mountpoint": {"kind":"string","char":"M","required":true},
  "bootstrap": {"kind":"string","char":"B","exclusive":["shared-dir","image"]},
  "image": {"kind":"string","exclusive":["bootstrap","localfs-dir","shared-dir"]},
  "config": {"kind":"string","char":"C","exclusive":["localfs-dir"]},
  "localfs-dir": {"kind":"string","char":"D","exclusive":["config","image"]},
  "shared-dir": {"kind":"string","char":"s","exclusive":["bootstrap","image"]},
  "prefetch-files": {"kind":"string","dependsOnAny":["bootstrap","image"]},
  "virtual-mountpoint": {"kind":"string","char":"m","default":"/"},
  "apisock": {"kind":"string","char":"A"},
  "metrics-addr": {"kind":"string"},
  "id": {"kind":"string","dependsOn":["supervisor"]},
  "supervisor": {"kind":"string","dependsOn":["id"]},
  "state-dir": {"kind":"string"},
  "upgrade": {"kind":"boolean"},
  "log-level": {"kind":"option","char":"l","options":["trace","debug","info","warn","error"],"default":"info"},
  "log-file": {"kind":"string","char":"L"},
  "log-rotation-size": {"kind":"integer","min":0,"default":0},
  "rlimit-nofile": {"kind":"integer","min":0,"default":1000000},
  "failover-policy": {"kind":"option","options":["none","resend","flush"],"default":"resend"},
  "fuse-threads": {"kind":"integer","aliases":["thread-num"],"min":1,"max":1024,"default":4},
  "writable": {"kind":"boolean"},
  "dedup-db": {"kind":"string"},
  "backend-source": {"kind":"string"},
};

/** Parsed fuse flags -> FuseDaemonOptionsInput (absent flags left out). */
export function fuseFlagsToOptions(flags: Record<string, unknown>): FuseDaemonOptionsInput {
  const out: Record<string, unknown> = {};
  if (flags["mountpoint"] !== undefined) out["mountpoint"] = flags["mountpoint"];
  if (flags["bootstrap"] !== undefined) out["bootstrap"] = flags["bootstrap"];
  if (flags["image"] !== undefined) out["image"] = flags["image"];
  if (flags["config"] !== undefined) out["config"] = flags["config"];
  if (flags["localfs-dir"] !== undefined) out["localfsDir"] = flags["localfs-dir"];
  if (flags["shared-dir"] !== undefined) out["sharedDir"] = flags["shared-dir"];
  if (flags["prefetch-files"] !== undefined) out["prefetchFiles"] = flags["prefetch-files"];
  if (flags["virtual-mountpoint"] !== undefined) out["virtualMountpoint"] = flags["virtual-mountpoint"];
  if (flags["apisock"] !== undefined) out["apiSock"] = flags["apisock"];
  if (flags["metrics-addr"] !== undefined) out["metricsAddr"] = flags["metrics-addr"];
  if (flags["id"] !== undefined) out["id"] = flags["id"];
  if (flags["supervisor"] !== undefined) out["supervisor"] = flags["supervisor"];
  if (flags["state-dir"] !== undefined) out["stateDir"] = flags["state-dir"];
  if (flags["upgrade"] !== undefined) out["upgrade"] = flags["upgrade"];
  if (flags["log-level"] !== undefined) out["logLevel"] = flags["log-level"];
  if (flags["log-file"] !== undefined) out["logFile"] = flags["log-file"];
  if (flags["log-rotation-size"] !== undefined) out["logRotationSize"] = flags["log-rotation-size"];
  if (flags["rlimit-nofile"] !== undefined) out["rlimitNofile"] = flags["rlimit-nofile"];
  if (flags["failover-policy"] !== undefined) out["failoverPolicy"] = flags["failover-policy"];
  if (flags["fuse-threads"] !== undefined) out["fuseThreads"] = flags["fuse-threads"];
  if (flags["writable"] !== undefined) out["writable"] = flags["writable"];
  if (flags["dedup-db"] !== undefined) out["dedupDb"] = flags["dedup-db"];
  if (flags["backend-source"] !== undefined) out["backendSource"] = flags["backend-source"];
  return out as unknown as FuseDaemonOptionsInput;
}

/** FuseDaemonOptions -> the flag words of the equivalent command line (for daemon records and restarts). */
export function fuseOptionsToArgs(options: Partial<Record<keyof FuseDaemonOptionsInput, unknown>>): string[] {
  const args: string[] = [];
  if (options.mountpoint !== undefined) args.push("--mountpoint", String(options.mountpoint));
  if (options.bootstrap !== undefined) args.push("--bootstrap", String(options.bootstrap));
  if (options.image !== undefined) args.push("--image", String(options.image));
  if (options.config !== undefined) args.push("--config", String(options.config));
  if (options.localfsDir !== undefined) args.push("--localfs-dir", String(options.localfsDir));
  if (options.sharedDir !== undefined) args.push("--shared-dir", String(options.sharedDir));
  if (options.prefetchFiles !== undefined) args.push("--prefetch-files", String(options.prefetchFiles));
  if (options.virtualMountpoint !== undefined && options.virtualMountpoint !== "/") args.push("--virtual-mountpoint", String(options.virtualMountpoint));
  if (options.apiSock !== undefined) args.push("--apisock", String(options.apiSock));
  if (options.metricsAddr !== undefined) args.push("--metrics-addr", String(options.metricsAddr));
  if (options.id !== undefined) args.push("--id", String(options.id));
  if (options.supervisor !== undefined) args.push("--supervisor", String(options.supervisor));
  if (options.stateDir !== undefined) args.push("--state-dir", String(options.stateDir));
  if (options.upgrade === true) args.push("--upgrade");
  if (options.logLevel !== undefined && options.logLevel !== "info") args.push("--log-level", String(options.logLevel));
  if (options.logFile !== undefined) args.push("--log-file", String(options.logFile));
  if (options.logRotationSize !== undefined && options.logRotationSize !== 0) args.push("--log-rotation-size", String(options.logRotationSize));
  if (options.rlimitNofile !== undefined && options.rlimitNofile !== 1000000) args.push("--rlimit-nofile", String(options.rlimitNofile));
  if (options.failoverPolicy !== undefined && options.failoverPolicy !== "resend") args.push("--failover-policy", String(options.failoverPolicy));
  if (options.fuseThreads !== undefined && options.fuseThreads !== 4) args.push("--fuse-threads", String(options.fuseThreads));
  if (options.writable === true) args.push("--writable");
  if (options.dedupDb !== undefined) args.push("--dedup-db", String(options.dedupDb));
  if (options.backendSource !== undefined) args.push("--backend-source", String(options.backendSource));
  return args;
}

/** The blobcache daemon's flags (daemon-flags.ts: blobcacheDaemonFlags) as data. */
export const blobcacheDaemonFlagSpecs: Readonly<Record<string, DaemonFlagSpec>> = {
  "apisock": {"kind":"string","char":"A"},
  "config": {"kind":"string","char":"C"},
  "id": {"kind":"string","dependsOn":["supervisor"]},
  "supervisor": {"kind":"string","dependsOn":["id"]},
  "state-dir": {"kind":"string"},
  "upgrade": {"kind":"boolean"},
  "log-level": {"kind":"option","char":"l","options":["trace","debug","info","warn","error"],"default":"info"},
  "log-file": {"kind":"string","char":"L"},
  "log-rotation-size": {"kind":"integer","min":0,"default":0},
  "rlimit-nofile": {"kind":"integer","min":0,"default":1000000},
  "shared-sock": {"kind":"string"},
  "fscache": {"kind":"string","char":"F"},
  "fscache-tag": {"kind":"string","dependsOn":["fscache"]},
  "fscache-threads": {"kind":"integer","min":1,"max":1024,"default":4},
};

/** Parsed blobcache flags -> BlobcacheDaemonOptionsInput (absent flags left out). */
export function blobcacheFlagsToOptions(flags: Record<string, unknown>): BlobcacheDaemonOptionsInput {
  const out: Record<string, unknown> = {};
  if (flags["apisock"] !== undefined) out["apiSock"] = flags["apisock"];
  if (flags["config"] !== undefined) out["config"] = flags["config"];
  if (flags["id"] !== undefined) out["id"] = flags["id"];
  if (flags["supervisor"] !== undefined) out["supervisor"] = flags["supervisor"];
  if (flags["state-dir"] !== undefined) out["stateDir"] = flags["state-dir"];
  if (flags["upgrade"] !== undefined) out["upgrade"] = flags["upgrade"];
  if (flags["log-level"] !== undefined) out["logLevel"] = flags["log-level"];
  if (flags["log-file"] !== undefined) out["logFile"] = flags["log-file"];
  if (flags["log-rotation-size"] !== undefined) out["logRotationSize"] = flags["log-rotation-size"];
  if (flags["rlimit-nofile"] !== undefined) out["rlimitNofile"] = flags["rlimit-nofile"];
  if (flags["shared-sock"] !== undefined) out["sharedSock"] = flags["shared-sock"];
  if (flags["fscache"] !== undefined) out["fscache"] = flags["fscache"];
  if (flags["fscache-tag"] !== undefined) out["fscacheTag"] = flags["fscache-tag"];
  if (flags["fscache-threads"] !== undefined) out["fscacheThreads"] = flags["fscache-threads"];
  return out as unknown as BlobcacheDaemonOptionsInput;
}

/** BlobcacheDaemonOptions -> the flag words of the equivalent command line (for daemon records and restarts). */
export function blobcacheOptionsToArgs(options: Partial<Record<keyof BlobcacheDaemonOptionsInput, unknown>>): string[] {
  const args: string[] = [];
  if (options.apiSock !== undefined) args.push("--apisock", String(options.apiSock));
  if (options.config !== undefined) args.push("--config", String(options.config));
  if (options.id !== undefined) args.push("--id", String(options.id));
  if (options.supervisor !== undefined) args.push("--supervisor", String(options.supervisor));
  if (options.stateDir !== undefined) args.push("--state-dir", String(options.stateDir));
  if (options.upgrade === true) args.push("--upgrade");
  if (options.logLevel !== undefined && options.logLevel !== "info") args.push("--log-level", String(options.logLevel));
  if (options.logFile !== undefined) args.push("--log-file", String(options.logFile));
  if (options.logRotationSize !== undefined && options.logRotationSize !== 0) args.push("--log-rotation-size", String(options.logRotationSize));
  if (options.rlimitNofile !== undefined && options.rlimitNofile !== 1000000) args.push("--rlimit-nofile", String(options.rlimitNofile));
  if (options.sharedSock !== undefined) args.push("--shared-sock", String(options.sharedSock));
  if (options.fscache !== undefined) args.push("--fscache", String(options.fscache));
  if (options.fscacheTag !== undefined) args.push("--fscache-tag", String(options.fscacheTag));
  if (options.fscacheThreads !== undefined && options.fscacheThreads !== 4) args.push("--fscache-threads", String(options.fscacheThreads));
  return args;
}

/** The virtiofs daemon's flags (daemon-flags.ts: virtiofsDaemonFlags) as data. */
export const virtiofsDaemonFlagSpecs: Readonly<Record<string, DaemonFlagSpec>> = {
  "sock": {"kind":"string","required":true},
  "bootstrap": {"kind":"string","char":"B","exclusive":["shared-dir"]},
  "config": {"kind":"string","char":"C","exclusive":["localfs-dir"]},
  "localfs-dir": {"kind":"string","char":"D","exclusive":["config"]},
  "shared-dir": {"kind":"string","char":"s","exclusive":["bootstrap"]},
  "prefetch-files": {"kind":"string","dependsOn":["bootstrap"]},
  "virtual-mountpoint": {"kind":"string","char":"m","default":"/"},
  "apisock": {"kind":"string","char":"A"},
  "metrics-addr": {"kind":"string"},
  "id": {"kind":"string","dependsOn":["supervisor"]},
  "supervisor": {"kind":"string","dependsOn":["id"]},
  "state-dir": {"kind":"string"},
  "log-level": {"kind":"option","char":"l","options":["trace","debug","info","warn","error"],"default":"info"},
  "log-file": {"kind":"string","char":"L"},
  "log-rotation-size": {"kind":"integer","min":0,"default":0},
  "rlimit-nofile": {"kind":"integer","min":0,"default":1000000},
  "dedup-db": {"kind":"string"},
  "backend-source": {"kind":"string"},
  "hybrid-mode": {"kind":"boolean"},
};

/** Parsed virtiofs flags -> VirtiofsDaemonOptionsInput (absent flags left out). */
export function virtiofsFlagsToOptions(flags: Record<string, unknown>): VirtiofsDaemonOptionsInput {
  const out: Record<string, unknown> = {};
  if (flags["sock"] !== undefined) out["sock"] = flags["sock"];
  if (flags["bootstrap"] !== undefined) out["bootstrap"] = flags["bootstrap"];
  if (flags["config"] !== undefined) out["config"] = flags["config"];
  if (flags["localfs-dir"] !== undefined) out["localfsDir"] = flags["localfs-dir"];
  if (flags["shared-dir"] !== undefined) out["sharedDir"] = flags["shared-dir"];
  if (flags["prefetch-files"] !== undefined) out["prefetchFiles"] = flags["prefetch-files"];
  if (flags["virtual-mountpoint"] !== undefined) out["virtualMountpoint"] = flags["virtual-mountpoint"];
  if (flags["apisock"] !== undefined) out["apiSock"] = flags["apisock"];
  if (flags["metrics-addr"] !== undefined) out["metricsAddr"] = flags["metrics-addr"];
  if (flags["id"] !== undefined) out["id"] = flags["id"];
  if (flags["supervisor"] !== undefined) out["supervisor"] = flags["supervisor"];
  if (flags["state-dir"] !== undefined) out["stateDir"] = flags["state-dir"];
  if (flags["log-level"] !== undefined) out["logLevel"] = flags["log-level"];
  if (flags["log-file"] !== undefined) out["logFile"] = flags["log-file"];
  if (flags["log-rotation-size"] !== undefined) out["logRotationSize"] = flags["log-rotation-size"];
  if (flags["rlimit-nofile"] !== undefined) out["rlimitNofile"] = flags["rlimit-nofile"];
  if (flags["dedup-db"] !== undefined) out["dedupDb"] = flags["dedup-db"];
  if (flags["backend-source"] !== undefined) out["backendSource"] = flags["backend-source"];
  if (flags["hybrid-mode"] !== undefined) out["hybridMode"] = flags["hybrid-mode"];
  return out as unknown as VirtiofsDaemonOptionsInput;
}

/** VirtiofsDaemonOptions -> the flag words of the equivalent command line (for daemon records and restarts). */
export function virtiofsOptionsToArgs(options: Partial<Record<keyof VirtiofsDaemonOptionsInput, unknown>>): string[] {
  const args: string[] = [];
  if (options.sock !== undefined) args.push("--sock", String(options.sock));
  if (options.bootstrap !== undefined) args.push("--bootstrap", String(options.bootstrap));
  if (options.config !== undefined) args.push("--config", String(options.config));
  if (options.localfsDir !== undefined) args.push("--localfs-dir", String(options.localfsDir));
  if (options.sharedDir !== undefined) args.push("--shared-dir", String(options.sharedDir));
  if (options.prefetchFiles !== undefined) args.push("--prefetch-files", String(options.prefetchFiles));
  if (options.virtualMountpoint !== undefined && options.virtualMountpoint !== "/") args.push("--virtual-mountpoint", String(options.virtualMountpoint));
  if (options.apiSock !== undefined) args.push("--apisock", String(options.apiSock));
  if (options.metricsAddr !== undefined) args.push("--metrics-addr", String(options.metricsAddr));
  if (options.id !== undefined) args.push("--id", String(options.id));
  if (options.supervisor !== undefined) args.push("--supervisor", String(options.supervisor));
  if (options.stateDir !== undefined) args.push("--state-dir", String(options.stateDir));
  if (options.logLevel !== undefined && options.logLevel !== "info") args.push("--log-level", String(options.logLevel));
  if (options.logFile !== undefined) args.push("--log-file", String(options.logFile));
  if (options.logRotationSize !== undefined && options.logRotationSize !== 0) args.push("--log-rotation-size", String(options.logRotationSize));
  if (options.rlimitNofile !== undefined && options.rlimitNofile !== 1000000) args.push("--rlimit-nofile", String(options.rlimitNofile));
  if (options.dedupDb !== undefined) args.push("--dedup-db", String(options.dedupDb));
  if (options.backendSource !== undefined) args.push("--backend-source", String(options.backendSource));
  if (options.hybridMode === true) args.push("--hybrid-mode");
  return args;
}
