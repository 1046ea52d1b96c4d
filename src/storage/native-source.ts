// Storage layer: adapts a network BlobBackend to what the native data path calls on cache
// misses (src/native/image.ts NativeBlobSource); closing the image closes the backend.
// Failed reads are logged here (the reader only sees EIO): at most 5 lines a second, so a
// dead backend under heavy reads cannot flood the log; the next line says how many were left out.
import type { NativeBlobSource } from '../native/image.js';
import type { BlobBackend, LogFn } from './backend.js';

const LINES_PER_SECOND = 5;

export function blobSourceOf(backend: BlobBackend, log?: LogFn): NativeBlobSource {
  let windowStart = 0;
  let lines = 0;
  let suppressed = 0;
  const failed = (what: string) => (err: unknown) => {
    if (log) {
      const now = Date.now();
      if (now - windowStart >= 1000) {
        windowStart = now;
        lines = 0;
      }
      if (lines < LINES_PER_SECOND) {
        lines++;
        const more = suppressed > 0 ? ` (${suppressed} more failures not logged)` : '';
        suppressed = 0;
        log('error', `${what} failed: ${(err as Error)?.message ?? String(err)}${more}`);
      } else {
        suppressed++;
      }
    }
    throw err;
  };
  return {
    read: (blobId, offset, length, prefetch) =>
      backend.read(blobId, offset, length, { prefetch }).catch(failed(`${prefetch ? 'prefetch' : 'read'} of blob ${blobId} [${offset}, +${length})`)),
    blobSize: (blobId) => backend.blobSize(blobId).catch(failed(`size of blob ${blobId}`)),
    close: () => backend.close(),
  };
}
