// Daemon API layer: what the API server calls. The router (router.ts) validates and decodes
// a request, calls one method and serialises the result; the daemon controller implements
// it. Every method may throw (or reject with) an ApiFailure (errors.ts); anything else is
// rendered as 500 `<Family>(DaemonAbnormal(Other("<message>")))`.
import type {
  AccessPattern,
  BackendMetrics,
  BlobcacheMetrics,
  DaemonInfo,
  EventsBody,
  FsMetrics,
  InflightOp,
  MountCmd,
} from '../../../generated/types.js';

export interface DaemonApiHandler {
  /** GET /api/v1/daemon (version 1, with backend_collection) and /api/v2/daemon (null collection). */
  daemonInfo(version: 1 | 2): DaemonInfo;
  /** PUT /api/v{1,2}/daemon; throws failures.payloadType() for a bad level. */
  setLogLevel(level: string): void;
  /** GET /api/v1/daemon/events. */
  events(): EventsBody;
  /** GET /api/v1/daemon/backend?mountpoint=: the RAFS super block info (RafsSuperInfo). */
  backendInfo(mountpoint: string): Record<string, unknown>;
  /** POST /api/v1/mount: `cmd` has every schema default applied. */
  mount(mountpoint: string, cmd: MountCmd): Promise<void>;
  /** PUT /api/v1/mount. */
  remount(mountpoint: string, cmd: MountCmd): Promise<void>;
  /** DELETE /api/v1/mount. */
  umount(mountpoint: string): Promise<void>;
  /** GET /api/v1/metrics (selection rule of api.md §4.5). */
  metrics(id?: string): FsMetrics;
  /** GET /api/v1/metrics/files: FileMetrics, or LatestFiles when `latest`. */
  fileMetrics(id: string | undefined, latest: boolean): unknown;
  /** GET /api/v1/metrics/pattern. */
  accessPatterns(id?: string): AccessPattern[];
  /** GET /api/v1/metrics/backend. */
  backendMetrics(id?: string): BackendMetrics;
  /** GET /api/v1/metrics/blobcache (a blob cache daemon answers per blob: one object with `id`, else a list). */
  blobcacheMetrics(id?: string): BlobcacheMetrics | object;
  /** GET /api/v1/metrics/inflight; null means idle and is answered 204. */
  inflight(): InflightOp[] | null;
  /** GET /api/v1/metrics/prometheus: the Prometheus exposition text (absent: answered 501). */
  prometheusMetrics?(): string;
  /** GET /api/v1/config[?id=]. */
  getConfig(id?: string): Record<string, string>;
  /** PUT /api/v1/config[?id=] (a missing id is ""). */
  putConfig(id: string, values: Record<string, string>): void;
  /** PUT /api/v1/daemon/start. */
  start(): Promise<void>;
  /** PUT /api/v1/daemon/exit: the server answers 204 once this settles, then calls afterExit(). */
  exit(): Promise<void>;
  /** Called once the 204 of a successful exit has been handed to the socket. */
  afterExit(): void;
  /** PUT /api/v1/daemon/fuse/sendfd: settles after the transfer completed. */
  sendfd(): Promise<void>;
  /** PUT /api/v1/daemon/fuse/takeover: settles after the restore completed. */
  takeover(): Promise<void>;
  /** PUT /api/v2/blobs: `entry` is a schema-valid BlobCacheEntryInput; throw failures.badRequest() when "prepare" fails. */
  putBlob(entry: unknown): Promise<void>;
  /** DELETE /api/v2/blobs: at least one of the two is given. */
  deleteBlob(domainId?: string, blobId?: string): Promise<void>;
  /** GET /api/v2/blobs?domain_id=D[&blob_id=B]: a BlobCacheList (absent: answered 501, the daemon hosts no blob cache manager). */
  listBlobs?(domainId: string, blobId?: string): { blobs: unknown[] };
  /** GET /api/v2/daemon/backend: the daemon's backends by mountpoint or entry key. */
  backendCollection?(): Record<string, unknown>;
}
