// OCI layer: `nydus convert`, an OCI/Docker image in a registry -> a nydus image in a registry,
// as nydusify does it. Per source layer one nydus data blob (whiteouts and opaque markers kept
// as the layer's entries, chunks already stored by an earlier layer or by the chunk dictionary
// referenced instead of stored again), one bootstrap of all layers merged with overlay
// semantics, then pushed: blobs as nydus blob layers, the bootstrap as a gzip tar layer, the
// config with new diff_ids, and the manifest (an index for several platforms) last, so a
// failure anywhere leaves nothing under the target tag.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeTarHeader } from '../builder/blob-tail.js';
import { type ChunkDict, writeBlob } from '../builder/blob-writer.js';
import { blobOrder, shareLinkChunks } from '../builder/build.js';
import type { BlobResult, BuildNode, BuildOptions } from '../builder/model.js';
import { findNode, S_IFDIR } from '../builder/model.js';
import { applyLayer } from '../builder/overlay.js';
import { chunkDictFromBootstrap, type ChunkDictionary, keepUsedBlobs } from '../builder/chunk-dict.js';
import { scanTarball } from '../builder/scan-tar.js';
import { writeV5Bootstrap } from '../builder/v5-writer.js';
import { writeV6Bootstrap } from '../builder/v6-writer.js';
import { NydusError } from '../errors.js';
import type { WorkProgress } from '../work-progress.js';
import { fetchBootstrapLayer } from './bootstrap-layer.js';
import { bootstrapLayerOf } from './image-mount.js';
import {
  ANNOTATION_NYDUS_BLOB, ANNOTATION_NYDUS_BOOTSTRAP, ANNOTATION_NYDUS_FS_VERSION, ANNOTATION_NYDUS_SOURCE_DIGEST,
  ANNOTATION_NYDUS_SOURCE_REFERENCE, ANNOTATION_UNCOMPRESSED, BOOTSTRAP_IN_LAYER, type Descriptor, type ImageConfig,
  type ImageIndex, type ImageManifest, MEDIA_DOCKER_LAYER_GZIP, MEDIA_DOCKER_LAYER_TAR, MEDIA_NYDUS_BLOB, MEDIA_OCI_CONFIG,
  MEDIA_OCI_INDEX, MEDIA_OCI_LAYER_GZIP, MEDIA_OCI_LAYER_TAR, MEDIA_OCI_LAYER_ZSTD, MEDIA_OCI_MANIFEST, OS_FEATURE_NYDUS, type Platform,
} from './media-types.js';
import { formatPlatform } from './platform.js';
import { formatReference, parseReference, type ImageRef } from './reference.js';
import { decodeAuth } from './registry-auth.js';
import { RegistryClient, type RegistryClientOptions } from './registry-client.js';

/** Layer media types a converter can read (tar, gzip tar, zstd tar; OCI and Docker names). */
const LAYER_TYPES = new Set([MEDIA_OCI_LAYER_TAR, MEDIA_OCI_LAYER_GZIP, MEDIA_OCI_LAYER_ZSTD, MEDIA_DOCKER_LAYER_TAR, MEDIA_DOCKER_LAYER_GZIP,
  'application/vnd.oci.image.layer.nondistributable.v1.tar', 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
  'application/vnd.oci.image.layer.nondistributable.v1.tar+zstd', 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip']);

export type AuthLookup = (registry: string) => RegistryClientOptions['auth'];

/** How to reach a registry: plain http, or https without certificate checks. */
export type RegistryAccess = Pick<RegistryClientOptions, 'plainHttp' | 'skipVerify'>;

export interface ConvertRequest extends Omit<BuildOptions, 'blobToc'> {
  source: string;
  target: string;
  /** Default: https (plain http for loopback hosts), certificates verified. */
  sourceAccess?: RegistryAccess;
  targetAccess?: RegistryAccess;
  /** "os/arch[/variant]" list, or ["all"]; default: this machine's platform. */
  platforms?: string[];
  /** A nydus image reference or a bootstrap file whose chunks are referenced, not pushed again. */
  chunkDict?: string;
  auth?: AuthLookup;
  /** Kept work files go here (else a temp dir, removed at the end). */
  workDir?: string;
  progress?: WorkProgress;
  /** Called with one line per step (for the CLI's log). */
  log?: (line: string) => void;
}

export interface ConvertedBlob {
  digest: string;
  size: number;
  /** Where it came from: a source layer (its index), or the chunk dictionary. */
  from: { layer: number } | { chunkDict: string };
  pushed: boolean;
}

export interface ConvertedPlatform {
  platform: string;
  source_manifest: string;
  manifest: string;
  manifest_size: number;
  config: string;
  bootstrap_layer: string;
  bootstrap_size: number;
  blobs: ConvertedBlob[];
  layers_in: number;
  bytes_in: number;
  bytes_stored: number;
}

export interface ConvertSummary {
  source: string;
  target: string;
  /** Digest under the target tag: the manifest, or the index with several platforms. */
  digest: string;
  media_type: string;
  fs_version: 5 | 6;
  platforms: ConvertedPlatform[];
  /** Compressed size of the source layers, and the bytes of every layer of the result. */
  source_size: number;
  target_size: number;
  pushed_bytes: number;
  seconds: number;
}

const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

function convertError(message: string, code = 'EINVAL', exitCode = 1, cause?: unknown): NydusError {
  return new NydusError(code, message, exitCode, cause === undefined ? undefined : { cause });
}

/** The chunk dictionary, and where its blobs can be fetched from when the target lacks them. */
interface LoadedDict extends ChunkDictionary {
  repo?: { client: RegistryClient; ref: ImageRef };
}

async function loadChunkDict(spec: string, opts: BuildOptions, work: string, req: ConvertRequest): Promise<LoadedDict> {
  // nydusify's form "bootstrap:registry:REF" and "bootstrap:local:FILE" are accepted too.
  let kind: 'file' | 'ref' | undefined;
  let what = spec;
  const m = /^bootstrap:(registry|local):(.+)$/.exec(spec);
  if (m) {
    kind = m[1] === 'local' ? 'file' : 'ref';
    what = m[2];
  } else {
    kind = await readFile(spec).then(() => 'file' as const, () => 'ref' as const);
  }
  if (kind === 'file') return chunkDictFromBootstrap(spec, what, opts);
  const ref = parseReference(what);
  // A dictionary on the source's or the target's registry is reached the same way.
  const access = ref.registry === parseReference(req.target).registry ? req.targetAccess
    : ref.registry === parseReference(req.source).registry ? req.sourceAccess : undefined;
  const client = RegistryClient.forRef(ref, { auth: req.auth?.(ref.registry), ...access });
  const bootstrap = join(work, 'chunk-dict.boot');
  const image = await client.resolveImage(ref.digest ?? ref.tag ?? 'latest', undefined, { preferNydus: true });
  const layer = bootstrapLayerOf(image.manifest);
  await fetchBootstrapLayer(client, layer.digest, bootstrap, work, `--chunk-dict ${formatReference(ref)}: bootstrap layer ${layer.digest}`);
  return { ...chunkDictFromBootstrap(spec, bootstrap, opts), repo: { client, ref } };
}

/** Reads credentials for a registry from the Docker client config ($DOCKER_CONFIG or ~/.docker/config.json). */
export async function dockerConfigAuth(): Promise<AuthLookup> {
  const dir = process.env.DOCKER_CONFIG ?? join(process.env.HOME ?? '/root', '.docker');
  let auths: Record<string, { auth?: string; username?: string; password?: string }> = {};
  try {
    auths = (JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as { auths?: typeof auths }).auths ?? {};
  } catch {
    // No docker config: anonymous, unless the command line gives credentials.
  }
  return (registry) => {
    const hosts = registry === 'registry-1.docker.io' || registry === 'docker.io'
      ? ['https://index.docker.io/v1/', 'docker.io', 'index.docker.io', 'registry-1.docker.io'] : [registry, `https://${registry}`, `http://${registry}`];
    for (const h of hosts) {
      const a = auths[h];
      if (!a) continue;
      if (a.username !== undefined && a.password !== undefined) return { username: a.username, password: a.password };
      const decoded = a.auth ? decodeAuth(a.auth) : null;
      if (decoded) return decoded;
    }
    return undefined;
  };
}

/**
 * Which source platforms to convert ("" = this machine's), and whether the result is an index:
 * a source index converted for several platforms, or for "all" of them.
 */
function choosePlatforms(index: ImageIndex | undefined, wanted: string[] | undefined): { platforms: string[]; asIndex: boolean } {
  if (!wanted || wanted.length === 0) return { platforms: [''], asIndex: false };
  if (!index) return { platforms: [wanted[0]], asIndex: false };
  if (wanted.length > 1 || wanted[0] !== 'all') return { platforms: wanted, asIndex: wanted.length > 1 };
  const all = index.manifests
    .filter((d) => d.platform && d.platform.os !== 'unknown' && !(d.platform['os.features'] ?? []).includes(OS_FEATURE_NYDUS))
    .map((d) => formatPlatform(d.platform!));
  return { platforms: [...new Set(all)], asIndex: true };
}

/** Converts `source` into a nydus image pushed as `target`. */
export async function convertImage(req: ConvertRequest): Promise<ConvertSummary> {
  const started = process.hrtime.bigint();
  const log = req.log ?? (() => undefined);
  const opts: BuildOptions = { ...req, blobToc: true };
  const srcRef = parseReference(req.source);
  const dstRef = parseReference(req.target);
  if (dstRef.digest) throw convertError(`--target ${req.target}: name a tag, not a digest`, 'EINVAL', 2);
  const src = RegistryClient.forRef(srcRef, { auth: req.auth?.(srcRef.registry), ...req.sourceAccess });
  const dst = RegistryClient.forRef(dstRef, { auth: req.auth?.(dstRef.registry), ...req.targetAccess });
  const work = req.workDir ?? await mkdtemp(join(tmpdir(), 'nydus-convert-'));
  if (req.workDir) await mkdir(work, { recursive: true });
  let pusher: BlobPusher | undefined;
  try {
    const srcTag = srcRef.digest ?? srcRef.tag ?? 'latest';
    const top = await src.getManifest(srcTag);
    let index: ImageIndex | undefined;
    if ((top.json as ImageIndex).manifests) index = top.json as ImageIndex;
    const { platforms, asIndex } = choosePlatforms(index, req.platforms);
    if (platforms.length === 0) throw convertError(`${req.source}: the index names no platform to convert`);
    const dict = req.chunkDict ? await loadChunkDict(req.chunkDict, opts, work, req) : undefined;
    pusher = new BlobPusher(dst, dstRef, dict);

    // Data blobs go up while later layers convert; the manifests only once every platform
    // is built and every blob is up, so a failure leaves nothing under the target tag.
    const built: BuiltPlatform[] = [];
    for (const [k, p] of platforms.entries()) {
      const dir = join(work, `p${k}`);
      await mkdir(dir, { recursive: true });
      built.push(await buildPlatform(src, srcTag, p || undefined, opts, dict, dir, req, log, pusher));
    }

    let pushedBytes = 0;
    const results: ConvertedPlatform[] = [];
    for (const b of built) {
      const r = await pushPlatform(dst, b, pusher, srcRef, req, log);
      pushedBytes += r.pushed;
      results.push(r.result);
    }
    let digest: string;
    let mediaType: string;
    const tag = dstRef.tag ?? 'latest';
    if (!asIndex) {
      digest = await dst.putManifest(tag, MEDIA_OCI_MANIFEST, built[0].manifestBytes!);
      mediaType = MEDIA_OCI_MANIFEST;
    } else {
      for (const [i, r] of results.entries()) await dst.putManifest(r.manifest, MEDIA_OCI_MANIFEST, built[i].manifestBytes!);
      const out: ImageIndex = {
        schemaVersion: 2,
        mediaType: MEDIA_OCI_INDEX,
        manifests: built.map((b, i) => ({
          mediaType: MEDIA_OCI_MANIFEST,
          digest: results[i].manifest,
          size: results[i].manifest_size,
          platform: { ...b.platform, 'os.features': [...(b.platform['os.features'] ?? []), OS_FEATURE_NYDUS] },
        })),
      };
      const bytes = Buffer.from(JSON.stringify(out, null, 2));
      digest = await dst.putManifest(tag, MEDIA_OCI_INDEX, bytes);
      mediaType = MEDIA_OCI_INDEX;
    }
    log(`pushed ${formatReference(dstRef)} (${digest})`);
    return {
      source: req.source,
      target: req.target,
      digest,
      media_type: mediaType,
      fs_version: opts.fsVersion,
      platforms: results,
      source_size: built.reduce((s, b) => s + b.sourceSize, 0),
      target_size: results.reduce((s, r) => s + r.bootstrap_size + r.blobs.reduce((t, x) => t + x.size, 0), 0),
      pushed_bytes: pushedBytes,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
    };
  } finally {
    // Nothing may still read the work files when they go.
    await pusher?.cancel();
    if (!req.workDir) await rm(work, { recursive: true, force: true });
  }
}

interface BuiltBlob {
  blob: BlobResult;
  /** File of the blob; absent for a dictionary blob (fetched or mounted from the dictionary). */
  path?: string;
  from: ConvertedBlob['from'];
}

interface BuiltPlatform {
  platform: Platform;
  sourceManifest: string;
  sourceSize: number;
  layers: number;
  blobs: BuiltBlob[];
  bootstrapLayer: Buffer;
  bootstrapDiffId: string;
  config: ImageConfig;
  manifestBytes?: Buffer;
  bytesIn: number;
  bytesStored: number;
}

async function buildPlatform(
  src: RegistryClient, srcTag: string, platform: string | undefined, opts: BuildOptions, dict: LoadedDict | undefined,
  dir: string, req: ConvertRequest, log: (l: string) => void, pusher: BlobPusher,
): Promise<BuiltPlatform> {
  const image = await src.resolveImage(srcTag, platform);
  const { manifest, config } = image;
  for (const [i, l] of manifest.layers.entries()) {
    if (l.mediaType === MEDIA_NYDUS_BLOB || l.annotations?.[ANNOTATION_NYDUS_BOOTSTRAP] === 'true') {
      throw convertError(`${req.source}: layer ${i} (${l.digest}) is already a nydus layer; the source must be an OCI or Docker image`);
    }
    if (!LAYER_TYPES.has(l.mediaType)) {
      throw convertError(`${req.source}: layer ${i} (${l.digest}) has media type ${l.mediaType}, which the converter cannot read (tar, gzip or zstd tar layers only)`);
    }
  }
  if (!config.rootfs || !Array.isArray(config.rootfs.diff_ids)) throw convertError(`${req.source}: the image config has no rootfs.diff_ids`);
  const plat: Platform = {
    os: config.os ?? 'linux', architecture: config.architecture ?? 'amd64', ...(config.variant ? { variant: config.variant } : {}),
  };
  log(`${formatPlatform(plat)}: ${manifest.layers.length} layers, ${image.manifestDigest}`);

  // Fetch the layers (verified against their digests), a few at a time.
  const files = manifest.layers.map((_, i) => join(dir, `layer-${i}`));
  let next = 0;
  const fetchOne = async (): Promise<void> => {
    while (next < manifest.layers.length) {
      const i = next++;
      const l = manifest.layers[i];
      try {
        await src.fetchBlob(l.digest, files[i]);
      } catch (err) {
        throw convertError(`${req.source}: layer ${i} (${l.digest}): ${(err as Error).message}`, (err as NydusError).code ?? 'EIO', 1, err);
      }
    }
  };
  await Promise.all([fetchOne(), fetchOne(), fetchOne()]);
  log(`${formatPlatform(plat)}: ${manifest.layers.length} layers fetched (${manifest.layers.reduce((s, l) => s + l.size, 0)} bytes)`);

  // One blob per layer; chunks seen in the dictionary or an earlier layer are referenced.
  const chunks: ChunkDict = new Map(dict?.chunks);
  const blobs: BuiltBlob[] = (dict?.blobs ?? []).map((blob) => ({ blob, from: { chunkDict: dict!.name } }));
  // The layers merged so far: a layer's hard link may name a file of a lower layer.
  let merged: BuildNode | null = null;
  const blobDir = join(dir, 'blobs');
  await mkdir(blobDir, { recursive: true });
  let bytesIn = 0;
  let bytesStored = 0;
  for (const [i, l] of manifest.layers.entries()) {
    const layerWork = join(dir, `scan-${i}`);
    await mkdir(layerWork, { recursive: true });
    let tree: BuildNode;
    try {
      tree = await scanTarball(files[i], layerWork, { lower: merged ?? undefined });
    } catch (err) {
      throw convertError(`${req.source}: layer ${i} (${l.digest}): ${(err as Error).message}`, (err as NydusError).code ?? 'EINVAL', 1, err);
    }
    const inLayer = opts.prefetchFiles.filter((p) => findNode(tree, p) !== undefined);
    const order = blobOrder(tree, inLayer);
    const blob = await writeBlob(order, opts, blobDir, req.progress, { blobIndex: blobs.length, dict: chunks });
    shareLinkChunks(tree);
    // The layer's bytes are in the blob now: its download and unpacked tar can go.
    await rm(layerWork, { recursive: true, force: true });
    await rm(files[i], { force: true });
    bytesIn += blob.bytesIn;
    bytesStored += blob.bytesStored;
    if (blob.blobId) {
      for (const c of blob.chunks) chunks.set(c.digest.toString('latin1'), c);
      const built: BuiltBlob = { blob, path: join(blobDir, blob.blobId), from: { layer: i } };
      blobs.push(built);
      void pusher.start(built);
      log(`layer ${i} (${l.digest}): blob ${blob.blobId}, ${blob.chunkCount} chunks, ${blob.compressedSize} bytes`);
    } else {
      log(`layer ${i} (${l.digest}): no new chunk, no blob`);
    }
    merged = applyLayer(merged, tree);
  }

  const root = merged ?? applyLayer(null, emptyRoot());
  // Every layer blob stays (a layer's blob is part of the image even when upper layers hide
  // all its files, as nydusify keeps it); dictionary blobs only when a file uses them.
  const used = keepUsedBlobs(root, blobs, (b) => 'layer' in b.from);
  const blobResults = used.map((b) => b.blob);
  let bootstrap: Buffer;
  try {
    bootstrap = opts.fsVersion === 5 ? writeV5Bootstrap(root, blobResults, opts) : writeV6Bootstrap(root, blobResults, opts);
  } catch (err) {
    throw convertError(`${req.source}: merged bootstrap: ${(err as Error).message}`, (err as NydusError).code ?? 'EINVAL', 1, err);
  }
  await writeFile(join(dir, 'image.boot'), bootstrap);
  const tar = bootstrapTar(bootstrap);
  const bootstrapLayer = gzipSync(tar, { level: 6 });
  const diffIds = [...used.map((b) => `sha256:${b.blob.blobId}`), sha256(tar)];
  const newConfig: ImageConfig = { ...config, rootfs: { type: 'layers', diff_ids: diffIds } };
  return {
    platform: plat,
    sourceManifest: image.manifestDigest,
    sourceSize: manifest.layers.reduce((s, l) => s + l.size, 0),
    layers: manifest.layers.length,
    blobs: used,
    bootstrapLayer,
    bootstrapDiffId: sha256(tar),
    config: newConfig,
    bytesIn,
    bytesStored,
  };
}

/** The root of an image without layers. */
function emptyRoot(): BuildNode {
  return { name: Buffer.from('/'), path: '/', mode: S_IFDIR | 0o755, uid: 0, gid: 0, mtime: 0, mtimeNsec: 0, size: 0, rdev: 0, nlink: 2, xattrs: [], children: [] };
}



/** The bootstrap layer's tar: the directory `image/` and `image/image.boot` (mode 0644, mtime 0). */
export function bootstrapTar(bootstrap: Buffer): Buffer {
  return Buffer.concat([
    encodeTarHeader('image/', 0, { type: '5', mode: 0o755 }),
    encodeTarHeader(BOOTSTRAP_IN_LAYER, bootstrap.length, { mode: 0o644 }), bootstrap,
    Buffer.alloc((512 - (bootstrap.length % 512)) % 512),
    Buffer.alloc(1024),
  ]);
}

/**
 * Uploads data blobs in the background, one at a time, each digest once: a layer's blob goes
 * up while the next layer is being converted. After cancel() the queued ones are skipped.
 */
class BlobPusher {
  private readonly flights = new Map<string, Promise<boolean>>();
  private chain: Promise<unknown> = Promise.resolve();
  private cancelled = false;

  constructor(private readonly dst: RegistryClient, private readonly dstRef: ImageRef, private readonly dict: LoadedDict | undefined) {}

  /** Queues `x` (once per blob id); resolves to whether it was uploaded (false: already there). */
  start(x: BuiltBlob): Promise<boolean> {
    let flight = this.flights.get(x.blob.blobId);
    if (!flight) {
      flight = this.chain.then(() => {
        if (this.cancelled) throw convertError('push cancelled', 'ECANCELED');
        return this.push(x);
      });
      flight.catch(() => undefined); // observed by whoever awaits start()
      this.flights.set(x.blob.blobId, flight);
      this.chain = flight.catch(() => undefined);
    }
    return flight;
  }

  /** Skips what is queued and waits for the upload in progress. */
  async cancel(): Promise<void> {
    this.cancelled = true;
    await Promise.allSettled(this.flights.values());
  }

  private async push(x: BuiltBlob): Promise<boolean> {
    const { dst, dstRef } = this;
    const digest = `sha256:${x.blob.blobId}`;
    try {
      if (x.path) return await dst.pushBlob(digest, x.path, x.blob.compressedSize);
      if (await dst.hasBlob(digest)) return false;
      // A dictionary blob the target repository lacks: mount it from the dictionary's
      // repository on the same registry, else copy it through a temp file.
      const from = this.dict?.repo;
      if (!from) throw convertError(`chunk dictionary blob ${digest} is not in ${dstRef.registry}/${dstRef.repository}, and the dictionary is a local bootstrap`, 'ENOENT');
      const mounted = from.ref.registry === dstRef.registry && await dst.mountBlob(digest, from.ref.repository);
      if (!mounted) {
        const tmp = join(tmpdir(), `nydus-dict-${process.pid}-${x.blob.blobId}`);
        try {
          await from.client.fetchBlob(digest, tmp);
          await dst.pushBlob(digest, tmp, x.blob.compressedSize);
        } finally {
          await rm(tmp, { force: true });
        }
      }
      return true;
    } catch (err) {
      const what = 'layer' in x.from ? `the blob of source layer ${x.from.layer}` : 'a chunk dictionary blob';
      throw convertError(`push of ${what} (${digest}) to ${formatReference(dstRef)}: ${(err as Error).message}`, (err as NydusError).code ?? 'EIO', 1, err);
    }
  }
}

async function pushPlatform(
  dst: RegistryClient, b: BuiltPlatform, pusher: BlobPusher, srcRef: ImageRef, req: ConvertRequest, log: (l: string) => void,
): Promise<{ pushed: number; result: ConvertedPlatform }> {
  let pushed = 0;
  const blobs: ConvertedBlob[] = [];
  for (const x of b.blobs) {
    const digest = `sha256:${x.blob.blobId}`;
    const did = await pusher.start(x);
    if (did) pushed += x.blob.compressedSize;
    blobs.push({ digest, size: x.blob.compressedSize, from: x.from, pushed: did });
    log(`blob ${digest} (${x.blob.compressedSize} bytes): ${did ? 'pushed' : 'already there'}`);
  }
  const bootDigest = sha256(b.bootstrapLayer);
  if (await dst.pushBlob(bootDigest, b.bootstrapLayer, b.bootstrapLayer.length)) pushed += b.bootstrapLayer.length;
  const configBytes = Buffer.from(JSON.stringify(b.config));
  const configDigest = sha256(configBytes);
  if (await dst.pushBlob(configDigest, configBytes, configBytes.length)) pushed += configBytes.length;

  const layers: Descriptor[] = b.blobs.map((x) => ({
    mediaType: MEDIA_NYDUS_BLOB,
    digest: `sha256:${x.blob.blobId}`,
    size: x.blob.compressedSize,
    annotations: { [ANNOTATION_NYDUS_BLOB]: 'true' },
  }));
  layers.push({
    mediaType: MEDIA_OCI_LAYER_GZIP,
    digest: bootDigest,
    size: b.bootstrapLayer.length,
    annotations: {
      [ANNOTATION_UNCOMPRESSED]: b.bootstrapDiffId,
      [ANNOTATION_NYDUS_BOOTSTRAP]: 'true',
      [ANNOTATION_NYDUS_FS_VERSION]: String(req.fsVersion),
    },
  });
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MEDIA_OCI_MANIFEST,
    config: { mediaType: MEDIA_OCI_CONFIG, digest: configDigest, size: configBytes.length },
    layers,
    annotations: {
      [ANNOTATION_NYDUS_SOURCE_DIGEST]: b.sourceManifest,
      [ANNOTATION_NYDUS_SOURCE_REFERENCE]: formatReference(srcRef),
    },
  };
  b.manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
  const manifestDigest = sha256(b.manifestBytes);
  // With several platforms the manifests go by digest; the tag is written last, by the caller.
  return {
    pushed,
    result: {
      platform: formatPlatform(b.platform),
      source_manifest: b.sourceManifest,
      manifest: manifestDigest,
      manifest_size: b.manifestBytes.length,
      config: configDigest,
      bootstrap_layer: bootDigest,
      bootstrap_size: b.bootstrapLayer.length,
      blobs,
      layers_in: b.layers,
      bytes_in: b.bytesIn,
      bytes_stored: b.bytesStored,
    },
  };
}
