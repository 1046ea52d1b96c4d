// Native binding layer: the virtio-fs session (native/binding/virtiofs_wrap.cc over core
// transport/virtio_fs_session): the vhost-user-fs back-end a VMM connects to on a Unix socket,
// serving attached RAFS images from native queue workers, with the same VFS and metrics
// methods as FuseSession (so FsService can use either). Errors are NativeError.
import { constants as osConstants } from 'node:os';
import { NativeError } from '../errors.js';
import { internal } from './binding.js';
import type {
  AccessPatternNative,
  AttachOptions,
  BackendMetricsNative,
  FileMetricsNative,
  FsMetricsNative,
  InflightOp,
  VfsFlavour,
} from './fuse.js';
import { addonImageOf, type RafsImage } from './image.js';

export interface VirtiofsListenOptions {
  /** The vhost-user socket path (any existing file there is removed first; at most 107 bytes). */
  socketPath: string;
  /** Default 'rafs' (see VfsFlavour). */
  flavour?: VfsFlavour;
  /** Largest virtqueue size accepted from the front-end: a power of two, at most 1024 (default 1024). */
  queueSize?: number;
}

/** Malformed descriptor chains by kind: each was returned to the guest with used length 0. */
export interface VirtiofsBadChains {
  bad_head: number;
  bad_next: number;
  address: number;
  too_long: number;
  zero_length: number;
  direction: number;
  indirect_table: number;
  nested_indirect: number;
}

/** Counters of the vhost-user transport (not part of the nydusd API). */
export interface VirtiofsTransportMetrics {
  connected: boolean;
  /** Front-ends accepted so far (a VM reboot reconnects). */
  connections: number;
  messages: number;
  /** Messages refused (bad payload, unsupported or unknown request). */
  messageErrors: number;
  /** Messages received by request name (e.g. SET_MEM_TABLE; REQUEST_<n> for unknown codes). */
  messagesByRequest: Record<string, number>;
  /** Well-formed chains handed to the FUSE server. */
  chains: number;
  badChains: VirtiofsBadChains;
  /** Call eventfd writes, and used entries whose notification the driver suppressed. */
  notifications: number;
  suppressedNotifications: number;
  /** Rings stopped because the driver moved the available index by more than the queue size. */
  brokenQueues: number;
  requests: number;
  /** FUSE_SETUPMAPPING / REMOVEMAPPING answered EINVAL (no DAX window). */
  daxRefused: number;
  shortRequests: number;
  oversizedRequests: number;
  oversizedReplies: number;
  noReplySpace: number;
  /** The last log lines of the transport (refused messages, malformed chains, disconnects). */
  recentEvents: string[];
}

/** The addon's VirtiofsSession class (native/binding/virtiofs_wrap.h). */
interface NativeVirtiofs {
  info(): { socketPath: string };
  initialized(): boolean;
  connected(): boolean;
  attach(path: string, image: object, opts: AttachOptions): number;
  replace(path: string, image: object, opts: AttachOptions): Promise<void>;
  detach(path: string): Promise<void>;
  mounts(): Array<{ path: string; index: number }>;
  start(threads: number): void;
  stop(): Promise<void>;
  release(): Promise<void>;
  onEvent(cb: (kind: string, detail: string) => void): void;
  metrics(path: string): FsMetricsNative;
  fileMetrics(path: string): Record<string, FileMetricsNative>;
  latestReadFiles(path: string): number[][];
  accessPatterns(path: string): AccessPatternNative[];
  backendMetrics(path: string): BackendMetricsNative;
  inflight(): InflightOp[];
  transportMetrics(): VirtiofsTransportMetrics;
}
type NativeVirtiofsClass = new (opts: Required<VirtiofsListenOptions>) => NativeVirtiofs;

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

/** A vhost-user-fs back-end serving RAFS images at virtual paths to one VM at a time. */
export class VirtiofsSession {
  /** The socket path the back-end listens on. */
  readonly socketPath: string;
  private connectCb: ((detail: string) => void) | null = null;
  private disconnectCb: ((reason: string) => void) | null = null;

  private constructor(private readonly native: NativeVirtiofs) {
    this.socketPath = native.info().socketPath;
    native.onEvent((kind, detail) => {
      if (kind === 'connect') this.connectCb?.(detail);
      else this.disconnectCb?.(detail);
    });
  }

  /**
   * Removes any file at `socketPath`, binds and listens (daemon spec §7). Nothing is served
   * until start(). Throws NativeError (EINVAL for a bad option, the socket errno otherwise).
   */
  static listen(opts: VirtiofsListenOptions): VirtiofsSession {
    if (typeof opts?.socketPath !== 'string' || opts.socketPath.length === 0 || Buffer.byteLength(opts.socketPath) > 107) {
      throw invalid('a socket path of 1 to 107 bytes', 'socketPath', opts?.socketPath);
    }
    if (opts.flavour !== undefined && opts.flavour !== 'rafs' && opts.flavour !== 'passthrough') {
      throw invalid("'rafs' or 'passthrough'", 'flavour', opts.flavour);
    }
    const q = opts.queueSize ?? 1024;
    if (!Number.isInteger(q) || q < 1 || q > 1024 || (q & (q - 1)) !== 0) {
      throw invalid('a power of two between 1 and 1024', 'queueSize', opts.queueSize);
    }
    const Session = internal.addon().VirtiofsSession as NativeVirtiofsClass;
    const native = { socketPath: opts.socketPath, flavour: opts.flavour ?? 'rafs', queueSize: q };
    return internal.callSync(() => new VirtiofsSession(new Session(native)));
  }

  /** True once the guest's FUSE_INIT was answered. */
  initialized(): boolean {
    return this.native.initialized();
  }

  /** True while a front-end (VMM) is connected. */
  connected(): boolean {
    return this.native.connected();
  }

  /** Attaches `image` at virtual path `path`; returns its fs index 1..255. EEXIST, EINVAL, ENOTSUP (nested). */
  attach(path: string, image: RafsImage, opts: AttachOptions = {}): number {
    const o = checkAttachOptions(opts);
    return internal.callSync(() => this.native.attach(path, addonImageOf(image), o));
  }

  /** Swaps the image at `path` in place (same index and metrics). ENOENT if none. */
  async replace(path: string, image: RafsImage, opts: AttachOptions = {}): Promise<void> {
    const o = checkAttachOptions(opts);
    await internal.callAsync(() => this.native.replace(path, addonImageOf(image), o), this.replace);
  }

  /** Detaches the image at `path` once its requests in progress are done (off the JS thread). ENOENT if none. */
  async detach(path: string): Promise<void> {
    await internal.callAsync(() => this.native.detach(path), this.detach);
  }

  /** Attached images by virtual path, with their fs index. */
  mounts(): Array<{ path: string; index: number }> {
    return this.native.mounts();
  }

  /**
   * Starts accepting front-ends (one at a time; the next after a disconnect) with `threads`
   * (1..1024) workers on the request queue; hiprio has one. EBUSY when running.
   * While running, the listener keeps the event loop alive.
   */
  start(threads: number): void {
    if (!Number.isInteger(threads) || threads < 1 || threads > 1024) throw invalid('an integer between 1 and 1024', 'threads', threads);
    internal.callSync(() => this.native.start(threads));
  }

  /** Disconnects the front-end, joins the workers (off the JS thread) and stops accepting; the socket stays bound. */
  async stop(): Promise<void> {
    await internal.callAsync(() => this.native.stop(), this.stop);
  }

  /** stop(), then closes the socket and removes its file. The session is then unusable (start: EBADF). Idempotent. */
  async release(): Promise<void> {
    await internal.callAsync(() => this.native.release(), this.release);
  }

  /** `cb` runs on the JS thread each time a front-end connects. */
  onConnect(cb: (detail: string) => void): void {
    if (typeof cb !== 'function') throw invalid('a function', 'cb', cb);
    this.connectCb = cb;
  }

  /** `cb` runs on the JS thread each time the front-end goes away (not on stop()); the session keeps listening. */
  onDisconnect(cb: (reason: string) => void): void {
    if (typeof cb !== 'function') throw invalid('a function', 'cb', cb);
    this.disconnectCb = cb;
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

  /** Requests the queue workers are handling right now (at most one per queue). */
  inflight(): InflightOp[] {
    return this.native.inflight();
  }

  /** Counters of the vhost-user transport: messages, chains, malformed chains by kind, notifications. */
  transportMetrics(): VirtiofsTransportMetrics {
    return internal.callSync(() => this.native.transportMetrics());
  }
}

/** Result of virtiofsTestFrontend: FUSE reply errors (negative errno) and used lengths, the file as hex. */
export interface VirtiofsTestRoundTrip {
  init: { usedLen: number; error: number };
  lookup: { usedLen: number; error: number };
  read?: { usedLen: number; error: number };
  data: string;
}

/**
 * TEST-ONLY: a scripted vhost-user front-end of the addon's own (memfd guest memory, 256-entry
 * rings) connects to `socketPath`, sends FUSE INIT, LOOKUP of `name` under the root and a READ
 * of it, and reports the replies. Runs off the JS thread.
 */
export async function virtiofsTestFrontend(socketPath: string, name: string): Promise<VirtiofsTestRoundTrip> {
  const fn = internal.addon().virtiofsTestFrontend as (s: string, n: string) => Promise<Buffer>;
  const json = await internal.callAsync(() => fn(socketPath, name), virtiofsTestFrontend);
  return JSON.parse(json.toString()) as VirtiofsTestRoundTrip;
}
