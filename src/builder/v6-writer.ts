// Builder layer: writes a RAFS v6 (EROFS-compatible) bootstrap from the build tree and the
// blob writer's result (rafs-format §4). Layout: superblocks and device table, blob and
// prefetch tables from 4096, the metadata area (root one block after meta_base), FLAT data
// blocks, then the chunk table; every table is 4 KiB aligned and so is the end of the file.
import { writeChunk } from './v5-layout.js';
import {
  BLOCK_BITS, BLOCK_SIZE, CHUNK_INDEX_SIZE, Layout, align, encodeChunkIndex, encodeDirents, encodeInode, v6Error,
} from './v6-encode.js';
import { chunkIndexesAt, collectInodes, inodeSize, placeDataBlocks, placeInodes, planInodes, type V6Inode } from './v6-layout.js';
import {
  BLOB_ENTRY_SIZE, CHUNK_RECORD_SIZE, DEVICE_SLOT_SIZE, DEVT_SLOTOFF, algorithms, checkBlob, chunkTableOrder,
  encodeBlobEntry, encodeDeviceSlot, encodeExtSuperblock, encodeSuperblock,
} from './v6-tables.js';
import type { BlobsArg, BuildNode, BuildOptions, ChunkRecord } from './model.js';
import { blobList, S_IFDIR, S_IFLNK, S_IFMT } from './model.js';

/** nydus aligns each blob's place in the flat block-device view to 512 KiB (§4.4). */
const MAPPED_BLKADDR_ALIGN = 128;

/**
 * The bootstrap bytes; also sets `ino` (the nid) on every tree node. Deterministic. With
 * several blobs (a merged image) each gets a device slot and a blob table entry in order, and
 * a chunk's `blobIndex` says which blob holds it.
 */
export function writeV6Bootstrap(root: BuildNode, blobArg: BlobsArg, options: BuildOptions): Buffer {
  const { chunkSize } = options;
  if (!Number.isInteger(Math.log2(chunkSize)) || chunkSize < 0x1000 || chunkSize > 0x100_0000) {
    throw v6Error(`chunk size ${chunkSize} is not a power of two between 4 KiB and 16 MiB`, 'EINVAL', 2);
  }
  algorithms(options);
  // A blob without chunks (only empty files) needs no device: nydus drops such a blob too.
  const blobs = blobList(blobArg);
  blobs.forEach(checkBlob);
  if (blobs.length > 255) throw v6Error(`${blobs.length} blobs: a RAFS v6 image holds at most 255`);

  const { inodes, byKey } = collectInodes(root);
  planInodes(inodes, byKey, chunkSize);
  const prefetch = prefetchInodes(root, options.prefetchFiles, byKey);

  const blobTableOffset = align(DEVT_SLOTOFF * DEVICE_SLOT_SIZE + blobs.length * DEVICE_SLOT_SIZE, BLOCK_SIZE);
  const blobTableSize = blobs.length * BLOB_ENTRY_SIZE;
  const prefetchOffset = blobTableOffset + blobTableSize;
  const metaBlkaddr = align(prefetchOffset + prefetch.length * 4, BLOCK_SIZE) / BLOCK_SIZE;
  const metaBase = metaBlkaddr * BLOCK_SIZE;
  const inodesEnd = placeInodes(inodes, metaBase, metaBase + BLOCK_SIZE);
  const dataEnd = placeDataBlocks(inodes, align(inodesEnd, BLOCK_SIZE) / BLOCK_SIZE) * BLOCK_SIZE;
  const chunks = chunkTableOrder(blobs.flatMap((b, i) => b.chunks.map((c) => (c.blobIndex === i ? c : { ...c, blobIndex: i }))));
  const chunkTableSize = chunks.length * CHUNK_RECORD_SIZE;
  const out = Buffer.alloc(align(dataEnd + chunkTableSize, BLOCK_SIZE));

  if (inodes[0].nid > 0xffff) throw v6Error(`root nid ${inodes[0].nid} does not fit the superblock's 16 bits`);
  encodeSuperblock(out, {
    rootNid: inodes[0].nid,
    inos: inodes.length,
    blocks: blobs.reduce((sum, b) => sum + b.uncompressedSize / BLOCK_SIZE, 0),
    metaBlkaddr,
    extraDevices: blobs.length,
  });
  encodeExtSuperblock(out, options, blobs, {
    hasXattr: inodes.some((i) => i.icount > 0),
    blobTableOffset,
    blobTableSize,
    chunkTableOffset: chunkTableSize > 0 ? dataEnd : 0,
    chunkTableSize,
    prefetchTableOffset: prefetch.length > 0 ? prefetchOffset : 0,
    prefetchTableSize: prefetch.length * 4,
  });
  let mapped = align(out.length / BLOCK_SIZE, MAPPED_BLKADDR_ALIGN);
  blobs.forEach((b, i) => {
    encodeDeviceSlot(out, i, b, mapped);
    encodeBlobEntry(out, blobTableOffset + i * BLOB_ENTRY_SIZE, i, b, options);
    mapped = align(mapped + b.uncompressedSize / BLOCK_SIZE, MAPPED_BLKADDR_ALIGN);
  });
  prefetch.forEach((ino, i) => out.writeUInt32LE(ino.nid, prefetchOffset + i * 4));

  const chunkMap: ChunkMap = blobs.map((b) => new Map(b.chunks.map((c) => [c.index, c])));
  for (const ino of inodes) writeInode(out, ino, chunkSize, chunkMap);
  // The same 80-byte record as v5 (§3.9); file_offset means nothing in this table.
  chunks.forEach((c, i) => writeChunk(out, dataEnd + i * CHUNK_RECORD_SIZE, { ...c, fileOffset: 0 }));
  for (const ino of inodes) for (const n of ino.links) n.ino = ino.nid;
  return out;
}

/** Per blob: its chunk records by chunk index. */
type ChunkMap = Array<Map<number, ChunkRecord>>;

function writeInode(out: Buffer, ino: V6Inode, chunkSize: number, chunkMap: ChunkMap): void {
  const n = ino.node;
  const type = n.mode & S_IFMT;
  let iu = 0;
  if (ino.layout === Layout.ChunkBased) {
    iu = 0x20 | (Math.log2(chunkSize) - BLOCK_BITS);
    writeChunkIndexes(out, ino, chunkSize, chunkMap);
  } else if (type === S_IFDIR || type === S_IFLNK) {
    const data = type === S_IFDIR
      ? encodeDirents(ino.dir!, (target) => (target as V6Inode).nid)
      : (n.target ?? Buffer.alloc(0));
    const inlineAt = ino.plainBlocks * BLOCK_SIZE;
    if (ino.plainBlocks > 0) data.copy(out, ino.blkaddr * BLOCK_SIZE, 0, Math.min(inlineAt, data.length));
    if (ino.layout === Layout.FlatInline) data.copy(out, ino.offset + inodeSize(ino) + ino.xattrs.length, inlineAt);
    iu = ino.plainBlocks > 0 ? ino.blkaddr : 0;
  } else if (ino.extended) {
    if (n.rdev > 0xffff_ffff) throw v6Error(`${n.path}: device number ${n.rdev} does not fit 32 bits`);
    iu = n.rdev; // char/block device; 0 for fifos and sockets
  }
  encodeInode(out, ino.offset, {
    extended: ino.extended, layout: ino.layout, icount: ino.icount, mode: n.mode, nlink: ino.nlink, size: ino.size,
    iu, ino: ino.nid >>> 0, uid: n.uid, gid: n.gid, mtime: n.mtime, mtimeNsec: n.mtimeNsec,
  });
  ino.xattrs.copy(out, ino.offset + inodeSize(ino));
}

/** The file's chunk indexes in file order; chunks the blob writer did not produce are holes. */
function writeChunkIndexes(out: Buffer, ino: V6Inode, chunkSize: number, chunkMap: ChunkMap): void {
  const n = ino.node;
  const at = ino.offset + chunkIndexesAt(ino);
  const seen = new Set<number>();
  for (let k = 0; k < ino.chunkCount; k++) encodeChunkIndex(out, at + k * CHUNK_INDEX_SIZE, null);
  const records = n.chunks ?? ino.links.find((l) => l.chunks)?.chunks ?? [];
  for (const c of records) {
    const k = c.fileOffset / chunkSize;
    const where = `${n.path}: chunk at file offset ${c.fileOffset}`;
    if (!Number.isInteger(k) || k >= ino.chunkCount || seen.has(k)) {
      throw v6Error(`${where} is not a distinct multiple of the ${chunkSize}-byte chunk size inside the file`);
    }
    seen.add(k);
    const expected = Math.min(chunkSize, ino.size - c.fileOffset);
    const stored = chunkMap[c.blobIndex]?.get(c.index);
    if (!stored || stored.uncompressedOffset !== c.uncompressedOffset) {
      throw v6Error(`${where} refers to blob ${c.blobIndex} chunk ${c.index}, which the blob does not hold`);
    }
    if (c.uncompressedSize !== expected) {
      throw v6Error(`${where} holds ${c.uncompressedSize} bytes, expected ${expected}`);
    }
    if (c.uncompressedOffset % BLOCK_SIZE !== 0) {
      throw v6Error(`${where}: blob offset ${c.uncompressedOffset} is not 4 KiB aligned`);
    }
    encodeChunkIndex(out, at + k * CHUNK_INDEX_SIZE, { blobIndex: c.blobIndex, index: c.index, blkAddr: c.uncompressedOffset / BLOCK_SIZE });
  }
}

/** Inodes of the prefetch paths, in the given order without repeats; unknown paths are errors. */
function prefetchInodes(root: BuildNode, paths: string[], byKey: Map<BuildNode, V6Inode>): V6Inode[] {
  const out: V6Inode[] = [];
  for (const path of paths) {
    let node: BuildNode | undefined = root;
    for (const part of path.split('/').filter((p) => p !== '' && p !== '.')) {
      const name = Buffer.from(part, 'utf8');
      node = node?.children?.find((c) => c.name.equals(name));
      if (!node) throw v6Error(`prefetch path ${path} is not in the image`, 'ENOENT', 2);
    }
    const ino = byKey.get(node.linkLeader ?? node)!;
    if (!out.includes(ino)) out.push(ino);
  }
  return out;
}
