// Builder layer: `nydus create` end to end: scan the source (directory or layer tarball),
// write the data blob, then the v5 or v6 bootstrap; outputs appear whole or not at all.
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NydusError } from '../errors.js';
import type { WorkProgress } from '../work-progress.js';
import { writeBlob } from './blob-writer.js';
import { type BlobResult, type BlobsArg, type BuildNode, type BuildOptions, findNode, S_IFMT, S_IFREG } from './model.js';
import { chunkDictFromBootstrap, keepUsedBlobs } from './chunk-dict.js';
import { scanDirectory } from './scan-dir.js';
import { scanTarball } from './scan-tar.js';
import { writeV5Bootstrap } from './v5-writer.js';
import { writeV6Bootstrap } from './v6-writer.js';

export interface CreateRequest extends BuildOptions {
  source: string;
  bootstrap: string;
  blobDir: string;
  /** A bootstrap whose chunks are referenced instead of stored again (nydus-image --chunk-dict). */
  chunkDict?: string;
  /** Hears the files and bytes to write once the source is scanned, then the blob writer's ticks. */
  progress?: WorkProgress;
}

export interface CreateSummary {
  bootstrap: string;
  bootstrap_size: number;
  blob_id: string;
  blob_path: string | null;
  /** Blobs of the chunk dictionary the image refers to (its blob table lists them first). */
  chunk_dict_blobs: string[];
  blob_size: number;
  uncompressed_size: number;
  chunk_count: number;
  files: number;
  bytes_in: number;
  bytes_stored: number;
  /** Bytes of file data per byte of unique chunk data (1 = no duplication). */
  dedup_ratio: number;
  fs_version: 5 | 6;
  compressor: string;
  digester: string;
  chunk_size: number;
  seconds: number;
}

/** Regular files in chunk-allocation order: depth-first by name, each hard-link group once. */
export function filesInOrder(root: BuildNode): BuildNode[] {
  const out: BuildNode[] = [];
  const go = (n: BuildNode) => {
    if ((n.mode & S_IFMT) === S_IFREG && (!n.linkLeader || n.linkLeader === n)) out.push(n);
    n.children?.forEach(go);
  };
  go(root);
  return out;
}

/**
 * Regular files in blob order: the files of the prefetch list first, in the list's order (a
 * directory brings the files below it, depth-first by name), then every other file in
 * `filesInOrder` order. The startup files so sit together at the front of the blob, in the
 * order they are read, so a few merged backend reads (prefetch, or the cache's sequential
 * read-ahead) fetch them all (nydus-image lays prefetch files out first too). Paths that are
 * not in the tree are left to the bootstrap writers, which refuse them.
 */
export function blobOrder(root: BuildNode, prefetch: string[]): BuildNode[] {
  const all = filesInOrder(root);
  if (prefetch.length === 0) return all;
  const first = new Set<BuildNode>();
  for (const path of prefetch) {
    const node = findNode(root, path);
    if (!node) continue;
    for (const f of filesInOrder(node)) first.add(f);
    // A hard link named in the list brings its group's leader (the node that owns the chunks).
    if (node.linkLeader && (node.mode & S_IFMT) === S_IFREG) first.add(node.linkLeader);
  }
  return [...first, ...all.filter((f) => !first.has(f))];
}

/** After the blob is written: hard-link members share their leader's chunks. */
export function shareLinkChunks(n: BuildNode): void {
  if (n.linkLeader && n.linkLeader !== n) n.chunks = n.linkLeader.chunks;
  n.children?.forEach(shareLinkChunks);
}

/** Reads a prefetch list: one absolute path per line, blank lines ignored (as nydusd reads it). */
export async function readPrefetchList(file: string): Promise<string[]> {
  const lines = (await readFile(file, 'utf8')).split('\n').map((l) => l.trim()).filter((l) => l !== '');
  for (const l of lines) if (!l.startsWith('/')) throw new NydusError('EINVAL', `${file}: prefetch path "${l}" is not absolute`, 2);
  return lines;
}

export async function createImage(req: CreateRequest): Promise<CreateSummary> {
  const started = process.hrtime.bigint();
  if (!Number.isInteger(Math.log2(req.chunkSize)) || req.chunkSize < 0x1000 || req.chunkSize > 0x1000000) {
    throw new NydusError('EINVAL', `chunk size ${req.chunkSize} is not a power of two between 4 KiB and 16 MiB`, 2);
  }
  const srcStat = await stat(req.source).catch((err: Error) => {
    throw new NydusError('ENOENT', `${req.source}: ${err.message}`, 1);
  });
  await mkdir(req.blobDir, { recursive: true });
  const blobsBefore = new Set(await readdir(req.blobDir));
  const work = await mkdtemp(join(tmpdir(), 'nydus-create-'));
  const tmpBoot = join(dirname(req.bootstrap), `.${Date.now()}.${process.pid}.boot.tmp`);
  let blob: BlobResult | null = null;
  try {
    const dict = req.chunkDict ? chunkDictFromBootstrap(req.chunkDict, req.chunkDict, req) : undefined;
    const root = srcStat.isDirectory() ? await scanDirectory(req.source) : await scanTarball(req.source, work);
    const files = blobOrder(root, req.prefetchFiles);
    blob = await writeBlob(files, req, req.blobDir, req.progress, { blobIndex: dict?.blobs.length ?? 0, dict: dict?.chunks });
    shareLinkChunks(root);
    let blobs: BlobsArg = blob.blobId ? blob : null;
    let dictBlobs: string[] = [];
    if (dict) {
      // The dictionary's blobs some file uses, then the new blob (if any chunk was new).
      const list = [...dict.blobs, ...(blob.blobId ? [blob] : [])].map((b) => ({ blob: b, own: b === blob }));
      const kept = keepUsedBlobs(root, list, (e) => e.own);
      blobs = kept.map((e) => e.blob);
      dictBlobs = kept.filter((e) => !e.own).map((e) => e.blob.blobId);
    }
    const bytes = req.fsVersion === 5 ? writeV5Bootstrap(root, blobs, req) : writeV6Bootstrap(root, blobs, req);
    await writeFile(tmpBoot, bytes);
    await rename(tmpBoot, req.bootstrap);
    return {
      bootstrap: req.bootstrap,
      bootstrap_size: bytes.length,
      blob_id: blob.blobId,
      blob_path: blob.blobId ? join(req.blobDir, blob.blobId) : null,
      chunk_dict_blobs: dictBlobs,
      blob_size: blob.compressedSize,
      uncompressed_size: blob.uncompressedSize,
      chunk_count: blob.chunkCount,
      files: files.length,
      bytes_in: blob.bytesIn,
      bytes_stored: blob.bytesStored,
      dedup_ratio: blob.bytesStored > 0 ? Number((blob.bytesIn / blob.bytesStored).toFixed(4)) : 1,
      fs_version: req.fsVersion,
      compressor: req.compressor,
      digester: req.digester,
      chunk_size: req.chunkSize,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
    };
  } catch (err) {
    // No partial output: a blob this run wrote goes too (one that was there before stays).
    await rm(tmpBoot, { force: true });
    if (blob?.blobId && !blobsBefore.has(blob.blobId)) await rm(join(req.blobDir, blob.blobId), { force: true }).catch(() => undefined);
    throw err;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
