// Generated from schema/daemon/*.schema.json, templates/daemon-flags.ts.ejs by `npm run generate` (scripts/generate.mjs). Do not edit.
// oclif flag definitions of each daemon command. Usage rules (exclusive, dependsOn, dependsOnAny) come from
// the schema too. The same flags as plain data, and the mapping from parsed flags to the
// daemon's options object and back, are in daemon-options.ts (no oclif; re-exported here).
import { Flags } from '@oclif/core';

export { fuseDaemonFlagSpecs, fuseFlagsToOptions, fuseOptionsToArgs, blobcacheDaemonFlagSpecs, blobcacheFlagsToOptions, blobcacheOptionsToArgs, virtiofsDaemonFlagSpecs, virtiofsFlagsToOptions, virtiofsOptionsToArgs } from './daemon-options.js';

/** Flags of the fuse daemon. Options of a FUSE daemon, as nydusd's `fuse` subcommand takes them (spec daemon.md §1.2-§1.4, §1.14). One declaration renders the `nydus fuse` flags (x-flag) and the library's fuseDaemon() builder. */
export const fuseDaemonFlags = {
  "mountpoint": Flags.string({
    description: "Host directory where the FUSE filesystem is mounted; must exist and be a directory.",
    char: "M",
    required: true,
  }),
  "bootstrap": Flags.string({
    description: "RAFS bootstrap (or a data blob with the bootstrap inlined) mounted at start at the virtual mountpoint. Needs config or localfsDir.",
    char: "B",
    exclusive: ["shared-dir","image"],
  }),
  "image": Flags.string({
    description: "OCI reference of a nydus image in a registry (\"host[:port]/repo:tag\" or \"@sha256:...\"), mounted at start instead of --bootstrap: the manifest for this machine's platform is resolved when the daemon starts, its bootstrap layer fetched into the cache directory (reused by later starts) and its blobs read through a registry backend for the image's repository. --config supplies the cache, the filesystem options and, with a registry backend, the credentials.",
    exclusive: ["bootstrap","localfs-dir","shared-dir"],
  }),
  "config": Flags.string({
    description: "Daemon configuration file (nydusd v1 or v2, JSON or TOML) for the bootstrap mounted at start; not read when nothing is mounted at start.",
    char: "C",
    exclusive: ["localfs-dir"],
  }),
  "localfs-dir": Flags.string({
    description: "Built-in configuration: localfs backend reading blobs from this directory, blobcache work dir the same directory (daemon.md §1.8).",
    char: "D",
    exclusive: ["config","image"],
  }),
  "shared-dir": Flags.string({
    description: "Share a host directory through the passthrough filesystem instead of RAFS (not supported by this implementation yet: the daemon refuses to start).",
    char: "s",
    exclusive: ["bootstrap","image"],
  }),
  "prefetch-files": Flags.string({
    description: "File listing absolute paths to prefetch, one per line (blank lines skipped). Requires bootstrap or image.",
    relationships: [{ type: 'some', flags: ["bootstrap","image"] }],
  }),
  "virtual-mountpoint": Flags.string({
    description: "Path inside the FUSE tree where the initial filesystem is attached.",
    char: "m",
    default: "/",
  }),
  "apisock": Flags.string({
    description: "Unix socket of the HTTP administration API; without it no API server runs.",
    char: "A",
  }),
  "metrics-addr": Flags.string({
    description: "HOST:PORT ([v6]:PORT) of a plain-HTTP listener serving the Prometheus metrics at GET /metrics (also at GET /api/v1/metrics/prometheus on the API socket). Unauthenticated: bind it to loopback unless the network is trusted. Without it no listener runs.",
  }),
  "id": Flags.string({
    description: "Service instance identifier, reported in daemon info. Requires supervisor.",
    dependsOn: ["supervisor"],
  }),
  "supervisor": Flags.string({
    description: "Unix socket of the supervisor (state and fd keeper) for hot upgrade and failover. Requires id.",
    dependsOn: ["id"],
  }),
  "state-dir": Flags.string({
    description: "Directory of daemon records (read by nydus upgrade / nydus failover); the daemon writes <dir>/<id>.json when started with --id and --supervisor. Default: env NYDUS_STATE_DIR, else /run/nydus.",
  }),
  "upgrade": Flags.boolean({
    description: "Start in upgrade mode: mount nothing, stay in INIT waiting for a takeover.",
  }),
  "log-level": Flags.option({
    description: "Maximum log level (changeable at run time through the API).",
    char: "l",
    options: ["trace","debug","info","warn","error"] as const,
    default: "info",
  })(),
  "log-file": Flags.string({
    description: "Log to this file (appended; `.log` added when the name has no extension) instead of stderr.",
    char: "L",
  }),
  "log-rotation-size": Flags.integer({
    description: "Rotate the log file when it exceeds this many MiB; 0 disables rotation.",
    min: 0,
    default: 0,
  }),
  "rlimit-nofile": Flags.integer({
    description: "Target RLIMIT_NOFILE (daemon.md §1.10); 0 leaves the limit unchanged.",
    min: 0,
    default: 1000000,
  }),
  "failover-policy": Flags.option({
    description: "What to do with in-flight FUSE requests after a takeover.",
    options: ["none","resend","flush"] as const,
    default: "resend",
  })(),
  "fuse-threads": Flags.integer({
    description: "Number of FUSE worker threads.",
    aliases: ["thread-num"],
    min: 1,
    max: 1024,
    default: 4,
  }),
  "writable": Flags.boolean({
    description: "Mount without MS_RDONLY (RAFS itself stays read-only).",
  }),
  "dedup-db": Flags.string({
    description: "Accepted for nydusd compatibility (chunk de-duplication database); ignored.",
  }),
  "backend-source": Flags.string({
    description: "Accepted for nydus-snapshotter compatibility (its backend-source feature); ignored with a warning.",
  }),
};

/** Flags of the blobcache daemon. Options of a blob cache manager daemon, as nydusd's `singleton` subcommand takes them (spec daemon.md §1.2, §1.6, §1.13, §6), plus our shared blob socket. With fscache it is also the fscache daemon: the kernel's EROFS reads the images through cachefiles on-demand objects this daemon fills. One declaration renders the `nydus blobcache` / `nydus fscache` / `nydus singleton` flags (x-flag) and the library's blobcacheDaemon() builder. */
export const blobcacheDaemonFlags = {
  "apisock": Flags.string({
    description: "Unix socket of the HTTP administration API, where blob entries are added, removed and listed (/api/v2/blobs); without it no API server runs.",
    char: "A",
  }),
  "config": Flags.string({
    description: "JSON file read at start: when it is an object whose \"blobs\" key parses as a blob cache list (daemon.md §2.6), every entry is registered in order and the first failure aborts start-up; a \"blobs\" value that does not parse is ignored; a file that is not JSON is a start-up failure.",
    char: "C",
  }),
  "id": Flags.string({
    description: "Service instance identifier, reported in daemon info. Requires supervisor.",
    dependsOn: ["supervisor"],
  }),
  "supervisor": Flags.string({
    description: "Unix socket of the supervisor (state keeper) for hot upgrade and failover; the registered blob entries are part of the saved state. Requires id.",
    dependsOn: ["id"],
  }),
  "state-dir": Flags.string({
    description: "Directory where the daemon persists its registered blob entries (restored at its next start) and, when started with --id and --supervisor, writes its daemon record <dir>/<id>.json (read by nydus upgrade / nydus failover). Default: env NYDUS_STATE_DIR, else /run/nydus.",
  }),
  "upgrade": Flags.boolean({
    description: "Start in upgrade mode: register nothing, stay in INIT waiting for a takeover that brings the predecessor's entries.",
  }),
  "log-level": Flags.option({
    description: "Maximum log level (changeable at run time through the API).",
    char: "l",
    options: ["trace","debug","info","warn","error"] as const,
    default: "info",
  })(),
  "log-file": Flags.string({
    description: "Log to this file (appended; `.log` added when the name has no extension) instead of stderr.",
    char: "L",
  }),
  "log-rotation-size": Flags.integer({
    description: "Rotate the log file when it exceeds this many MiB; 0 disables rotation.",
    min: 0,
    default: 0,
  }),
  "rlimit-nofile": Flags.integer({
    description: "Target RLIMIT_NOFILE (daemon.md §1.10); 0 leaves the limit unchanged.",
    min: 0,
    default: 1000000,
  }),
  "shared-sock": Flags.string({
    description: "Our extension: Unix socket on which the daemon answers ranged reads of its registered blobs in the http-proxy backend protocol (HEAD for the size, GET with Range: bytes=a-b), served from its cache, so the FUSE daemons of the host share one cache and each chunk is fetched from the backend once. Without it no such socket is served.",
  }),
  "fscache": Flags.string({
    description: "Enable the fscache service (cachefiles on-demand, daemon.md §6.2-§6.6) with this cachefiles working directory; it must exist and be a directory after canonicalisation. The daemon opens /dev/cachefiles, binds the cache there and serves the kernel's OPEN/READ/CLOSE requests for EROFS mounts of the registered entries (`mount -t erofs -o fsid=<id>[,domain_id=<domain>] none M`).",
    char: "F",
  }),
  "fscache-tag": Flags.string({
    description: "cachefiles tag of this daemon's cache (written as `tag <tag>`). Requires fscache.",
    dependsOn: ["fscache"],
  }),
  "fscache-threads": Flags.integer({
    description: "Worker threads serving /dev/cachefiles.",
    min: 1,
    max: 1024,
    default: 4,
  }),
};

/** Flags of the virtiofs daemon. Options of a virtio-fs daemon, as nydusd's `virtiofs` subcommand takes them (spec daemon.md §1.2, §1.4, §1.5, §7): the vhost-user-fs backend a VMM (QEMU, Cloud Hypervisor) connects to, serving the same VFS of RAFS images as the FUSE daemon. One declaration renders the `nydus virtiofs` flags (x-flag) and the library's virtiofsDaemon() builder. */
export const virtiofsDaemonFlags = {
  "sock": Flags.string({
    description: "vhost-user socket the VMM connects to (QEMU `-chardev socket,path=SOCK` + `-device vhost-user-fs-pci,chardev=...,tag=TAG`); a stale file there is replaced. The daemon listens before the VMM starts and accepts a new connection after the VMM disconnects (a VM reboot).",
    required: true,
  }),
  "bootstrap": Flags.string({
    description: "RAFS bootstrap (or a data blob with the bootstrap inlined) mounted at start at the virtual mountpoint. Needs config or localfsDir.",
    char: "B",
    exclusive: ["shared-dir"],
  }),
  "config": Flags.string({
    description: "Daemon configuration file (nydusd v1 or v2, JSON or TOML) for the bootstrap mounted at start; not read when nothing is mounted at start.",
    char: "C",
    exclusive: ["localfs-dir"],
  }),
  "localfs-dir": Flags.string({
    description: "Built-in configuration: localfs backend reading blobs from this directory, blobcache work dir the same directory (daemon.md §1.8).",
    char: "D",
    exclusive: ["config"],
  }),
  "shared-dir": Flags.string({
    description: "Share a host directory through the passthrough filesystem instead of RAFS (not supported by this implementation yet: the daemon refuses to start).",
    char: "s",
    exclusive: ["bootstrap"],
  }),
  "prefetch-files": Flags.string({
    description: "File listing absolute paths to prefetch, one per line (blank lines skipped). Requires bootstrap.",
    dependsOn: ["bootstrap"],
  }),
  "virtual-mountpoint": Flags.string({
    description: "Path inside the FUSE tree where the initial filesystem is attached.",
    char: "m",
    default: "/",
  }),
  "apisock": Flags.string({
    description: "Unix socket of the HTTP administration API; without it no API server runs.",
    char: "A",
  }),
  "metrics-addr": Flags.string({
    description: "HOST:PORT ([v6]:PORT) of a plain-HTTP listener serving the Prometheus metrics at GET /metrics (also at GET /api/v1/metrics/prometheus on the API socket). Unauthenticated: bind it to loopback unless the network is trusted. Without it no listener runs.",
  }),
  "id": Flags.string({
    description: "Service instance identifier, reported in daemon info. Requires supervisor.",
    dependsOn: ["supervisor"],
  }),
  "supervisor": Flags.string({
    description: "Unix socket of a supervisor. Accepted for nydusd compatibility: upgrade and takeover are unsupported in virtio-fs mode (sendfd answers 501, daemon.md §7), so nothing is ever sent there. Requires id.",
    dependsOn: ["id"],
  }),
  "state-dir": Flags.string({
    description: "Directory of daemon records; the daemon writes <dir>/<id>.json when started with --id and --supervisor (informative: nydus upgrade / nydus failover refuse virtio-fs daemons). Default: env NYDUS_STATE_DIR, else /run/nydus.",
  }),
  "log-level": Flags.option({
    description: "Maximum log level (changeable at run time through the API).",
    char: "l",
    options: ["trace","debug","info","warn","error"] as const,
    default: "info",
  })(),
  "log-file": Flags.string({
    description: "Log to this file (appended; `.log` added when the name has no extension) instead of stderr.",
    char: "L",
  }),
  "log-rotation-size": Flags.integer({
    description: "Rotate the log file when it exceeds this many MiB; 0 disables rotation.",
    min: 0,
    default: 0,
  }),
  "rlimit-nofile": Flags.integer({
    description: "Target RLIMIT_NOFILE (daemon.md §1.10); 0 leaves the limit unchanged.",
    min: 0,
    default: 1000000,
  }),
  "dedup-db": Flags.string({
    description: "Accepted for nydusd compatibility (chunk de-duplication database); ignored.",
  }),
  "backend-source": Flags.string({
    description: "Accepted for nydus-snapshotter compatibility (its backend-source feature); ignored with a warning.",
  }),
  "hybrid-mode": Flags.boolean({
    description: "Accepted for nydusd command-line compatibility and ignored: it selects passthroughfs-compatible VFS options, and this implementation serves RAFS images only (nydusd's quirk: its hybrid mode is on by default and the flag turns it off).",
  }),
};

