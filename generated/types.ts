// Generated from schema/*.schema.json by `npm run generate` (scripts/generate.mjs). Do not edit.
// Types without a suffix are resolved documents (every default applied, as the loader and
// the builders return them); the *Input types are what a user may write.

/**
 * Output of `nydus inspect tree --json`: the shape of `tree -J`, a root node then a report.
 */
export type InspectTree = TreeNode[];
/**
 * Body of GET /api/v1/metrics/files?latest=true (spec api.md §4.5): inodes read since the previous such call, as ascending ranges ([n] one inode, [a, b] inclusive).
 */
export type LatestFiles = number[][];
/**
 * Body of GET /api/v1/metrics/pattern[?id=] (spec api.md §4.5): one item per file read at least once (only with rafs.access_pattern).
 */
export type AccessPatterns = AccessPattern[];
/**
 * Body of GET /api/v1/metrics/inflight when a FUSE request is being handled (spec api.md §4.6); idle answers 204.
 */
export type Inflight = InflightOp[];
/**
 * Body of GET /api/v1/metrics/blobcache on a blob cache daemon (nydus blobcache): one BlobMetrics per data blob; with ?id=<blob id or key> the one object alone. A FUSE daemon answers BlobcacheMetrics instead (api.md §4.5).
 */
export type BlobMetricsList = BlobMetrics[];

/**
 * nydusd configuration, version 2 (spec daemon.md §2.1): the canonical model, read from JSON or TOML. A RAFS mount needs backend, cache and rafs.
 */
export interface ConfigV2 {
  /**
   * Configuration format version; must be 2.
   */
  version: 2;
  /**
   * Instance id; also the blob cache manager's metrics id.
   */
  id: string;
  /**
   * Storage backend of the image's blobs; required at mount time.
   */
  backend: BackendConfig | null;
  /**
   * Patches for backends described inside the image.
   */
  external_backends: ExternalBackendConfig[];
  /**
   * Local blob cache; required for a RAFS mount.
   */
  cache: CacheConfig | null;
  /**
   * RAFS filesystem options; required for a RAFS mount.
   */
  rafs: RafsConfig | null;
  /**
   * Writable overlay on top of the image (with --writable).
   */
  overlay: OverlayConfig | null;
}
/**
 * Storage backend the image's blobs are read from. The sub-object named by type must be present.
 */
export interface BackendConfig {
  /**
   * Backend kind; selects the sub-object of the same name.
   */
  type: 'localfs' | 'localdisk' | 'oss' | 's3' | 'registry' | 'http-proxy';
  /**
   * Settings of the localfs backend.
   */
  localfs: LocalFsConfig | null;
  /**
   * Settings of the localdisk backend.
   */
  localdisk: LocalDiskConfig | null;
  /**
   * Settings of the oss backend.
   */
  oss: OssConfig | null;
  /**
   * Settings of the s3 backend.
   */
  s3: S3Config | null;
  /**
   * Settings of the registry backend.
   */
  registry: RegistryConfig | null;
  /**
   * Settings of the http-proxy backend (note the hyphenated key).
   */
  'http-proxy': HttpProxyConfig | null;
}
/**
 * localfs backend: blobs are files on the local filesystem. One of blob_file or dir must be set.
 */
export interface LocalFsConfig {
  /**
   * Path of a single blob file holding every chunk of the image.
   */
  blob_file: string;
  /**
   * Directory of blob files, each named by its blob id.
   */
  dir: string;
  /**
   * Extra directories searched for blob files after dir.
   */
  alt_dirs: string[];
}
/**
 * localdisk backend: a block device or disk image whose GPT partitions are blobs.
 */
export interface LocalDiskConfig {
  /**
   * Path of the block device or disk image; required (non-empty).
   */
  device_path: string;
  /**
   * Treat the whole device as one blob instead of reading a GPT.
   */
  disable_gpt: boolean;
}
/**
 * Aliyun OSS backend.
 */
export interface OssConfig {
  /**
   * URL scheme, http or https.
   */
  scheme: string;
  /**
   * OSS endpoint host, for example oss-cn-hangzhou.aliyuncs.com.
   */
  endpoint: string;
  /**
   * Bucket holding the blobs.
   */
  bucket_name: string;
  /**
   * Prefix prepended to each blob id to form the object key.
   */
  object_prefix: string;
  /**
   * Access key id (secret: redacted when printed).
   */
  access_key_id: string;
  /**
   * Access key secret (secret: redacted when printed).
   */
  access_key_secret: string;
  /**
   * Skip TLS certificate verification.
   */
  skip_verify: boolean;
  /**
   * Extra CA certificate files (PEM) to trust.
   */
  ca_cert_files: string[];
  /**
   * Request timeout in seconds.
   */
  timeout: number;
  /**
   * Connection timeout in seconds.
   */
  connect_timeout: number;
  /**
   * Retries of a failed request (0..=255).
   */
  retry_limit: number;
  proxy: ProxyConfig;
}
/**
 * Connection-level HTTP proxy in front of a network backend (for example Dragonfly's dfdaemon), with health checks and fallback to the origin.
 */
export interface ProxyConfig {
  /**
   * Proxy URL every backend request is sent through; empty disables the proxy.
   */
  url: string;
  /**
   * URL polled to check the proxy's health; empty disables health checks.
   */
  ping_url: string;
  /**
   * Send requests to the origin when the proxy is unhealthy or fails.
   */
  fallback: boolean;
  /**
   * Seconds between two health checks of the proxy.
   */
  check_interval: number;
  /**
   * Talk plain HTTP to the proxy even for https origins.
   */
  use_http: boolean;
  /**
   * Seconds to pause health checks after the proxy stayed healthy and idle for that long.
   */
  check_pause_elapsed: number;
  /**
   * Dragonfly scheduler endpoint used by streaming prefetch; hot-reloadable through /api/v1/config.
   */
  dragonfly_scheduler_endpoint: string;
}
/**
 * Amazon S3 (or S3-compatible) backend, requests signed with SigV4.
 */
export interface S3Config {
  /**
   * URL scheme, http or https.
   */
  scheme: string;
  /**
   * S3 endpoint host; may be empty to use the region's default AWS endpoint.
   */
  endpoint: string;
  /**
   * Region of the bucket, for example us-east-1; required (non-empty).
   */
  region: string;
  /**
   * Bucket holding the blobs.
   */
  bucket_name: string;
  /**
   * Prefix prepended to each blob id to form the object key.
   */
  object_prefix: string;
  /**
   * Access key id (secret: redacted when printed).
   */
  access_key_id: string;
  /**
   * Secret access key (secret: redacted when printed).
   */
  access_key_secret: string;
  /**
   * Skip TLS certificate verification.
   */
  skip_verify: boolean;
  /**
   * Extra CA certificate files (PEM) to trust.
   */
  ca_cert_files: string[];
  /**
   * Request timeout in seconds.
   */
  timeout: number;
  /**
   * Connection timeout in seconds.
   */
  connect_timeout: number;
  /**
   * Retries of a failed request (0..=255).
   */
  retry_limit: number;
  proxy: ProxyConfig;
}
/**
 * OCI distribution registry backend: blobs are fetched with ranged GETs from /v2/<repo>/blobs/sha256:<id>. host and repo must be set before a mount (nydus-snapshotter fills them per image into template configs that leave them out).
 */
export interface RegistryConfig {
  /**
   * http, or https (any other value, including empty, means https).
   */
  scheme: string;
  /**
   * Registry host[:port]; required (non-empty) at mount time.
   */
  host: string;
  /**
   * Repository namespace/name without tag; required (non-empty) at mount time.
   */
  repo: string;
  /**
   * base64 of user:password for Basic auth and the token flow (secret: redacted when printed).
   */
  auth: string | null;
  /**
   * Skip TLS certificate verification; also allows falling back to plain HTTP on TLS errors.
   */
  skip_verify: boolean;
  /**
   * Extra CA certificate files (PEM) to trust.
   */
  ca_cert_files: string[];
  /**
   * Request timeout in seconds.
   */
  timeout: number;
  /**
   * Connection timeout in seconds.
   */
  connect_timeout: number;
  /**
   * Retries of a failed request (0..=255).
   */
  retry_limit: number;
  /**
   * Bearer token sent as is (secret: redacted when printed).
   */
  registry_token: string | null;
  /**
   * Scheme to use for blob URLs after a redirect; empty keeps the redirect's scheme.
   */
  blob_url_scheme: string;
  /**
   * Host that replaces the host of redirected blob URLs; empty keeps it.
   */
  blob_redirected_host: string;
  proxy: ProxyConfig;
}
/**
 * http-proxy backend: blobs are fetched from an HTTP(S) server or a Unix-socket HTTP server as <path>/<blob id>.
 */
export interface HttpProxyConfig {
  /**
   * http://..., https://..., or the absolute path of an existing Unix socket.
   */
  addr: string;
  /**
   * URL path prefix of blobs (ignored for Unix sockets).
   */
  path: string;
  /**
   * Skip TLS certificate verification.
   */
  skip_verify: boolean;
  /**
   * Extra CA certificate files (PEM) to trust.
   */
  ca_cert_files: string[];
  /**
   * Request timeout in seconds.
   */
  timeout: number;
  /**
   * Connection timeout in seconds.
   */
  connect_timeout: number;
  /**
   * Retries of a failed request (0..=255).
   */
  retry_limit: number;
  proxy: ProxyConfig;
}
/**
 * A backend described inside the image, patched by this entry.
 */
export interface ExternalBackendConfig {
  /**
   * Backend kind of the external backend.
   */
  type: string;
  /**
   * Keys matched against the image's backend description.
   */
  patch: {
    [k: string]: string;
  };
  /**
   * Settings merged into the matched backend.
   */
  config: {
    [k: string]: string;
  };
}
/**
 * Local cache of blob data.
 */
export interface CacheConfig {
  /**
   * blobcache or filecache (local chunk cache files), fscache (kernel cachefiles), or dummycache, dummy or "" for no cache.
   */
  type: 'blobcache' | 'filecache' | 'fscache' | 'dummycache' | 'dummy' | '';
  /**
   * Keep chunks compressed in the cache file (filecache only).
   */
  compressed: boolean;
  /**
   * Validate chunk digests of data read from the cache.
   */
  validate: boolean;
  prefetch: PrefetchConfig;
  /**
   * Settings of blobcache/filecache; required for those types.
   */
  filecache: FileCacheConfig | null;
  /**
   * Settings of fscache; required for that type.
   */
  fscache: FsCacheConfig | null;
}
/**
 * Prefetch settings, used as cache.prefetch (blob level) and rafs.prefetch (file level). Per-key defaults apply when the object is present; an absent object means all zeros.
 */
export interface PrefetchConfig {
  /**
   * Whether prefetch runs at all. Required whenever the object is present.
   */
  enable: boolean;
  /**
   * Number of prefetch worker threads (1..=1024 when enabled).
   */
  threads: number;
  /**
   * Merge size in bytes for prefetch requests to the backend (at most 256 MiB when enabled).
   */
  batch_size: number;
  /**
   * Prefetch bandwidth limit in bytes per second; 0 means unlimited.
   */
  bandwidth_limit: number;
  /**
   * Prefetch every blob of the image entirely.
   */
  prefetch_all: boolean;
  /**
   * Use Dragonfly's streaming prefetch.
   */
  stream_prefetch: boolean;
}
/**
 * blobcache/filecache: per-blob cache files with a chunk map in work_dir.
 */
export interface FileCacheConfig {
  /**
   * Directory holding the cache files; created if missing; must be non-empty.
   */
  work_dir: string;
  /**
   * Deprecated; accepted and ignored.
   */
  disable_indexed_map: boolean;
  /**
   * Encrypt cache files.
   */
  enable_encryption: boolean;
  /**
   * Derive the cache encryption key from the chunk content.
   */
  enable_convergent_encryption: boolean;
  /**
   * Hex of the 32-byte cache encryption key (secret: redacted when printed).
   */
  encryption_key: string;
}
/**
 * fscache: the kernel's cachefiles on-demand cache, for EROFS.
 */
export interface FsCacheConfig {
  /**
   * cachefiles working directory; must be non-empty.
   */
  work_dir: string;
}
/**
 * Options of the RAFS filesystem.
 */
export interface RafsConfig {
  /**
   * Metadata access mode: direct (bootstrap mapped) or cached (loaded into memory); v6 supports direct only.
   */
  mode: 'direct' | 'cached';
  /**
   * Amplified size in bytes of user reads to the backend; 0 disables amplification.
   */
  batch_size: number;
  /**
   * Validate chunk digests on read; refused for RAFS v6 images.
   */
  validate: boolean;
  /**
   * Expose extended attributes.
   */
  enable_xattr: boolean;
  /**
   * Keep per-file I/O counters (metrics files).
   */
  iostats_files: boolean;
  /**
   * Record the first-access pattern (metrics pattern).
   */
  access_pattern: boolean;
  /**
   * Record recently read files (metrics files?latest=true).
   */
  latest_read_files: boolean;
  prefetch: PrefetchConfig;
}
/**
 * Turns the mount into a writable overlay; both directories must be non-empty at mount time.
 */
export interface OverlayConfig {
  /**
   * Upper (writable) directory.
   */
  upper_dir: string;
  /**
   * Overlay work directory.
   */
  work_dir: string;
}
/**
 * Legacy nydusd configuration, version 1 (spec daemon.md §2.2), JSON only; converted to version 2 on load (§2.3). nydus-snapshotter's fusedev driver writes this form.
 */
export interface ConfigV1 {
  device: DeviceConfigV1;
  /**
   * Metadata access mode (v2 rafs.mode).
   */
  mode: 'direct' | 'cached';
  /**
   * Validate chunk digests on read (v2 rafs.validate).
   */
  digest_validate: boolean;
  /**
   * Keep per-file I/O counters (v2 rafs.iostats_files).
   */
  iostats_files: boolean;
  /**
   * Expose extended attributes (v2 rafs.enable_xattr).
   */
  enable_xattr: boolean;
  /**
   * Record the first-access pattern (v2 rafs.access_pattern).
   */
  access_pattern: boolean;
  /**
   * Record recently read files (v2 rafs.latest_read_files).
   */
  latest_read_files: boolean;
  /**
   * Amplified size in bytes of user reads (v2 rafs.batch_size).
   */
  amplify_io: number;
  fs_prefetch: FsPrefetchConfigV1;
}
/**
 * The storage device: backend and cache.
 */
export interface DeviceConfigV1 {
  /**
   * Instance id (becomes the v2 id).
   */
  id: string;
  backend: BackendConfigV1;
  /**
   * Patches for backends described inside the image.
   */
  external_backends: ExternalBackendConfig[];
  cache: CacheConfigV1;
}
/**
 * Storage backend: its type and the type's settings in config.
 */
export interface BackendConfigV1 {
  /**
   * Backend kind; http-proxy is v2 only.
   */
  type: 'localfs' | 'localdisk' | 'oss' | 's3' | 'registry';
  /**
   * Settings of the backend, decoded as the v2 object of the same type.
   */
  config: {
    [k: string]: unknown;
  };
}
/**
 * Local cache: its type and the type's settings in config.
 */
export interface CacheConfigV1 {
  /**
   * blobcache or filecache (local chunk cache files), fscache (kernel cachefiles), or dummycache, dummy or "" for no cache.
   */
  type: 'blobcache' | 'filecache' | 'fscache' | 'dummycache' | 'dummy' | '';
  /**
   * Keep chunks compressed in the cache file.
   */
  compressed: boolean;
  /**
   * Validate chunk digests of data read from the cache.
   */
  validate: boolean;
  /**
   * Settings of the cache, decoded as v2 filecache (blobcache, filecache) or fscache; required for those types.
   */
  config: {
    [k: string]: unknown;
  };
}
/**
 * Filesystem-level prefetch. Per-key defaults apply when the object is present (note prefetch_all defaults to true); all zeros when absent.
 */
export interface FsPrefetchConfigV1 {
  /**
   * Whether prefetch runs at all.
   */
  enable: boolean;
  /**
   * Number of prefetch worker threads (1..=1024 when enabled); v2 threads.
   */
  threads_count: number;
  /**
   * Merge size in bytes for prefetch requests (at most 256 MiB when enabled); v2 batch_size.
   */
  merging_size: number;
  /**
   * Prefetch bandwidth limit in bytes per second, 0 unlimited; v2 bandwidth_limit.
   */
  bandwidth_rate: number;
  /**
   * Prefetch every blob of the image entirely.
   */
  prefetch_all: boolean;
  /**
   * Use Dragonfly's streaming prefetch.
   */
  stream_prefetch: boolean;
}
/**
 * Body of POST/PUT /api/v1/mount?mountpoint=<virtual path> (spec api.md §4.4); also the library's request to attach a filesystem (FsBackendMountCmd).
 */
export interface MountCmd {
  /**
   * rafs, or passthrough / passthroughfs / passthrough_fs; anything else fails the mount.
   */
  fs_type: string;
  /**
   * Bootstrap path (RAFS) or host directory (passthrough).
   */
  source: string;
  /**
   * Configuration text (v1 or v2 JSON, or v2 TOML) serialised as a string; ignored for passthrough.
   */
  config: string;
  /**
   * Virtual mountpoint inside the daemon's tree (the API passes it in the query string instead).
   */
  mountpoint: string;
  /**
   * Absolute paths to prefetch (RAFS with rafs.prefetch.enable).
   */
  prefetch_files: string[] | null;
}
/**
 * Options of a FUSE daemon, as nydusd's `fuse` subcommand takes them (spec daemon.md §1.2-§1.4, §1.14). One declaration renders the `nydus fuse` flags (x-flag) and the library's fuseDaemon() builder.
 */
export interface FuseDaemonOptions {
  /**
   * Host directory where the FUSE filesystem is mounted; must exist and be a directory.
   */
  mountpoint: string;
  /**
   * RAFS bootstrap (or a data blob with the bootstrap inlined) mounted at start at the virtual mountpoint. Needs config or localfsDir.
   */
  bootstrap?: string;
  /**
   * OCI reference of a nydus image in a registry ("host[:port]/repo:tag" or "@sha256:..."), mounted at start instead of --bootstrap: the manifest for this machine's platform is resolved when the daemon starts, its bootstrap layer fetched into the cache directory (reused by later starts) and its blobs read through a registry backend for the image's repository. --config supplies the cache, the filesystem options and, with a registry backend, the credentials.
   */
  image?: string;
  /**
   * Daemon configuration file (nydusd v1 or v2, JSON or TOML) for the bootstrap mounted at start; not read when nothing is mounted at start.
   */
  config?: string;
  /**
   * Library only: a configuration document (v1 or v2 object) used instead of reading the config file.
   */
  configDocument?: {
    [k: string]: unknown;
  };
  /**
   * Built-in configuration: localfs backend reading blobs from this directory, blobcache work dir the same directory (daemon.md §1.8).
   */
  localfsDir?: string;
  /**
   * Share a host directory through the passthrough filesystem instead of RAFS (not supported by this implementation yet: the daemon refuses to start).
   */
  sharedDir?: string;
  /**
   * File listing absolute paths to prefetch, one per line (blank lines skipped). Requires bootstrap or image.
   */
  prefetchFiles?: string;
  /**
   * Path inside the FUSE tree where the initial filesystem is attached.
   */
  virtualMountpoint: string;
  /**
   * Unix socket of the HTTP administration API; without it no API server runs.
   */
  apiSock?: string;
  /**
   * HOST:PORT ([v6]:PORT) of a plain-HTTP listener serving the Prometheus metrics at GET /metrics (also at GET /api/v1/metrics/prometheus on the API socket). Unauthenticated: bind it to loopback unless the network is trusted. Without it no listener runs.
   */
  metricsAddr?: string;
  /**
   * Service instance identifier, reported in daemon info. Requires supervisor.
   */
  id?: string;
  /**
   * Unix socket of the supervisor (state and fd keeper) for hot upgrade and failover. Requires id.
   */
  supervisor?: string;
  /**
   * Directory of daemon records (read by nydus upgrade / nydus failover); the daemon writes <dir>/<id>.json when started with --id and --supervisor. Default: env NYDUS_STATE_DIR, else /run/nydus.
   */
  stateDir?: string;
  /**
   * Start in upgrade mode: mount nothing, stay in INIT waiting for a takeover.
   */
  upgrade: boolean;
  /**
   * Maximum log level (changeable at run time through the API).
   */
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error';
  /**
   * Log to this file (appended; `.log` added when the name has no extension) instead of stderr.
   */
  logFile?: string;
  /**
   * Rotate the log file when it exceeds this many MiB; 0 disables rotation.
   */
  logRotationSize: number;
  /**
   * Target RLIMIT_NOFILE (daemon.md §1.10); 0 leaves the limit unchanged.
   */
  rlimitNofile: number;
  /**
   * What to do with in-flight FUSE requests after a takeover.
   */
  failoverPolicy: 'none' | 'resend' | 'flush';
  /**
   * Number of FUSE worker threads.
   */
  fuseThreads: number;
  /**
   * Mount without MS_RDONLY (RAFS itself stays read-only).
   */
  writable: boolean;
  /**
   * Accepted for nydusd compatibility (chunk de-duplication database); ignored.
   */
  dedupDb?: string;
  /**
   * Accepted for nydus-snapshotter compatibility (its backend-source feature); ignored with a warning.
   */
  backendSource?: string;
}
/**
 * The saved state of a FUSE daemon that a supervisor keeps for hot upgrade and failover (spec daemon.md §5.4): the JSON payload inside the versioned, CRC-protected state buffer (src/upgrade/state-codec.ts). The buffer travels with the /dev/fuse fd over the supervisor socket.
 */
export interface FuseTakeoverState {
  /**
   * Format tag of the payload; anything else is a foreign snapshot.
   */
  format: 'nydus-service-fuse-state';
  /**
   * Payload version (the framing carries its own version too).
   */
  version: 1;
  /**
   * Daemon id (--id) of the daemon that saved the state, or null.
   */
  id: string | null;
  /**
   * FUSE connection id: (major(st_dev) << 20) | minor(st_dev) of the mountpoint, the name under /sys/fs/fuse/connections/.
   */
  connectionId: number;
  /**
   * Canonical host path of the FUSE mount.
   */
  mountpoint: string;
  /**
   * Opaque result of the FUSE INIT exchange (protocol minor, option bits, limits), as produced and consumed by the native session.
   */
  negotiated: {
    [k: string]: unknown;
  };
  /**
   * Opaque VFS snapshot (pseudo-fs tree, next index, id mappings), as produced and consumed by the native session.
   */
  vfs: {
    [k: string]: unknown;
  };
  /**
   * VFS flavour of the FUSE session (open/opendir handling); the successor adopts the connection with the same one. Absent in older states: rafs.
   */
  flavour?: 'rafs' | 'passthrough';
  /**
   * Failover policy of the daemon that saved the state (daemon.md §5.6).
   */
  failoverPolicy?: 'none' | 'resend' | 'flush';
  /**
   * Every mounted backend filesystem, in VFS index order.
   */
  mounts: {
    /**
     * Virtual mountpoint inside the daemon's tree.
     */
    mountpoint: string;
    /**
     * VFS index the backend is attached at.
     */
    index: number;
    cmd: MountCmd;
  }[];
}
/**
 * What is known about one supervised daemon, kept as <state dir>/<id>.json (default state dir /run/nydus, or NYDUS_STATE_DIR, or --state-dir). Written by the daemon itself and by `nydus upgrade` / `nydus failover`.
 */
export interface DaemonRecord {
  /**
   * Daemon id (--id); also the record's file name.
   */
  id: string;
  /**
   * What the daemon serves (absent: fuse): a FUSE mount (nydus fuse), the blob cache service (nydus blobcache / fscache, whose mountpoint member names its shared read socket, or its entry file when it has none), or a VM over virtio-fs (nydus virtiofs, whose mountpoint member names its vhost-user socket; it cannot be upgraded or failed over).
   */
  kind?: 'fuse' | 'blobcache' | 'virtiofs';
  /**
   * Process id of the daemon serving the mount.
   */
  pid: number;
  /**
   * API socket of the serving daemon (changes on every hot upgrade: api.sock, api1.sock, ...); null when the daemon serves no API (it cannot be upgraded or failed over then).
   */
  apiSock: string | null;
  /**
   * Supervisor socket path (--supervisor) the daemon connects to on sendfd and takeover.
   */
  supervisor: string;
  /**
   * Full command line that starts the daemon: node executable, entry script, 'fuse', then its arguments.
   */
  argv: string[];
  /**
   * Working directory of the daemon; successors and restarts start there, so relative paths in its configs keep their meaning.
   */
  cwd?: string;
  /**
   * Host path of the FUSE mount.
   */
  mountpoint: string;
  /**
   * Filesystems attached inside the daemon (a blob cache daemon lists its entries here: mountpoint = <domain_id>/<id>, source = the bootstrap), so `nydus failover` saves the state again when they change.
   */
  mounts: {
    /**
     * Virtual mountpoint inside the daemon's tree.
     */
    mountpoint: string;
    /**
     * Bootstrap path (RAFS) or host directory (passthrough).
     */
    source: string;
  }[];
  /**
   * Last known reported state (INIT, READY, RUNNING, STOPPED, ...).
   */
  state: string;
  /**
   * When the current daemon process started (ISO 8601).
   */
  startedAt: string;
  /**
   * When the record was last written (ISO 8601).
   */
  updatedAt: string;
  /**
   * Set while `nydus failover` supervises the daemon.
   */
  failover?: {
    /**
     * Process id of the `nydus failover` supervisor.
     */
    supervisorPid: number;
    /**
     * When supervision started (ISO 8601).
     */
    since?: string;
    /**
     * Crash recoveries performed so far.
     */
    recoveries?: number;
    /**
     * Duration of the last recovery (crash noticed to RUNNING), in milliseconds.
     */
    lastRecoveryMs?: number;
  };
  /**
   * Hot upgrades performed on this daemon id.
   */
  upgrades?: number;
}
/**
 * A blob registered with the blob cache manager (spec daemon.md §2.6): PUT /api/v2/blobs, singleton --config "blobs", nbd --config.
 */
export interface BlobCacheEntry {
  /**
   * bootstrap (an image; its data blobs follow) or datablob (refused when adding).
   */
  type: 'bootstrap' | 'datablob';
  /**
   * Blob id, or for a bootstrap the EROFS fsid; no "/".
   */
  id: string;
  /**
   * Domain sharing blobs between images; no "/".
   */
  domain_id: string;
  config?: BlobCacheEntryConfigV1;
  config_v2?: BlobCacheEntryConfigV2;
}
/**
 * Legacy entry configuration (what nydus-snapshotter's fscache driver sends).
 */
export interface BlobCacheEntryConfigV1 {
  /**
   * Instance id.
   */
  id: string;
  /**
   * Backend kind.
   */
  backend_type: 'localfs' | 'localdisk' | 'oss' | 's3' | 'registry';
  /**
   * Backend settings, decoded as the v2 object of backend_type.
   */
  backend_config: {
    [k: string]: unknown;
  };
  /**
   * Patches for backends described inside the image.
   */
  external_backends: ExternalBackendConfig[];
  /**
   * Cache kind.
   */
  cache_type: 'blobcache' | 'filecache' | 'fscache' | 'dummycache' | 'dummy' | '';
  /**
   * Cache settings, decoded as v2 filecache or fscache by cache_type.
   */
  cache_config: {
    [k: string]: unknown;
  };
  prefetch_config?: BlobPrefetchConfigV1;
  /**
   * Bootstrap path (type bootstrap).
   */
  metadata_path: string | null;
}
/**
 * Legacy blob prefetch settings; every key is required when the object is present.
 */
export interface BlobPrefetchConfigV1 {
  /**
   * Whether prefetch runs.
   */
  enable: boolean;
  /**
   * Number of prefetch worker threads.
   */
  threads_count: number;
  /**
   * Merge size in bytes of prefetch requests.
   */
  merging_size: number;
  /**
   * Bandwidth limit in bytes per second, 0 unlimited.
   */
  bandwidth_rate: number;
}
/**
 * Version 2 entry configuration; wins over config when both are present.
 */
export interface BlobCacheEntryConfigV2 {
  /**
   * Must be 2.
   */
  version: 2;
  /**
   * Instance id.
   */
  id: string;
  backend: BackendConfig;
  /**
   * Patches for backends described inside the image.
   */
  external_backends: ExternalBackendConfig[];
  cache: CacheConfig;
  /**
   * Bootstrap path (type bootstrap).
   */
  metadata_path: string | null;
}
/**
 * A list of blob cache entries, as read from singleton --config (key "blobs").
 */
export interface BlobCacheList {
  /**
   * Entries registered at start, in order.
   */
  blobs: BlobCacheEntry[];
}
/**
 * Output of `nydus config validate --json`.
 */
export interface ConfigValidateResult {
  /**
   * Whether every file is valid.
   */
  valid: boolean;
  /**
   * One report per file, in command-line order.
   */
  files: ConfigFileReport[];
}
/**
 * The verdict on one file.
 */
export interface ConfigFileReport {
  /**
   * Path as given on the command line.
   */
  file: string;
  /**
   * Whether the file is a usable configuration.
   */
  valid: boolean;
  /**
   * Configuration version detected, null when unreadable or invalid.
   */
  format: 'v1' | 'v2' | null;
  /**
   * Syntax detected, null when unreadable or invalid.
   */
  syntax: 'json' | 'toml' | null;
  /**
   * Every error found.
   */
  problems: ConfigProblemReport[];
  /**
   * What a mount would reject (errors with --strict).
   */
  warnings: ConfigProblemReport[];
}
/**
 * One problem in a configuration.
 */
export interface ConfigProblemReport {
  /**
   * JSON pointer of the offending value ("" is the document).
   */
  pointer: string;
  /**
   * What was expected and what was found.
   */
  message: string;
}
/**
 * Output of `nydus inspect superblock --json`.
 */
export interface InspectSuperblock {
  /**
   * Bootstrap path as given.
   */
  bootstrap: string;
  /**
   * RAFS version.
   */
  version: 5 | 6;
  /**
   * Superblock feature flags (rafs-format §2.1).
   */
  flags: number;
  /**
   * Names of the set flags.
   */
  flag_names: string[];
  /**
   * Chunk compressor: none, lz4_block, gzip or zstd.
   */
  compressor: string;
  /**
   * Chunk digest: blake3 or sha256.
   */
  digester: string;
  /**
   * Chunk size in bytes.
   */
  chunk_size: number;
  /**
   * EROFS block size (v6), 0 for v5.
   */
  block_size: number;
  /**
   * Inode count recorded in the superblock.
   */
  inodes_count: number;
  /**
   * Inode number (v5) or nid (v6) of the root.
   */
  root_ino: number;
  /**
   * Size of the bootstrap in bytes.
   */
  bootstrap_size: number;
  /**
   * The bootstrap was read from a data blob's ToC.
   */
  inlined_bootstrap: boolean;
  /**
   * Version-specific superblock fields.
   */
  fields: {
    [k: string]: number;
  };
  /**
   * Counts from a walk of the tree.
   */
  counts: {
    /**
     * Directories, root included.
     */
    directories: number;
    /**
     * Regular file entries (hard links counted per entry).
     */
    files: number;
    /**
     * Symbolic links.
     */
    symlinks: number;
    /**
     * Devices, fifos and sockets.
     */
    others: number;
    /**
     * Distinct inodes.
     */
    inodes: number;
  };
  /**
   * The blob table (every field, camelCase as the library reports it).
   */
  blobs: {}[];
  /**
   * Prefetch table: inode numbers (v5) or nids (v6).
   */
  prefetch: number[];
}
/**
 * Output of `nydus inspect stat --json`.
 */
export interface InspectStat {
  /**
   * Path inside the image.
   */
  path: string;
  /**
   * Inode number (v5) or nid (v6).
   */
  ino: number;
  /**
   * File type.
   */
  type: 'file' | 'directory' | 'link' | 'char' | 'block' | 'fifo' | 'socket' | 'unknown';
  /**
   * Full st_mode.
   */
  mode: number;
  /**
   * Permission bits in octal, e.g. 0755.
   */
  permissions: string;
  /**
   * Owner uid as stored.
   */
  uid: number;
  /**
   * Owner gid as stored.
   */
  gid: number;
  /**
   * Size in bytes.
   */
  size: number;
  /**
   * 512-byte blocks.
   */
  blocks: number;
  /**
   * Link count.
   */
  nlink: number;
  /**
   * Device number (char/block devices).
   */
  rdev: number;
  /**
   * Modification time, seconds (0 when not recorded).
   */
  mtime: number;
  /**
   * Nanoseconds of the modification time.
   */
  mtime_nsec: number;
  /**
   * Symlink target.
   */
  target: string | null;
  /**
   * Extended attributes: value as UTF-8 text, or base64: prefixed when not printable.
   */
  xattrs: {
    [k: string]: string;
  };
  /**
   * The file's data as segments: holes or pieces of chunks.
   */
  chunks: {
    /**
     * Offset in the file.
     */
    file_offset: number;
    /**
     * Bytes of the file this segment serves.
     */
    length: number;
    /**
     * Zeros, not stored.
     */
    hole: boolean;
    /**
     * Blob holding the chunk.
     */
    blob_id?: string | null;
    /**
     * Chunk index in the blob.
     */
    chunk_index?: number | null;
    /**
     * Offset of the stored bytes in the blob (null when only the blob meta knows it).
     */
    compressed_offset?: number | null;
    /**
     * Stored size.
     */
    compressed_size?: number | null;
    /**
     * Offset in the blob's uncompressed image.
     */
    uncompressed_offset?: number | null;
    /**
     * Plain size of the chunk.
     */
    uncompressed_size?: number | null;
    /**
     * Stored compressed.
     */
    compressed?: boolean | null;
    /**
     * Hex digest of the plain chunk, null when unknown.
     */
    digest?: string | null;
  }[];
}
/**
 * Output of `nydus inspect check --json`.
 */
export interface InspectCheck {
  /**
   * No corrupt or unreadable chunk was found.
   */
  ok: boolean;
  /**
   * Regular files (distinct inodes) read.
   */
  files: number;
  /**
   * Chunk pieces read.
   */
  chunks: number;
  /**
   * Chunk pieces whose digest was compared.
   */
  digest_checked: number;
  /**
   * Chunk pieces whose CRC-32C was compared.
   */
  crc_checked: number;
  /**
   * File bytes covered.
   */
  bytes: number;
  /**
   * Each corrupt or unreadable chunk, by file.
   */
  problems: {
    /**
     * A path of the file (the first found for hard links).
     */
    path: string;
    /**
     * Its inode number.
     */
    ino: number;
    /**
     * Offset in the file served by the chunk.
     */
    file_offset: number;
    /**
     * Bytes of the file served by the chunk.
     */
    length: number;
    /**
     * Blob holding the chunk.
     */
    blob_id: string;
    /**
     * Chunk index in the blob.
     */
    chunk_index: number;
    /**
     * errno name (EIO, ENOENT ...).
     */
    code: string;
    /**
     * What was wrong.
     */
    message: string;
  }[];
}
/**
 * One entry of the tree.
 */
export interface TreeNode {
  /**
   * Entry type as tree names it.
   */
  type: 'directory' | 'file' | 'link' | 'char' | 'block' | 'fifo' | 'socket' | 'report';
  /**
   * Entry name (the root's is the --root-name flag).
   */
  name?: string;
  /**
   * Symlink target.
   */
  target?: string;
  /**
   * Children (directories), empty for links.
   */
  contents?: TreeNode[];
  /**
   * Report: directories below the root (and links to directories).
   */
  directories?: number;
  /**
   * Report: other entries.
   */
  files?: number;
}
/**
 * Body of GET /api/v1/daemon and GET /api/v2/daemon (spec api.md §4.1). Member order as listed.
 */
export interface DaemonInfo {
  version: DaemonVersion;
  /**
   * Daemon id (--id), null when not given.
   */
  id: string | null;
  /**
   * Supervisor socket path (--supervisor), null when not given.
   */
  supervisor: string | null;
  /**
   * Reported daemon state (daemon.md §3.1).
   */
  state: 'INIT' | 'RUNNING' | 'READY' | 'STOPPED' | 'UNKNOWN';
  /**
   * Mounted filesystems keyed by virtual mountpoint: {} when nothing is mounted; null for the v2 endpoint and for a daemon without a filesystem service.
   */
  backend_collection: {
    [k: string]: BackendCollectionEntry;
  } | null;
}
/**
 * Build information; git_commit equals the `Git Commit:` line of --version (daemon.md §1.11).
 */
export interface DaemonVersion {
  /**
   * Release tag or git describe output, e.g. v2.3.1.
   */
  package_ver: string;
  /**
   * Full commit hash of the build.
   */
  git_commit: string;
  /**
   * Build timestamp.
   */
  build_time: string;
  /**
   * Build profile, e.g. release.
   */
  profile: string;
  /**
   * Toolchain string (the reference's rustc version; ours names the Node/compiler toolchain).
   */
  rustc: string;
}
/**
 * One mounted filesystem of the daemon, keyed by its virtual mountpoint.
 */
export interface BackendCollectionEntry {
  /**
   * Kind of filesystem.
   */
  backend_type: 'Rafs' | 'PassthroughFs';
  /**
   * Virtual mountpoint inside the daemon's tree.
   */
  mountpoint: string;
  /**
   * UTC time of the (re)mount: YYYY-MM-DD HH:MM:SS.<fraction> +00:00:00, fraction = nanoseconds without trailing zeros (at least one digit).
   */
  mounted_time: string;
  /**
   * The full v2 configuration with secrets redacted; null for passthrough.
   */
  config: {
    [k: string]: unknown;
  } | null;
}
/**
 * Body of PUT /api/v1/daemon and PUT /api/v2/daemon (spec api.md §4.2); other keys are ignored.
 */
export interface LogLevelBody {
  /**
   * off, error, warn, info, debug or trace, case-insensitive.
   */
  log_level: string;
}
/**
 * Body of GET /api/v1/daemon/events (spec api.md §4.9): a ring buffer of recent significant errors.
 */
export interface EventsBody {
  /**
   * Most entries kept.
   */
  max_errors: number;
  /**
   * Errors recorded since start, evicted ones included.
   */
  total_errors: number;
  /**
   * Most bytes of entry text kept.
   */
  max_size: number;
  /**
   * Bytes of entry text recorded since start.
   */
  total_size: number;
  /**
   * Entries as `<IMF-fixdate> - <text>`, oldest first.
   */
  errors: string[];
}
/**
 * Body of GET /api/v1/daemon/backend?mountpoint=/m (spec api.md §4.3): the loaded RAFS super block. Loose: no client depends on it.
 */
export interface RafsSuperInfo {
  /**
   * Super block magic.
   */
  magic?: number;
  /**
   * RAFS format version word.
   */
  version?: number;
  /**
   * Super block size in bytes.
   */
  sb_size?: number;
  /**
   * Inode number of the root directory.
   */
  root_inode?: number;
  /**
   * Chunk size in bytes.
   */
  chunk_size?: number;
  /**
   * Number of inodes.
   */
  inodes_count?: number;
  /**
   * Super block feature flags.
   */
  flags?: {
    /**
     * Feature bit set (COMPRESSION_NONE 0x1, LZ4 0x2, ...).
     */
    bits?: number;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
/**
 * Body of GET /api/v1/metrics[?id=] (spec api.md §4.5). Arrays of 15 are indexed by operation (0 GETATTR ... 4 READ ... 14 BATCH_FORGET); arrays of 8 are size or latency buckets.
 */
export interface FsMetrics {
  /**
   * rafs.iostats_files of the mount.
   */
  files_account_enabled: boolean;
  /**
   * rafs.access_pattern of the mount.
   */
  access_pattern_enabled: boolean;
  /**
   * rafs.latest_read_files of the mount.
   */
  record_latest_read_files_enabled: boolean;
  /**
   * Always true.
   */
  measure_latency: boolean;
  /**
   * Registry key: the virtual mountpoint.
   */
  id: string;
  /**
   * Successful OPEN minus successful RELEASE.
   */
  nr_opens: number;
  /**
   * Bytes returned by successful READs.
   */
  data_read: number;
  /**
   * READ requests by size: [0,1K), [1K,4K), [4K,16K), [16K,64K), [64K,128K), [128K,512K), [512K,1M), >=1M.
   */
  block_count_read: number[];
  /**
   * Successes per operation.
   */
  fop_hits: number[];
  /**
   * Failures per operation.
   */
  fop_errors: number[];
  /**
   * Microseconds summed per measured operation.
   */
  fop_cumulative_latency_total: number[];
  /**
   * Measured operations by latency: <=200us, <=1ms, <=20ms, <=50ms, <=500ms, <=1s, <=2s, >2s.
   */
  read_latency_dist: number[];
}
/**
 * Body of GET /api/v1/metrics/files[?id=] without latest=true (spec api.md §4.5): per-file counters keyed by inode number as a decimal string; {} unless rafs.iostats_files.
 */
export interface FileMetrics {
  [k: string]: FileMetricsEntry;
}
/**
 * Counters of one file.
 */
export interface FileMetricsEntry {
  /**
   * Operations on the file.
   */
  total_fops: number;
  /**
   * Bytes read from the file.
   */
  data_read: number;
  /**
   * READ requests by size bucket.
   */
  block_count_read: number[];
  /**
   * Successes per operation.
   */
  fop_hits: number[];
  /**
   * Failures per operation.
   */
  fop_errors: number[];
}
/**
 * First access and read count of one file.
 */
export interface AccessPattern {
  /**
   * RAFS inode number.
   */
  ino: number;
  /**
   * READ requests on the file.
   */
  nr_read: number;
  /**
   * Unix time of the first access, seconds.
   */
  first_access_time_secs: number;
  /**
   * Nanoseconds part of the first access time.
   */
  first_access_time_nanos: number;
}
/**
 * Body of GET /api/v1/metrics/backend[?id=] (spec api.md §4.5). Size buckets as block_count_read; latency buckets in ms: <=1, <=20, <=50, <=100, <=500, <=1000, <=2000, >2000.
 */
export interface BackendMetrics {
  /**
   * Storage backend type, e.g. localfs, registry.
   */
  backend_type: string;
  /**
   * Backend reads.
   */
  read_count: number;
  /**
   * Failed backend reads.
   */
  read_errors: number;
  /**
   * Bytes read from the backend.
   */
  read_amount_total: number;
  /**
   * Milliseconds spent reading, summed.
   */
  read_cumulative_latency_millis_total: number;
  /**
   * Milliseconds spent reading, per size bucket.
   */
  read_cumulative_latency_millis_dist: number[];
  /**
   * Reads per size bucket.
   */
  read_count_block_size_dist: number[];
  /**
   * Reads by [size bucket][latency bucket].
   */
  read_latency_sizes_dist: number[][];
}
/**
 * Body of GET /api/v1/metrics/blobcache[?id=] (spec api.md §4.5). No id member is emitted.
 */
export interface BlobcacheMetrics {
  /**
   * Absolute paths of the cache files of the instance.
   */
  underlying_files: string[];
  /**
   * Cache work directory.
   */
  store_path: string;
  /**
   * Reads partly served from the cache.
   */
  partial_hits: number;
  /**
   * Reads wholly served from the cache.
   */
  whole_hits: number;
  /**
   * Reads through the cache.
   */
  total: number;
  /**
   * Blobs in the cache.
   */
  entries_count: number;
  /**
   * Bytes prefetched.
   */
  prefetch_data_amount: number;
  /**
   * Prefetch requests issued.
   */
  prefetch_requests_count: number;
  /**
   * Prefetch worker threads.
   */
  prefetch_workers: number;
  /**
   * Prefetched chunks not merged into larger requests.
   */
  prefetch_unmerged_chunks: number;
  /**
   * Milliseconds spent prefetching, summed.
   */
  prefetch_cumulative_time_millis: number;
  /**
   * Unix time prefetch began, seconds.
   */
  prefetch_begin_time_secs: number;
  /**
   * Milliseconds part of the prefetch begin time.
   */
  prefetch_begin_time_millis: number;
  /**
   * Unix time prefetch ended, seconds.
   */
  prefetch_end_time_secs: number;
  /**
   * Milliseconds part of the prefetch end time.
   */
  prefetch_end_time_millis: number;
  /**
   * Bytes read from the backend and buffered, not yet written to the cache.
   */
  buffered_backend_size: number;
  /**
   * Every chunk of the instance is cached.
   */
  data_all_ready: boolean;
}
/**
 * The request one worker is handling.
 */
export interface InflightOp {
  /**
   * FUSE nodeid.
   */
  inode: number;
  /**
   * FUSE opcode.
   */
  opcode: number;
  /**
   * FUSE request id.
   */
  unique: number;
  /**
   * Unix time the request was picked up.
   */
  timestamp_secs: number;
}
/**
 * Body of PUT /api/v1/config and GET /api/v1/config (spec api.md §4.7): string keys (registry_auth, proxy_url, dragonfly_scheduler_endpoint; composite <id>:<key> in a GET without id) to string values.
 */
export interface ConfigMap {
  [k: string]: string;
}
/**
 * Options of a blob cache manager daemon, as nydusd's `singleton` subcommand takes them (spec daemon.md §1.2, §1.6, §1.13, §6), plus our shared blob socket. With fscache it is also the fscache daemon: the kernel's EROFS reads the images through cachefiles on-demand objects this daemon fills. One declaration renders the `nydus blobcache` / `nydus fscache` / `nydus singleton` flags (x-flag) and the library's blobcacheDaemon() builder.
 */
export interface BlobcacheDaemonOptions {
  /**
   * Unix socket of the HTTP administration API, where blob entries are added, removed and listed (/api/v2/blobs); without it no API server runs.
   */
  apiSock?: string;
  /**
   * JSON file read at start: when it is an object whose "blobs" key parses as a blob cache list (daemon.md §2.6), every entry is registered in order and the first failure aborts start-up; a "blobs" value that does not parse is ignored; a file that is not JSON is a start-up failure.
   */
  config?: string;
  /**
   * Library only: the configuration document (an object, "blobs" as in the config file) used instead of reading the config file.
   */
  configDocument?: {
    [k: string]: unknown;
  };
  /**
   * Service instance identifier, reported in daemon info. Requires supervisor.
   */
  id?: string;
  /**
   * Unix socket of the supervisor (state keeper) for hot upgrade and failover; the registered blob entries are part of the saved state. Requires id.
   */
  supervisor?: string;
  /**
   * Directory where the daemon persists its registered blob entries (restored at its next start) and, when started with --id and --supervisor, writes its daemon record <dir>/<id>.json (read by nydus upgrade / nydus failover). Default: env NYDUS_STATE_DIR, else /run/nydus.
   */
  stateDir?: string;
  /**
   * Start in upgrade mode: register nothing, stay in INIT waiting for a takeover that brings the predecessor's entries.
   */
  upgrade: boolean;
  /**
   * Maximum log level (changeable at run time through the API).
   */
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error';
  /**
   * Log to this file (appended; `.log` added when the name has no extension) instead of stderr.
   */
  logFile?: string;
  /**
   * Rotate the log file when it exceeds this many MiB; 0 disables rotation.
   */
  logRotationSize: number;
  /**
   * Target RLIMIT_NOFILE (daemon.md §1.10); 0 leaves the limit unchanged.
   */
  rlimitNofile: number;
  /**
   * Our extension: Unix socket on which the daemon answers ranged reads of its registered blobs in the http-proxy backend protocol (HEAD for the size, GET with Range: bytes=a-b), served from its cache, so the FUSE daemons of the host share one cache and each chunk is fetched from the backend once. Without it no such socket is served.
   */
  sharedSock?: string;
  /**
   * Enable the fscache service (cachefiles on-demand, daemon.md §6.2-§6.6) with this cachefiles working directory; it must exist and be a directory after canonicalisation. The daemon opens /dev/cachefiles, binds the cache there and serves the kernel's OPEN/READ/CLOSE requests for EROFS mounts of the registered entries (`mount -t erofs -o fsid=<id>[,domain_id=<domain>] none M`).
   */
  fscache?: string;
  /**
   * cachefiles tag of this daemon's cache (written as `tag <tag>`). Requires fscache.
   */
  fscacheTag?: string;
  /**
   * Worker threads serving /dev/cachefiles.
   */
  fscacheThreads: number;
}
/**
 * Figures of one data blob of the blob cache manager.
 */
export interface BlobMetrics {
  /**
   * Record key of the data blob: <domain_id>/<blob id>, or the blob id in the empty domain.
   */
  key: string;
  /**
   * Domain of the blob.
   */
  domain_id: string;
  /**
   * Blob id (as in the bootstrap's blob table).
   */
  blob_id: string;
  /**
   * Bootstrap entries of the domain referring to the blob.
   */
  refs: number;
  /**
   * Key of the entry whose backend and work_dir serve the blob.
   */
  owner: string;
  /**
   * Cache work directory.
   */
  store_path: string;
  /**
   * Cache data file of the blob (B.blob.data, or B.blob.raw in compressed mode); empty for localfs blobs, read in place.
   */
  underlying_files: string[];
  /**
   * Stored size of the blob's chunk data.
   */
  compressed_size: number;
  /**
   * Uncompressed size of the blob's chunk data.
   */
  uncompressed_size: number;
  /**
   * Chunks of the blob.
   */
  chunk_count: number;
  /**
   * Chunks marked ready in the blob's chunk map file (B.blob.data.chunk_map).
   */
  ready_chunks: number;
  /**
   * Every chunk is cached.
   */
  data_all_ready: boolean;
  /**
   * Warming of the owning entry: off (prefetch disabled or localfs), warming, done (all ready), failed (prefetch ended with chunks missing).
   */
  warm: 'off' | 'warming' | 'done' | 'failed';
  /**
   * Why warming failed, or null.
   */
  warm_error: string | null;
  /**
   * Bytes prefetched by the owning entry's image (all its blobs).
   */
  prefetch_data_amount: number;
  /**
   * Prefetch requests of the owning entry's image.
   */
  prefetch_requests_count: number;
  /**
   * Prefetch worker threads of the owning entry's image.
   */
  prefetch_workers: number;
  /**
   * Milliseconds spent prefetching, summed, for the owning entry's image.
   */
  prefetch_cumulative_time_millis: number;
  /**
   * Shared read store counters; null before the blob was first read through the store.
   */
  shared: {
    /**
     * Ranged reads sent to the backend.
     */
    backend_reads: number;
    /**
     * Bytes fetched from the backend.
     */
    backend_bytes: number;
    /**
     * Reads answered (shared socket clients and warming).
     */
    served_reads: number;
    /**
     * Bytes answered.
     */
    served_bytes: number;
    /**
     * Bytes answered from the store without a backend read.
     */
    cache_hit_bytes: number;
    /**
     * Bytes of the blob held in the store.
     */
    ready_bytes: number;
    /**
     * Blob size.
     */
    size: number;
    /**
     * The whole blob is in the store.
     */
    all_ready: boolean;
    /**
     * Backend reads in progress.
     */
    in_flight: number;
  } | null;
}
/**
 * Options of a virtio-fs daemon, as nydusd's `virtiofs` subcommand takes them (spec daemon.md §1.2, §1.4, §1.5, §7): the vhost-user-fs backend a VMM (QEMU, Cloud Hypervisor) connects to, serving the same VFS of RAFS images as the FUSE daemon. One declaration renders the `nydus virtiofs` flags (x-flag) and the library's virtiofsDaemon() builder.
 */
export interface VirtiofsDaemonOptions {
  /**
   * vhost-user socket the VMM connects to (QEMU `-chardev socket,path=SOCK` + `-device vhost-user-fs-pci,chardev=...,tag=TAG`); a stale file there is replaced. The daemon listens before the VMM starts and accepts a new connection after the VMM disconnects (a VM reboot).
   */
  sock: string;
  /**
   * RAFS bootstrap (or a data blob with the bootstrap inlined) mounted at start at the virtual mountpoint. Needs config or localfsDir.
   */
  bootstrap?: string;
  /**
   * Daemon configuration file (nydusd v1 or v2, JSON or TOML) for the bootstrap mounted at start; not read when nothing is mounted at start.
   */
  config?: string;
  /**
   * Library only: a configuration document (v1 or v2 object) used instead of reading the config file.
   */
  configDocument?: {
    [k: string]: unknown;
  };
  /**
   * Built-in configuration: localfs backend reading blobs from this directory, blobcache work dir the same directory (daemon.md §1.8).
   */
  localfsDir?: string;
  /**
   * Share a host directory through the passthrough filesystem instead of RAFS (not supported by this implementation yet: the daemon refuses to start).
   */
  sharedDir?: string;
  /**
   * File listing absolute paths to prefetch, one per line (blank lines skipped). Requires bootstrap.
   */
  prefetchFiles?: string;
  /**
   * Path inside the FUSE tree where the initial filesystem is attached.
   */
  virtualMountpoint: string;
  /**
   * Unix socket of the HTTP administration API; without it no API server runs.
   */
  apiSock?: string;
  /**
   * HOST:PORT ([v6]:PORT) of a plain-HTTP listener serving the Prometheus metrics at GET /metrics (also at GET /api/v1/metrics/prometheus on the API socket). Unauthenticated: bind it to loopback unless the network is trusted. Without it no listener runs.
   */
  metricsAddr?: string;
  /**
   * Service instance identifier, reported in daemon info. Requires supervisor.
   */
  id?: string;
  /**
   * Unix socket of a supervisor. Accepted for nydusd compatibility: upgrade and takeover are unsupported in virtio-fs mode (sendfd answers 501, daemon.md §7), so nothing is ever sent there. Requires id.
   */
  supervisor?: string;
  /**
   * Directory of daemon records; the daemon writes <dir>/<id>.json when started with --id and --supervisor (informative: nydus upgrade / nydus failover refuse virtio-fs daemons). Default: env NYDUS_STATE_DIR, else /run/nydus.
   */
  stateDir?: string;
  /**
   * Maximum log level (changeable at run time through the API).
   */
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error';
  /**
   * Log to this file (appended; `.log` added when the name has no extension) instead of stderr.
   */
  logFile?: string;
  /**
   * Rotate the log file when it exceeds this many MiB; 0 disables rotation.
   */
  logRotationSize: number;
  /**
   * Target RLIMIT_NOFILE (daemon.md §1.10); 0 leaves the limit unchanged.
   */
  rlimitNofile: number;
  /**
   * Accepted for nydusd compatibility (chunk de-duplication database); ignored.
   */
  dedupDb?: string;
  /**
   * Accepted for nydus-snapshotter compatibility (its backend-source feature); ignored with a warning.
   */
  backendSource?: string;
  /**
   * Accepted for nydusd command-line compatibility and ignored: it selects passthroughfs-compatible VFS options, and this implementation serves RAFS images only (nydusd's quirk: its hybrid mode is on by default and the flag turns it off).
   */
  hybridMode: boolean;
}

/**
 * Output of `nydus inspect tree --json`: the shape of `tree -J`, a root node then a report.
 */
export type InspectTreeInput = TreeNodeInput[];
/**
 * Body of GET /api/v1/metrics/files?latest=true (spec api.md §4.5): inodes read since the previous such call, as ascending ranges ([n] one inode, [a, b] inclusive).
 */
export type LatestFilesInput = number[][];
/**
 * Body of GET /api/v1/metrics/pattern[?id=] (spec api.md §4.5): one item per file read at least once (only with rafs.access_pattern).
 */
export type AccessPatternsInput = AccessPatternInput[];
/**
 * Body of GET /api/v1/metrics/inflight when a FUSE request is being handled (spec api.md §4.6); idle answers 204.
 */
export type InflightInput = InflightOpInput[];
/**
 * Body of GET /api/v1/metrics/blobcache on a blob cache daemon (nydus blobcache): one BlobMetrics per data blob; with ?id=<blob id or key> the one object alone. A FUSE daemon answers BlobcacheMetrics instead (api.md §4.5).
 */
export type BlobMetricsListInput = BlobMetricsInput[];

/**
 * nydusd configuration, version 2 (spec daemon.md §2.1): the canonical model, read from JSON or TOML. A RAFS mount needs backend, cache and rafs.
 */
export interface ConfigV2Input {
  /**
   * Configuration format version; must be 2.
   */
  version: 2;
  /**
   * Instance id; also the blob cache manager's metrics id.
   */
  id?: string;
  /**
   * Storage backend of the image's blobs; required at mount time.
   */
  backend?: BackendConfigInput | null;
  /**
   * Patches for backends described inside the image.
   */
  external_backends?: ExternalBackendConfigInput[];
  /**
   * Local blob cache; required for a RAFS mount.
   */
  cache?: CacheConfigInput | null;
  /**
   * RAFS filesystem options; required for a RAFS mount.
   */
  rafs?: RafsConfigInput | null;
  /**
   * Writable overlay on top of the image (with --writable).
   */
  overlay?: OverlayConfigInput | null;
}
/**
 * Storage backend the image's blobs are read from. The sub-object named by type must be present.
 */
export interface BackendConfigInput {
  /**
   * Backend kind; selects the sub-object of the same name.
   */
  type: 'localfs' | 'localdisk' | 'oss' | 's3' | 'registry' | 'http-proxy';
  /**
   * Settings of the localfs backend.
   */
  localfs?: LocalFsConfigInput | null;
  /**
   * Settings of the localdisk backend.
   */
  localdisk?: LocalDiskConfigInput | null;
  /**
   * Settings of the oss backend.
   */
  oss?: OssConfigInput | null;
  /**
   * Settings of the s3 backend.
   */
  s3?: S3ConfigInput | null;
  /**
   * Settings of the registry backend.
   */
  registry?: RegistryConfigInput | null;
  /**
   * Settings of the http-proxy backend (note the hyphenated key).
   */
  'http-proxy'?: HttpProxyConfigInput | null;
}
/**
 * localfs backend: blobs are files on the local filesystem. One of blob_file or dir must be set.
 */
export interface LocalFsConfigInput {
  /**
   * Path of a single blob file holding every chunk of the image.
   */
  blob_file?: string;
  /**
   * Directory of blob files, each named by its blob id.
   */
  dir?: string;
  /**
   * Extra directories searched for blob files after dir.
   */
  alt_dirs?: string[];
}
/**
 * localdisk backend: a block device or disk image whose GPT partitions are blobs.
 */
export interface LocalDiskConfigInput {
  /**
   * Path of the block device or disk image; required (non-empty).
   */
  device_path?: string;
  /**
   * Treat the whole device as one blob instead of reading a GPT.
   */
  disable_gpt?: boolean;
}
/**
 * Aliyun OSS backend.
 */
export interface OssConfigInput {
  /**
   * URL scheme, http or https.
   */
  scheme?: string;
  /**
   * OSS endpoint host, for example oss-cn-hangzhou.aliyuncs.com.
   */
  endpoint: string;
  /**
   * Bucket holding the blobs.
   */
  bucket_name: string;
  /**
   * Prefix prepended to each blob id to form the object key.
   */
  object_prefix?: string;
  /**
   * Access key id (secret: redacted when printed).
   */
  access_key_id?: string;
  /**
   * Access key secret (secret: redacted when printed).
   */
  access_key_secret?: string;
  /**
   * Skip TLS certificate verification.
   */
  skip_verify?: boolean;
  /**
   * Extra CA certificate files (PEM) to trust.
   */
  ca_cert_files?: string[];
  /**
   * Request timeout in seconds.
   */
  timeout?: number;
  /**
   * Connection timeout in seconds.
   */
  connect_timeout?: number;
  /**
   * Retries of a failed request (0..=255).
   */
  retry_limit?: number;
  proxy?: ProxyConfigInput;
}
/**
 * Connection-level HTTP proxy in front of a network backend (for example Dragonfly's dfdaemon), with health checks and fallback to the origin.
 */
export interface ProxyConfigInput {
  /**
   * Proxy URL every backend request is sent through; empty disables the proxy.
   */
  url?: string;
  /**
   * URL polled to check the proxy's health; empty disables health checks.
   */
  ping_url?: string;
  /**
   * Send requests to the origin when the proxy is unhealthy or fails.
   */
  fallback?: boolean;
  /**
   * Seconds between two health checks of the proxy.
   */
  check_interval?: number;
  /**
   * Talk plain HTTP to the proxy even for https origins.
   */
  use_http?: boolean;
  /**
   * Seconds to pause health checks after the proxy stayed healthy and idle for that long.
   */
  check_pause_elapsed?: number;
  /**
   * Dragonfly scheduler endpoint used by streaming prefetch; hot-reloadable through /api/v1/config.
   */
  dragonfly_scheduler_endpoint?: string;
}
/**
 * Amazon S3 (or S3-compatible) backend, requests signed with SigV4.
 */
export interface S3ConfigInput {
  /**
   * URL scheme, http or https.
   */
  scheme?: string;
  /**
   * S3 endpoint host; may be empty to use the region's default AWS endpoint.
   */
  endpoint: string;
  /**
   * Region of the bucket, for example us-east-1; required (non-empty).
   */
  region: string;
  /**
   * Bucket holding the blobs.
   */
  bucket_name: string;
  /**
   * Prefix prepended to each blob id to form the object key.
   */
  object_prefix?: string;
  /**
   * Access key id (secret: redacted when printed).
   */
  access_key_id?: string;
  /**
   * Secret access key (secret: redacted when printed).
   */
  access_key_secret?: string;
  /**
   * Skip TLS certificate verification.
   */
  skip_verify?: boolean;
  /**
   * Extra CA certificate files (PEM) to trust.
   */
  ca_cert_files?: string[];
  /**
   * Request timeout in seconds.
   */
  timeout?: number;
  /**
   * Connection timeout in seconds.
   */
  connect_timeout?: number;
  /**
   * Retries of a failed request (0..=255).
   */
  retry_limit?: number;
  proxy?: ProxyConfigInput;
}
/**
 * OCI distribution registry backend: blobs are fetched with ranged GETs from /v2/<repo>/blobs/sha256:<id>. host and repo must be set before a mount (nydus-snapshotter fills them per image into template configs that leave them out).
 */
export interface RegistryConfigInput {
  /**
   * http, or https (any other value, including empty, means https).
   */
  scheme?: string;
  /**
   * Registry host[:port]; required (non-empty) at mount time.
   */
  host?: string;
  /**
   * Repository namespace/name without tag; required (non-empty) at mount time.
   */
  repo?: string;
  /**
   * base64 of user:password for Basic auth and the token flow (secret: redacted when printed).
   */
  auth?: string | null;
  /**
   * Skip TLS certificate verification; also allows falling back to plain HTTP on TLS errors.
   */
  skip_verify?: boolean;
  /**
   * Extra CA certificate files (PEM) to trust.
   */
  ca_cert_files?: string[];
  /**
   * Request timeout in seconds.
   */
  timeout?: number;
  /**
   * Connection timeout in seconds.
   */
  connect_timeout?: number;
  /**
   * Retries of a failed request (0..=255).
   */
  retry_limit?: number;
  /**
   * Bearer token sent as is (secret: redacted when printed).
   */
  registry_token?: string | null;
  /**
   * Scheme to use for blob URLs after a redirect; empty keeps the redirect's scheme.
   */
  blob_url_scheme?: string;
  /**
   * Host that replaces the host of redirected blob URLs; empty keeps it.
   */
  blob_redirected_host?: string;
  proxy?: ProxyConfigInput;
}
/**
 * http-proxy backend: blobs are fetched from an HTTP(S) server or a Unix-socket HTTP server as <path>/<blob id>.
 */
export interface HttpProxyConfigInput {
  /**
   * http://..., https://..., or the absolute path of an existing Unix socket.
   */
  addr: string;
  /**
   * URL path prefix of blobs (ignored for Unix sockets).
   */
  path?: string;
  /**
   * Skip TLS certificate verification.
   */
  skip_verify?: boolean;
  /**
   * Extra CA certificate files (PEM) to trust.
   */
  ca_cert_files?: string[];
  /**
   * Request timeout in seconds.
   */
  timeout?: number;
  /**
   * Connection timeout in seconds.
   */
  connect_timeout?: number;
  /**
   * Retries of a failed request (0..=255).
   */
  retry_limit?: number;
  proxy?: ProxyConfigInput;
}
/**
 * A backend described inside the image, patched by this entry.
 */
export interface ExternalBackendConfigInput {
  /**
   * Backend kind of the external backend.
   */
  type: string;
  /**
   * Keys matched against the image's backend description.
   */
  patch: {
    [k: string]: string;
  };
  /**
   * Settings merged into the matched backend.
   */
  config: {
    [k: string]: string;
  };
}
/**
 * Local cache of blob data.
 */
export interface CacheConfigInput {
  /**
   * blobcache or filecache (local chunk cache files), fscache (kernel cachefiles), or dummycache, dummy or "" for no cache.
   */
  type?: 'blobcache' | 'filecache' | 'fscache' | 'dummycache' | 'dummy' | '';
  /**
   * Keep chunks compressed in the cache file (filecache only).
   */
  compressed?: boolean;
  /**
   * Validate chunk digests of data read from the cache.
   */
  validate?: boolean;
  prefetch?: PrefetchConfigInput;
  /**
   * Settings of blobcache/filecache; required for those types.
   */
  filecache?: FileCacheConfigInput | null;
  /**
   * Settings of fscache; required for that type.
   */
  fscache?: FsCacheConfigInput | null;
}
/**
 * Prefetch settings, used as cache.prefetch (blob level) and rafs.prefetch (file level). Per-key defaults apply when the object is present; an absent object means all zeros.
 */
export interface PrefetchConfigInput {
  /**
   * Whether prefetch runs at all. Required whenever the object is present.
   */
  enable: boolean;
  /**
   * Number of prefetch worker threads (1..=1024 when enabled).
   */
  threads?: number;
  /**
   * Merge size in bytes for prefetch requests to the backend (at most 256 MiB when enabled).
   */
  batch_size?: number;
  /**
   * Prefetch bandwidth limit in bytes per second; 0 means unlimited.
   */
  bandwidth_limit?: number;
  /**
   * Prefetch every blob of the image entirely.
   */
  prefetch_all?: boolean;
  /**
   * Use Dragonfly's streaming prefetch.
   */
  stream_prefetch?: boolean;
}
/**
 * blobcache/filecache: per-blob cache files with a chunk map in work_dir.
 */
export interface FileCacheConfigInput {
  /**
   * Directory holding the cache files; created if missing; must be non-empty.
   */
  work_dir?: string;
  /**
   * Deprecated; accepted and ignored.
   */
  disable_indexed_map?: boolean;
  /**
   * Encrypt cache files.
   */
  enable_encryption?: boolean;
  /**
   * Derive the cache encryption key from the chunk content.
   */
  enable_convergent_encryption?: boolean;
  /**
   * Hex of the 32-byte cache encryption key (secret: redacted when printed).
   */
  encryption_key?: string;
}
/**
 * fscache: the kernel's cachefiles on-demand cache, for EROFS.
 */
export interface FsCacheConfigInput {
  /**
   * cachefiles working directory; must be non-empty.
   */
  work_dir?: string;
}
/**
 * Options of the RAFS filesystem.
 */
export interface RafsConfigInput {
  /**
   * Metadata access mode: direct (bootstrap mapped) or cached (loaded into memory); v6 supports direct only.
   */
  mode?: 'direct' | 'cached';
  /**
   * Amplified size in bytes of user reads to the backend; 0 disables amplification.
   */
  batch_size?: number;
  /**
   * Validate chunk digests on read; refused for RAFS v6 images.
   */
  validate?: boolean;
  /**
   * Expose extended attributes.
   */
  enable_xattr?: boolean;
  /**
   * Keep per-file I/O counters (metrics files).
   */
  iostats_files?: boolean;
  /**
   * Record the first-access pattern (metrics pattern).
   */
  access_pattern?: boolean;
  /**
   * Record recently read files (metrics files?latest=true).
   */
  latest_read_files?: boolean;
  prefetch?: PrefetchConfigInput;
}
/**
 * Turns the mount into a writable overlay; both directories must be non-empty at mount time.
 */
export interface OverlayConfigInput {
  /**
   * Upper (writable) directory.
   */
  upper_dir: string;
  /**
   * Overlay work directory.
   */
  work_dir: string;
}
/**
 * Legacy nydusd configuration, version 1 (spec daemon.md §2.2), JSON only; converted to version 2 on load (§2.3). nydus-snapshotter's fusedev driver writes this form.
 */
export interface ConfigV1Input {
  device: DeviceConfigV1Input;
  /**
   * Metadata access mode (v2 rafs.mode).
   */
  mode: 'direct' | 'cached';
  /**
   * Validate chunk digests on read (v2 rafs.validate).
   */
  digest_validate?: boolean;
  /**
   * Keep per-file I/O counters (v2 rafs.iostats_files).
   */
  iostats_files?: boolean;
  /**
   * Expose extended attributes (v2 rafs.enable_xattr).
   */
  enable_xattr?: boolean;
  /**
   * Record the first-access pattern (v2 rafs.access_pattern).
   */
  access_pattern?: boolean;
  /**
   * Record recently read files (v2 rafs.latest_read_files).
   */
  latest_read_files?: boolean;
  /**
   * Amplified size in bytes of user reads (v2 rafs.batch_size).
   */
  amplify_io?: number;
  fs_prefetch?: FsPrefetchConfigV1Input;
}
/**
 * The storage device: backend and cache.
 */
export interface DeviceConfigV1Input {
  /**
   * Instance id (becomes the v2 id).
   */
  id?: string;
  backend: BackendConfigV1Input;
  /**
   * Patches for backends described inside the image.
   */
  external_backends?: ExternalBackendConfigInput[];
  cache?: CacheConfigV1Input;
}
/**
 * Storage backend: its type and the type's settings in config.
 */
export interface BackendConfigV1Input {
  /**
   * Backend kind; http-proxy is v2 only.
   */
  type: 'localfs' | 'localdisk' | 'oss' | 's3' | 'registry';
  /**
   * Settings of the backend, decoded as the v2 object of the same type.
   */
  config: {
    [k: string]: unknown;
  };
}
/**
 * Local cache: its type and the type's settings in config.
 */
export interface CacheConfigV1Input {
  /**
   * blobcache or filecache (local chunk cache files), fscache (kernel cachefiles), or dummycache, dummy or "" for no cache.
   */
  type?: 'blobcache' | 'filecache' | 'fscache' | 'dummycache' | 'dummy' | '';
  /**
   * Keep chunks compressed in the cache file.
   */
  compressed?: boolean;
  /**
   * Validate chunk digests of data read from the cache.
   */
  validate?: boolean;
  /**
   * Settings of the cache, decoded as v2 filecache (blobcache, filecache) or fscache; required for those types.
   */
  config?: {
    [k: string]: unknown;
  };
}
/**
 * Filesystem-level prefetch. Per-key defaults apply when the object is present (note prefetch_all defaults to true); all zeros when absent.
 */
export interface FsPrefetchConfigV1Input {
  /**
   * Whether prefetch runs at all.
   */
  enable?: boolean;
  /**
   * Number of prefetch worker threads (1..=1024 when enabled); v2 threads.
   */
  threads_count?: number;
  /**
   * Merge size in bytes for prefetch requests (at most 256 MiB when enabled); v2 batch_size.
   */
  merging_size?: number;
  /**
   * Prefetch bandwidth limit in bytes per second, 0 unlimited; v2 bandwidth_limit.
   */
  bandwidth_rate?: number;
  /**
   * Prefetch every blob of the image entirely.
   */
  prefetch_all?: boolean;
  /**
   * Use Dragonfly's streaming prefetch.
   */
  stream_prefetch?: boolean;
}
/**
 * Body of POST/PUT /api/v1/mount?mountpoint=<virtual path> (spec api.md §4.4); also the library's request to attach a filesystem (FsBackendMountCmd).
 */
export interface MountCmdInput {
  /**
   * rafs, or passthrough / passthroughfs / passthrough_fs; anything else fails the mount.
   */
  fs_type?: string;
  /**
   * Bootstrap path (RAFS) or host directory (passthrough).
   */
  source: string;
  /**
   * Configuration text (v1 or v2 JSON, or v2 TOML) serialised as a string; ignored for passthrough.
   */
  config: string;
  /**
   * Virtual mountpoint inside the daemon's tree (the API passes it in the query string instead).
   */
  mountpoint?: string;
  /**
   * Absolute paths to prefetch (RAFS with rafs.prefetch.enable).
   */
  prefetch_files?: string[] | null;
}
/**
 * Options of a FUSE daemon, as nydusd's `fuse` subcommand takes them (spec daemon.md §1.2-§1.4, §1.14). One declaration renders the `nydus fuse` flags (x-flag) and the library's fuseDaemon() builder.
 */
export interface FuseDaemonOptionsInput {
  /**
   * Host directory where the FUSE filesystem is mounted; must exist and be a directory.
   */
  mountpoint: string;
  /**
   * RAFS bootstrap (or a data blob with the bootstrap inlined) mounted at start at the virtual mountpoint. Needs config or localfsDir.
   */
  bootstrap?: string;
  /**
   * OCI reference of a nydus image in a registry ("host[:port]/repo:tag" or "@sha256:..."), mounted at start instead of --bootstrap: the manifest for this machine's platform is resolved when the daemon starts, its bootstrap layer fetched into the cache directory (reused by later starts) and its blobs read through a registry backend for the image's repository. --config supplies the cache, the filesystem options and, with a registry backend, the credentials.
   */
  image?: string;
  /**
   * Daemon configuration file (nydusd v1 or v2, JSON or TOML) for the bootstrap mounted at start; not read when nothing is mounted at start.
   */
  config?: string;
  /**
   * Library only: a configuration document (v1 or v2 object) used instead of reading the config file.
   */
  configDocument?: {
    [k: string]: unknown;
  };
  /**
   * Built-in configuration: localfs backend reading blobs from this directory, blobcache work dir the same directory (daemon.md §1.8).
   */
  localfsDir?: string;
  /**
   * Share a host directory through the passthrough filesystem instead of RAFS (not supported by this implementation yet: the daemon refuses to start).
   */
  sharedDir?: string;
  /**
   * File listing absolute paths to prefetch, one per line (blank lines skipped). Requires bootstrap or image.
   */
  prefetchFiles?: string;
  /**
   * Path inside the FUSE tree where the initial filesystem is attached.
   */
  virtualMountpoint?: string;
  /**
   * Unix socket of the HTTP administration API; without it no API server runs.
   */
  apiSock?: string;
  /**
   * HOST:PORT ([v6]:PORT) of a plain-HTTP listener serving the Prometheus metrics at GET /metrics (also at GET /api/v1/metrics/prometheus on the API socket). Unauthenticated: bind it to loopback unless the network is trusted. Without it no listener runs.
   */
  metricsAddr?: string;
  /**
   * Service instance identifier, reported in daemon info. Requires supervisor.
   */
  id?: string;
  /**
   * Unix socket of the supervisor (state and fd keeper) for hot upgrade and failover. Requires id.
   */
  supervisor?: string;
  /**
   * Directory of daemon records (read by nydus upgrade / nydus failover); the daemon writes <dir>/<id>.json when started with --id and --supervisor. Default: env NYDUS_STATE_DIR, else /run/nydus.
   */
  stateDir?: string;
  /**
   * Start in upgrade mode: mount nothing, stay in INIT waiting for a takeover.
   */
  upgrade?: boolean;
  /**
   * Maximum log level (changeable at run time through the API).
   */
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error';
  /**
   * Log to this file (appended; `.log` added when the name has no extension) instead of stderr.
   */
  logFile?: string;
  /**
   * Rotate the log file when it exceeds this many MiB; 0 disables rotation.
   */
  logRotationSize?: number;
  /**
   * Target RLIMIT_NOFILE (daemon.md §1.10); 0 leaves the limit unchanged.
   */
  rlimitNofile?: number;
  /**
   * What to do with in-flight FUSE requests after a takeover.
   */
  failoverPolicy?: 'none' | 'resend' | 'flush';
  /**
   * Number of FUSE worker threads.
   */
  fuseThreads?: number;
  /**
   * Mount without MS_RDONLY (RAFS itself stays read-only).
   */
  writable?: boolean;
  /**
   * Accepted for nydusd compatibility (chunk de-duplication database); ignored.
   */
  dedupDb?: string;
  /**
   * Accepted for nydus-snapshotter compatibility (its backend-source feature); ignored with a warning.
   */
  backendSource?: string;
}
/**
 * The saved state of a FUSE daemon that a supervisor keeps for hot upgrade and failover (spec daemon.md §5.4): the JSON payload inside the versioned, CRC-protected state buffer (src/upgrade/state-codec.ts). The buffer travels with the /dev/fuse fd over the supervisor socket.
 */
export interface FuseTakeoverStateInput {
  /**
   * Format tag of the payload; anything else is a foreign snapshot.
   */
  format: 'nydus-service-fuse-state';
  /**
   * Payload version (the framing carries its own version too).
   */
  version: 1;
  /**
   * Daemon id (--id) of the daemon that saved the state, or null.
   */
  id: string | null;
  /**
   * FUSE connection id: (major(st_dev) << 20) | minor(st_dev) of the mountpoint, the name under /sys/fs/fuse/connections/.
   */
  connectionId: number;
  /**
   * Canonical host path of the FUSE mount.
   */
  mountpoint: string;
  /**
   * Opaque result of the FUSE INIT exchange (protocol minor, option bits, limits), as produced and consumed by the native session.
   */
  negotiated: {
    [k: string]: unknown;
  };
  /**
   * Opaque VFS snapshot (pseudo-fs tree, next index, id mappings), as produced and consumed by the native session.
   */
  vfs: {
    [k: string]: unknown;
  };
  /**
   * VFS flavour of the FUSE session (open/opendir handling); the successor adopts the connection with the same one. Absent in older states: rafs.
   */
  flavour?: 'rafs' | 'passthrough';
  /**
   * Failover policy of the daemon that saved the state (daemon.md §5.6).
   */
  failoverPolicy?: 'none' | 'resend' | 'flush';
  /**
   * Every mounted backend filesystem, in VFS index order.
   */
  mounts: {
    /**
     * Virtual mountpoint inside the daemon's tree.
     */
    mountpoint: string;
    /**
     * VFS index the backend is attached at.
     */
    index: number;
    cmd: MountCmdInput;
  }[];
}
/**
 * What is known about one supervised daemon, kept as <state dir>/<id>.json (default state dir /run/nydus, or NYDUS_STATE_DIR, or --state-dir). Written by the daemon itself and by `nydus upgrade` / `nydus failover`.
 */
export interface DaemonRecordInput {
  /**
   * Daemon id (--id); also the record's file name.
   */
  id: string;
  /**
   * What the daemon serves (absent: fuse): a FUSE mount (nydus fuse), the blob cache service (nydus blobcache / fscache, whose mountpoint member names its shared read socket, or its entry file when it has none), or a VM over virtio-fs (nydus virtiofs, whose mountpoint member names its vhost-user socket; it cannot be upgraded or failed over).
   */
  kind?: 'fuse' | 'blobcache' | 'virtiofs';
  /**
   * Process id of the daemon serving the mount.
   */
  pid: number;
  /**
   * API socket of the serving daemon (changes on every hot upgrade: api.sock, api1.sock, ...); null when the daemon serves no API (it cannot be upgraded or failed over then).
   */
  apiSock: string | null;
  /**
   * Supervisor socket path (--supervisor) the daemon connects to on sendfd and takeover.
   */
  supervisor: string;
  /**
   * Full command line that starts the daemon: node executable, entry script, 'fuse', then its arguments.
   */
  argv: string[];
  /**
   * Working directory of the daemon; successors and restarts start there, so relative paths in its configs keep their meaning.
   */
  cwd?: string;
  /**
   * Host path of the FUSE mount.
   */
  mountpoint: string;
  /**
   * Filesystems attached inside the daemon (a blob cache daemon lists its entries here: mountpoint = <domain_id>/<id>, source = the bootstrap), so `nydus failover` saves the state again when they change.
   */
  mounts: {
    /**
     * Virtual mountpoint inside the daemon's tree.
     */
    mountpoint: string;
    /**
     * Bootstrap path (RAFS) or host directory (passthrough).
     */
    source: string;
  }[];
  /**
   * Last known reported state (INIT, READY, RUNNING, STOPPED, ...).
   */
  state: string;
  /**
   * When the current daemon process started (ISO 8601).
   */
  startedAt: string;
  /**
   * When the record was last written (ISO 8601).
   */
  updatedAt: string;
  /**
   * Set while `nydus failover` supervises the daemon.
   */
  failover?: {
    /**
     * Process id of the `nydus failover` supervisor.
     */
    supervisorPid: number;
    /**
     * When supervision started (ISO 8601).
     */
    since?: string;
    /**
     * Crash recoveries performed so far.
     */
    recoveries?: number;
    /**
     * Duration of the last recovery (crash noticed to RUNNING), in milliseconds.
     */
    lastRecoveryMs?: number;
  };
  /**
   * Hot upgrades performed on this daemon id.
   */
  upgrades?: number;
}
/**
 * A blob registered with the blob cache manager (spec daemon.md §2.6): PUT /api/v2/blobs, singleton --config "blobs", nbd --config.
 */
export interface BlobCacheEntryInput {
  /**
   * bootstrap (an image; its data blobs follow) or datablob (refused when adding).
   */
  type: 'bootstrap' | 'datablob';
  /**
   * Blob id, or for a bootstrap the EROFS fsid; no "/".
   */
  id: string;
  /**
   * Domain sharing blobs between images; no "/".
   */
  domain_id?: string;
  config?: BlobCacheEntryConfigV1Input;
  config_v2?: BlobCacheEntryConfigV2Input;
}
/**
 * Legacy entry configuration (what nydus-snapshotter's fscache driver sends).
 */
export interface BlobCacheEntryConfigV1Input {
  /**
   * Instance id.
   */
  id?: string;
  /**
   * Backend kind.
   */
  backend_type: 'localfs' | 'localdisk' | 'oss' | 's3' | 'registry';
  /**
   * Backend settings, decoded as the v2 object of backend_type.
   */
  backend_config: {
    [k: string]: unknown;
  };
  /**
   * Patches for backends described inside the image.
   */
  external_backends?: ExternalBackendConfigInput[];
  /**
   * Cache kind.
   */
  cache_type: 'blobcache' | 'filecache' | 'fscache' | 'dummycache' | 'dummy' | '';
  /**
   * Cache settings, decoded as v2 filecache or fscache by cache_type.
   */
  cache_config: {
    [k: string]: unknown;
  };
  prefetch_config?: BlobPrefetchConfigV1Input;
  /**
   * Bootstrap path (type bootstrap).
   */
  metadata_path?: string | null;
}
/**
 * Legacy blob prefetch settings; every key is required when the object is present.
 */
export interface BlobPrefetchConfigV1Input {
  /**
   * Whether prefetch runs.
   */
  enable: boolean;
  /**
   * Number of prefetch worker threads.
   */
  threads_count: number;
  /**
   * Merge size in bytes of prefetch requests.
   */
  merging_size: number;
  /**
   * Bandwidth limit in bytes per second, 0 unlimited.
   */
  bandwidth_rate: number;
}
/**
 * Version 2 entry configuration; wins over config when both are present.
 */
export interface BlobCacheEntryConfigV2Input {
  /**
   * Must be 2.
   */
  version: 2;
  /**
   * Instance id.
   */
  id?: string;
  backend: BackendConfigInput;
  /**
   * Patches for backends described inside the image.
   */
  external_backends?: ExternalBackendConfigInput[];
  cache: CacheConfigInput;
  /**
   * Bootstrap path (type bootstrap).
   */
  metadata_path?: string | null;
}
/**
 * A list of blob cache entries, as read from singleton --config (key "blobs").
 */
export interface BlobCacheListInput {
  /**
   * Entries registered at start, in order.
   */
  blobs: BlobCacheEntryInput[];
}
/**
 * Output of `nydus config validate --json`.
 */
export interface ConfigValidateResultInput {
  /**
   * Whether every file is valid.
   */
  valid: boolean;
  /**
   * One report per file, in command-line order.
   */
  files: ConfigFileReportInput[];
}
/**
 * The verdict on one file.
 */
export interface ConfigFileReportInput {
  /**
   * Path as given on the command line.
   */
  file: string;
  /**
   * Whether the file is a usable configuration.
   */
  valid: boolean;
  /**
   * Configuration version detected, null when unreadable or invalid.
   */
  format: 'v1' | 'v2' | null;
  /**
   * Syntax detected, null when unreadable or invalid.
   */
  syntax: 'json' | 'toml' | null;
  /**
   * Every error found.
   */
  problems: ConfigProblemReportInput[];
  /**
   * What a mount would reject (errors with --strict).
   */
  warnings: ConfigProblemReportInput[];
}
/**
 * One problem in a configuration.
 */
export interface ConfigProblemReportInput {
  /**
   * JSON pointer of the offending value ("" is the document).
   */
  pointer: string;
  /**
   * What was expected and what was found.
   */
  message: string;
}
/**
 * Output of `nydus inspect superblock --json`.
 */
export interface InspectSuperblockInput {
  /**
   * Bootstrap path as given.
   */
  bootstrap: string;
  /**
   * RAFS version.
   */
  version: 5 | 6;
  /**
   * Superblock feature flags (rafs-format §2.1).
   */
  flags: number;
  /**
   * Names of the set flags.
   */
  flag_names: string[];
  /**
   * Chunk compressor: none, lz4_block, gzip or zstd.
   */
  compressor: string;
  /**
   * Chunk digest: blake3 or sha256.
   */
  digester: string;
  /**
   * Chunk size in bytes.
   */
  chunk_size: number;
  /**
   * EROFS block size (v6), 0 for v5.
   */
  block_size: number;
  /**
   * Inode count recorded in the superblock.
   */
  inodes_count: number;
  /**
   * Inode number (v5) or nid (v6) of the root.
   */
  root_ino: number;
  /**
   * Size of the bootstrap in bytes.
   */
  bootstrap_size: number;
  /**
   * The bootstrap was read from a data blob's ToC.
   */
  inlined_bootstrap: boolean;
  /**
   * Version-specific superblock fields.
   */
  fields: {
    [k: string]: number;
  };
  /**
   * Counts from a walk of the tree.
   */
  counts: {
    /**
     * Directories, root included.
     */
    directories: number;
    /**
     * Regular file entries (hard links counted per entry).
     */
    files: number;
    /**
     * Symbolic links.
     */
    symlinks: number;
    /**
     * Devices, fifos and sockets.
     */
    others: number;
    /**
     * Distinct inodes.
     */
    inodes: number;
  };
  /**
   * The blob table (every field, camelCase as the library reports it).
   */
  blobs: {}[];
  /**
   * Prefetch table: inode numbers (v5) or nids (v6).
   */
  prefetch: number[];
}
/**
 * Output of `nydus inspect stat --json`.
 */
export interface InspectStatInput {
  /**
   * Path inside the image.
   */
  path: string;
  /**
   * Inode number (v5) or nid (v6).
   */
  ino: number;
  /**
   * File type.
   */
  type: 'file' | 'directory' | 'link' | 'char' | 'block' | 'fifo' | 'socket' | 'unknown';
  /**
   * Full st_mode.
   */
  mode: number;
  /**
   * Permission bits in octal, e.g. 0755.
   */
  permissions: string;
  /**
   * Owner uid as stored.
   */
  uid: number;
  /**
   * Owner gid as stored.
   */
  gid: number;
  /**
   * Size in bytes.
   */
  size: number;
  /**
   * 512-byte blocks.
   */
  blocks: number;
  /**
   * Link count.
   */
  nlink: number;
  /**
   * Device number (char/block devices).
   */
  rdev: number;
  /**
   * Modification time, seconds (0 when not recorded).
   */
  mtime: number;
  /**
   * Nanoseconds of the modification time.
   */
  mtime_nsec: number;
  /**
   * Symlink target.
   */
  target: string | null;
  /**
   * Extended attributes: value as UTF-8 text, or base64: prefixed when not printable.
   */
  xattrs: {
    [k: string]: string;
  };
  /**
   * The file's data as segments: holes or pieces of chunks.
   */
  chunks: {
    /**
     * Offset in the file.
     */
    file_offset: number;
    /**
     * Bytes of the file this segment serves.
     */
    length: number;
    /**
     * Zeros, not stored.
     */
    hole: boolean;
    /**
     * Blob holding the chunk.
     */
    blob_id?: string | null;
    /**
     * Chunk index in the blob.
     */
    chunk_index?: number | null;
    /**
     * Offset of the stored bytes in the blob (null when only the blob meta knows it).
     */
    compressed_offset?: number | null;
    /**
     * Stored size.
     */
    compressed_size?: number | null;
    /**
     * Offset in the blob's uncompressed image.
     */
    uncompressed_offset?: number | null;
    /**
     * Plain size of the chunk.
     */
    uncompressed_size?: number | null;
    /**
     * Stored compressed.
     */
    compressed?: boolean | null;
    /**
     * Hex digest of the plain chunk, null when unknown.
     */
    digest?: string | null;
  }[];
}
/**
 * Output of `nydus inspect check --json`.
 */
export interface InspectCheckInput {
  /**
   * No corrupt or unreadable chunk was found.
   */
  ok: boolean;
  /**
   * Regular files (distinct inodes) read.
   */
  files: number;
  /**
   * Chunk pieces read.
   */
  chunks: number;
  /**
   * Chunk pieces whose digest was compared.
   */
  digest_checked: number;
  /**
   * Chunk pieces whose CRC-32C was compared.
   */
  crc_checked: number;
  /**
   * File bytes covered.
   */
  bytes: number;
  /**
   * Each corrupt or unreadable chunk, by file.
   */
  problems: {
    /**
     * A path of the file (the first found for hard links).
     */
    path: string;
    /**
     * Its inode number.
     */
    ino: number;
    /**
     * Offset in the file served by the chunk.
     */
    file_offset: number;
    /**
     * Bytes of the file served by the chunk.
     */
    length: number;
    /**
     * Blob holding the chunk.
     */
    blob_id: string;
    /**
     * Chunk index in the blob.
     */
    chunk_index: number;
    /**
     * errno name (EIO, ENOENT ...).
     */
    code: string;
    /**
     * What was wrong.
     */
    message: string;
  }[];
}
/**
 * One entry of the tree.
 */
export interface TreeNodeInput {
  /**
   * Entry type as tree names it.
   */
  type: 'directory' | 'file' | 'link' | 'char' | 'block' | 'fifo' | 'socket' | 'report';
  /**
   * Entry name (the root's is the --root-name flag).
   */
  name?: string;
  /**
   * Symlink target.
   */
  target?: string;
  /**
   * Children (directories), empty for links.
   */
  contents?: TreeNodeInput[];
  /**
   * Report: directories below the root (and links to directories).
   */
  directories?: number;
  /**
   * Report: other entries.
   */
  files?: number;
}
/**
 * Body of GET /api/v1/daemon and GET /api/v2/daemon (spec api.md §4.1). Member order as listed.
 */
export interface DaemonInfoInput {
  version: DaemonVersionInput;
  /**
   * Daemon id (--id), null when not given.
   */
  id: string | null;
  /**
   * Supervisor socket path (--supervisor), null when not given.
   */
  supervisor: string | null;
  /**
   * Reported daemon state (daemon.md §3.1).
   */
  state: 'INIT' | 'RUNNING' | 'READY' | 'STOPPED' | 'UNKNOWN';
  /**
   * Mounted filesystems keyed by virtual mountpoint: {} when nothing is mounted; null for the v2 endpoint and for a daemon without a filesystem service.
   */
  backend_collection: {
    [k: string]: BackendCollectionEntryInput;
  } | null;
}
/**
 * Build information; git_commit equals the `Git Commit:` line of --version (daemon.md §1.11).
 */
export interface DaemonVersionInput {
  /**
   * Release tag or git describe output, e.g. v2.3.1.
   */
  package_ver: string;
  /**
   * Full commit hash of the build.
   */
  git_commit: string;
  /**
   * Build timestamp.
   */
  build_time: string;
  /**
   * Build profile, e.g. release.
   */
  profile: string;
  /**
   * Toolchain string (the reference's rustc version; ours names the Node/compiler toolchain).
   */
  rustc: string;
}
/**
 * One mounted filesystem of the daemon, keyed by its virtual mountpoint.
 */
export interface BackendCollectionEntryInput {
  /**
   * Kind of filesystem.
   */
  backend_type: 'Rafs' | 'PassthroughFs';
  /**
   * Virtual mountpoint inside the daemon's tree.
   */
  mountpoint: string;
  /**
   * UTC time of the (re)mount: YYYY-MM-DD HH:MM:SS.<fraction> +00:00:00, fraction = nanoseconds without trailing zeros (at least one digit).
   */
  mounted_time: string;
  /**
   * The full v2 configuration with secrets redacted; null for passthrough.
   */
  config: {
    [k: string]: unknown;
  } | null;
}
/**
 * Body of PUT /api/v1/daemon and PUT /api/v2/daemon (spec api.md §4.2); other keys are ignored.
 */
export interface LogLevelBodyInput {
  /**
   * off, error, warn, info, debug or trace, case-insensitive.
   */
  log_level: string;
}
/**
 * Body of GET /api/v1/daemon/events (spec api.md §4.9): a ring buffer of recent significant errors.
 */
export interface EventsBodyInput {
  /**
   * Most entries kept.
   */
  max_errors: number;
  /**
   * Errors recorded since start, evicted ones included.
   */
  total_errors: number;
  /**
   * Most bytes of entry text kept.
   */
  max_size: number;
  /**
   * Bytes of entry text recorded since start.
   */
  total_size: number;
  /**
   * Entries as `<IMF-fixdate> - <text>`, oldest first.
   */
  errors: string[];
}
/**
 * Body of GET /api/v1/daemon/backend?mountpoint=/m (spec api.md §4.3): the loaded RAFS super block. Loose: no client depends on it.
 */
export interface RafsSuperInfoInput {
  /**
   * Super block magic.
   */
  magic?: number;
  /**
   * RAFS format version word.
   */
  version?: number;
  /**
   * Super block size in bytes.
   */
  sb_size?: number;
  /**
   * Inode number of the root directory.
   */
  root_inode?: number;
  /**
   * Chunk size in bytes.
   */
  chunk_size?: number;
  /**
   * Number of inodes.
   */
  inodes_count?: number;
  /**
   * Super block feature flags.
   */
  flags?: {
    /**
     * Feature bit set (COMPRESSION_NONE 0x1, LZ4 0x2, ...).
     */
    bits?: number;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
/**
 * Body of GET /api/v1/metrics[?id=] (spec api.md §4.5). Arrays of 15 are indexed by operation (0 GETATTR ... 4 READ ... 14 BATCH_FORGET); arrays of 8 are size or latency buckets.
 */
export interface FsMetricsInput {
  /**
   * rafs.iostats_files of the mount.
   */
  files_account_enabled: boolean;
  /**
   * rafs.access_pattern of the mount.
   */
  access_pattern_enabled: boolean;
  /**
   * rafs.latest_read_files of the mount.
   */
  record_latest_read_files_enabled: boolean;
  /**
   * Always true.
   */
  measure_latency: boolean;
  /**
   * Registry key: the virtual mountpoint.
   */
  id: string;
  /**
   * Successful OPEN minus successful RELEASE.
   */
  nr_opens: number;
  /**
   * Bytes returned by successful READs.
   */
  data_read: number;
  /**
   * READ requests by size: [0,1K), [1K,4K), [4K,16K), [16K,64K), [64K,128K), [128K,512K), [512K,1M), >=1M.
   */
  block_count_read: number[];
  /**
   * Successes per operation.
   */
  fop_hits: number[];
  /**
   * Failures per operation.
   */
  fop_errors: number[];
  /**
   * Microseconds summed per measured operation.
   */
  fop_cumulative_latency_total: number[];
  /**
   * Measured operations by latency: <=200us, <=1ms, <=20ms, <=50ms, <=500ms, <=1s, <=2s, >2s.
   */
  read_latency_dist: number[];
}
/**
 * Body of GET /api/v1/metrics/files[?id=] without latest=true (spec api.md §4.5): per-file counters keyed by inode number as a decimal string; {} unless rafs.iostats_files.
 */
export interface FileMetricsInput {
  [k: string]: FileMetricsEntryInput;
}
/**
 * Counters of one file.
 */
export interface FileMetricsEntryInput {
  /**
   * Operations on the file.
   */
  total_fops: number;
  /**
   * Bytes read from the file.
   */
  data_read: number;
  /**
   * READ requests by size bucket.
   */
  block_count_read: number[];
  /**
   * Successes per operation.
   */
  fop_hits: number[];
  /**
   * Failures per operation.
   */
  fop_errors: number[];
}
/**
 * First access and read count of one file.
 */
export interface AccessPatternInput {
  /**
   * RAFS inode number.
   */
  ino: number;
  /**
   * READ requests on the file.
   */
  nr_read: number;
  /**
   * Unix time of the first access, seconds.
   */
  first_access_time_secs: number;
  /**
   * Nanoseconds part of the first access time.
   */
  first_access_time_nanos: number;
}
/**
 * Body of GET /api/v1/metrics/backend[?id=] (spec api.md §4.5). Size buckets as block_count_read; latency buckets in ms: <=1, <=20, <=50, <=100, <=500, <=1000, <=2000, >2000.
 */
export interface BackendMetricsInput {
  /**
   * Storage backend type, e.g. localfs, registry.
   */
  backend_type: string;
  /**
   * Backend reads.
   */
  read_count: number;
  /**
   * Failed backend reads.
   */
  read_errors: number;
  /**
   * Bytes read from the backend.
   */
  read_amount_total: number;
  /**
   * Milliseconds spent reading, summed.
   */
  read_cumulative_latency_millis_total: number;
  /**
   * Milliseconds spent reading, per size bucket.
   */
  read_cumulative_latency_millis_dist: number[];
  /**
   * Reads per size bucket.
   */
  read_count_block_size_dist: number[];
  /**
   * Reads by [size bucket][latency bucket].
   */
  read_latency_sizes_dist: number[][];
}
/**
 * Body of GET /api/v1/metrics/blobcache[?id=] (spec api.md §4.5). No id member is emitted.
 */
export interface BlobcacheMetricsInput {
  /**
   * Absolute paths of the cache files of the instance.
   */
  underlying_files: string[];
  /**
   * Cache work directory.
   */
  store_path: string;
  /**
   * Reads partly served from the cache.
   */
  partial_hits: number;
  /**
   * Reads wholly served from the cache.
   */
  whole_hits: number;
  /**
   * Reads through the cache.
   */
  total: number;
  /**
   * Blobs in the cache.
   */
  entries_count: number;
  /**
   * Bytes prefetched.
   */
  prefetch_data_amount: number;
  /**
   * Prefetch requests issued.
   */
  prefetch_requests_count: number;
  /**
   * Prefetch worker threads.
   */
  prefetch_workers: number;
  /**
   * Prefetched chunks not merged into larger requests.
   */
  prefetch_unmerged_chunks: number;
  /**
   * Milliseconds spent prefetching, summed.
   */
  prefetch_cumulative_time_millis: number;
  /**
   * Unix time prefetch began, seconds.
   */
  prefetch_begin_time_secs: number;
  /**
   * Milliseconds part of the prefetch begin time.
   */
  prefetch_begin_time_millis: number;
  /**
   * Unix time prefetch ended, seconds.
   */
  prefetch_end_time_secs: number;
  /**
   * Milliseconds part of the prefetch end time.
   */
  prefetch_end_time_millis: number;
  /**
   * Bytes read from the backend and buffered, not yet written to the cache.
   */
  buffered_backend_size: number;
  /**
   * Every chunk of the instance is cached.
   */
  data_all_ready: boolean;
}
/**
 * The request one worker is handling.
 */
export interface InflightOpInput {
  /**
   * FUSE nodeid.
   */
  inode: number;
  /**
   * FUSE opcode.
   */
  opcode: number;
  /**
   * FUSE request id.
   */
  unique: number;
  /**
   * Unix time the request was picked up.
   */
  timestamp_secs: number;
}
/**
 * Body of PUT /api/v1/config and GET /api/v1/config (spec api.md §4.7): string keys (registry_auth, proxy_url, dragonfly_scheduler_endpoint; composite <id>:<key> in a GET without id) to string values.
 */
export interface ConfigMapInput {
  [k: string]: string;
}
/**
 * Options of a blob cache manager daemon, as nydusd's `singleton` subcommand takes them (spec daemon.md §1.2, §1.6, §1.13, §6), plus our shared blob socket. With fscache it is also the fscache daemon: the kernel's EROFS reads the images through cachefiles on-demand objects this daemon fills. One declaration renders the `nydus blobcache` / `nydus fscache` / `nydus singleton` flags (x-flag) and the library's blobcacheDaemon() builder.
 */
export interface BlobcacheDaemonOptionsInput {
  /**
   * Unix socket of the HTTP administration API, where blob entries are added, removed and listed (/api/v2/blobs); without it no API server runs.
   */
  apiSock?: string;
  /**
   * JSON file read at start: when it is an object whose "blobs" key parses as a blob cache list (daemon.md §2.6), every entry is registered in order and the first failure aborts start-up; a "blobs" value that does not parse is ignored; a file that is not JSON is a start-up failure.
   */
  config?: string;
  /**
   * Library only: the configuration document (an object, "blobs" as in the config file) used instead of reading the config file.
   */
  configDocument?: {
    [k: string]: unknown;
  };
  /**
   * Service instance identifier, reported in daemon info. Requires supervisor.
   */
  id?: string;
  /**
   * Unix socket of the supervisor (state keeper) for hot upgrade and failover; the registered blob entries are part of the saved state. Requires id.
   */
  supervisor?: string;
  /**
   * Directory where the daemon persists its registered blob entries (restored at its next start) and, when started with --id and --supervisor, writes its daemon record <dir>/<id>.json (read by nydus upgrade / nydus failover). Default: env NYDUS_STATE_DIR, else /run/nydus.
   */
  stateDir?: string;
  /**
   * Start in upgrade mode: register nothing, stay in INIT waiting for a takeover that brings the predecessor's entries.
   */
  upgrade?: boolean;
  /**
   * Maximum log level (changeable at run time through the API).
   */
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error';
  /**
   * Log to this file (appended; `.log` added when the name has no extension) instead of stderr.
   */
  logFile?: string;
  /**
   * Rotate the log file when it exceeds this many MiB; 0 disables rotation.
   */
  logRotationSize?: number;
  /**
   * Target RLIMIT_NOFILE (daemon.md §1.10); 0 leaves the limit unchanged.
   */
  rlimitNofile?: number;
  /**
   * Our extension: Unix socket on which the daemon answers ranged reads of its registered blobs in the http-proxy backend protocol (HEAD for the size, GET with Range: bytes=a-b), served from its cache, so the FUSE daemons of the host share one cache and each chunk is fetched from the backend once. Without it no such socket is served.
   */
  sharedSock?: string;
  /**
   * Enable the fscache service (cachefiles on-demand, daemon.md §6.2-§6.6) with this cachefiles working directory; it must exist and be a directory after canonicalisation. The daemon opens /dev/cachefiles, binds the cache there and serves the kernel's OPEN/READ/CLOSE requests for EROFS mounts of the registered entries (`mount -t erofs -o fsid=<id>[,domain_id=<domain>] none M`).
   */
  fscache?: string;
  /**
   * cachefiles tag of this daemon's cache (written as `tag <tag>`). Requires fscache.
   */
  fscacheTag?: string;
  /**
   * Worker threads serving /dev/cachefiles.
   */
  fscacheThreads?: number;
}
/**
 * Figures of one data blob of the blob cache manager.
 */
export interface BlobMetricsInput {
  /**
   * Record key of the data blob: <domain_id>/<blob id>, or the blob id in the empty domain.
   */
  key: string;
  /**
   * Domain of the blob.
   */
  domain_id: string;
  /**
   * Blob id (as in the bootstrap's blob table).
   */
  blob_id: string;
  /**
   * Bootstrap entries of the domain referring to the blob.
   */
  refs: number;
  /**
   * Key of the entry whose backend and work_dir serve the blob.
   */
  owner: string;
  /**
   * Cache work directory.
   */
  store_path: string;
  /**
   * Cache data file of the blob (B.blob.data, or B.blob.raw in compressed mode); empty for localfs blobs, read in place.
   */
  underlying_files: string[];
  /**
   * Stored size of the blob's chunk data.
   */
  compressed_size: number;
  /**
   * Uncompressed size of the blob's chunk data.
   */
  uncompressed_size: number;
  /**
   * Chunks of the blob.
   */
  chunk_count: number;
  /**
   * Chunks marked ready in the blob's chunk map file (B.blob.data.chunk_map).
   */
  ready_chunks: number;
  /**
   * Every chunk is cached.
   */
  data_all_ready: boolean;
  /**
   * Warming of the owning entry: off (prefetch disabled or localfs), warming, done (all ready), failed (prefetch ended with chunks missing).
   */
  warm: 'off' | 'warming' | 'done' | 'failed';
  /**
   * Why warming failed, or null.
   */
  warm_error: string | null;
  /**
   * Bytes prefetched by the owning entry's image (all its blobs).
   */
  prefetch_data_amount: number;
  /**
   * Prefetch requests of the owning entry's image.
   */
  prefetch_requests_count: number;
  /**
   * Prefetch worker threads of the owning entry's image.
   */
  prefetch_workers: number;
  /**
   * Milliseconds spent prefetching, summed, for the owning entry's image.
   */
  prefetch_cumulative_time_millis: number;
  /**
   * Shared read store counters; null before the blob was first read through the store.
   */
  shared: {
    /**
     * Ranged reads sent to the backend.
     */
    backend_reads: number;
    /**
     * Bytes fetched from the backend.
     */
    backend_bytes: number;
    /**
     * Reads answered (shared socket clients and warming).
     */
    served_reads: number;
    /**
     * Bytes answered.
     */
    served_bytes: number;
    /**
     * Bytes answered from the store without a backend read.
     */
    cache_hit_bytes: number;
    /**
     * Bytes of the blob held in the store.
     */
    ready_bytes: number;
    /**
     * Blob size.
     */
    size: number;
    /**
     * The whole blob is in the store.
     */
    all_ready: boolean;
    /**
     * Backend reads in progress.
     */
    in_flight: number;
  } | null;
}
/**
 * Options of a virtio-fs daemon, as nydusd's `virtiofs` subcommand takes them (spec daemon.md §1.2, §1.4, §1.5, §7): the vhost-user-fs backend a VMM (QEMU, Cloud Hypervisor) connects to, serving the same VFS of RAFS images as the FUSE daemon. One declaration renders the `nydus virtiofs` flags (x-flag) and the library's virtiofsDaemon() builder.
 */
export interface VirtiofsDaemonOptionsInput {
  /**
   * vhost-user socket the VMM connects to (QEMU `-chardev socket,path=SOCK` + `-device vhost-user-fs-pci,chardev=...,tag=TAG`); a stale file there is replaced. The daemon listens before the VMM starts and accepts a new connection after the VMM disconnects (a VM reboot).
   */
  sock: string;
  /**
   * RAFS bootstrap (or a data blob with the bootstrap inlined) mounted at start at the virtual mountpoint. Needs config or localfsDir.
   */
  bootstrap?: string;
  /**
   * Daemon configuration file (nydusd v1 or v2, JSON or TOML) for the bootstrap mounted at start; not read when nothing is mounted at start.
   */
  config?: string;
  /**
   * Library only: a configuration document (v1 or v2 object) used instead of reading the config file.
   */
  configDocument?: {
    [k: string]: unknown;
  };
  /**
   * Built-in configuration: localfs backend reading blobs from this directory, blobcache work dir the same directory (daemon.md §1.8).
   */
  localfsDir?: string;
  /**
   * Share a host directory through the passthrough filesystem instead of RAFS (not supported by this implementation yet: the daemon refuses to start).
   */
  sharedDir?: string;
  /**
   * File listing absolute paths to prefetch, one per line (blank lines skipped). Requires bootstrap.
   */
  prefetchFiles?: string;
  /**
   * Path inside the FUSE tree where the initial filesystem is attached.
   */
  virtualMountpoint?: string;
  /**
   * Unix socket of the HTTP administration API; without it no API server runs.
   */
  apiSock?: string;
  /**
   * HOST:PORT ([v6]:PORT) of a plain-HTTP listener serving the Prometheus metrics at GET /metrics (also at GET /api/v1/metrics/prometheus on the API socket). Unauthenticated: bind it to loopback unless the network is trusted. Without it no listener runs.
   */
  metricsAddr?: string;
  /**
   * Service instance identifier, reported in daemon info. Requires supervisor.
   */
  id?: string;
  /**
   * Unix socket of a supervisor. Accepted for nydusd compatibility: upgrade and takeover are unsupported in virtio-fs mode (sendfd answers 501, daemon.md §7), so nothing is ever sent there. Requires id.
   */
  supervisor?: string;
  /**
   * Directory of daemon records; the daemon writes <dir>/<id>.json when started with --id and --supervisor (informative: nydus upgrade / nydus failover refuse virtio-fs daemons). Default: env NYDUS_STATE_DIR, else /run/nydus.
   */
  stateDir?: string;
  /**
   * Maximum log level (changeable at run time through the API).
   */
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error';
  /**
   * Log to this file (appended; `.log` added when the name has no extension) instead of stderr.
   */
  logFile?: string;
  /**
   * Rotate the log file when it exceeds this many MiB; 0 disables rotation.
   */
  logRotationSize?: number;
  /**
   * Target RLIMIT_NOFILE (daemon.md §1.10); 0 leaves the limit unchanged.
   */
  rlimitNofile?: number;
  /**
   * Accepted for nydusd compatibility (chunk de-duplication database); ignored.
   */
  dedupDb?: string;
  /**
   * Accepted for nydus-snapshotter compatibility (its backend-source feature); ignored with a warning.
   */
  backendSource?: string;
  /**
   * Accepted for nydusd command-line compatibility and ignored: it selects passthroughfs-compatible VFS options, and this implementation serves RAFS images only (nydusd's quirk: its hybrid mode is on by default and the flag turns it off).
   */
  hybridMode?: boolean;
}
