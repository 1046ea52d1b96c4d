// Builder layer: reads a RAFS v5 or v6 bootstrap back into a build tree (for `nydus merge` and
// `--chunk-dict`): files carry the chunk records the bootstrap names, blobs their table
// entries. Metadata only, through the native reader (RafsImage): no blob is opened.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { NydusError } from '../errors.js';
import { type ChunkInfo, RafsImage } from '../native/image.js';
import type { BlobResult, BuildNode, ChunkRecord, Compressor, DigestName } from './model.js';
import { S_IFDIR, S_IFLNK, S_IFMT, S_IFREG } from './model.js';
import { CHUNK_COMPRESSED, CHUNK_HAS_CRC32, readChunk } from './v5-layout.js';
import { CHUNK_RECORD_SIZE, EXT_SUPER_OFFSET } from './v6-tables.js';

/** A blob table entry as read; `ciCompressor` is the field encodeBlobEntry takes when present. */
export type ReadBlob = BlobResult & { ciCompressor: number };

export interface ReadImage {
  root: BuildNode;
  blobs: ReadBlob[];
  fsVersion: 5 | 6;
  compressor: Compressor;
  digester: DigestName;
  chunkSize: number;
  /** Paths of the prefetch table (a hard-linked inode gives its first path), else []. */
  prefetch: string[];
  /**
   * Every chunk record carries its details (v5 always; v6 when the bootstrap has a chunk
   * table, as ours and nydus-image's do). False: a v6 bootstrap without a chunk table, whose
   * records hold only blob, index and uncompressed offset and size; digest, CRC, compressed
   * flag, offset and size are zeros (they live in the blob's chunk-info array, which this
   * reader does not open). A chunk dictionary needs digests, and a writer the stored ranges.
   */
  digestsKnown: boolean;
}

const COMPRESSORS: readonly string[] = ['none', 'lz4_block', 'zstd'];
const DIGESTERS: readonly string[] = ['sha256', 'blake3'];
/** Far beyond any real image; stops a corrupt bootstrap from recursing without end. */
const MAX_DEPTH = 4096;
/** Chunks mapped per mapRange call. */
const MAP_WINDOW_CHUNKS = 1024;

function corrupt(path: string, what: string, cause?: unknown): NydusError {
  const why = cause instanceof Error ? `: ${cause.message.replace(`${path}: `, '')}` : '';
  return new NydusError('EINVAL', `${path}: not a usable RAFS bootstrap: ${what}${why}`, 1, { cause });
}

/**
 * Reads a RAFS v5 or v6 bootstrap (through RafsImage, no blob access) into a build tree whose
 * regular files carry `chunks` (blobIndex, index, digest, offsets, sizes, fileOffset,
 * compressed flag, CRC), and the image's blob table as BlobResult records whose `chunks` are
 * the unique chunks files reference, in index order (bytesIn/bytesStored: the file bytes
 * those chunks hold, before and after dedup). Hard links share a linkLeader (the first path in
 * depth-first name order) and one chunk array. Names are the reader's UTF-8 names as bytes.
 */
export function readBootstrap(path: string): ReadImage {
  let image: RafsImage;
  try {
    image = RafsImage.open(path);
  } catch (err) {
    throw corrupt(path, 'cannot open it', err);
  }
  try {
    return readOpened(image, path);
  } catch (err) {
    if (err instanceof NydusError && err.message.includes('not a usable RAFS bootstrap')) throw err;
    throw corrupt(path, 'reading its metadata failed', err);
  } finally {
    image.close();
  }
}

/** The v6 chunk table (rafs-format §4: 80-byte v5 chunk records at the ext superblock's offset). */
function readChunkTable(path: string): ChunkRecord[] {
  const fd = openSync(path, 'r');
  try {
    const ext = Buffer.alloc(40);
    readSync(fd, ext, 0, 40, EXT_SUPER_OFFSET);
    const offset = Number(ext.readBigUInt64LE(24));
    const size = Number(ext.readBigUInt64LE(32));
    if (size === 0) return [];
    const fileSize = fstatSync(fd).size;
    if (size % CHUNK_RECORD_SIZE !== 0 || offset + size > fileSize) {
      throw corrupt(path, `chunk table [${offset}, ${offset + size}) does not fit the ${fileSize}-byte file in whole records`);
    }
    const buf = Buffer.alloc(size);
    readSync(fd, buf, 0, size, offset);
    const out: ChunkRecord[] = [];
    // The v5 record; file_offset means nothing in this table.
    for (let o = 0; o < size; o += CHUNK_RECORD_SIZE) out.push({ ...readChunk(buf, o), fileOffset: 0 });
    return out;
  } finally {
    closeSync(fd);
  }
}

function readOpened(image: RafsImage, path: string): ReadImage {
  const sb = image.superblock();
  if (!COMPRESSORS.includes(sb.compressor)) throw corrupt(path, `compressor '${sb.compressor}' is not one the builder writes (${COMPRESSORS.join(', ')})`);
  if (!DIGESTERS.includes(sb.digester)) throw corrupt(path, `digester '${sb.digester}' is not one the builder writes (${DIGESTERS.join(', ')})`);
  const { chunkSize } = sb;
  // Unique chunks per blob, by chunk index; and what files hold, for the byte counts.
  const unique = sb.blobs.map(() => new Map<number, ChunkRecord>());
  const bytesIn = sb.blobs.map(() => 0);
  let digestsKnown = true;
  const record = (c: ChunkInfo, fileOffset: number): ChunkRecord => {
    const table = unique[c.blobIndex];
    if (!table) throw corrupt(path, `a chunk names blob ${c.blobIndex}, but the blob table has ${sb.blobs.length}`);
    if (!c.hasDetails || /^0+$/.test(c.digest)) digestsKnown = false;
    const rec: ChunkRecord = {
      blobIndex: c.blobIndex, index: c.index, digest: Buffer.from(c.digest, 'hex'),
      crc32: c.flags & CHUNK_HAS_CRC32 ? c.crc32 >>> 0 : 0, compressed: (c.flags & CHUNK_COMPRESSED) !== 0,
      compressedOffset: c.compressedOffset, compressedSize: c.compressedSize,
      uncompressedOffset: c.uncompressedOffset, uncompressedSize: c.uncompressedSize, fileOffset,
    };
    if (!table.has(c.index)) table.set(c.index, { ...rec, fileOffset: 0 });
    bytesIn[c.blobIndex] += c.uncompressedSize;
    return rec;
  };
  const chunksOf = (ino: number, size: number): ChunkRecord[] => {
    const out: ChunkRecord[] = [];
    const window = chunkSize * MAP_WINDOW_CHUNKS;
    let last = -1;
    for (let off = 0; off < size; off += window) {
      for (const seg of image.mapRange(ino, off, Math.min(window, size - off))) {
        if (seg.hole || !seg.chunk) continue;
        const start = seg.fileOffset - seg.offsetInChunk;
        if (start <= last) continue; // the same chunk met again in a later segment
        last = start;
        out.push(record(seg.chunk, start));
      }
    }
    return out;
  };

  const byIno = new Map<number, BuildNode>(); // regular files: the first path of each inode
  const pathOf = new Map<number, string>(); // every inode's first path, for the prefetch table
  const onPath = new Set<number>();
  const visit = (ino: number, name: Buffer, nodePath: string, depth: number): BuildNode => {
    if (depth > MAX_DEPTH) throw corrupt(path, `${nodePath}: directory tree deeper than ${MAX_DEPTH} levels`);
    const a = image.getattr(ino);
    if (!pathOf.has(ino)) pathOf.set(ino, nodePath);
    const xattrs: Array<[string, Buffer]> = image.listxattr(ino).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)).map((k) => [k, image.getxattr(ino, k)]);
    const node: BuildNode = {
      name, path: nodePath, mode: a.mode, uid: a.uid, gid: a.gid, mtime: a.mtime, mtimeNsec: a.mtimeNsec,
      size: 0, rdev: a.rdev, nlink: a.nlink, xattrs,
    };
    const type = a.mode & S_IFMT;
    if (type === S_IFDIR) {
      if (onPath.has(ino)) throw corrupt(path, `${nodePath}: directory cycle (inode ${ino} contains itself)`);
      onPath.add(ino);
      node.children = image
        .readdir(ino)
        .filter((e) => e.name !== '.' && e.name !== '..')
        .map((e) => ({ e, raw: Buffer.from(e.name) }))
        .sort((x, y) => Buffer.compare(x.raw, y.raw))
        .map(({ e, raw }) => visit(e.ino, raw, nodePath === '/' ? `/${e.name}` : `${nodePath}/${e.name}`, depth + 1));
      onPath.delete(ino);
    } else if (type === S_IFLNK) {
      node.target = image.readlink(ino);
      node.size = node.target.length;
    } else if (type === S_IFREG) {
      node.size = a.size;
      const first = byIno.get(ino);
      if (first) {
        first.linkLeader = first;
        node.linkLeader = first;
        node.chunks = first.chunks;
      } else {
        byIno.set(ino, node);
        node.chunks = chunksOf(ino, a.size);
      }
    }
    return node;
  };
  const root = visit(sb.rootIno, Buffer.from('/'), '/', 0);
  // v6: the chunk table lists every chunk the blobs hold, also those no file uses any more
  // (a layer's files hidden by an upper layer); a chunk dictionary wants them all.
  if (sb.version === 6 && digestsKnown) {
    for (const c of readChunkTable(path)) {
      const table = unique[c.blobIndex];
      if (!table) throw corrupt(path, `the chunk table names blob ${c.blobIndex}, but the blob table has ${sb.blobs.length}`);
      if (!table.has(c.index)) table.set(c.index, c);
    }
  }

  const blobs: ReadBlob[] = sb.blobs.map((b, i) => {
    const chunks = [...unique[i].values()].sort((x, y) => x.index - y.index);
    return {
      blobId: b.blobId, compressedSize: b.compressedSize, uncompressedSize: b.uncompressedSize, chunkCount: b.chunkCount, chunks,
      features: b.features, ciCompressor: b.ciCompressor, ciOffset: b.ciOffset, ciCompressedSize: b.ciCompressedSize,
      ciUncompressedSize: b.ciUncompressedSize, tocSize: b.tocSize, tocDigest: Buffer.from(b.tocDigest, 'hex'),
      bytesIn: bytesIn[i], bytesStored: chunks.reduce((sum, c) => sum + c.uncompressedSize, 0),
    };
  });
  const prefetch: string[] = [];
  for (const ino of sb.prefetch) {
    const p = pathOf.get(ino);
    if (p !== undefined) prefetch.push(p);
  }
  return {
    root, blobs, fsVersion: sb.version, compressor: sb.compressor as Compressor, digester: sb.digester as DigestName,
    chunkSize, prefetch, digestsKnown,
  };
}
