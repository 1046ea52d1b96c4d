// Native binding layer: typed access to one RAFS image (bootstrap; localfs blobs or a network
// backend; blob cache; prefetch) through the addon's Image class. Metadata calls are
// synchronous (mapped bootstrap); read() and verify() run on the libuv pool. Errors are NativeError with the core's errno and code.
import { constants as osConstants } from 'node:os';
import { NativeError } from '../errors.js';
import type { BlobcacheMetrics } from '../../generated/types.js';
import { internal } from './binding.js';

export interface ImageOptions {
  /** localfs: one blob file used for every blob id. */
  blobFile?: string;
  /** localfs: directory of blob files named by blob id. */
  dir?: string;
  /** localfs: more directories searched after `dir`. */
  altDirs?: string[];
  /** Compare chunk digests on read (CRC-32C is checked whenever a chunk has one). */
  validate?: boolean;
  /**
   * Blobs come from this (network) backend instead of localfs. Called on the JS thread, only
   * on cache misses; a read must settle with exactly `length` bytes or reject.
   */
  backend?: NativeBlobSource;
  /** Blobs come from an http-proxy server on a Unix socket, spoken natively (no JS on a miss). */
  unixHttp?: UnixHttpOptions;
  /** How long a native reader waits for `backend` before EIO, in ms (0 = no limit). */
  backendWaitMs?: number;
  /** User-IO amplification window in bytes (rafs.batch_size / amplify_io); 0 = none. */
  amplifyIo?: number;
  /** The blob cache (filecache/blobcache) in `workDir`; absent = no cache (dummycache). */
  cache?: CacheOptions;
  /** Background prefetch (cache.prefetch merged with rafs.prefetch). */
  prefetch?: PrefetchOptions;
}

/** The native http-proxy client of a Unix socket (native/core/storage/unix_http_backend.h). */
export interface UnixHttpOptions {
  /** Absolute path of the server's socket. */
  socket: string;
  /** URL path prefix joined with the blob id (http-proxy `path`). */
  path: string;
  /** Whole-operation deadline shared by all attempts, ms; 0 = none. */
  timeoutMs: number;
  /** Per-connect limit, ms; 0 = none. */
  connectTimeoutMs: number;
  /** Kept like the TS backend; does not change the attempt counts (storage.md §3.1). */
  retryLimit: number;
  /** Extra request header lines, "Name: value" (User-Agent, NYDUS_HEADER_*). */
  headers: string[];
}

/** What the native data path calls for blob bytes (src/storage backends implement it). */
export interface NativeBlobSource {
  read(blobId: string, offset: number, length: number, prefetch: boolean): Promise<Buffer>;
  blobSize(blobId: string): Promise<number>;
  /** Called once by RafsImage.close(). */
  close?(): void;
}

export interface CacheOptions {
  workDir: string;
  /** Keep the stored (compressed) bytes in B.blob.raw instead of plain data in B.blob.data. */
  compressed?: boolean;
  /** Validate chunks read from the cache or the backend (storage.md §4.6). */
  validate?: boolean;
  disableIndexedMap?: boolean;
}

export interface PrefetchOptions {
  enable: boolean;
  threads?: number;
  batchSize?: number;
  /** Bytes per second, 0 = unlimited. */
  bandwidthLimit?: number;
  prefetchAll?: boolean;
}

/** api.md §4.5 BlobcacheMetrics, as the schema declares it (schema/api/blobcache-metrics.schema.json). */
export type { BlobcacheMetrics } from '../../generated/types.js';

export interface BlobInfo {
  index: number;
  blobId: string;
  compressor: string;
  digester: string;
  features: number;
  chunkSize: number;
  chunkCount: number;
  compressedSize: number;
  uncompressedSize: number;
  readaheadOffset: number;
  readaheadSize: number;
  ciCompressor: number;
  ciOffset: number;
  ciCompressedSize: number;
  ciUncompressedSize: number;
  tocSize: number;
  tocDigest: string;
  cipher: number;
  deviceBlocks: number;
  mappedBlkaddr: number;
}

export interface SuperblockInfo {
  version: 5 | 6;
  flags: number;
  compressor: string;
  digester: string;
  chunkSize: number;
  blockSize: number;
  inodesCount: number;
  rootIno: number;
  bootstrapSize: number;
  /** The bootstrap was found inside a data blob (ToC entry image.boot). */
  inlinedBootstrap: boolean;
  /** Version-specific superblock fields, in on-disk order. */
  fields: Record<string, number>;
  blobs: BlobInfo[];
  prefetch: number[];
}

export interface InodeAttr {
  ino: number;
  mode: number;
  nlink: number;
  uid: number;
  gid: number;
  rdev: number;
  size: number;
  blocks: number;
  mtime: number;
  mtimeNsec: number;
}

export interface DirEntryInfo {
  name: string;
  ino: number;
  /** DT_* type. */
  type: number;
  nextOffset: number;
}

export interface ChunkInfo {
  blobIndex: number;
  index: number;
  uncompressedOffset: number;
  uncompressedSize: number;
  hasDetails: boolean;
  flags: number;
  compressedOffset: number;
  compressedSize: number;
  /** Hex digest of the plain chunk; all zeros when the bootstrap does not carry it. */
  digest: string;
  crc32: number;
}

export interface IoSegment {
  fileOffset: number;
  length: number;
  hole: boolean;
  offsetInChunk: number;
  chunk?: ChunkInfo;
}

export interface ChunkProblem {
  fileOffset: number;
  length: number;
  blobId: string;
  chunk: ChunkInfo;
  errno: number;
  code: string;
  message: string;
}

export interface VerifyReport {
  problems: ChunkProblem[];
  chunks: number;
  digestChecked: number;
  crcChecked: number;
}

interface NativeImage {
  superblock(): SuperblockInfo;
  lookup(parent: number, name: string): number;
  getattr(ino: number): InodeAttr;
  readdir(ino: number, offset: number, limit: number): DirEntryInfo[];
  readlink(ino: number): Buffer;
  listxattr(ino: number): string[];
  getxattr(ino: number, name: string): Buffer;
  mapRange(ino: number, offset: number, size: number): IoSegment[];
  read(ino: number, offset: number, length: number): Promise<Buffer>;
  verify(ino: number): Promise<VerifyReport>;
  startPrefetch(paths: string[]): void;
  cacheMetrics(): BlobcacheMetrics | null;
  close(): void;
}
type NativeImageClass = new (bootstrap: string, options: ImageOptions) => NativeImage;

/** Largest read one call may ask for (the addon's limit). */
export const MAX_READ = 64 << 20;

/** One opened RAFS image. Not safe to use after close(). */
export class RafsImage {
  private constructor(
    private readonly native: NativeImage,
    /** The bootstrap path, named in every error this image raises. */
    readonly path: string,
    private source?: NativeBlobSource,
  ) {}

  /** Runs a native call; its NativeError names the bootstrap. */
  private call<T>(fn: () => T): T {
    try {
      return internal.callSync(fn);
    } catch (err) {
      throw this.named(err);
    }
  }

  private named(err: unknown): unknown {
    if (err instanceof NativeError && !err.message.startsWith(this.path)) err.message = `${this.path}: ${err.message}`;
    return err;
  }

  /** Opens a bootstrap (v5, v6, or a data blob carrying one) with localfs or `options.backend` blobs. No backend I/O happens here. */
  static open(bootstrap: string, options: ImageOptions = {}): RafsImage {
    const Image = internal.addon().Image as NativeImageClass;
    if (options.backend !== undefined && (typeof options.backend?.read !== 'function' || typeof options.backend?.blobSize !== 'function')) {
      throw new NativeError(osConstants.errno.EINVAL, 'EINVAL', 'Expected an object with read() and blobSize() for backend');
    }
    if (options.unixHttp !== undefined && (options.backend !== undefined || !options.unixHttp.socket?.startsWith('/'))) {
      throw new NativeError(osConstants.errno.EINVAL, 'EINVAL', 'Expected an absolute socket path and no backend object for unixHttp');
    }
    try {
      return internal.callSync(() => new RafsImage(new Image(bootstrap, options), bootstrap, options.backend));
    } catch (err) {
      options.backend?.close?.();
      throw err;
    }
  }

  superblock(): SuperblockInfo {
    return this.call(() => this.native.superblock());
  }

  private root?: number;

  /** Inode number (v5) or nid (v6) of the root directory. */
  get rootIno(): number {
    this.root ??= this.superblock().rootIno;
    return this.root;
  }

  lookup(parent: number, name: string): number {
    return this.call(() => this.native.lookup(parent, name));
  }

  /** Resolves an absolute path inside the image ("/" is the root) without following symlinks. */
  lookupPath(path: string): number {
    let ino = this.rootIno;
    for (const part of path.split('/')) {
      if (part === '' || part === '.') continue;
      try {
        ino = this.lookup(ino, part);
      } catch (err) {
        if (err instanceof NativeError) err.message = err.message.replace(`${this.path}: `, `${this.path}: ${path}: `);
        throw err;
      }
    }
    return ino;
  }

  getattr(ino: number): InodeAttr {
    return this.call(() => this.native.getattr(ino));
  }

  /** Every entry from `offset` on ("." and ".." included), fetched in batches. */
  readdir(ino: number, offset = 0): DirEntryInfo[] {
    const out: DirEntryInfo[] = [];
    for (let next = offset; ; ) {
      const batch = this.call(() => this.native.readdir(ino, next, 1024));
      out.push(...batch);
      if (batch.length < 1024) return out;
      next = batch[batch.length - 1].nextOffset;
    }
  }

  readlink(ino: number): Buffer {
    return this.call(() => this.native.readlink(ino));
  }

  listxattr(ino: number): string[] {
    return this.call(() => this.native.listxattr(ino));
  }

  getxattr(ino: number, name: string): Buffer {
    return this.call(() => this.native.getxattr(ino, name));
  }

  mapRange(ino: number, offset: number, size: number): IoSegment[] {
    return this.call(() => this.native.mapRange(ino, offset, size));
  }

  read(ino: number, offset: number, length: number): Promise<Buffer> {
    return internal.callAsync(() => this.native.read(ino, offset, length), this.read).catch((err) => {
      throw this.named(err);
    });
  }

  /** The whole content of a regular file, in reads of `step` bytes. */
  async *stream(ino: number, step = 1 << 20): AsyncGenerator<Buffer> {
    const { size } = this.getattr(ino);
    for (let pos = 0; pos < size; pos += step) yield await this.read(ino, pos, Math.min(step, size - pos));
  }

  verify(ino: number): Promise<VerifyReport> {
    return internal.callAsync(() => this.native.verify(ino), this.verify).catch((err) => {
      throw this.named(err);
    });
  }

  /**
   * Starts background prefetch when the image was opened with `prefetch.enable`: `paths`
   * (absolute, inside the image; directories expand), or the bootstrap's prefetch table when
   * empty, then everything when `prefetchAll`. Returns at once. EALREADY on a second call.
   */
  startPrefetch(paths: string[] = []): void {
    this.call(() => this.native.startPrefetch(paths));
  }

  /** Blob cache counters, or null when the image has no cache. */
  cacheMetrics(): BlobcacheMetrics | null {
    return this.call(() => this.native.cacheMetrics());
  }

  /** Releases the image (and closes its network backend); readers still waiting for the backend get EIO. */
  close(): void {
    this.native.close();
    const source = this.source;
    this.source = undefined;
    source?.close?.();
  }
}

/**
 * Package-internal: the addon object behind `image`, for sibling modules of this layer that
 * hand an image to another addon class (FuseSession.attach). Not part of the public API.
 */
export function addonImageOf(image: RafsImage): object {
  return image['native'];
}
