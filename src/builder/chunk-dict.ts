// Builder layer: chunk dictionaries (nydus-image --chunk-dict): an existing image's bootstrap
// whose chunks a new build references instead of storing them again. The dictionary's blobs
// come first in the new image's blob list; those no file ends up using are dropped again.
import { NydusError } from '../errors.js';
import type { ChunkDict } from './blob-writer.js';
import type { BlobResult, BuildNode, BuildOptions, ChunkRecord } from './model.js';
import { S_IFMT, S_IFREG } from './model.js';
import { readBootstrap } from './read-bootstrap.js';

export interface ChunkDictionary {
  /** How the user named it (for messages). */
  name: string;
  /** Its blobs: indexes 0..n-1 of the image being built. */
  blobs: BlobResult[];
  /** Its chunks by digest (latin1 of the digest bytes). */
  chunks: ChunkDict;
}

/**
 * Reads the bootstrap `file` as a dictionary for a build with `opts`. The format must agree
 * (RAFS version, digester, chunk size, compressor: one bootstrap names one of each), and the
 * bootstrap must carry chunk digests.
 */
export function chunkDictFromBootstrap(name: string, file: string, opts: BuildOptions): ChunkDictionary {
  let image;
  try {
    image = readBootstrap(file);
  } catch (err) {
    throw new NydusError((err as NydusError).code ?? 'EINVAL', `--chunk-dict ${name}: ${(err as Error).message}`, 1, { cause: err });
  }
  const mismatch = [
    image.fsVersion !== opts.fsVersion && `RAFS v${image.fsVersion} (building v${opts.fsVersion})`,
    image.digester !== opts.digester && `digester ${image.digester} (building with ${opts.digester})`,
    image.chunkSize !== opts.chunkSize && `chunk size 0x${image.chunkSize.toString(16)} (building with 0x${opts.chunkSize.toString(16)})`,
    image.compressor !== opts.compressor && `compressor ${image.compressor} (building with ${opts.compressor})`,
  ].filter(Boolean);
  if (mismatch.length > 0) throw new NydusError('EINVAL', `--chunk-dict ${name}: the dictionary image has ${mismatch.join(', ')}; its chunks cannot be shared`);
  if (!image.digestsKnown) throw new NydusError('EINVAL', `--chunk-dict ${name}: the bootstrap carries no chunk digests, so it cannot serve as a chunk dictionary`);
  const chunks: ChunkDict = new Map();
  for (const b of image.blobs) for (const c of b.chunks) if (!chunks.has(c.digest.toString('latin1'))) chunks.set(c.digest.toString('latin1'), c);
  return { name, blobs: image.blobs, chunks };
}

/**
 * The entries of `list` (each holding the blob at its index) that the image needs: those
 * `always` keeps, and those some regular file of `root` has a chunk in. Renumbers the chunk
 * records of the tree and of the kept blobs to the new indexes.
 */
export function keepUsedBlobs<T extends { blob: BlobResult }>(root: BuildNode, list: T[], always: (entry: T) => boolean): T[] {
  const visit = (n: BuildNode, f: (c: ChunkRecord) => void): void => {
    if ((n.mode & S_IFMT) === S_IFREG) n.chunks?.forEach(f);
    n.children?.forEach((c) => visit(c, f));
  };
  const referenced = new Set<number>();
  visit(root, (c) => referenced.add(c.blobIndex));
  const remap = new Map<number, number>();
  const out: T[] = [];
  list.forEach((entry, i) => {
    if (!always(entry) && !referenced.has(i)) return;
    remap.set(i, out.length);
    out.push(entry);
  });
  // Hard-link members share one chunk array: renumber each record once.
  const seen = new Set<ChunkRecord>();
  visit(root, (c) => {
    if (seen.has(c)) return;
    seen.add(c);
    c.blobIndex = remap.get(c.blobIndex)!;
  });
  return out.map((entry, i) => ({ ...entry, blob: { ...entry.blob, chunks: entry.blob.chunks.map((c) => ({ ...c, blobIndex: i })) } }));
}
