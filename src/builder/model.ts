// Builder layer: the in-memory image tree `nydus create` builds from a directory or a layer
// tarball, and the chunk records the blob writer assigns. Format writers (v5, v6) read it.
// Plain data (names and link targets are raw bytes), and path lookup in the tree.

export { S_IFDIR, S_IFLNK, S_IFMT, S_IFREG } from '../fs-mode.js';

/** Where a regular file's bytes come from (read when the blob is written). */
export type ContentSource =
  | { kind: 'file'; path: string }
  | { kind: 'buffer'; data: Buffer }
  /** [offset, offset + length) of a (decompressed) tar stream held in a temp file. */
  | { kind: 'range'; path: string; offset: number };

/** A data region of a sparse file: [offset, offset + length) holds data, the rest are holes. */
export interface DataExtent {
  offset: number;
  length: number;
}

export interface BuildNode {
  /** Entry name as raw bytes ("/" for the root). */
  name: Buffer;
  /** Absolute path inside the image, for messages ("/etc/passwd"). */
  path: string;
  mode: number;
  uid: number;
  gid: number;
  /** Seconds and nanoseconds. */
  mtime: number;
  mtimeNsec: number;
  /** Regular file: content size; symlink: target length; directory: computed by the writer. */
  size: number;
  rdev: number;
  /** Link count (directories: 2 + subdirectories; hard-linked files: group size). */
  nlink: number;
  /** Extended attributes in name order; names carry their namespace ("user.foo"). */
  xattrs: Array<[string, Buffer]>;
  /** Symlink target. */
  target?: Buffer;
  /** Directory entries, sorted by name (byte order). */
  children?: BuildNode[];
  /** Regular file: its content, and data extents when sparse (absent = all data). */
  source?: ContentSource;
  extents?: DataExtent[];
  /** Hard links: every node of a group points at the group's first node (itself included). */
  linkLeader?: BuildNode;
  /** Filled by the blob writer: the file's chunks in file order (holes have no chunk). */
  chunks?: ChunkRecord[];
  /** Filled by the format writer: inode number (v5) or nid (v6). */
  ino?: number;
  /**
   * A directory a layer tarball does not list itself (its root without "./", parents of
   * listed paths): merged over a lower layer's directory, the lower attributes stay.
   */
  implicit?: boolean;
}

/** One chunk occurrence in a file (deduplicated chunks share blob offsets). */
export interface ChunkRecord {
  blobIndex: number;
  /** Chunk index in the blob (allocation order). */
  index: number;
  /** Digest of the plain chunk (32 bytes). */
  digest: Buffer;
  crc32: number;
  compressed: boolean;
  compressedOffset: number;
  compressedSize: number;
  uncompressedOffset: number;
  uncompressedSize: number;
  /** Offset of this chunk in the file. */
  fileOffset: number;
}

export type FsVersion = 5 | 6;
export type Compressor = 'none' | 'lz4_block' | 'zstd';
export type DigestName = 'sha256' | 'blake3';

export interface BuildOptions {
  fsVersion: FsVersion;
  compressor: Compressor;
  digester: DigestName;
  /** Power of two, 4 KiB .. 16 MiB. */
  chunkSize: number;
  /** Absolute paths to list in the prefetch table. */
  prefetchFiles: string[];
  /**
   * v6: write the blob-toc tail (tar headers, chunk digest array, ToC; nydus-image's
   * `--features blob-toc`). Default true. Without it the tail is just the chunk-info array and
   * its header. Either way the blob id is the SHA-256 of the blob file, so the blob can be
   * pushed to a registry as a layer under its id (as nydusify's images record it).
   */
  blobToc?: boolean;
}

/** What the blob writer produced. */
export interface BlobResult {
  blobId: string;
  /** Bytes of the blob file. */
  compressedSize: number;
  /** Size of the blob's uncompressed image (v6: 4 KiB aligned chunks). */
  uncompressedSize: number;
  chunkCount: number;
  /** Unique chunk records in index order (the blob's chunk-info array). */
  chunks: ChunkRecord[];
  /** v6 only: where the chunk-info array is (storage §1.5-1.7) and the ToC. */
  features: number;
  ciOffset: number;
  ciCompressedSize: number;
  ciUncompressedSize: number;
  tocSize: number;
  tocDigest: Buffer;
  /** Total file bytes before dedup, and after. */
  bytesIn: number;
  bytesStored: number;
}

/**
 * The blobs a bootstrap writer is given: one (`nydus create`), several (a merged image: a
 * chunk's `blobIndex` selects its blob), or none.
 */
export type BlobsArg = BlobResult | BlobResult[] | null;

/** The blob list of a writer's argument; a lone blob without chunks is dropped (as nydus does). */
export function blobList(arg: BlobsArg): BlobResult[] {
  if (arg === null) return [];
  if (Array.isArray(arg)) return arg;
  return arg.chunkCount > 0 ? [arg] : [];
}

/** Resolves an absolute path in the tree without following symlinks. */
export function findNode(root: BuildNode, path: string): BuildNode | undefined {
  let node = root;
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return undefined;
    const want = Buffer.from(part, 'utf8');
    const next = node.children?.find((c) => c.name.equals(want));
    if (!next) return undefined;
    node = next;
  }
  return node;
}
