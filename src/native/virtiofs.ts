// Native binding layer: the virtio-fs session (native/binding/virtiofs_wrap.cc over core
// transport/virtio_fs_session): the vhost-user-fs back-end a VMM connects to on a Unix socket,
// serving attached RAFS images from native queue workers, with the same VFS and metrics
// methods as FuseSession (so FsService can use either). Errors are NativeError.
import { internal } from './binding.js';
import type { VfsFlavour } from './fuse.js';
import { invalid, NativeVfsSession, type NativeVfsMethods } from './vfs-session.js';

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
interface NativeVirtiofs extends NativeVfsMethods {
  info(): { socketPath: string };
  initialized(): boolean;
  connected(): boolean;
  stop(): Promise<void>;
  release(): Promise<void>;
  onEvent(cb: (kind: string, detail: string) => void): void;
  transportMetrics(): VirtiofsTransportMetrics;
}
type NativeVirtiofsClass = new (opts: Required<VirtiofsListenOptions>) => NativeVirtiofs;

/** A vhost-user-fs back-end serving RAFS images at virtual paths to one VM at a time. */
export class VirtiofsSession extends NativeVfsSession<NativeVirtiofs> {
  /** The socket path the back-end listens on. */
  readonly socketPath: string;
  private connectCb: ((detail: string) => void) | null = null;
  private disconnectCb: ((reason: string) => void) | null = null;

  private constructor(native: NativeVirtiofs) {
    super(native);
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
