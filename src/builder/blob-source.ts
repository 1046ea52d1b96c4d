// Builder layer: splits a regular file into chunk pieces (file-offset multiples of the chunk
// size, minus pieces wholly inside sparse holes) and reads each piece from the node's content
// source with an fs handle, never holding a whole file in memory. Used by blob-writer.ts.
import { open, type FileHandle } from 'node:fs/promises';
import { NydusError } from '../errors.js';
import type { BuildNode, DataExtent } from './model.js';

/** A chunk-sized piece of one file: [offset, offset + length) and the data ranges inside it. */
export interface ChunkPiece {
  offset: number;
  length: number;
  /** Data ranges (absolute file offsets) inside the piece; undefined = all data. */
  data?: DataExtent[];
}

/** Data extents sorted, clipped to [0, size), empty ones dropped. */
function normalizedExtents(node: BuildNode): DataExtent[] | undefined {
  if (!node.extents) return undefined;
  return node.extents
    .map((e) => ({ offset: Math.max(0, e.offset), length: Math.min(e.offset + e.length, node.size) - Math.max(0, e.offset) }))
    .filter((e) => e.length > 0)
    .sort((a, b) => a.offset - b.offset);
}

/**
 * The chunk pieces of `node` in file order. Chunk k covers [k*cs, min((k+1)*cs, size));
 * a piece that lies wholly in a hole is skipped, a partly sparse one keeps its zeros.
 */
export function* chunkPieces(node: BuildNode, chunkSize: number): Generator<ChunkPiece> {
  const extents = normalizedExtents(node);
  let ext = 0;
  for (let offset = 0; offset < node.size; offset += chunkSize) {
    const end = Math.min(offset + chunkSize, node.size);
    if (!extents) {
      yield { offset, length: end - offset };
      continue;
    }
    while (ext < extents.length && extents[ext].offset + extents[ext].length <= offset) ext++;
    const data: DataExtent[] = [];
    for (let i = ext; i < extents.length && extents[i].offset < end; i++) {
      const s = Math.max(offset, extents[i].offset);
      const e = Math.min(end, extents[i].offset + extents[i].length);
      if (e > s) data.push({ offset: s, length: e - s });
    }
    if (data.length === 0) continue;
    const full = data.length === 1 && data[0].offset === offset && data[0].length === end - offset;
    yield full ? { offset, length: end - offset } : { offset, length: end - offset, data };
  }
}

/** Reads pieces of one file's content; close() releases its handle. */
export interface PieceReader {
  read(piece: ChunkPiece): Promise<Buffer>;
  close(): Promise<void>;
}

function readError(node: BuildNode, where: string, err: unknown): NydusError {
  const code = (err as { code?: unknown })?.code;
  const reason = err instanceof Error ? err.message : String(err);
  return new NydusError(typeof code === 'string' ? code : 'EIO',
    `cannot read ${node.path} (from ${where}): ${reason}`, 1, { cause: err });
}

/** Opens `node`'s content source. Errors name the image path and the source path. */
export async function openPieceReader(node: BuildNode): Promise<PieceReader> {
  const src = node.source;
  if (!src) throw new NydusError('EINVAL', `regular file ${node.path} has no content source`);
  if (src.kind === 'buffer') {
    if (src.data.length < node.size) {
      throw new NydusError('EIO', `content buffer of ${node.path} holds ${src.data.length} bytes, expected ${node.size}`);
    }
    return {
      read: async (p) => assemble(p, (off, len, dst, at) => { src.data.copy(dst, at, off, off + len); }, src.data),
      close: async () => {},
    };
  }
  const base = src.kind === 'range' ? src.offset : 0;
  let fh: FileHandle;
  try {
    fh = await open(src.path, 'r');
  } catch (err) {
    throw readError(node, src.path, err);
  }
  const readFully = async (off: number, len: number, dst: Buffer, at: number): Promise<void> => {
    let done = 0;
    while (done < len) {
      let n: number;
      try {
        ({ bytesRead: n } = await fh.read(dst, at + done, len - done, base + off + done));
      } catch (err) {
        throw readError(node, src.path, err);
      }
      if (n === 0) {
        throw new NydusError('EIO', `cannot read ${node.path} (from ${src.path}): content ends at byte ` +
          `${off + done} of ${node.size} (file changed while building?)`);
      }
      done += n;
    }
  };
  return { read: (p) => assemble(p, readFully), close: () => fh.close() };
}

type CopyFn = (fileOffset: number, length: number, dst: Buffer, at: number) => void | Promise<void>;

/** The piece's bytes: data ranges copied in, holes left zero. */
async function assemble(piece: ChunkPiece, copy: CopyFn, whole?: Buffer): Promise<Buffer> {
  if (!piece.data && whole) return whole.subarray(piece.offset, piece.offset + piece.length);
  const buf = piece.data ? Buffer.alloc(piece.length) : Buffer.allocUnsafe(piece.length);
  for (const d of piece.data ?? [{ offset: piece.offset, length: piece.length }]) {
    await copy(d.offset, d.length, buf, d.offset - piece.offset);
  }
  return buf;
}
