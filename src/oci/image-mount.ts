// OCI layer: what `nydus fuse --image REF` mounts, worked out when the daemon starts: the
// manifest of REF for this machine, its bootstrap layer fetched into the cache directory and
// the bootstrap extracted there (both named by the layer digest, so later starts reuse them),
// and a v2 configuration whose backend is a registry backend for REF's repository.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ConfigV2 } from '../../generated/types.js';
import { parseConfig, readConfigText } from '../config/index.js';
import { NydusError } from '../errors.js';
import { fetchBootstrapLayer } from './bootstrap-layer.js';
import { ANNOTATION_NYDUS_BOOTSTRAP, type Descriptor, type ImageManifest, MEDIA_NYDUS_BLOB } from './media-types.js';
import { formatReference, type ImageRef, isLoopbackRegistry, parseReference, registryEndpoint } from './reference.js';
import { type Credentials, decodeAuth } from './registry-auth.js';
import { RegistryClient } from './registry-client.js';

export interface ImageMountOptions {
  /** The reference given to --image. */
  image: string;
  /** --config: its cache and rafs options are kept; a registry backend lends its credentials. */
  config?: string;
  configDocument?: Record<string, unknown>;
  log?: (level: 'info' | 'warn', msg: string) => void;
  env?: NodeJS.ProcessEnv;
}

export interface ImageMount {
  /** The extracted bootstrap (absolute). */
  bootstrap: string;
  /** The configuration to mount it with (v2 JSON). */
  config: string;
  manifestDigest: string;
  /** Digest of the bootstrap layer. */
  bootstrapLayer: string;
}

/** What the last successful resolution of a reference found (used when the registry is unreachable). */
interface RefRecord {
  reference: string;
  manifestDigest: string;
  bootstrapLayer: string;
}

/** The default cache directory: $XDG_CACHE_HOME/nydus, else /var/lib/nydus/cache for root, else ~/.cache/nydus. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'nydus');
  if (process.getuid?.() === 0) return '/var/lib/nydus/cache';
  return join(homedir(), '.cache', 'nydus');
}

/** The bootstrap layer: the one annotated as such, else the last one. */
export function bootstrapLayerOf(manifest: ImageManifest): Descriptor {
  const layers = manifest.layers ?? [];
  const marked = layers.find((l) => l.annotations?.[ANNOTATION_NYDUS_BOOTSTRAP] === 'true');
  const layer = marked ?? layers[layers.length - 1];
  if (!layer) throw new NydusError('EINVAL', 'the image manifest has no layers');
  if (!marked && layer.mediaType === MEDIA_NYDUS_BLOB) throw new NydusError('EINVAL', 'the image has no bootstrap layer (its last layer is a nydus data blob)');
  return layer;
}

/** The registry `auth` of a configuration (base64 "user:password"). */
function configAuth(base64: string | undefined): Credentials | undefined {
  if (!base64) return undefined;
  const c = decodeAuth(base64);
  if (!c) throw new NydusError('EINVAL', 'registry auth must be base64 of "user:password"', 2);
  return c;
}

/** The configuration for the image: the given one (or a default) with a registry backend for `ref`. */
async function imageConfig(o: ImageMountOptions, ref: ImageRef, env: NodeJS.ProcessEnv): Promise<{ config: ConfigV2; cacheDir: string; auth?: string }> {
  let base: ConfigV2 | null = null;
  if (o.configDocument) base = parseConfig(JSON.stringify(o.configDocument), { source: 'configuration document' }).config;
  else if (o.config) base = parseConfig(await readConfigText(o.config), { source: o.config }).config;
  const fileCacheDir = base?.cache && ['blobcache', 'filecache'].includes(base.cache.type) ? base.cache.filecache?.work_dir : undefined;
  const cacheDir = resolve(fileCacheDir || defaultCacheDir(env));
  const given = base?.backend?.type === 'registry' ? base.backend.registry : null;
  const auth = env.IMAGE_PULL_AUTH || given?.auth || undefined;
  const registry = {
    ...(given ?? {}),
    host: registryEndpoint(ref.registry),
    repo: ref.repository,
    scheme: isLoopbackRegistry(ref.registry) ? 'http' : given?.scheme || 'https',
    ...(auth ? { auth } : {}),
  };
  const doc = {
    ...(base ?? { version: 2, rafs: { mode: 'direct' } }),
    backend: { type: 'registry', registry },
    cache: base ? base.cache : { type: 'blobcache', filecache: { work_dir: cacheDir } },
  };
  const config = parseConfig(JSON.stringify(doc), { source: `configuration for --image ${o.image}` }).config;
  return { config, cacheDir, auth };
}

/** Resolves `o.image` into a bootstrap file and a mount configuration (network access unless cached). */
export async function resolveImageMount(o: ImageMountOptions): Promise<ImageMount> {
  const env = o.env ?? process.env;
  const log = o.log ?? (() => undefined);
  const ref = parseReference(o.image);
  const name = formatReference(ref);
  const { config, cacheDir, auth } = await imageConfig(o, ref, env);
  const recordFile = join(cacheDir, `image-ref-${createHash('sha256').update(name).digest('hex').slice(0, 32)}.json`);
  const registryCfg = config.backend?.registry;
  const client = RegistryClient.forRef(ref, {
    auth: configAuth(auth),
    plainHttp: registryCfg?.scheme === 'http',
    timeoutMs: Math.max(1, registryCfg?.timeout ?? 30) * 1000,
    skipVerify: registryCfg?.skip_verify ?? false,
    caCertFiles: registryCfg?.ca_cert_files ?? [],
  });

  let manifestDigest: string;
  let layer: { digest: string; mediaType?: string };
  try {
    const image = await client.resolveImage(ref.digest ?? ref.tag ?? 'latest', undefined, { preferNydus: true });
    manifestDigest = image.manifestDigest;
    try {
      layer = bootstrapLayerOf(image.manifest);
    } catch (err) {
      throw new NydusError('EINVAL', `${name}: ${(err as Error).message}`);
    }
  } catch (err) {
    // Unreachable registry: a restart (failover, upgrade) may go on with what the last start found.
    const saved = (err as NydusError).code === 'EIO' ? await readRecord(recordFile) : null;
    if (!saved || !existsSync(bootPath(cacheDir, saved.bootstrapLayer))) throw err;
    log('warn', `${name}: ${(err as Error).message}; using the bootstrap of manifest ${saved.manifestDigest} cached by an earlier start`);
    manifestDigest = saved.manifestDigest;
    layer = { digest: saved.bootstrapLayer };
  }

  const bootstrap = bootPath(cacheDir, layer.digest);
  if (!existsSync(bootstrap)) {
    await mkdir(cacheDir, { recursive: true });
    // Daemons starting together each fetch into a file of their own; the rename is atomic.
    await fetchBootstrapLayer(client, layer.digest, bootstrap, cacheDir, `${name} layer ${layer.digest}`);
    log('info', `${name}: bootstrap of manifest ${manifestDigest} extracted to ${bootstrap}`);
  } else {
    log('info', `${name}: using the cached bootstrap ${bootstrap} (manifest ${manifestDigest})`);
  }
  const record: RefRecord = { reference: name, manifestDigest, bootstrapLayer: layer.digest };
  const temp = `${recordFile}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(record)}\n`);
  await rename(temp, recordFile);
  return { bootstrap, config: JSON.stringify(config), manifestDigest, bootstrapLayer: layer.digest };
}

function bootPath(cacheDir: string, layerDigest: string): string {
  if (!/^sha256:[a-f0-9]{64}$/.test(layerDigest)) throw new NydusError('EINVAL', `bootstrap layer digest "${layerDigest}" is not sha256`);
  return join(cacheDir, `${layerDigest.slice('sha256:'.length)}.boot`);
}

async function readRecord(file: string): Promise<RefRecord | null> {
  try {
    const r = JSON.parse(await readFile(file, 'utf8')) as RefRecord;
    return typeof r.manifestDigest === 'string' && typeof r.bootstrapLayer === 'string' ? r : null;
  } catch {
    return null;
  }
}
