// Native binding layer: the fscache on-demand handler (native/binding/cachefiles_wrap.cc over
// core cachefiles/): opens /dev/cachefiles (or adopts a taken-over fd), binds the cache, and
// serves the kernel's OPEN / READ / CLOSE on native worker threads from the objects registered
// here (bootstrap files, data blobs of open RafsImages). Errors are NativeError.
import { constants as osConstants } from 'node:os';
import { NativeError } from '../errors.js';
import { internal } from './binding.js';
import { addonImageOf, type RafsImage } from './image.js';

export interface CachefilesOpenOptions {
  /** Canonical absolute cache directory (--fscache); written as `dir <dir>` unless restoring. */
  dir: string;
  /** --fscache-tag; written as `tag <tag>` when given and non-empty. */
  tag?: string;
  /** Worker threads start() runs (--fscache-threads), 1..1024; default 4. */
  threads?: number;
  /**
   * Serve this already open /dev/cachefiles fd (from the supervisor) instead of opening the
   * device. Consumed on success (closed; the session holds a duplicate), still the caller's
   * when open() throws.
   */
  fd?: number;
  /** Write `restore` instead of dir/tag/bind ondemand: a takeover (daemon spec §5.8). Needs `fd`. */
  restore?: boolean;
  /** Device path; default /dev/cachefiles. */
  device?: string;
}

/** Handler counters; `objects` is a gauge, the rest count since open(). */
export interface CachefilesMetrics {
  /** Messages read from the device. */
  messages: number;
  /** OPENs answered with the object's size / with -errno. */
  opens: number;
  openRefused: number;
  /** CLOSEs of open objects. */
  closes: number;
  /** READs of open objects, and the bytes written into objects for them. */
  reads: number;
  readBytes: number;
  /** Bytes of bootstraps copied into their objects after OPEN. */
  bootstrapBytes: number;
  /** Bytes written into data blob objects by prefetch (registerBlob's `prefetch`); not in readBytes. */
  prefetchBytes: number;
  /** Data blob objects whose prefetch reached the end of the blob. */
  prefetches: number;
  /** READ_COMPLETE ioctls issued. */
  readCompletes: number;
  /** Objects open now. */
  objects: number;
  errors: {
    /** Messages that failed to decode. */
    malformed: number;
    /** READ / CLOSE of an object id that is not open. */
    unknownObject: number;
    /** READ ranges left unwritten because the source failed (backend, decode, bootstrap file). */
    read: number;
    /** Writes into an object fd that failed. */
    write: number;
    /** Data blob prefetches stopped by an error (the rest of the blob is left to READs). */
    prefetch: number;
    /** READ_COMPLETE ioctls that failed. */
    readComplete: number;
    /** Commands (copen ...) the device refused. */
    reply: number;
    /** Device reads that failed, or the device hung up. */
    device: number;
    /** Log lines dropped because the JS thread lagged behind. */
    droppedLogs: number;
  };
}

export type CachefilesLogLevel = 'error' | 'warn' | 'info';

/** How a data blob object is served besides READs (registerBlob). */
export interface CachefilesBlobOptions {
  /** The entry's `cache.prefetch.enable`: fill the whole object in the background after its OPEN. Default false. */
  prefetch?: boolean;
  /**
   * The entry's `cache.prefetch.batch_size` (0..256 MiB): prefetch asks for
   * max(256 KiB, next power of two) bytes at a time, 1 MiB for 0 and 1. Default 0.
   */
  batchSize?: number;
}

/** The largest batch size a config may give with prefetch enabled (daemon spec §2.4: 0x10000000). */
const MAX_BATCH_SIZE = 0x10000000;

/** The addon's CachefilesSession class (native/binding/cachefiles_wrap.h). */
interface NativeCachefiles {
  start(): void;
  stop(): Promise<void>;
  release(): Promise<void>;
  running(): boolean;
  fd(): number;
  registerBootstrap(domain: string, fsid: string, bootstrapPath: string): void;
  registerBlob(domain: string, blobId: string, image: object, blobIndex: number, options: CachefilesBlobOptions): void;
  unregister(key: string): boolean;
  keys(): string[];
  metrics(): CachefilesMetrics;
  cull(cacheDir: string, cookieKey: string): Promise<void>;
  onLog(cb: (level: CachefilesLogLevel, message: string) => void): void;
}
type NativeCachefilesClass = new (opts: CachefilesOpenOptions) => NativeCachefiles;

function invalid(what: string, name: string, value: unknown): NativeError {
  const shown = typeof value === 'string' ? `'${value}'` : String(value);
  return new NativeError(osConstants.errno.EINVAL, 'EINVAL', `Expected ${what} for ${name} but received ${shown}`);
}

function checkKeyPart(value: unknown, name: string, allowEmpty: boolean): asserts value is string {
  if (typeof value !== 'string' || (!allowEmpty && value === '') || value.includes('/')) {
    throw invalid(`a ${allowEmpty ? '' : 'non-empty '}string without '/'`, name, value);
  }
}

/**
 * The cachefiles on-demand session of an fscache daemon. Lifecycle: open() (binds the cache, or
 * restores a taken-over one), register objects, start(); stop() / release() off the JS thread.
 * The request path is native: JS runs only for a data blob miss on a JS network backend.
 */
export class CachefilesSession {
  private constructor(private readonly native: NativeCachefiles) {}

  /**
   * Opens /dev/cachefiles read-write and non-blocking (or adopts `fd`) and writes `dir`,
   * `tag` and `bind ondemand`, or `restore` for a takeover. Throws NativeError: ENOENT (no
   * device: kernel without CACHEFILES), EBUSY (the cache is bound by someone else), EINVAL
   * (`bind ondemand` on a kernel without CACHEFILES_ONDEMAND, bad options), the kernel's error
   * for `dir`/`tag`/`restore`.
   */
  static open(options: CachefilesOpenOptions): CachefilesSession {
    const o = options ?? ({} as CachefilesOpenOptions);
    if (o.restore) {
      if (!Number.isInteger(o.fd) || (o.fd as number) < 0) throw invalid('an open /dev/cachefiles fd with restore', 'fd', o.fd);
    } else if (typeof o.dir !== 'string' || !o.dir.startsWith('/')) {
      throw invalid('an absolute path', 'dir', o.dir);
    }
    if (o.fd !== undefined && (!Number.isInteger(o.fd) || o.fd < 0)) throw invalid('an open fd', 'fd', o.fd);
    if (o.tag !== undefined && (typeof o.tag !== 'string' || /[\s\0]/.test(o.tag))) {
      throw invalid('a tag without white space', 'tag', o.tag);
    }
    const threads = o.threads ?? 4;
    if (!Number.isInteger(threads) || threads < 1 || threads > 1024) throw invalid('an integer between 1 and 1024', 'threads', threads);
    if (o.device !== undefined && (typeof o.device !== 'string' || !o.device.startsWith('/'))) {
      throw invalid('an absolute path', 'device', o.device);
    }
    const Session = internal.addon().CachefilesSession as NativeCachefilesClass;
    const native: CachefilesOpenOptions = { dir: o.dir ?? '', tag: o.tag ?? '', threads, restore: o.restore === true };
    if (o.fd !== undefined) native.fd = o.fd;
    if (o.device !== undefined) native.device = o.device;
    return internal.callSync(() => new CachefilesSession(new Session(native)));
  }

  /** This process's /dev/cachefiles fd (to hand a copy to the supervisor); -1 once released. */
  get fd(): number {
    return this.native.fd();
  }

  /** True while workers run. */
  get running(): boolean {
    return this.native.running();
  }

  /** Starts the worker threads and the bootstrap filler. EBUSY when running, EBADF after release(). */
  start(): void {
    internal.callSync(() => this.native.start());
  }

  /** Stops and joins the workers (off the JS thread: one may be waiting for a JS backend). Objects stay open. Idempotent. */
  async stop(): Promise<void> {
    await internal.callAsync(() => this.native.stop(), this.stop);
  }

  /**
   * For a hot upgrade or failover: stops the workers, closes every object's anonymous fd (the
   * kernel re-sends OPEN to whoever serves next) and this process's device fd (the supervisor's
   * copy keeps the cache bound). Idempotent; start() then throws EBADF.
   */
  async release(): Promise<void> {
    await internal.callAsync(() => this.native.release(), this.release);
  }

  /**
   * The bootstrap object EROFS opens with `-o fsid=<fsid>[,domain_id=<domain>]` (key
   * "<domain>/<fsid>", or "<fsid>" with an empty domain): served from the file at
   * `bootstrapPath` (absolute). Registering a key again replaces it for later OPENs.
   */
  registerBootstrap(domain: string, fsid: string, bootstrapPath: string): void {
    checkKeyPart(domain, 'domain', true);
    checkKeyPart(fsid, 'fsid', false);
    if (typeof bootstrapPath !== 'string' || !bootstrapPath.startsWith('/')) throw invalid('an absolute path', 'bootstrapPath', bootstrapPath);
    internal.callSync(() => this.native.registerBootstrap(domain, fsid, bootstrapPath));
  }

  /**
   * A data blob object (key "<domain>/<blobId>"): served from `image`'s blob device view (chunks
   * at their uncompressed offsets, fetched through the image's backend and cache). `blobIndex`
   * defaults to the blob table entry with that id. The session holds the native image until
   * unregister(), but keep `image` open while registered: closing it fails the reads of a JS
   * backend. EINVAL when the blob is not in the image or has no chunk-info array (RAFS v5).
   *
   * With `options.prefetch` (daemon spec §6.3 step 5), each OPEN of the object is followed by a
   * background fill of the whole blob, `options.batchSize` rounded up to a power of two (at
   * least 256 KiB; 1 MiB for 0 and 1) at a time; it stops at CLOSE, at stop(), or on the first error (the rest is
   * left to READs). Bootstrap copies go before it; blobs are prefetched one after another.
   */
  registerBlob(domain: string, blobId: string, image: RafsImage, blobIndex?: number, options?: CachefilesBlobOptions): void {
    checkKeyPart(domain, 'domain', true);
    checkKeyPart(blobId, 'blobId', false);
    const o = options ?? {};
    if (typeof o !== 'object' || Array.isArray(o)) throw invalid('an object', 'options', o);
    if (o.prefetch !== undefined && typeof o.prefetch !== 'boolean') throw invalid('a boolean', 'options.prefetch', o.prefetch);
    const batchSize = o.batchSize ?? 0;
    if (!Number.isInteger(batchSize) || batchSize < 0 || batchSize > MAX_BATCH_SIZE) {
      throw invalid(`an integer between 0 and ${MAX_BATCH_SIZE}`, 'options.batchSize', batchSize);
    }
    const native: CachefilesBlobOptions = { prefetch: o.prefetch === true, batchSize };
    let index = blobIndex;
    if (index === undefined) {
      index = image.superblock().blobs.findIndex((b) => b.blobId === blobId);
      if (index < 0) throw invalid(`a blob of the image (${image.path})`, 'blobId', blobId);
    }
    if (!Number.isInteger(index) || index < 0 || index > 0xffffffff) throw invalid('a blob table index', 'blobIndex', index);
    const i = index;
    internal.callSync(() => this.native.registerBlob(domain, blobId, addonImageOf(image), i, native));
  }

  /** Forgets `key` for later OPENs (objects already open keep being served); false when unknown. */
  unregister(key: string): boolean {
    if (typeof key !== 'string') throw invalid('a string', 'key', key);
    return internal.callSync(() => this.native.unregister(key));
  }

  /** Registered keys, sorted. */
  keys(): string[] {
    return this.native.keys();
  }

  metrics(): CachefilesMetrics {
    return this.native.metrics();
  }

  /**
   * Culls the cache file of `cookieKey` (a blob id or fsid) from every EROFS volume under
   * `cacheDir` (daemon spec §6.6: `inuse`, then `cull`, from the cookie's fan-out directory, on a
   * native thread with a private cwd: the process cwd never changes). EBUSY when a file is in
   * use; a key with no cache file is not an error.
   */
  async cull(cacheDir: string, cookieKey: string): Promise<void> {
    if (typeof cacheDir !== 'string' || !cacheDir.startsWith('/')) throw invalid('an absolute path', 'cacheDir', cacheDir);
    if (typeof cookieKey !== 'string' || cookieKey === '') throw invalid('a non-empty string', 'cookieKey', cookieKey);
    await internal.callAsync(() => this.native.cull(cacheDir, cookieKey), this.cull);
  }

  /** Log lines of the workers (refused OPENs, failed READs, malformed messages), on the JS thread while workers run. */
  onLog(cb: (level: CachefilesLogLevel, message: string) => void): void {
    if (typeof cb !== 'function') throw invalid('a function', 'cb', cb);
    this.native.onLog(cb);
  }
}

/**
 * For tests and diagnostics without a kernel: an AF_UNIX SOCK_SEQPACKET pair standing in for
 * /dev/cachefiles. Give `daemonFd` to open({ fd }) and play the kernel on `kernelFd`
 * (non-blocking): write one message per write, read one command per read.
 */
export function fakeCachefilesDevice(): { daemonFd: number; kernelFd: number } {
  const [daemonFd, kernelFd] = internal.callSync(() => (internal.addon().cachefilesFakeDevice as () => [number, number])());
  return { daemonFd, kernelFd };
}
