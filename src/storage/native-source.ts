// Storage layer: adapts a network BlobBackend to what the native data path calls on cache
// misses (src/native/image.ts NativeBlobSource); closing the image closes the backend.
// Failed reads are logged here (the reader only sees EIO), at most once a second per text.
import type { NativeBlobSource } from '../native/image.js';
import type { BlobBackend, LogFn } from './backend.js';

export function blobSourceOf(backend: BlobBackend, log?: LogFn): NativeBlobSource {
  let last = '';
  let lastAt = 0;
  const failed = (what: string) => (err: unknown) => {
    const text = `${what} failed: ${(err as Error)?.message ?? String(err)}`;
    const now = Date.now();
    if (log && (text !== last || now - lastAt >= 1000)) log('error', text);
    last = text;
    lastAt = now;
    throw err;
  };
  return {
    read: (blobId, offset, length, prefetch) =>
      backend.read(blobId, offset, length, { prefetch }).catch(failed(`${prefetch ? 'prefetch' : 'read'} of blob ${blobId} [${offset}, +${length})`)),
    blobSize: (blobId) => backend.blobSize(blobId).catch(failed(`size of blob ${blobId}`)),
    close: () => backend.close(),
  };
}
