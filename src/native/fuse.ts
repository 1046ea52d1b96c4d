// Native binding layer: the FUSE session (native/binding/fuse_wrap.cc over core fuse/ and
// transport/): mounts /dev/fuse, serves attached RAFS images from native worker threads,
// and exposes the VFS, metrics and in-flight requests. Errors are NativeError.
import { internal } from './binding.js';
import { invalid, NativeVfsSession, type NativeVfsMethods } from './vfs-session.js';

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
  /** The kernel's INIT offer (daemon spec §5.4 `in_opts`): protocol version and flags. Informational for adopt(). */
  kernelMajor: number;
  kernelMinor: number;
  kernelFlags: number;
}

/** The INIT record adopt() takes: negotiated() output; the kernel* fields may be missing (older states). */
export type AdoptNegotiatedInit = Omit<NegotiatedInit, 'kernelMajor' | 'kernelMinor' | 'kernelFlags'> &
  Partial<Pick<NegotiatedInit, 'kernelMajor' | 'kernelMinor' | 'kernelFlags'>>;

/** FuseSession.adopt() options. */
export interface FuseAdoptOptions {
  /**
   * A /dev/fuse fd of the mounted connection (e.g. from receiveStateFd). Consumed on success:
   * the session takes it over (its `fd` is a duplicate and this number is closed), so the
   * caller must not close it; if adopt() throws, it is still the caller's to close.
   */
  fd: number;
  /** The mountpoint the connection is mounted on (never stat'ed or mounted). */
  mountpoint: string;
  /** The connection id (/sys/fs/fuse/connections/<id>); 0 = look it up in /proc/self/mountinfo. */
  connectionId: number;
  /** The predecessor's negotiated() result; the server is marked initialised with it. */
  negotiated: AdoptNegotiatedInit;
  /** Must equal the predecessor's flavour. Default 'rafs'. */
  flavour?: VfsFlavour;
}

/** Failover policies of daemon spec §5.6. */
export type FailoverPolicy = 'none' | 'resend' | 'flush';

/**
 * The VFS state that must survive a takeover (daemon spec §5.4 b), JSON-serialisable.
 * `dirs` are every pseudo directory but the root (inode 1), by ascending inode number, which is
 * their creation order (so also each parent's listing order): ino 2, 3, ...; `parent` is an
 * earlier dir or 1. `mountIndex` (fs index attached there when taken, 0 none) and `mounts`
 * are informational: restoreVfs() recreates the tree only, the caller re-attaches each image
 * with attach(path, image, { index }). `pseudoTime` is the pseudo dirs' m/c/atime (seconds).
 */
export interface VfsSnapshot {
  version: 1;
  nextIndex: number;
  pseudoTime: number;
  dirs: Array<{ ino: number; parent: number; name: string; mountIndex: number }>;
  mounts: Array<{ path: string; index: number }>;
}

/** The addon's FuseSession class (native/binding/fuse_wrap.h). */
interface NativeSession extends NativeVfsMethods {
  info(): { mountpoint: string; connectionId: number; fd: number };
  initialized(): boolean;
  negotiated(): NegotiatedInit | null;
  stop(): Promise<void>;
  unmount(): Promise<void>;
  onClosed(cb: (reason: string) => void): void;
  failover(policy: FailoverPolicy): { ok: boolean; detail: string };
  vfsSnapshot(): VfsSnapshot;
  restoreVfs(snapshot: VfsSnapshot): void;
  release(): Promise<void>;
}
interface NativeAdoptOptions {
  adoptFd: number;
  mountpoint: string;
  connectionId: number;
  negotiated: AdoptNegotiatedInit;
  flavour?: VfsFlavour;
}
type NativeSessionClass = new (opts: FuseMountOptions | NativeAdoptOptions) => NativeSession;

function checkUint(value: unknown, name: string, max: number): void {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > max) throw invalid(`an integer between 0 and ${max}`, name, value);
}

function checkNegotiated(n: unknown): asserts n is AdoptNegotiatedInit {
  if (typeof n !== 'object' || n === null) throw invalid("the predecessor's negotiated() record", 'negotiated', n);
  const r = n as Record<string, unknown>;
  if (r.major !== 7) throw invalid('7', 'negotiated.major', r.major);
  const u32 = 0xffffffff;
  const limits: Array<[string, number, boolean]> = [
    ['minor', u32, true], ['flags', u32, true], ['maxReadahead', u32, true], ['maxWrite', u32, true],
    ['maxPages', 0xffff, true], ['timeGran', u32, true], ['maxBackground', 0xffff, true], ['congestionThreshold', 0xffff, true],
    ['kernelMajor', u32, false], ['kernelMinor', u32, false], ['kernelFlags', u32, false],
  ];
  for (const [key, max, required] of limits) {
    if (r[key] === undefined && !required) continue;
    checkUint(r[key], `negotiated.${key}`, max);
  }
}

function checkSnapshot(snap: unknown): asserts snap is VfsSnapshot {
  if (typeof snap !== 'object' || snap === null) throw invalid('a VfsSnapshot', 'snapshot', snap);
  const r = snap as Record<string, unknown>;
  if (r.version !== 1) throw invalid('version 1', 'snapshot.version', r.version);
  if (!Number.isInteger(r.nextIndex) || (r.nextIndex as number) < 1 || (r.nextIndex as number) > 255) {
    throw invalid('an integer between 1 and 255', 'snapshot.nextIndex', r.nextIndex);
  }
  if (r.pseudoTime !== undefined) checkUint(r.pseudoTime, 'snapshot.pseudoTime', Number.MAX_SAFE_INTEGER);
  if (!Array.isArray(r.dirs)) throw invalid('an array', 'snapshot.dirs', r.dirs);
  r.dirs.forEach((d: unknown, i) => {
    const e = d as Record<string, unknown> | null;
    if (typeof e !== 'object' || e === null) throw invalid('an object', `snapshot.dirs[${i}]`, d);
    checkUint(e.ino, `snapshot.dirs[${i}].ino`, Number.MAX_SAFE_INTEGER);
    checkUint(e.parent, `snapshot.dirs[${i}].parent`, Number.MAX_SAFE_INTEGER);
    if (typeof e.name !== 'string') throw invalid('a string', `snapshot.dirs[${i}].name`, e.name);
  });
}

/** One mounted FUSE connection serving RAFS images at virtual paths. */
export class FuseSession extends NativeVfsSession<NativeSession> {
  /** The canonical mountpoint. */
  readonly mountpoint: string;
  /** (major(st_dev) << 20) | minor(st_dev): the name under /sys/fs/fuse/connections/. */
  readonly connectionId: number;
  /** The held /dev/fuse fd (-1 once unmounted). */
  readonly fd: number;

  private constructor(native: NativeSession) {
    super(native);
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

  /**
   * Takes over an already mounted FUSE connection (hot upgrade / failover, daemon spec §5.5):
   * `fd` is a /dev/fuse fd received from the supervisor. Nothing is mounted and the mountpoint
   * is not touched; the server is marked initialised with `negotiated` (the predecessor's
   * negotiated()), so no INIT is expected. `opts.fd` is consumed on success (closed; the
   * session holds a duplicate) and left to the caller when this throws. Next: failover(),
   * restoreVfs(), attach() each
   * image at its recorded index, then start(). Kernel cache invalidations are not written
   * until start() (nobody would answer the lookups they can wait for). EBADF, EINVAL (not /dev/fuse).
   */
  static adopt(opts: FuseAdoptOptions): FuseSession {
    if (!Number.isInteger(opts?.fd) || opts.fd < 0) throw invalid('an open /dev/fuse fd', 'fd', opts?.fd);
    if (typeof opts.mountpoint !== 'string' || !opts.mountpoint.startsWith('/')) {
      throw invalid('an absolute path', 'mountpoint', opts.mountpoint);
    }
    checkUint(opts.connectionId, 'connectionId', Number.MAX_SAFE_INTEGER);
    checkNegotiated(opts.negotiated);
    if (opts.flavour !== undefined && opts.flavour !== 'rafs' && opts.flavour !== 'passthrough') {
      throw invalid("'rafs' or 'passthrough'", 'flavour', opts.flavour);
    }
    const Session = internal.addon().FuseSession as NativeSessionClass;
    const native: NativeAdoptOptions = {
      adoptFd: opts.fd,
      mountpoint: opts.mountpoint,
      connectionId: opts.connectionId,
      negotiated: { ...opts.negotiated },
      flavour: opts.flavour,
    };
    return internal.callSync(() => new FuseSession(new Session(native)));
  }

  /**
   * Failover policy (daemon spec §5.6), right after adopt() and before start(): 'resend'
   * writes FUSE_NOTIFY_RESEND ({len 16, error 7, unique 0}) to the fd so requests the dead
   * predecessor had read but not answered are queued again (falling back to writing "1" to
   * /proc/sys/fs/fuse/connections/<conn>/resend, else /sys/fs/fuse/connections/<conn>/resend);
   * 'flush' writes "1" to <base>/<conn>/flush; 'none' does nothing. Never throws for the
   * policy's own failures: they come back as { ok: false, detail }.
   */
  failover(policy: FailoverPolicy): { ok: boolean; detail: string } {
    if (policy !== 'none' && policy !== 'resend' && policy !== 'flush') {
      throw invalid("'none', 'resend' or 'flush'", 'policy', policy);
    }
    return internal.callSync(() => this.native.failover(policy));
  }

  /** The pseudo tree, index counter and mounts (see VfsSnapshot), for the saved state. */
  vfsSnapshot(): VfsSnapshot {
    return this.native.vfsSnapshot();
  }

  /**
   * Replaces the pseudo tree and index counter with a snapshot's, so pseudo dirs keep their
   * inode numbers; then attach(path, image, { index }) each recorded mount (it reuses the
   * restored dirs). EBUSY while any image is attached (detach first), EINVAL for a bad snapshot.
   */
  restoreVfs(snapshot: VfsSnapshot): void {
    checkSnapshot(snapshot);
    internal.callSync(() => this.native.restoreVfs(snapshot));
  }

  /**
   * Stops the workers (off the JS thread) and closes this process's fd WITHOUT unmounting: the
   * connection lives on through the supervisor's or successor's copy of the fd. The session is
   * then unusable (start: EBADF, unmount: no-op). Idempotent.
   */
  async release(): Promise<void> {
    (this as { fd: number }).fd = -1;
    await internal.callAsync(() => this.native.release(), this.release);
  }

  /** True once the kernel's FUSE_INIT was answered. */
  initialized(): boolean {
    return this.native.initialized();
  }

  /** The negotiated INIT parameters, or null before INIT. */
  negotiated(): NegotiatedInit | null {
    return this.native.negotiated();
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






}
