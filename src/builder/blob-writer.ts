// Builder layer: the data-blob writer of `nydus create` (storage spec §1). Chunks every
// regular file, digests, deduplicates and compresses the chunks on the libuv pool (a bounded
// window of chunks in flight, committed in allocation order), appends the stored chunks and,
// for RAFS v6, the blob-toc tail; then names the blob file by its blob id: the SHA-256 of the
// whole file, so the blob can be pushed to a registry as a layer under that digest.
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { NydusError } from '../errors.js';
import { compressAsync, crc32c, digestAsync } from '../native/binding.js';
import type { WorkProgress } from '../work-progress.js';
import { chunkPieces, openPieceReader } from './blob-source.js';
import {
  DIGEST_SIZE, TOC_ENTRY_SIZE, TOC_FLAG_NONE, V6_BLOB_FEATURES,
  encodeBlobMetaHeader, encodeChunkInfoV1, encodeTarHeader, encodeTocEntry,
  V6_PLAIN_BLOB_FEATURES,
} from './blob-tail.js';
import type { BlobResult, BuildNode, BuildOptions, ChunkRecord } from './model.js';

const ALIGN = 4096;
const align4k = (n: number): number => Math.ceil(n / ALIGN) * ALIGN;
/** In-flight window: 16 chunks, fewer for big chunks (about 128 MiB of plain data). */
const windowFor = (chunkSize: number): number => Math.max(4, Math.min(16, Math.floor((128 << 20) / chunkSize)));
const COMPRESSORS = ['none', 'lz4_block', 'zstd'];

/** Sequential writer of the blob file; feeds the blob-id hash (the file's SHA-256). */
class BlobOutput {
  pos = 0;
  readonly idHash: Hash = createHash('sha256');
  /** SHA-256 of the chunk data region, while it is being written (v6 ToC `image.blob`). */
  dataHash: Hash | undefined;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly fh: FileHandle) {}

  async write(buf: Buffer): Promise<void> {
    if (buf.length === 0) return;
    this.idHash.update(buf);
    this.dataHash?.update(buf);
    this.pending.push(buf);
    this.pendingBytes += buf.length;
    this.pos += buf.length;
    if (this.pendingBytes >= 4 << 20) await this.flush();
  }

  async zeros(n: number): Promise<void> {
    for (let left = n; left > 0; left -= ALIGN) await this.write(Buffer.alloc(Math.min(left, ALIGN)));
  }

  async flush(): Promise<void> {
    const bufs = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    for (let i = 0; i < bufs.length; i += 512) {
      const batch = bufs.slice(i, i + 512);
      let written = (await this.fh.writev(batch)).bytesWritten;
      // writev may stop short (e.g. near ENOSPC); finish the batch with plain writes.
      for (const b of batch) {
        if (written >= b.length) { written -= b.length; continue; }
        for (let off = written; off < b.length;) off += (await this.fh.write(b, off, b.length - off)).bytesWritten;
        written = 0;
      }
    }
  }
}

/** One chunk occurrence moving through the pipeline. */
interface Job {
  seq: number;
  node: BuildNode;
  /** Index of `node` in the files list (for counting finished files). */
  file: number;
  fileOffset: number;
  data: Buffer;
  digest?: Buffer;
  /** Stored bytes; absent when an earlier occurrence of the same digest is stored instead. */
  stored?: Buffer;
  compressed: boolean;
  done: Promise<void>;
}

function checkOptions(o: BuildOptions): void {
  const bad = (msg: string): never => { throw new NydusError('EINVAL', `blob writer: ${msg}`, 2); };
  if (o.fsVersion !== 5 && o.fsVersion !== 6) bad(`fsVersion must be 5 or 6, got ${o.fsVersion}`);
  if (!COMPRESSORS.includes(o.compressor)) bad(`compressor must be one of ${COMPRESSORS.join(', ')}, got ${o.compressor}`);
  if (o.digester !== 'sha256' && o.digester !== 'blake3') bad(`digester must be sha256 or blake3, got ${o.digester}`);
  const cs = o.chunkSize;
  if (!Number.isInteger(cs) || cs < 4096 || cs > 16 << 20 || (cs & (cs - 1)) !== 0) {
    bad(`chunkSize must be a power of two from 4096 to 16777216, got ${cs}`);
  }
}

/**
 * Chunks a build may reference instead of storing them again (a chunk dictionary, or the
 * blobs of earlier layers of the same conversion), by plain-chunk digest (latin1 string of
 * the digest bytes). Each record's `blobIndex` is the blob's index in the image being built.
 */
export type ChunkDict = Map<string, ChunkRecord>;

export interface BlobPlacement {
  /** Index of this blob in the image's blob list (its chunks' `blobIndex`); default 0. */
  blobIndex?: number;
  /** Chunks found here are referenced, not stored. */
  dict?: ChunkDict;
}

/**
 * Writes the data blob of `files` (regular-file nodes in chunk allocation order, one node
 * per hard-link group) into `outDir/<blobId>` and fills each node's `chunks`.
 * An image without any chunk to store gets no blob file: the result has blobId "" and zero
 * sizes (with a dictionary, every chunk may be referenced from it).
 * `progress` hears the files and plain bytes (holes excluded) to do, then each committed chunk
 * and each file whose last chunk is committed.
 */
export async function writeBlob(
  files: BuildNode[], options: BuildOptions, outDir: string, progress?: WorkProgress, placement: BlobPlacement = {},
): Promise<BlobResult> {
  const blobIndex = placement.blobIndex ?? 0;
  const dict = placement.dict;
  checkOptions(options);
  const { fsVersion, compressor, digester, chunkSize } = options;
  let bytesTotal = 0;
  /** Chunks of each file not yet committed. */
  const piecesLeft = new Uint32Array(files.length);
  files.forEach((node, i) => {
    for (const p of chunkPieces(node, chunkSize)) {
      bytesTotal += p.length;
      piecesLeft[i]++;
    }
  });
  progress?.start(files.length, bytesTotal);

  const tmp = join(outDir, `.blob-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  let fh: FileHandle;
  try {
    fh = await open(tmp, 'wx');
  } catch (err) {
    throw writeError(`cannot create a blob file in ${outDir}`, err);
  }
  const out = new BlobOutput(fh);
  const queue: Job[] = [];
  let closed = false;
  try {
    if (fsVersion === 6) out.dataHash = createHash('sha256');
    // Raw v6 chunks sit at their uncompressed offsets: the data region is an EROFS device image.
    const inPlace = fsVersion === 6 && compressor === 'none';
    const committed = new Map<string, ChunkRecord>();
    const claimed = new Map<string, number>();
    const unique: ChunkRecord[] = [];
    let nextUoff = 0;
    let bytesIn = 0;
    let bytesStored = 0;

    const start = (job: Job): void => {
      job.done = digestAsync(digester, job.data).then(async (d) => {
        job.digest = d;
        // Skip compressing a repeat whose first occurrence is earlier in allocation order.
        const key = d.toString('latin1');
        const owner = claimed.get(key);
        if (committed.has(key) || dict?.has(key) || (owner !== undefined && owner < job.seq)) return;
        claimed.set(key, job.seq);
        job.stored = job.data;
        if (compressor === 'none') return;
        const c = await compressAsync(compressor, job.data);
        if (c.length < job.data.length) {
          job.stored = c;
          job.compressed = true;
        }
      });
      job.done.catch(() => {});
    };

    const commit = async (job: Job): Promise<void> => {
      await job.done;
      const key = job.digest!.toString('latin1');
      let rec = committed.get(key) ?? dict?.get(key);
      if (!rec) {
        if (!job.stored) throw new Error(`blob writer: chunk ${job.seq} has no stored form`);
        const uoff = nextUoff;
        const usize = job.data.length;
        nextUoff = fsVersion === 6 ? uoff + align4k(usize) : uoff + usize;
        if (inPlace) await out.zeros(uoff - out.pos);
        rec = {
          blobIndex, index: unique.length, digest: job.digest!, crc32: crc32c(job.data),
          compressed: job.compressed, compressedOffset: out.pos, compressedSize: job.stored.length,
          uncompressedOffset: uoff, uncompressedSize: usize, fileOffset: 0,
        };
        await out.write(job.stored);
        committed.set(key, rec);
        claimed.delete(key);
        unique.push(rec);
        bytesStored += usize;
      }
      job.node.chunks!.push({ ...rec, fileOffset: job.fileOffset });
      bytesIn += job.data.length;
      progress?.tick(--piecesLeft[job.file] === 0 ? 1 : 0, job.data.length);
    };

    const window = windowFor(chunkSize);
    let seq = 0;
    for (const [file, node] of files.entries()) {
      node.chunks = [];
      if (piecesLeft[file] === 0) progress?.tick(1, 0); // empty, or all holes: no chunk to wait for
      if (node.size === 0) continue;
      const reader = await openPieceReader(node);
      try {
        for (const piece of chunkPieces(node, chunkSize)) {
          const data = await reader.read(piece);
          const job: Job = { seq: seq++, node, file, fileOffset: piece.offset, data, compressed: false, done: Promise.resolve() };
          start(job);
          queue.push(job);
          while (queue.length >= window) await commit(queue.shift()!);
        }
      } finally {
        await reader.close();
      }
    }
    while (queue.length > 0) await commit(queue.shift()!);

    const result: BlobResult = {
      blobId: '', compressedSize: 0, uncompressedSize: nextUoff, chunkCount: unique.length, chunks: unique,
      features: 0, ciOffset: 0, ciCompressedSize: 0, ciUncompressedSize: 0, tocSize: 0,
      tocDigest: Buffer.alloc(DIGEST_SIZE), bytesIn, bytesStored,
    };
    if (unique.length === 0) {
      await fh.close();
      closed = true;
      await unlink(tmp);
      result.uncompressedSize = 0;
      return result;
    }
    if (inPlace) await out.zeros(nextUoff - out.pos);
    if (fsVersion === 6) {
      if (options.blobToc === false) await writeV6PlainTail(out, unique, nextUoff, result);
      else await writeV6Tail(out, unique, nextUoff, result);
    }
    await out.flush();
    await fh.close();
    closed = true;
    result.blobId = out.idHash.digest('hex');
    result.compressedSize = out.pos;
    await rename(tmp, join(outDir, result.blobId));
    return result;
  } catch (err) {
    await Promise.allSettled(queue.map((j) => j.done));
    if (!closed) await fh.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw err instanceof NydusError ? err : writeError(`cannot write blob file ${tmp}`, err);
  }
}

/** fs failures on the output side become NydusError with the errno name as code. */
function writeError(what: string, err: unknown): NydusError {
  const code = (err as { code?: unknown })?.code;
  return new NydusError(typeof code === 'string' ? code : 'EIO',
    `${what}: ${err instanceof Error ? err.message : String(err)}`, 1, { cause: err });
}

const sha256 = (...bufs: Buffer[]): Buffer => {
  const h = createHash('sha256');
  for (const b of bufs) h.update(b);
  return h.digest();
};

/**
 * The tail without blob-toc (§1.5): CI ‖ CI-header, nothing else. Every byte is part of the
 * blob id, which is then simply the SHA-256 of the file (§1.14).
 */
async function writeV6PlainTail(out: BlobOutput, chunks: ChunkRecord[], imageSize: number, r: BlobResult): Promise<void> {
  out.dataHash = undefined;
  const ci = encodeChunkInfoV1(chunks);
  const ciOffset = out.pos;
  await out.write(ci);
  await out.write(encodeBlobMetaHeader({
    features: V6_PLAIN_BLOB_FEATURES, ciCompressor: 0, ciEntries: chunks.length,
    ciOffset, ciCompressedSize: ci.length, ciUncompressedSize: ci.length,
  }));
  r.features = V6_PLAIN_BLOB_FEATURES;
  r.ciOffset = ciOffset;
  r.ciCompressedSize = ci.length;
  r.ciUncompressedSize = ci.length;
  r.tocSize = 0;
  r.tocDigest = Buffer.alloc(32);
  r.uncompressedSize = imageSize;
}

/**
 * The `--features blob-toc` tail (§1.5): tar(image.blob) ‖ CI ‖ CI-header ‖ tar(blob.meta) ‖
 * digest array ‖ tar(blob.digest) ‖ ToC entries ‖ tar(rafs.blob.toc). The CI array is stored
 * uncompressed.
 *
 * Blob id: nydus-image create leaves the digest array's payload out of the id (§1.14), so
 * its blob cannot be fetched from a registry under that id; nydus-snapshotter's converter and
 * nydusify reconcile the two afterwards (`nydus-image merge --blob-digests` records the layer
 * digest, the SHA-256 of the whole blob file, as the blob id in the final bootstrap). We
 * record that pushable id from the start: every byte is part of it.
 */
async function writeV6Tail(out: BlobOutput, chunks: ChunkRecord[], imageSize: number, r: BlobResult): Promise<void> {
  const dataSize = out.pos;
  const dataDigest = out.dataHash!.digest();
  out.dataHash = undefined;
  await out.write(encodeTarHeader('image.blob', dataSize));

  const ci = encodeChunkInfoV1(chunks);
  const ciOffset = out.pos;
  const header = encodeBlobMetaHeader({
    features: V6_BLOB_FEATURES, ciCompressor: 0, ciEntries: chunks.length,
    ciOffset, ciCompressedSize: ci.length, ciUncompressedSize: ci.length,
  });
  await out.write(ci);
  await out.write(header);
  await out.write(encodeTarHeader('blob.meta', ci.length + header.length));

  const digests = Buffer.concat(chunks.map((c) => c.digest));
  const digestOffset = out.pos;
  await out.write(digests);
  await out.write(encodeTarHeader('blob.digest', digests.length));

  const entry = (name: string, offset: number, content: Buffer) => encodeTocEntry({
    name, flags: TOC_FLAG_NONE, digest: sha256(content), compressedOffset: offset,
    compressedSize: content.length, uncompressedSize: content.length,
  });
  const entries = [
    encodeTocEntry({
      name: 'image.blob', flags: TOC_FLAG_NONE, digest: dataDigest, compressedOffset: 0,
      compressedSize: dataSize, uncompressedSize: dataSize,
    }),
    entry('blob.meta', ciOffset, ci),
    entry('blob.meta.header', ciOffset + ci.length, header),
    entry('blob.digest', digestOffset, digests),
  ];
  const toc = Buffer.concat([...entries, encodeTarHeader('rafs.blob.toc', entries.length * TOC_ENTRY_SIZE)]);
  await out.write(toc);

  r.features = V6_BLOB_FEATURES;
  r.ciOffset = ciOffset;
  r.ciCompressedSize = ci.length;
  r.ciUncompressedSize = ci.length;
  r.tocSize = toc.length;
  r.tocDigest = sha256(toc);
  r.uncompressedSize = imageSize;
}
