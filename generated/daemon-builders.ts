// Generated from schema/daemon/*.schema.json, templates/daemon-builders.ts.ejs by `npm run generate` (scripts/generate.mjs). Do not edit.
// Typed, fluent daemon builders: one method per option of the daemon's schema; build()
// fills the schema defaults and validates, so its result is always a complete, valid
// options object that the daemon's controller (DaemonController, BlobCacheController) accepts.
import { ConfigError } from '../src/errors.js';
import { applyDefaults } from '../src/schema/defaults.js';
import { problemsFromAjv } from '../src/schema/problems.js';
import { schemaIds, schemaRegistry } from './schemas.js';
import type { FuseDaemonOptions, FuseDaemonOptionsInput, BlobcacheDaemonOptions, BlobcacheDaemonOptionsInput, VirtiofsDaemonOptions, VirtiofsDaemonOptionsInput } from './types.js';
import { validateFuseDaemonOptions, validateBlobcacheDaemonOptions, validateVirtiofsDaemonOptions } from './validate.js';

/** Builder of FuseDaemonOptions. */
export class FuseDaemonBuilder {
  private readonly doc: Record<string, unknown>;

  constructor(initial: Partial<FuseDaemonOptionsInput> = {}) {
    this.doc = { ...initial };
  }

  /** Host directory where the FUSE filesystem is mounted; must exist and be a directory. */
  mountpoint(value: string): this {
    this.doc["mountpoint"] = value;
    return this;
  }

  /** RAFS bootstrap (or a data blob with the bootstrap inlined) mounted at start at the virtual mountpoint. Needs config or localfsDir. */
  bootstrap(value: string): this {
    this.doc["bootstrap"] = value;
    return this;
  }

  /** OCI reference of a nydus image in a registry ("host[:port]/repo:tag" or "@sha256:..."), mounted at start instead of --bootstrap: the manifest for this machine's platform is resolved when the daemon starts, its bootstrap layer fetched into the cache directory (reused by later starts) and its blobs read through a registry backend for the image's repository. --config supplies the cache, the filesystem options and, with a registry backend, the credentials. */
  image(value: string): this {
    this.doc["image"] = value;
    return this;
  }

  /** Daemon configuration file (nydusd v1 or v2, JSON or TOML) for the bootstrap mounted at start; not read when nothing is mounted at start. */
  config(value: string): this {
    this.doc["config"] = value;
    return this;
  }

  /** Library only: a configuration document (v1 or v2 object) used instead of reading the config file. */
  configDocument(value: Record<string, unknown>): this {
    this.doc["configDocument"] = value;
    return this;
  }

  /** Built-in configuration: localfs backend reading blobs from this directory, blobcache work dir the same directory (daemon.md §1.8). */
  localfsDir(value: string): this {
    this.doc["localfsDir"] = value;
    return this;
  }

  /** Share a host directory through the passthrough filesystem instead of RAFS (not supported by this implementation yet: the daemon refuses to start). */
  sharedDir(value: string): this {
    this.doc["sharedDir"] = value;
    return this;
  }

  /** File listing absolute paths to prefetch, one per line (blank lines skipped). Requires bootstrap or image. */
  prefetchFiles(value: string): this {
    this.doc["prefetchFiles"] = value;
    return this;
  }

  /** Path inside the FUSE tree where the initial filesystem is attached. Default: "/". */
  virtualMountpoint(value: string): this {
    this.doc["virtualMountpoint"] = value;
    return this;
  }

  /** Unix socket of the HTTP administration API; without it no API server runs. */
  apiSock(value: string): this {
    this.doc["apiSock"] = value;
    return this;
  }

  /** HOST:PORT ([v6]:PORT) of a plain-HTTP listener serving the Prometheus metrics at GET /metrics (also at GET /api/v1/metrics/prometheus on the API socket). Unauthenticated: bind it to loopback unless the network is trusted. Without it no listener runs. */
  metricsAddr(value: string): this {
    this.doc["metricsAddr"] = value;
    return this;
  }

  /** Service instance identifier, reported in daemon info. Requires supervisor. */
  id(value: string): this {
    this.doc["id"] = value;
    return this;
  }

  /** Unix socket of the supervisor (state and fd keeper) for hot upgrade and failover. Requires id. */
  supervisor(value: string): this {
    this.doc["supervisor"] = value;
    return this;
  }

  /** Directory of daemon records (read by nydus upgrade / nydus failover); the daemon writes <dir>/<id>.json when started with --id and --supervisor. Default: env NYDUS_STATE_DIR, else /run/nydus. */
  stateDir(value: string): this {
    this.doc["stateDir"] = value;
    return this;
  }

  /** Start in upgrade mode: mount nothing, stay in INIT waiting for a takeover. Default: false. */
  upgrade(value: boolean): this {
    this.doc["upgrade"] = value;
    return this;
  }

  /** Maximum log level (changeable at run time through the API). Default: "info". */
  logLevel(value: "trace" | "debug" | "info" | "warn" | "error"): this {
    this.doc["logLevel"] = value;
    return this;
  }

  /** Log to this file (appended; `.log` added when the name has no extension) instead of stderr. */
  logFile(value: string): this {
    this.doc["logFile"] = value;
    return this;
  }

  /** Rotate the log file when it exceeds this many MiB; 0 disables rotation. Default: 0. */
  logRotationSize(value: number): this {
    this.doc["logRotationSize"] = value;
    return this;
  }

  /** Target RLIMIT_NOFILE (daemon.md §1.10); 0 leaves the limit unchanged. Default: 1000000. */
  rlimitNofile(value: number): this {
    this.doc["rlimitNofile"] = value;
    return this;
  }

  /** What to do with in-flight FUSE requests after a takeover. Default: "resend". */
  failoverPolicy(value: "none" | "resend" | "flush"): this {
    this.doc["failoverPolicy"] = value;
    return this;
  }

  /** Number of FUSE worker threads. Default: 4. */
  fuseThreads(value: number): this {
    this.doc["fuseThreads"] = value;
    return this;
  }

  /** Mount without MS_RDONLY (RAFS itself stays read-only). Default: false. */
  writable(value: boolean): this {
    this.doc["writable"] = value;
    return this;
  }

  /** Accepted for nydusd compatibility (chunk de-duplication database); ignored. */
  dedupDb(value: string): this {
    this.doc["dedupDb"] = value;
    return this;
  }

  /** Accepted for nydus-snapshotter compatibility (its backend-source feature); ignored with a warning. */
  backendSource(value: string): this {
    this.doc["backendSource"] = value;
    return this;
  }

  /** The options as written so far, without defaults. */
  toInput(): FuseDaemonOptionsInput {
    return structuredClone(this.doc) as unknown as FuseDaemonOptionsInput;
  }

  /** Fills defaults and validates; throws ConfigError listing every problem. */
  build(): FuseDaemonOptions {
    const full = applyDefaults(schemaRegistry, schemaIds.FuseDaemonOptions, this.doc, { prune: true });
    if (!validateFuseDaemonOptions(full)) throw new ConfigError(problemsFromAjv(validateFuseDaemonOptions.errors), 'fuseDaemon()');
    return full as unknown as FuseDaemonOptions;
  }
}

/** Starts a fuse daemon description: `fuseDaemon().mountpoint('/mnt').bootstrap(b).localfsDir(d).build()`. */
export function fuseDaemon(initial: Partial<FuseDaemonOptionsInput> = {}): FuseDaemonBuilder {
  return new FuseDaemonBuilder(initial);
}

/** Builder of BlobcacheDaemonOptions. */
export class BlobcacheDaemonBuilder {
  private readonly doc: Record<string, unknown>;

  constructor(initial: Partial<BlobcacheDaemonOptionsInput> = {}) {
    this.doc = { ...initial };
  }

  /** Unix socket of the HTTP administration API, where blob entries are added, removed and listed (/api/v2/blobs); without it no API server runs. */
  apiSock(value: string): this {
    this.doc["apiSock"] = value;
    return this;
  }

  /** JSON file read at start: when it is an object whose "blobs" key parses as a blob cache list (daemon.md §2.6), every entry is registered in order and the first failure aborts start-up; a "blobs" value that does not parse is ignored; a file that is not JSON is a start-up failure. */
  config(value: string): this {
    this.doc["config"] = value;
    return this;
  }

  /** Library only: the configuration document (an object, "blobs" as in the config file) used instead of reading the config file. */
  configDocument(value: Record<string, unknown>): this {
    this.doc["configDocument"] = value;
    return this;
  }

  /** Service instance identifier, reported in daemon info. Requires supervisor. */
  id(value: string): this {
    this.doc["id"] = value;
    return this;
  }

  /** Unix socket of the supervisor (state keeper) for hot upgrade and failover; the registered blob entries are part of the saved state. Requires id. */
  supervisor(value: string): this {
    this.doc["supervisor"] = value;
    return this;
  }

  /** Directory where the daemon persists its registered blob entries (restored at its next start) and, when started with --id and --supervisor, writes its daemon record <dir>/<id>.json (read by nydus upgrade / nydus failover). Default: env NYDUS_STATE_DIR, else /run/nydus. */
  stateDir(value: string): this {
    this.doc["stateDir"] = value;
    return this;
  }

  /** Start in upgrade mode: register nothing, stay in INIT waiting for a takeover that brings the predecessor's entries. Default: false. */
  upgrade(value: boolean): this {
    this.doc["upgrade"] = value;
    return this;
  }

  /** Maximum log level (changeable at run time through the API). Default: "info". */
  logLevel(value: "trace" | "debug" | "info" | "warn" | "error"): this {
    this.doc["logLevel"] = value;
    return this;
  }

  /** Log to this file (appended; `.log` added when the name has no extension) instead of stderr. */
  logFile(value: string): this {
    this.doc["logFile"] = value;
    return this;
  }

  /** Rotate the log file when it exceeds this many MiB; 0 disables rotation. Default: 0. */
  logRotationSize(value: number): this {
    this.doc["logRotationSize"] = value;
    return this;
  }

  /** Target RLIMIT_NOFILE (daemon.md §1.10); 0 leaves the limit unchanged. Default: 1000000. */
  rlimitNofile(value: number): this {
    this.doc["rlimitNofile"] = value;
    return this;
  }

  /** Our extension: Unix socket on which the daemon answers ranged reads of its registered blobs in the http-proxy backend protocol (HEAD for the size, GET with Range: bytes=a-b), served from its cache, so the FUSE daemons of the host share one cache and each chunk is fetched from the backend once. Without it no such socket is served. */
  sharedSock(value: string): this {
    this.doc["sharedSock"] = value;
    return this;
  }

  /** Enable the fscache service (cachefiles on-demand, daemon.md §6.2-§6.6) with this cachefiles working directory; it must exist and be a directory after canonicalisation. The daemon opens /dev/cachefiles, binds the cache there and serves the kernel's OPEN/READ/CLOSE requests for EROFS mounts of the registered entries (`mount -t erofs -o fsid=<id>[,domain_id=<domain>] none M`). */
  fscache(value: string): this {
    this.doc["fscache"] = value;
    return this;
  }

  /** cachefiles tag of this daemon's cache (written as `tag <tag>`). Requires fscache. */
  fscacheTag(value: string): this {
    this.doc["fscacheTag"] = value;
    return this;
  }

  /** Worker threads serving /dev/cachefiles. Default: 4. */
  fscacheThreads(value: number): this {
    this.doc["fscacheThreads"] = value;
    return this;
  }

  /** The options as written so far, without defaults. */
  toInput(): BlobcacheDaemonOptionsInput {
    return structuredClone(this.doc) as unknown as BlobcacheDaemonOptionsInput;
  }

  /** Fills defaults and validates; throws ConfigError listing every problem. */
  build(): BlobcacheDaemonOptions {
    const full = applyDefaults(schemaRegistry, schemaIds.BlobcacheDaemonOptions, this.doc, { prune: true });
    if (!validateBlobcacheDaemonOptions(full)) throw new ConfigError(problemsFromAjv(validateBlobcacheDaemonOptions.errors), 'blobcacheDaemon()');
    return full as unknown as BlobcacheDaemonOptions;
  }
}

/** Starts a blobcache daemon description: `blobcacheDaemon().apiSock('/run/nydus/api.sock').sharedSock('/run/nydus/blobs.sock').build()`. */
export function blobcacheDaemon(initial: Partial<BlobcacheDaemonOptionsInput> = {}): BlobcacheDaemonBuilder {
  return new BlobcacheDaemonBuilder(initial);
}

/** Builder of VirtiofsDaemonOptions. */
export class VirtiofsDaemonBuilder {
  private readonly doc: Record<string, unknown>;

  constructor(initial: Partial<VirtiofsDaemonOptionsInput> = {}) {
    this.doc = { ...initial };
  }

  /** vhost-user socket the VMM connects to (QEMU `-chardev socket,path=SOCK` + `-device vhost-user-fs-pci,chardev=...,tag=TAG`); a stale file there is replaced. The daemon listens before the VMM starts and accepts a new connection after the VMM disconnects (a VM reboot). */
  sock(value: string): this {
    this.doc["sock"] = value;
    return this;
  }

  /** RAFS bootstrap (or a data blob with the bootstrap inlined) mounted at start at the virtual mountpoint. Needs config or localfsDir. */
  bootstrap(value: string): this {
    this.doc["bootstrap"] = value;
    return this;
  }

  /** Daemon configuration file (nydusd v1 or v2, JSON or TOML) for the bootstrap mounted at start; not read when nothing is mounted at start. */
  config(value: string): this {
    this.doc["config"] = value;
    return this;
  }

  /** Library only: a configuration document (v1 or v2 object) used instead of reading the config file. */
  configDocument(value: Record<string, unknown>): this {
    this.doc["configDocument"] = value;
    return this;
  }

  /** Built-in configuration: localfs backend reading blobs from this directory, blobcache work dir the same directory (daemon.md §1.8). */
  localfsDir(value: string): this {
    this.doc["localfsDir"] = value;
    return this;
  }

  /** Share a host directory through the passthrough filesystem instead of RAFS (not supported by this implementation yet: the daemon refuses to start). */
  sharedDir(value: string): this {
    this.doc["sharedDir"] = value;
    return this;
  }

  /** File listing absolute paths to prefetch, one per line (blank lines skipped). Requires bootstrap. */
  prefetchFiles(value: string): this {
    this.doc["prefetchFiles"] = value;
    return this;
  }

  /** Path inside the FUSE tree where the initial filesystem is attached. Default: "/". */
  virtualMountpoint(value: string): this {
    this.doc["virtualMountpoint"] = value;
    return this;
  }

  /** Unix socket of the HTTP administration API; without it no API server runs. */
  apiSock(value: string): this {
    this.doc["apiSock"] = value;
    return this;
  }

  /** HOST:PORT ([v6]:PORT) of a plain-HTTP listener serving the Prometheus metrics at GET /metrics (also at GET /api/v1/metrics/prometheus on the API socket). Unauthenticated: bind it to loopback unless the network is trusted. Without it no listener runs. */
  metricsAddr(value: string): this {
    this.doc["metricsAddr"] = value;
    return this;
  }

  /** Service instance identifier, reported in daemon info. Requires supervisor. */
  id(value: string): this {
    this.doc["id"] = value;
    return this;
  }

  /** Unix socket of a supervisor. Accepted for nydusd compatibility: upgrade and takeover are unsupported in virtio-fs mode (sendfd answers 501, daemon.md §7), so nothing is ever sent there. Requires id. */
  supervisor(value: string): this {
    this.doc["supervisor"] = value;
    return this;
  }

  /** Directory of daemon records; the daemon writes <dir>/<id>.json when started with --id and --supervisor (informative: nydus upgrade / nydus failover refuse virtio-fs daemons). Default: env NYDUS_STATE_DIR, else /run/nydus. */
  stateDir(value: string): this {
    this.doc["stateDir"] = value;
    return this;
  }

  /** Maximum log level (changeable at run time through the API). Default: "info". */
  logLevel(value: "trace" | "debug" | "info" | "warn" | "error"): this {
    this.doc["logLevel"] = value;
    return this;
  }

  /** Log to this file (appended; `.log` added when the name has no extension) instead of stderr. */
  logFile(value: string): this {
    this.doc["logFile"] = value;
    return this;
  }

  /** Rotate the log file when it exceeds this many MiB; 0 disables rotation. Default: 0. */
  logRotationSize(value: number): this {
    this.doc["logRotationSize"] = value;
    return this;
  }

  /** Target RLIMIT_NOFILE (daemon.md §1.10); 0 leaves the limit unchanged. Default: 1000000. */
  rlimitNofile(value: number): this {
    this.doc["rlimitNofile"] = value;
    return this;
  }

  /** Accepted for nydusd compatibility (chunk de-duplication database); ignored. */
  dedupDb(value: string): this {
    this.doc["dedupDb"] = value;
    return this;
  }

  /** Accepted for nydus-snapshotter compatibility (its backend-source feature); ignored with a warning. */
  backendSource(value: string): this {
    this.doc["backendSource"] = value;
    return this;
  }

  /** Accepted for nydusd command-line compatibility and ignored: it selects passthroughfs-compatible VFS options, and this implementation serves RAFS images only (nydusd's quirk: its hybrid mode is on by default and the flag turns it off). Default: false. */
  hybridMode(value: boolean): this {
    this.doc["hybridMode"] = value;
    return this;
  }

  /** The options as written so far, without defaults. */
  toInput(): VirtiofsDaemonOptionsInput {
    return structuredClone(this.doc) as unknown as VirtiofsDaemonOptionsInput;
  }

  /** Fills defaults and validates; throws ConfigError listing every problem. */
  build(): VirtiofsDaemonOptions {
    const full = applyDefaults(schemaRegistry, schemaIds.VirtiofsDaemonOptions, this.doc, { prune: true });
    if (!validateVirtiofsDaemonOptions(full)) throw new ConfigError(problemsFromAjv(validateVirtiofsDaemonOptions.errors), 'virtiofsDaemon()');
    return full as unknown as VirtiofsDaemonOptions;
  }
}

/** Starts a virtiofs daemon description: `virtiofsDaemon().sock('/run/nydus/vhost.sock').bootstrap(b).localfsDir(d).build()`. */
export function virtiofsDaemon(initial: Partial<VirtiofsDaemonOptionsInput> = {}): VirtiofsDaemonBuilder {
  return new VirtiofsDaemonBuilder(initial);
}

