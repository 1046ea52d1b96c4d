// Inspect layer: opens an image for the inspect commands from --blob-dir / --blob-file or a
// nydusd config (localfs backend; the network backends arrive with the daemon's backend bridge).
import type { ConfigV2 } from '../../generated/types.js';
import { loadConfigFile } from '../config/index.js';
import { ConfigError } from '../errors.js';
import { RafsImage, type ImageOptions } from '../native/image.js';

export interface OpenFlags {
  blobDir?: string;
  blobFile?: string;
  config?: string;
  validate?: boolean;
}

/** localfs options from a resolved config; a clear error for backends not served natively yet. */
export function localfsFromConfig(config: ConfigV2, source: string): ImageOptions {
  const backend = config.backend;
  if (!backend) throw new ConfigError([{ pointer: '/backend', message: 'expected a storage backend to read blobs from' }], source);
  if (backend.type !== 'localfs' || !backend.localfs) {
    throw new ConfigError([{ pointer: '/backend/type', message: `expected "localfs" (inspect reads local blobs; ${backend.type} is served by the daemon), found "${backend.type}"` }], source);
  }
  return {
    blobFile: backend.localfs.blob_file || undefined,
    dir: backend.localfs.dir || undefined,
    altDirs: backend.localfs.alt_dirs,
    validate: config.rafs?.validate ?? false,
  };
}

export async function openImage(bootstrap: string, flags: OpenFlags = {}): Promise<RafsImage> {
  let options: ImageOptions = { dir: flags.blobDir, blobFile: flags.blobFile };
  if (flags.config) {
    const { config } = await loadConfigFile(flags.config);
    options = localfsFromConfig(config, flags.config);
  }
  if (flags.validate !== undefined) options.validate = flags.validate;
  return RafsImage.open(bootstrap, options);
}
