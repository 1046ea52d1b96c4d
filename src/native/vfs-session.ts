// Native binding layer: what both VFS transports expose the same way (FuseSession over
// /dev/fuse, VirtiofsSession over vhost-user): RAFS images attached at virtual paths, the
// worker threads, and the per-mount metrics. Each transport class extends this base with its
// own life cycle. Errors are NativeError.
import { constants as osConstants } from 'node:os';
import { NativeError } from '../errors.js';
import { internal } from './binding.js';
import type { AccessPatternNative, AttachOptions, BackendMetricsNative, FileMetricsNative, FsMetricsNative, InflightOp } from './fuse.js';
import { addonImageOf, type RafsImage } from './image.js';

/** The addon methods both session classes have (native/binding/vfs_js.h shapes). */
export interface NativeVfsMethods {
  attach(path: string, image: object, opts: AttachOptions): number;
  replace(path: string, image: object, opts: AttachOptions): Promise<void>;
  detach(path: string): Promise<void>;
  mounts(): Array<{ path: string; index: number }>;
  start(threads: number): void;
  metrics(path: string): FsMetricsNative;
  fileMetrics(path: string): Record<string, FileMetricsNative>;
  latestReadFiles(path: string): number[][];
  accessPatterns(path: string): AccessPatternNative[];
  backendMetrics(path: string): BackendMetricsNative;
  inflight(): InflightOp[];
}

export function invalid(what: string, name: string, value: unknown): NativeError {
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

export abstract class NativeVfsSession<N extends NativeVfsMethods> {
  protected constructor(protected readonly native: N) {}

  /** Attaches `image` at virtual path `path` ("/", "/a/b"); returns its fs index 1..255. EEXIST, EINVAL (relative), ENOTSUP (nested). */
  attach(path: string, image: RafsImage, opts: AttachOptions = {}): number {
    const o = checkAttachOptions(opts);
    return internal.callSync(() => this.native.attach(path, addonImageOf(image), o));
  }

  /** Swaps the image at `path` in place (same index and metrics). ENOENT if none. FUSE also invalidates the old tree's kernel caches. */
  async replace(path: string, image: RafsImage, opts: AttachOptions = {}): Promise<void> {
    const o = checkAttachOptions(opts);
    await internal.callAsync(() => this.native.replace(path, addonImageOf(image), o), this.replace);
  }

  /**
   * Detaches the image at `path` once its requests in progress are done (off the JS thread:
   * they may be waiting for a JS backend). ENOENT if none. Pseudo dirs stay. FUSE also
   * invalidates its kernel caches.
   */
  async detach(path: string): Promise<void> {
    await internal.callAsync(() => this.native.detach(path), this.detach);
  }

  /** Attached images by virtual path, with their fs index. */
  mounts(): Array<{ path: string; index: number }> {
    return this.native.mounts();
  }

  /** Spawns `threads` (1..1024) worker threads. EBUSY when already running, EBADF once released. */
  start(threads: number): void {
    if (!Number.isInteger(threads) || threads < 1 || threads > 1024) throw invalid('an integer between 1 and 1024', 'threads', threads);
    internal.callSync(() => this.native.start(threads));
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

  /** Requests the workers are handling right now (empty when idle). */
  inflight(): InflightOp[] {
    return this.native.inflight();
  }
}
