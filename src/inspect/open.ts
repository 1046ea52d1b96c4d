// Inspect layer: opens an image for the inspect commands from --blob-dir / --blob-file or a
// nydusd config (localfs backend; the network backends arrive with the daemon's backend bridge).
import { loadConfigFile } from '../config/index.js';
import { localfsFromConfig } from '../config/image-options.js';
import { RafsImage, type ImageOptions } from '../native/image.js';

export interface OpenFlags {
  blobDir?: string;
  blobFile?: string;
  config?: string;
  validate?: boolean;
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
