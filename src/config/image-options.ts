// Config layer: the native image options (localfs backend, digest validation) that a resolved
// v2 config describes, shared by `nydus inspect --config` and the daemon's mounts. Backends
// the native data path does not serve yet (registry, proxy, S3, OSS) are a clear config error.
import type { ConfigV2 } from '../../generated/types.js';
import { ConfigError } from '../errors.js';
import type { ImageOptions } from '../native/image.js';

/** localfs options from a resolved config; a clear error for backends not served natively yet. */
export function localfsFromConfig(config: ConfigV2, source: string): ImageOptions {
  const backend = config.backend;
  if (!backend) throw new ConfigError([{ pointer: '/backend', message: 'expected a storage backend to read blobs from' }], source);
  if (backend.type !== 'localfs' || !backend.localfs) {
    throw new ConfigError(
      [{ pointer: '/backend/type', message: `expected "localfs" (the ${backend.type} backend is not supported yet; blobs are read from local files), found "${backend.type}"` }],
      source,
    );
  }
  return {
    blobFile: backend.localfs.blob_file || undefined,
    dir: backend.localfs.dir || undefined,
    altDirs: backend.localfs.alt_dirs,
    validate: config.rafs?.validate ?? false,
  };
}
