// Builder layer: `nydus merge` (nydus-image merge): layer bootstraps, lowest first, into one
// bootstrap with overlay semantics applied (whiteouts remove lower entries, opaque
// directories hide lower contents), whose blob table lists every layer's blobs once.
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { NydusError } from '../errors.js';
import type { BlobResult, BuildNode, BuildOptions, ChunkRecord } from './model.js';
import { mergeLayers } from './overlay.js';
import { readBootstrap, type ReadImage } from './read-bootstrap.js';
import { writeV5Bootstrap } from './v5-writer.js';
import { writeV6Bootstrap } from './v6-writer.js';

export interface MergeRequest {
  /** Layer bootstraps, lowest layer first. */
  bootstraps: string[];
  output: string;
  /** Absolute paths for the merged image's prefetch table. */
  prefetchFiles: string[];
}

export interface MergeSummary {
  bootstrap: string;
  bootstrap_size: number;
  fs_version: 5 | 6;
  layers: number;
  blobs: string[];
}

/** Renumbers every regular file's chunks through `map` (old blob index -> new). */
function renumber(node: BuildNode, map: number[]): void {
  if (node.chunks) node.chunks = node.chunks.map((c) => ({ ...c, blobIndex: map[c.blobIndex] }));
  node.children?.forEach((c) => renumber(c, map));
}

/** Reads the bootstraps, checks they can share one superblock, and merges them. */
export function mergeImages(images: ReadImage[], names: string[]): { root: BuildNode; blobs: BlobResult[]; options: BuildOptions } {
  if (images.length === 0) throw new NydusError('EINVAL', 'merge: no bootstrap given', 2);
  const first = images[0];
  images.forEach((img, i) => {
    const differs = [
      img.fsVersion !== first.fsVersion && `RAFS v${img.fsVersion}`,
      img.digester !== first.digester && `digester ${img.digester}`,
      img.compressor !== first.compressor && `compressor ${img.compressor}`,
      img.chunkSize !== first.chunkSize && `chunk size 0x${img.chunkSize.toString(16)}`,
    ].filter(Boolean);
    if (differs.length > 0) {
      throw new NydusError('EINVAL', `merge: ${names[i]} has ${differs.join(', ')}, but ${names[0]} has RAFS v${first.fsVersion}, ` +
        `${first.digester}, ${first.compressor}, chunk size 0x${first.chunkSize.toString(16)}: layers of one image must agree`);
    }
  });
  const blobs: BlobResult[] = [];
  const byId = new Map<string, number>();
  images.forEach((img) => {
    const map = img.blobs.map((b) => {
      let at = byId.get(b.blobId);
      if (at === undefined) {
        at = blobs.length;
        byId.set(b.blobId, at);
        blobs.push({ ...b, chunks: [] });
      }
      // The union of the chunks each layer's files refer to, by chunk index.
      const have = new Set(blobs[at].chunks.map((c) => c.index));
      for (const c of b.chunks) if (!have.has(c.index)) blobs[at].chunks.push({ ...c, blobIndex: at });
      return at;
    });
    renumber(img.root, map);
  });
  for (const b of blobs) b.chunks.sort((x: ChunkRecord, y: ChunkRecord) => x.index - y.index);
  const root = mergeLayers(images.map((i) => i.root));
  const options: BuildOptions = {
    fsVersion: first.fsVersion, compressor: first.compressor, digester: first.digester, chunkSize: first.chunkSize, prefetchFiles: [],
  };
  return { root, blobs, options };
}

export async function mergeBootstraps(req: MergeRequest): Promise<MergeSummary> {
  const images = req.bootstraps.map((b) => {
    try {
      return readBootstrap(b);
    } catch (err) {
      throw new NydusError((err as NydusError).code ?? 'EINVAL', `merge: ${b}: ${(err as Error).message}`, 1, { cause: err });
    }
  });
  const { root, blobs, options } = mergeImages(images, req.bootstraps);
  options.prefetchFiles = req.prefetchFiles;
  const bytes = options.fsVersion === 5 ? writeV5Bootstrap(root, blobs, options) : writeV6Bootstrap(root, blobs, options);
  const tmp = join(dirname(req.output), `.${randomBytes(6).toString('hex')}.boot.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, req.output);
  } catch (err) {
    await rm(tmp, { force: true });
    throw new NydusError((err as { code?: string }).code ?? 'EIO', `merge: cannot write ${req.output}: ${(err as Error).message}`, 1, { cause: err });
  }
  return { bootstrap: req.output, bootstrap_size: bytes.length, fs_version: options.fsVersion, layers: images.length, blobs: blobs.map((b) => b.blobId) };
}
