// Generated from schema/common.schema.json, schema/mount-cmd.schema.json, templates/builders.ts.ejs by `npm run generate` (scripts/generate.mjs). Do not edit.
// Typed, fluent builders for nydusd documents. Options use camelCase; build() maps them to
// nydusd's keys, fills every schema default and validates, so its output always validates.
import { ConfigError } from '../src/errors.js';
import { applyDefaults } from '../src/schema/defaults.js';
import { problemsFromAjv } from '../src/schema/problems.js';
import { schemaIds, schemaRegistry } from './schemas.js';
import type { BlobCacheEntry, BlobCacheEntryInput, ConfigV2, ConfigV2Input, MountCmd, MountCmdInput } from './types.js';
import { validateBlobCacheEntry, validateConfigV2, validateMountCmd, type Validator } from './validate.js';

/** Connection-level HTTP proxy in front of a network backend (for example Dragonfly's dfdaemon), with health checks and fallback to the origin. */
export interface ProxyOptions {
  /** Proxy URL every backend request is sent through; empty disables the proxy. Default: "". */
  url?: string;
  /** URL polled to check the proxy's health; empty disables health checks. Default: "". */
  pingUrl?: string;
  /** Send requests to the origin when the proxy is unhealthy or fails. Default: true. */
  fallback?: boolean;
  /** Seconds between two health checks of the proxy. Default: 5. */
  checkInterval?: number;
  /** Talk plain HTTP to the proxy even for https origins. Default: false. */
  useHttp?: boolean;
  /** Seconds to pause health checks after the proxy stayed healthy and idle for that long. Default: 300. */
  checkPauseElapsed?: number;
  /** Dragonfly scheduler endpoint used by streaming prefetch; hot-reloadable through /api/v1/config. Default: "". */
  dragonflySchedulerEndpoint?: string;
}

/** Prefetch settings, used as cache.prefetch (blob level) and rafs.prefetch (file level). Per-key defaults apply when the object is present; an absent object means all zeros. */
export interface PrefetchOptions {
  /** Whether prefetch runs at all. Required whenever the object is present. */
  enable?: boolean;
  /** Number of prefetch worker threads (1..=1024 when enabled). Default: 8. */
  threads?: number;
  /** Merge size in bytes for prefetch requests to the backend (at most 256 MiB when enabled). Default: 1048576. */
  batchSize?: number;
  /** Prefetch bandwidth limit in bytes per second; 0 means unlimited. Default: 0. */
  bandwidthLimit?: number;
  /** Prefetch every blob of the image entirely. Default: false. */
  prefetchAll?: boolean;
  /** Use Dragonfly's streaming prefetch. Default: false. */
  streamPrefetch?: boolean;
}

/** localfs backend: blobs are files on the local filesystem. One of blob_file or dir must be set. */
export interface LocalfsOptions {
  /** Path of a single blob file holding every chunk of the image. Default: "". */
  blobFile?: string;
  /** Directory of blob files, each named by its blob id. Default: "". */
  dir?: string;
  /** Extra directories searched for blob files after dir. Default: []. */
  altDirs?: string[];
}

/** localdisk backend: a block device or disk image whose GPT partitions are blobs. */
export interface LocaldiskOptions {
  /** Path of the block device or disk image; required (non-empty). Default: "". */
  devicePath?: string;
  /** Treat the whole device as one blob instead of reading a GPT. Default: false. */
  disableGpt?: boolean;
}

/** Aliyun OSS backend. */
export interface OssOptions {
  /** URL scheme, http or https. Default: "https". */
  scheme?: string;
  /** OSS endpoint host, for example oss-cn-hangzhou.aliyuncs.com. */
  endpoint?: string;
  /** Bucket holding the blobs. */
  bucketName?: string;
  /** Prefix prepended to each blob id to form the object key. Default: "". */
  objectPrefix?: string;
  /** Access key id (secret: redacted when printed). Default: "". */
  accessKeyId?: string;
  /** Access key secret (secret: redacted when printed). Default: "". */
  accessKeySecret?: string;
  /** Skip TLS certificate verification. Default: false. */
  skipVerify?: boolean;
  /** Extra CA certificate files (PEM) to trust. Default: []. */
  caCertFiles?: string[];
  /** Request timeout in seconds. Default: 5. */
  timeout?: number;
  /** Connection timeout in seconds. Default: 5. */
  connectTimeout?: number;
  /** Retries of a failed request (0..=255). Default: 0. */
  retryLimit?: number;
  /** Connection-level proxy settings. Default: {}. */
  proxy?: ProxyOptions;
}

/** Amazon S3 (or S3-compatible) backend, requests signed with SigV4. */
export interface S3Options {
  /** URL scheme, http or https. Default: "https". */
  scheme?: string;
  /** S3 endpoint host; may be empty to use the region's default AWS endpoint. */
  endpoint?: string;
  /** Region of the bucket, for example us-east-1; required (non-empty). */
  region?: string;
  /** Bucket holding the blobs. */
  bucketName?: string;
  /** Prefix prepended to each blob id to form the object key. Default: "". */
  objectPrefix?: string;
  /** Access key id (secret: redacted when printed). Default: "". */
  accessKeyId?: string;
  /** Secret access key (secret: redacted when printed). Default: "". */
  accessKeySecret?: string;
  /** Skip TLS certificate verification. Default: false. */
  skipVerify?: boolean;
  /** Extra CA certificate files (PEM) to trust. Default: []. */
  caCertFiles?: string[];
  /** Request timeout in seconds. Default: 5. */
  timeout?: number;
  /** Connection timeout in seconds. Default: 5. */
  connectTimeout?: number;
  /** Retries of a failed request (0..=255). Default: 0. */
  retryLimit?: number;
  /** Connection-level proxy settings. Default: {}. */
  proxy?: ProxyOptions;
}

/** OCI distribution registry backend: blobs are fetched with ranged GETs from /v2/<repo>/blobs/sha256:<id>. host and repo must be set before a mount (nydus-snapshotter fills them per image into template configs that leave them out). */
export interface RegistryOptions {
  /** http, or https (any other value, including empty, means https). Default: "https". */
  scheme?: string;
  /** Registry host[:port]; required (non-empty) at mount time. Default: "". */
  host?: string;
  /** Repository namespace/name without tag; required (non-empty) at mount time. Default: "". */
  repo?: string;
  /** base64 of user:password for Basic auth and the token flow (secret: redacted when printed). Default: null. */
  auth?: string | null;
  /** Skip TLS certificate verification; also allows falling back to plain HTTP on TLS errors. Default: false. */
  skipVerify?: boolean;
  /** Extra CA certificate files (PEM) to trust. Default: []. */
  caCertFiles?: string[];
  /** Request timeout in seconds. Default: 5. */
  timeout?: number;
  /** Connection timeout in seconds. Default: 5. */
  connectTimeout?: number;
  /** Retries of a failed request (0..=255). Default: 0. */
  retryLimit?: number;
  /** Bearer token sent as is (secret: redacted when printed). Default: null. */
  registryToken?: string | null;
  /** Scheme to use for blob URLs after a redirect; empty keeps the redirect's scheme. Default: "". */
  blobUrlScheme?: string;
  /** Host that replaces the host of redirected blob URLs; empty keeps it. Default: "". */
  blobRedirectedHost?: string;
  /** Connection-level proxy settings (Dragonfly P2P). Default: {}. */
  proxy?: ProxyOptions;
}

/** http-proxy backend: blobs are fetched from an HTTP(S) server or a Unix-socket HTTP server as <path>/<blob id>. */
export interface HttpProxyOptions {
  /** http://..., https://..., or the absolute path of an existing Unix socket. */
  addr?: string;
  /** URL path prefix of blobs (ignored for Unix sockets). Default: "". */
  path?: string;
  /** Skip TLS certificate verification. Default: false. */
  skipVerify?: boolean;
  /** Extra CA certificate files (PEM) to trust. Default: []. */
  caCertFiles?: string[];
  /** Request timeout in seconds. Default: 5. */
  timeout?: number;
  /** Connection timeout in seconds. Default: 5. */
  connectTimeout?: number;
  /** Retries of a failed request (0..=255). Default: 0. */
  retryLimit?: number;
  /** Connection-level proxy settings. Default: {}. */
  proxy?: ProxyOptions;
}

/** Storage backend the image's blobs are read from. The sub-object named by type must be present. */
export interface BackendOptions {
  /** Backend kind; selects the sub-object of the same name. */
  type?: "localfs" | "localdisk" | "oss" | "s3" | "registry" | "http-proxy";
  /** Settings of the localfs backend. Default: null. */
  localfs?: LocalfsOptions | null;
  /** Settings of the localdisk backend. Default: null. */
  localdisk?: LocaldiskOptions | null;
  /** Settings of the oss backend. Default: null. */
  oss?: OssOptions | null;
  /** Settings of the s3 backend. Default: null. */
  s3?: S3Options | null;
  /** Settings of the registry backend. Default: null. */
  registry?: RegistryOptions | null;
  /** Settings of the http-proxy backend (note the hyphenated key). Default: null. */
  httpProxy?: HttpProxyOptions | null;
}

/** A backend described inside the image, patched by this entry. */
export interface ExternalBackendOptions {
  /** Backend kind of the external backend. */
  type?: string;
  /** Keys matched against the image's backend description. */
  patch?: Record<string, string>;
  /** Settings merged into the matched backend. */
  config?: Record<string, string>;
}

/** blobcache/filecache: per-blob cache files with a chunk map in work_dir. */
export interface FilecacheOptions {
  /** Directory holding the cache files; created if missing; must be non-empty. Default: ".". */
  workDir?: string;
  /** Deprecated; accepted and ignored. Default: false. */
  disableIndexedMap?: boolean;
  /** Encrypt cache files. Default: false. */
  enableEncryption?: boolean;
  /** Derive the cache encryption key from the chunk content. Default: false. */
  enableConvergentEncryption?: boolean;
  /** Hex of the 32-byte cache encryption key (secret: redacted when printed). Default: "". */
  encryptionKey?: string;
}

/** fscache: the kernel's cachefiles on-demand cache, for EROFS. */
export interface FscacheOptions {
  /** cachefiles working directory; must be non-empty. Default: ".". */
  workDir?: string;
}

/** Local cache of blob data. */
export interface CacheOptions {
  /** blobcache or filecache (local chunk cache files), fscache (kernel cachefiles), or dummycache, dummy or "" for no cache. Default: "". */
  type?: "blobcache" | "filecache" | "fscache" | "dummycache" | "dummy" | "";
  /** Keep chunks compressed in the cache file (filecache only). Default: false. */
  compressed?: boolean;
  /** Validate chunk digests of data read from the cache. Default: false. */
  validate?: boolean;
  /** Blob-level prefetch; all zeros when absent. Default: {"enable":false,"threads":0,"batch_size":0,"bandwidth_limit":0,"prefetch_all":false,"stream_prefetch":false}. */
  prefetch?: PrefetchOptions;
  /** Settings of blobcache/filecache; required for those types. Default: null. */
  filecache?: FilecacheOptions | null;
  /** Settings of fscache; required for that type. Default: null. */
  fscache?: FscacheOptions | null;
}

/** Options of the RAFS filesystem. */
export interface RafsOptions {
  /** Metadata access mode: direct (bootstrap mapped) or cached (loaded into memory); v6 supports direct only. Default: "direct". */
  mode?: "direct" | "cached";
  /** Amplified size in bytes of user reads to the backend; 0 disables amplification. Default: 1048576. */
  batchSize?: number;
  /** Validate chunk digests on read; refused for RAFS v6 images. Default: false. */
  validate?: boolean;
  /** Expose extended attributes. Default: false. */
  enableXattr?: boolean;
  /** Keep per-file I/O counters (metrics files). Default: false. */
  iostatsFiles?: boolean;
  /** Record the first-access pattern (metrics pattern). Default: false. */
  accessPattern?: boolean;
  /** Record recently read files (metrics files?latest=true). Default: false. */
  latestReadFiles?: boolean;
  /** Filesystem-level prefetch (prefetch table, prefetch_files); all zeros when absent. Default: {"enable":false,"threads":0,"batch_size":0,"bandwidth_limit":0,"prefetch_all":false,"stream_prefetch":false}. */
  prefetch?: PrefetchOptions;
}

/** Turns the mount into a writable overlay; both directories must be non-empty at mount time. */
export interface OverlayOptions {
  /** Upper (writable) directory. */
  upperDir?: string;
  /** Overlay work directory. */
  workDir?: string;
}

/** Options of a mount request (MountCmd). */
export interface MountCmdOptions {
  /** rafs, or passthrough / passthroughfs / passthrough_fs; anything else fails the mount. */
  fsType?: string;
  /** Bootstrap path (RAFS) or host directory (passthrough). */
  source?: string;
  /** Configuration text (v1 or v2 JSON, or v2 TOML) serialised as a string; ignored for passthrough. */
  config?: string;
  /** Virtual mountpoint inside the daemon's tree (the API passes it in the query string instead). */
  mountpoint?: string;
  /** Absolute paths to prefetch (RAFS with rafs.prefetch.enable). */
  prefetchFiles?: string[] | null | null;
}

/** Cache settings shared by every cache type. */
export interface CacheCommonOptions {
  /** Keep chunks compressed in the cache file. */
  compressed?: boolean;
  /** Validate chunk digests of data read from the cache. */
  validate?: boolean;
  /** Blob-level prefetch. */
  prefetch?: PrefetchOptions;
}

type FieldMap = Readonly<Record<string, readonly [key: string, nested?: string]>>;

/** camelCase option -> [nydusd key, nested option type]. */
const FIELDS: Readonly<Record<string, FieldMap>> = {
  proxy: {
    "url": ["url"],
    "pingUrl": ["ping_url"],
    "fallback": ["fallback"],
    "checkInterval": ["check_interval"],
    "useHttp": ["use_http"],
    "checkPauseElapsed": ["check_pause_elapsed"],
    "dragonflySchedulerEndpoint": ["dragonfly_scheduler_endpoint"],
  },
  prefetch: {
    "enable": ["enable"],
    "threads": ["threads"],
    "batchSize": ["batch_size"],
    "bandwidthLimit": ["bandwidth_limit"],
    "prefetchAll": ["prefetch_all"],
    "streamPrefetch": ["stream_prefetch"],
  },
  localfs: {
    "blobFile": ["blob_file"],
    "dir": ["dir"],
    "altDirs": ["alt_dirs"],
  },
  localdisk: {
    "devicePath": ["device_path"],
    "disableGpt": ["disable_gpt"],
  },
  oss: {
    "scheme": ["scheme"],
    "endpoint": ["endpoint"],
    "bucketName": ["bucket_name"],
    "objectPrefix": ["object_prefix"],
    "accessKeyId": ["access_key_id"],
    "accessKeySecret": ["access_key_secret"],
    "skipVerify": ["skip_verify"],
    "caCertFiles": ["ca_cert_files"],
    "timeout": ["timeout"],
    "connectTimeout": ["connect_timeout"],
    "retryLimit": ["retry_limit"],
    "proxy": ["proxy", "proxy"],
  },
  s3: {
    "scheme": ["scheme"],
    "endpoint": ["endpoint"],
    "region": ["region"],
    "bucketName": ["bucket_name"],
    "objectPrefix": ["object_prefix"],
    "accessKeyId": ["access_key_id"],
    "accessKeySecret": ["access_key_secret"],
    "skipVerify": ["skip_verify"],
    "caCertFiles": ["ca_cert_files"],
    "timeout": ["timeout"],
    "connectTimeout": ["connect_timeout"],
    "retryLimit": ["retry_limit"],
    "proxy": ["proxy", "proxy"],
  },
  registry: {
    "scheme": ["scheme"],
    "host": ["host"],
    "repo": ["repo"],
    "auth": ["auth"],
    "skipVerify": ["skip_verify"],
    "caCertFiles": ["ca_cert_files"],
    "timeout": ["timeout"],
    "connectTimeout": ["connect_timeout"],
    "retryLimit": ["retry_limit"],
    "registryToken": ["registry_token"],
    "blobUrlScheme": ["blob_url_scheme"],
    "blobRedirectedHost": ["blob_redirected_host"],
    "proxy": ["proxy", "proxy"],
  },
  httpProxy: {
    "addr": ["addr"],
    "path": ["path"],
    "skipVerify": ["skip_verify"],
    "caCertFiles": ["ca_cert_files"],
    "timeout": ["timeout"],
    "connectTimeout": ["connect_timeout"],
    "retryLimit": ["retry_limit"],
    "proxy": ["proxy", "proxy"],
  },
  backend: {
    "type": ["type"],
    "localfs": ["localfs", "localfs"],
    "localdisk": ["localdisk", "localdisk"],
    "oss": ["oss", "oss"],
    "s3": ["s3", "s3"],
    "registry": ["registry", "registry"],
    "httpProxy": ["http-proxy", "httpProxy"],
  },
  externalBackend: {
    "type": ["type"],
    "patch": ["patch"],
    "config": ["config"],
  },
  filecache: {
    "workDir": ["work_dir"],
    "disableIndexedMap": ["disable_indexed_map"],
    "enableEncryption": ["enable_encryption"],
    "enableConvergentEncryption": ["enable_convergent_encryption"],
    "encryptionKey": ["encryption_key"],
  },
  fscache: {
    "workDir": ["work_dir"],
  },
  cache: {
    "type": ["type"],
    "compressed": ["compressed"],
    "validate": ["validate"],
    "prefetch": ["prefetch", "prefetch"],
    "filecache": ["filecache", "filecache"],
    "fscache": ["fscache", "fscache"],
  },
  rafs: {
    "mode": ["mode"],
    "batchSize": ["batch_size"],
    "validate": ["validate"],
    "enableXattr": ["enable_xattr"],
    "iostatsFiles": ["iostats_files"],
    "accessPattern": ["access_pattern"],
    "latestReadFiles": ["latest_read_files"],
    "prefetch": ["prefetch", "prefetch"],
  },
  overlay: {
    "upperDir": ["upper_dir"],
    "workDir": ["work_dir"],
  },
  mountCmd: {
    "fsType": ["fs_type"],
    "source": ["source"],
    "config": ["config"],
    "mountpoint": ["mountpoint"],
    "prefetchFiles": ["prefetch_files"],
  },
};

/** Maps camelCase options to nydusd keys, recursively; undefined options are left out. */
function toDocument(def: string, options: object): Record<string, unknown> {
  const map = FIELDS[def];
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const field = map[name];
    if (!field) throw new TypeError(`Expected an option of ${def} but received unknown option ${name}`);
    const [key, nested] = field;
    if (nested && Array.isArray(value)) out[key] = value.map((v: object) => toDocument(nested, v));
    else if (nested && value !== null && typeof value === 'object') out[key] = toDocument(nested, value);
    else out[key] = value;
  }
  return out;
}

function finish<T>(doc: unknown, schemaId: string, validate: Validator<unknown>, what: string): T {
  const full = applyDefaults(schemaRegistry, schemaId, doc, { prune: true });
  if (!validate(full)) throw new ConfigError(problemsFromAjv(validate.errors), what);
  return full as T;
}

class ConfigV2BuilderImpl {
  private readonly doc: Record<string, unknown> = { version: 2, rafs: {} };

  /** Instance id (also the blob cache manager's metrics id). */
  id(id: string): this {
    this.doc.id = id;
    return this;
  }

  /** Use the localfs backend. */
  localfs(options: LocalfsOptions): this {
    this.doc.backend = { type: "localfs", "localfs": toDocument("localfs", options) };
    return this;
  }

  /** Use the localdisk backend. */
  localdisk(options: LocaldiskOptions): this {
    this.doc.backend = { type: "localdisk", "localdisk": toDocument("localdisk", options) };
    return this;
  }

  /** Use the oss backend. */
  oss(options: OssOptions): this {
    this.doc.backend = { type: "oss", "oss": toDocument("oss", options) };
    return this;
  }

  /** Use the s3 backend. */
  s3(options: S3Options): this {
    this.doc.backend = { type: "s3", "s3": toDocument("s3", options) };
    return this;
  }

  /** Use the registry backend. */
  registry(options: RegistryOptions): this {
    this.doc.backend = { type: "registry", "registry": toDocument("registry", options) };
    return this;
  }

  /** Use the http-proxy backend. */
  httpProxy(options: HttpProxyOptions): this {
    this.doc.backend = { type: "http-proxy", "http-proxy": toDocument("httpProxy", options) };
    return this;
  }

  /** Use the blobcache cache. */
  blobcache(options: FilecacheOptions & CacheCommonOptions = {}): this {
    const { compressed, validate, prefetch, ...own } = options;
    this.doc.cache = {
      type: "blobcache",
      ...toDocument('cache', { compressed, validate }),
      ...(prefetch ? { prefetch: toDocument('prefetch', prefetch) } : {}),
      "filecache": toDocument("filecache", own),
    };
    return this;
  }

  /** Use the filecache cache. */
  filecache(options: FilecacheOptions & CacheCommonOptions = {}): this {
    const { compressed, validate, prefetch, ...own } = options;
    this.doc.cache = {
      type: "filecache",
      ...toDocument('cache', { compressed, validate }),
      ...(prefetch ? { prefetch: toDocument('prefetch', prefetch) } : {}),
      "filecache": toDocument("filecache", own),
    };
    return this;
  }

  /** Use the fscache cache. */
  fscache(options: FscacheOptions & CacheCommonOptions = {}): this {
    const { compressed, validate, prefetch, ...own } = options;
    this.doc.cache = {
      type: "fscache",
      ...toDocument('cache', { compressed, validate }),
      ...(prefetch ? { prefetch: toDocument('prefetch', prefetch) } : {}),
      "fscache": toDocument("fscache", own),
    };
    return this;
  }

  /** No local cache (every read goes to the backend). */
  noCache(): this {
    this.doc.cache = { type: '' };
    return this;
  }

  /** RAFS options; replaces earlier rafs() and prefetch() calls. */
  rafs(options: RafsOptions): this {
    this.doc.rafs = toDocument('rafs', options);
    return this;
  }

  /** Filesystem-level prefetch (rafs.prefetch). */
  prefetch(options: PrefetchOptions): this {
    this.doc.rafs = { ...(this.doc.rafs as object), prefetch: toDocument('prefetch', options) };
    return this;
  }

  /** A writable overlay on top of the image. */
  overlay(options: OverlayOptions): this {
    this.doc.overlay = toDocument('overlay', options);
    return this;
  }

  /** Adds a patch for a backend described inside the image. */
  externalBackend(options: ExternalBackendOptions): this {
    this.doc.external_backends = [...((this.doc.external_backends as unknown[]) ?? []), toDocument('externalBackend', options)];
    return this;
  }

  /** The document as written so far, without defaults. */
  toInput(): ConfigV2Input {
    return structuredClone(this.doc) as unknown as ConfigV2Input;
  }

  /** Fills defaults and validates; throws ConfigError listing every problem. */
  build(): ConfigV2 {
    return finish<ConfigV2>(this.doc, schemaIds.ConfigV2, validateConfigV2, 'ConfigV2Builder');
  }
}

/** Starts a version 2 nydusd configuration. */
export function ConfigV2Builder(): ConfigV2BuilderImpl {
  return new ConfigV2BuilderImpl();
}
export type ConfigV2Builder = ConfigV2BuilderImpl;

class MountCmdBuilderImpl {
  private doc: Record<string, unknown> = { fs_type: 'rafs' };

  /** Sets fields of the request (camelCase). */
  set(options: MountCmdOptions): this {
    this.doc = { ...this.doc, ...toDocument('mountCmd', options) };
    return this;
  }

  /** Bootstrap of a RAFS mount. */
  bootstrap(path: string): this {
    return this.set({ fsType: 'rafs', source: path });
  }

  /** Configuration: a built ConfigV2 (serialised) or configuration text. */
  config(config: ConfigV2 | ConfigV2Input | string): this {
    return this.set({ config: typeof config === 'string' ? config : JSON.stringify(config) });
  }

  /** Virtual mountpoint inside the daemon's tree. */
  mountpoint(path: string): this {
    return this.set({ mountpoint: path });
  }

  /** Absolute paths to prefetch. */
  prefetchFiles(paths: string[]): this {
    return this.set({ prefetchFiles: paths });
  }

  build(): MountCmd {
    return finish<MountCmd>(this.doc, schemaIds.MountCmd, validateMountCmd, 'MountCmdBuilder');
  }
}

/** Starts a mount request (POST /api/v1/mount body, or the library's attach call). */
export function MountCmdBuilder(): MountCmdBuilderImpl {
  return new MountCmdBuilderImpl();
}
export type MountCmdBuilder = MountCmdBuilderImpl;

class BlobCacheEntryBuilderImpl {
  private readonly doc: Record<string, unknown> = { type: 'bootstrap' };

  /** A bootstrap entry: its id is the EROFS fsid; metadataPath is the bootstrap file. */
  bootstrap(id: string, metadataPath: string): this {
    this.doc.type = 'bootstrap';
    this.doc.id = id;
    this.doc.metadata_path = metadataPath;
    return this;
  }

  /** Domain that shares blobs between images. */
  domain(domainId: string): this {
    this.doc.domain_id = domainId;
    return this;
  }

  /** Backend and cache, taken from a version 2 configuration. */
  config(config: ConfigV2 | ConfigV2Input): this {
    this.doc.config_v2 = {
      version: 2,
      id: config.id ?? '',
      backend: config.backend,
      external_backends: config.external_backends ?? [],
      cache: config.cache,
      metadata_path: this.doc.metadata_path ?? null,
    };
    return this;
  }

  build(): BlobCacheEntry {
    const doc = structuredClone(this.doc);
    if (doc.config_v2) (doc.config_v2 as Record<string, unknown>).metadata_path = doc.metadata_path ?? null;
    delete doc.metadata_path;
    return finish<BlobCacheEntry>(doc, schemaIds.BlobCacheEntry, validateBlobCacheEntry, 'BlobCacheEntryBuilder');
  }
}

/** Starts a blob cache entry (PUT /api/v2/blobs body). */
export function BlobCacheEntryBuilder(): BlobCacheEntryBuilderImpl {
  return new BlobCacheEntryBuilderImpl();
}
export type BlobCacheEntryBuilder = BlobCacheEntryBuilderImpl;
