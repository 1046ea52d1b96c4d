// Inspect layer: `inspect check`: reads every chunk of every regular file (once per inode),
// verifies digests and CRCs natively, and reports each problem by file path and offset.
import type { InspectCheck } from '../../generated/types.js';
import type { RafsImage } from '../native/image.js';
import type { WorkProgress } from '../work-progress.js';
import { S_IFMT, S_IFREG, walk } from './walk.js';

/**
 * `progress` hears the files and bytes to check, then one tick per file: the native verify
 * reads a whole file in one call, so a file is the finest step visible here.
 */
export async function checkImage(image: RafsImage, progress?: WorkProgress): Promise<InspectCheck> {
  const files = new Map<number, { path: string; size: number }>();
  let bytesTotal = 0;
  walk(image, (e) => {
    if ((e.attr.mode & S_IFMT) === S_IFREG && !files.has(e.ino)) {
      files.set(e.ino, { path: e.path, size: e.attr.size });
      bytesTotal += e.attr.size;
    }
  });
  progress?.start(files.size, bytesTotal);
  const result: InspectCheck = { ok: true, files: files.size, chunks: 0, digest_checked: 0, crc_checked: 0, bytes: 0, problems: [] };
  for (const [ino, { path, size }] of files) {
    try {
      const report = await image.verify(ino);
      result.chunks += report.chunks;
      result.digest_checked += report.digestChecked;
      result.crc_checked += report.crcChecked;
      for (const p of report.problems) {
        result.problems.push({ path, ino, file_offset: p.fileOffset, length: p.length, blob_id: p.blobId, chunk_index: p.chunk.index, code: p.code, message: p.message });
      }
    } catch (err) {
      const e = err as Error & { code?: string };
      result.problems.push({ path, ino, file_offset: 0, length: size, blob_id: '', chunk_index: -1, code: e.code ?? 'EIO', message: e.message });
    }
    result.bytes += size;
    progress?.tick(1, size);
  }
  result.ok = result.problems.length === 0;
  return result;
}

export function formatCheck(r: InspectCheck): string {
  const lines = r.problems.map(
    (p) => `CORRUPT ${p.path} at offset ${p.file_offset} (+${p.length}): blob ${p.blob_id || '?'} chunk ${p.chunk_index}: ${p.code}: ${p.message}`,
  );
  lines.push(
    `${r.ok ? 'ok' : 'FAILED'}: ${r.files} files, ${r.bytes} bytes, ${r.chunks} chunk reads ` +
      `(${r.digest_checked} digests and ${r.crc_checked} CRCs compared), ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}`,
  );
  return `${lines.join('\n')}\n`;
}
