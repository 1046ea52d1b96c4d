// Native binding layer: the FUSE session (native/binding/fuse_wrap.cc over core fuse/ and
// transport/): mounts /dev/fuse, serves attached RAFS images from native worker threads,
// and exposes the VFS, metrics and in-flight requests. Errors are NativeError.
import { constants as osConstants } from 'node:os';
import { NativeError } from '../errors.js';
import { internal } from './binding.js';
import { addonImageOf, type RafsImage } from './image.js';

/** VFS option flavour (daemon spec §4.3): 'rafs' answers OPEN/OPENDIR with ENOSYS (zero-message open). */
export type VfsFlavour = 'rafs' | 'passthrough';

export interface FuseMountOptions {
  /** Canonical absolute directory to mount on. */
  mountpoint: string;
  /** Mount with MS_RDONLY (default true). The server itself is always read-only. */
  readonly?: boolean;
  /** Default 'rafs'. */
  flavour?: VfsFlavour;
  /** mount(2) source / fusermount3 fsname (default 'rafs'). */
  fsname?: string;
}

export interface AttachOptions {
  /** Kernel dentry timeout in seconds (default 31536000: images are immutable). */
  entryTimeout?: number;
  /** Kernel attribute timeout in seconds (default 31536000). */
  attrTimeout?: number;
  /** Per-file metrics (api spec §4.5 FileMetrics). */
  iostatsFiles?: boolean;
  /** Access pattern records. */
  accessPattern?: boolean;
  /** Record files read since the last latestReadFiles() call. */
  latestReadFiles?: boolean;
  /** Force this fs index (takeover, issue 7); else rolling allocation. */
  index?: number;
}

/** api spec §4.5 FsMetrics minus the flag members and id. */
export interface FsMetricsNative {
  nr_opens: number;
  data_read: number;
  block_count_read: number[];
  fop_hits: number[];
  fop_errors: number[];
  fop_cumulative_latency_total: number[];
  read_latency_dist: number[];
}

/** api spec §4.5 FileMetrics value of one inode. */
export interface FileMetricsNative {
  total_fops: number;
  data_read: number;
  block_count_read: number[];
  fop_hits: number[];
  fop_errors: number[];
}

/** api spec §4.5 AccessPatterns item. */
export interface AccessPatternNative {
  ino: number;
  nr_read: number;
  first_access_time_secs: number;
  first_access_time_nanos: number;
}

/** api spec §4.5 BackendMetrics minus backend_type. */
export interface BackendMetricsNative {
  read_count: number;
  read_errors: number;
  read_amount_total: number;
  read_cumulative_latency_millis_total: number;
  read_cumulative_latency_millis_dist: number[];
  read_count_block_size_dist: number[];
  read_latency_sizes_dist: number[][];
}

/** One FUSE request a worker is handling (api spec §4.6). */
export interface InflightOp {
  inode: number;
  opcode: number;
  unique: number;
  timestamp_secs: number;
}

/** The FUSE_INIT result, kept so a successor can serve the session without INIT. */
export interface NegotiatedInit {
  major: number;
  minor: number;
  flags: number;
  maxReadahead: number;
  maxWrite: number;
  maxPages: number;
  timeGran: number;
  maxBackground: number;
  congestionThreshold: number;
}

/** The addon's FuseSession class (native/binding/fuse_wrap.h). */
interface NativeSession {
  info(): { mountpoint: string; connectionId: number; fd: number };
  initialized(): boolean;
  negotiated(): NegotiatedInit | null;
  attach(path: string, image: object, opts: AttachOptions): number;
  replace(path: string, image: object, opts: AttachOptions): void;
  detach(path: string): Promise<void>;
  mounts(): Array<{ path: string; index: number }>;
  start(threads: number): void;
  stop(): Promise<void>;
  unmount(): Promise<void>;
  onClosed(cb: (reason: string) => void): void;
  metrics(path: string): FsMetricsNative;
  fileMetrics(path: string): Record<string, FileMetricsNative>;
  latestReadFiles(path: string): number[][];
  accessPatterns(path: string): AccessPatternNative[];
  backendMetrics(path: string): BackendMetricsNative;
  inflight(): InflightOp[];
}
type NativeSessionClass = new (opts: FuseMountOptions) => NativeSession;

function invalid(what: string, name: string, value: unknown): NativeError {
  return new NativeError(osConstants.errno.EINVAL, 'EINVAL', `Expected ${what} for ${name} but received ${String(value)}`);
}

function checkAttachOptions(opts: AttachOptions): AttachOptions {
  for (const key of ['entryTimeout', 'attrTimeout'] as const) {
    const v = opts[key];
    if (v !== undefined && (!Number.isSafeInteger(v) || v < 0)) throw invalid('a non-negative integer', key, v);
  }
  if (opts.index !== undefined && (!Number.isInteger(opts.index) || opts.index < 1 || opts.index > 255)) {
    throw invalid('an integer between 1 and 255', 'index', opts.index);
  }
  return opts;
}

/** One mounted FUSE connection serving RAFS images at virtual paths. */
export class FuseSession {
  /** The canonical mountpoint. */
  readonly mountpoint: string;
  /** (major(st_dev) << 20) | minor(st_dev): the name under /sys/fs/fuse/connections/. */
  readonly connectionId: number;
  /** The held /dev/fuse fd (-1 once unmounted). */
  readonly fd: number;

  private constructor(private readonly native: NativeSession) {
    const info = native.info();
    this.mountpoint = info.mountpoint;
    this.connectionId = info.connectionId;
    this.fd = info.fd;
  }

  /** Opens /dev/fuse and mounts it (mount(2), EPERM -> fusermount3); the fd is O_NONBLOCK. Throws NativeError. */
  static mount(opts: FuseMountOptions): FuseSession {
    if (typeof opts?.mountpoint !== 'string' || !opts.mountpoint.startsWith('/')) {
      throw invalid('an absolute path', 'mountpoint', opts?.mountpoint);
    }
    if (opts.flavour !== undefined && opts.flavour !== 'rafs' && opts.flavour !== 'passthrough') {
      throw invalid("'rafs' or 'passthrough'", 'flavour', opts.flavour);
    }
    const Session = internal.addon().FuseSession as NativeSessionClass;
    return internal.callSync(() => new FuseSession(new Session({ ...opts })));
  }

  /** True once the kernel's FUSE_INIT was answered. */
  initialized(): boolean {
    return this.native.initialized();
  }

  /** The negotiated INIT parameters, or null before INIT. */
  negotiated(): NegotiatedInit | null {
    return this.native.negotiated();
  }

  /** Attaches `image` at virtual path `path` ("/", "/a/b"); returns its fs index 1..255. EEXIST, EINVAL (relative), ENOTSUP (nested). */
  attach(path: string, image: RafsImage, opts: AttachOptions = {}): number {
    const o = checkAttachOptions(opts);
    return internal.callSync(() => this.native.attach(path, addonImageOf(image), o));
  }

  /** Swaps the image at `path` in place (same index and metrics); the old tree's kernel caches are invalidated. ENOENT if none. */
  replace(path: string, image: RafsImage, opts: AttachOptions = {}): void {
    const o = checkAttachOptions(opts);
    internal.callSync(() => this.native.replace(path, addonImageOf(image), o));
  }

  /**
   * Detaches the image at `path`, waits for its requests in progress (off the JS thread: they
   * may be waiting for a JS backend) and invalidates its kernel caches. ENOENT if none. Pseudo dirs stay.
   */
  async detach(path: string): Promise<void> {
    await internal.callAsync(() => this.native.detach(path), this.detach);
  }

  /** Attached images by virtual path, with their fs index. */
  mounts(): Array<{ path: string; index: number }> {
    return this.native.mounts();
  }

  /** Spawns `threads` FUSE worker threads. EBUSY when already running. */
  start(threads: number): void {
    if (!Number.isInteger(threads) || threads < 1 || threads > 1024) throw invalid('an integer between 1 and 1024', 'threads', threads);
    internal.callSync(() => this.native.start(threads));
  }

  /** Wakes and joins the workers (off the JS thread); a request already read is answered first, queued ones stay in the kernel. */
  async stop(): Promise<void> {
    await this.native.stop();
  }

  /** Unless the connection is already gone: umount2(MNT_DETACH) (fallback fusermount3 -u -z); closes the fd, stops workers. Idempotent. */
  async unmount(): Promise<void> {
    (this as { fd: number }).fd = -1;
    await internal.callAsync(() => this.native.unmount(), this.unmount);
  }

  /** `cb` runs once on the JS thread when the kernel connection is gone outside stop/unmount. While workers run, this keeps the event loop alive. */
  onClosed(cb: (reason: string) => void): void {
    if (typeof cb !== 'function') throw invalid('a function', 'cb', cb);
    this.native.onClosed(cb);
  }

  /** FsMetrics of the image at `path`. ENOENT when nothing is attached there. */
  metrics(path: string): FsMetricsNative {
    return internal.callSync(() => this.native.metrics(path));
  }

  /** Per-file metrics keyed by RAFS inode (decimal string); empty unless iostatsFiles. */
  fileMetrics(path: string): Record<string, FileMetricsNative> {
    return internal.callSync(() => this.native.fileMetrics(path));
  }

  /** Inodes read since the previous call as ascending ranges ([a] or [a, b]), then cleared. */
  latestReadFiles(path: string): number[][] {
    return internal.callSync(() => this.native.latestReadFiles(path));
  }

  /** One record per file read at least once; empty unless accessPattern. */
  accessPatterns(path: string): AccessPatternNative[] {
    return internal.callSync(() => this.native.accessPatterns(path));
  }

  /** Blob read counters of the image's storage backend. */
  backendMetrics(path: string): BackendMetricsNative {
    return internal.callSync(() => this.native.backendMetrics(path));
  }

  /** Requests workers are handling right now (empty when idle). */
  inflight(): InflightOp[] {
    return this.native.inflight();
  }
}
