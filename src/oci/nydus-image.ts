// OCI layer: reading a nydus image from a registry: its manifest's bootstrap layer, and the
// bootstrap file inside that layer's gzip tar (image/image.boot, or image.boot in old images).
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { NydusError } from '../errors.js';
import {
  ANNOTATION_NYDUS_BOOTSTRAP, BOOTSTRAP_IN_LAYER, type Descriptor, type ImageManifest, LEGACY_BOOTSTRAP_IN_LAYER, MEDIA_NYDUS_BLOB,
} from './media-types.js';
import { formatReference, type ImageRef } from './reference.js';
import type { RegistryClient } from './registry-client.js';

/** The bootstrap layer of a nydus manifest: annotated, else the last non-blob layer. */
export function bootstrapLayerOf(manifest: ImageManifest, what: string): Descriptor {
  const marked = manifest.layers.filter((l) => l.annotations?.[ANNOTATION_NYDUS_BOOTSTRAP] === 'true');
  if (marked.length > 1) throw new NydusError('EINVAL', `${what}: ${marked.length} layers are marked as the nydus bootstrap`);
  if (marked.length === 1) return marked[0];
  const last = manifest.layers[manifest.layers.length - 1];
  if (!last || last.mediaType === MEDIA_NYDUS_BLOB || !manifest.layers.some((l) => l.mediaType === MEDIA_NYDUS_BLOB)) {
    throw new NydusError('EINVAL', `${what}: not a nydus image (no layer is marked containerd.io/snapshot/nydus-bootstrap)`);
  }
  return last;
}

/**
 * Extracts the bootstrap from a bootstrap layer (gzip or plain tar) into `dest`, atomically.
 * Only the bootstrap entry is read; names are not used as paths, so `..` cannot escape.
 */
export async function extractBootstrap(layerFile: string, dest: string): Promise<number> {
  let tar = await readFile(layerFile);
  if (tar[0] === 0x1f && tar[1] === 0x8b) {
    try {
      tar = gunzipSync(tar);
    } catch (err) {
      throw new NydusError('EINVAL', `bootstrap layer ${layerFile}: not a valid gzip stream: ${(err as Error).message}`);
    }
  }
  const str = (b: Buffer) => b.toString('utf8', 0, b.indexOf(0) < 0 ? b.length : b.indexOf(0));
  let found: Buffer | undefined;
  let legacy: Buffer | undefined;
  let longName: string | undefined;
  for (let pos = 0; pos + 512 <= tar.length;) {
    const h = tar.subarray(pos, pos + 512);
    if (h.every((b) => b === 0)) break;
    const size = parseInt(str(h.subarray(124, 136)).trim() || '0', 8);
    if (!Number.isSafeInteger(size) || size < 0 || pos + 512 + size > tar.length) {
      throw new NydusError('EINVAL', `bootstrap layer ${layerFile}: truncated or corrupt tar at byte ${pos}`);
    }
    const type = String.fromCharCode(h[156] || 0x30);
    const prefix = str(h.subarray(345, 500));
    let name = longName ?? (prefix ? `${prefix}/${str(h.subarray(0, 100))}` : str(h.subarray(0, 100)));
    longName = undefined;
    const body = tar.subarray(pos + 512, pos + 512 + size);
    if (type === 'L') longName = str(body);
    name = name.replace(/^\.\//, '');
    if (type === '0' || type === '\0') {
      if (name === BOOTSTRAP_IN_LAYER) found = Buffer.from(body);
      else if (name === LEGACY_BOOTSTRAP_IN_LAYER) legacy = Buffer.from(body);
    }
    pos += 512 + Math.ceil(size / 512) * 512;
  }
  const boot = found ?? legacy;
  if (!boot) throw new NydusError('ENOENT', `bootstrap layer ${layerFile}: holds neither ${BOOTSTRAP_IN_LAYER} nor ${LEGACY_BOOTSTRAP_IN_LAYER}`);
  const tmp = join(dirname(dest), `.${randomBytes(6).toString('hex')}.boot.tmp`);
  try {
    await writeFile(tmp, boot);
    await rename(tmp, dest);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return boot.length;
}

/** Resolves a nydus image reference and writes its bootstrap to `dest`. */
export async function fetchNydusBootstrap(
  client: RegistryClient, ref: ImageRef, dest: string, work: string, platform?: string,
): Promise<{ manifest: ImageManifest; manifestDigest: string; layer: Descriptor }> {
  const what = formatReference(ref);
  const image = await client.resolveImage(ref.digest ?? ref.tag ?? 'latest', platform);
  const layer = bootstrapLayerOf(image.manifest, what);
  const file = join(work, `.bootstrap-layer-${randomBytes(6).toString('hex')}`);
  try {
    await client.fetchBlob(layer.digest, file);
    await extractBootstrap(file, dest);
  } finally {
    await rm(file, { force: true });
  }
  return { manifest: image.manifest, manifestDigest: image.manifestDigest, layer };
}
