// OCI layer: a nydus image's bootstrap out of a registry (the manifest of the platform, its
// bootstrap layer, the bootstrap file inside), for --chunk-dict REF.
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { extractBootstrap } from './bootstrap-layer.js';
import { bootstrapLayerOf } from './image-mount.js';
import type { Descriptor, ImageManifest } from './media-types.js';
import { formatReference, type ImageRef } from './reference.js';
import type { RegistryClient } from './registry-client.js';

/** Resolves a nydus image reference and writes its bootstrap to `dest`. */
export async function fetchNydusBootstrap(
  client: RegistryClient, ref: ImageRef, dest: string, work: string, platform?: string,
): Promise<{ manifest: ImageManifest; manifestDigest: string; layer: Descriptor }> {
  const what = formatReference(ref);
  const image = await client.resolveImage(ref.digest ?? ref.tag ?? 'latest', platform, { preferNydus: true });
  const layer = bootstrapLayerOf(image.manifest);
  const file = join(work, `.bootstrap-layer-${randomBytes(6).toString('hex')}`);
  try {
    await client.fetchBlob(layer.digest, file);
    await extractBootstrap(file, dest, `${what}: bootstrap layer ${layer.digest}`);
  } finally {
    await rm(file, { force: true });
  }
  return { manifest: image.manifest, manifestDigest: image.manifestDigest, layer };
}
