// Inspect layer: opens an image for the inspect commands from --blob-dir / --blob-file or a
// nydusd config (any backend; a network backend is closed with the image).
import { backendWaitMs, imageOptionsFromConfig, loadConfigFile } from '../config/index.js';
import { RafsImage, type ImageOptions } from '../native/image.js';
import { createBackend } from '../storage/backend.js';
import { nativeHttpProxyOf } from '../storage/http-proxy.js';
import { blobSourceOf } from '../storage/native-source.js';

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
    const setup = imageOptionsFromConfig(config, flags.config);
    options = setup.options;
    // Inspection reads straight from the backend: no cache files, no background prefetch.
    delete options.cache;
    delete options.prefetch;
    const unixHttp = setup.network && nativeHttpProxyOf(setup.network);
    if (unixHttp) {
      options.unixHttp = unixHttp;
    } else if (setup.network) {
      options.backend = blobSourceOf(createBackend(setup.network, { id: '/' }));
      options.backendWaitMs = backendWaitMs(setup.network);
    }
  }
  if (flags.validate !== undefined) options.validate = flags.validate;
  return RafsImage.open(bootstrap, options);
}
