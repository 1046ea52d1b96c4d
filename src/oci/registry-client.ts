// OCI layer: a client of the OCI distribution API for whole-image work (convert, fuse --image):
// manifests and indexes (read, verify, pick a platform, write), blobs (verified download to a
// file, upload, cross-repository mount). Anonymous first; a 401 is answered with Basic or with a
// Bearer token fetched per scope (./registry-auth.ts).
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { rename, stat, unlink } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { NydusError } from '../errors.js';
import { type Body, drain, ioError, readBody, send, statusError } from './http.js';
import { decodeManifest } from './manifest.js';
import { RegistryAuth } from './registry-auth.js';
import { type ImageConfig, type ImageIndex, type ImageManifest, INDEX_MEDIA_TYPES, MANIFEST_MEDIA_TYPES } from './media-types.js';
import { pickPlatform } from './platform.js';
import { formatReference, type ImageRef, isDigest, isLoopbackRegistry, registryEndpoint } from './reference.js';

export interface RegistryClientOptions {
  auth?: { username: string; password: string };
  /** Default: true for 127.0.0.1/localhost/[::1], else https. */
  plainHttp?: boolean;
  /** Inactivity limit of one exchange (connect, headers, each body chunk); default 30 s. */
  timeoutMs?: number;
  /** https: do not verify the registry's certificate. */
  skipVerify?: boolean;
  /** https: PEM files of CA certificates trusted besides the system's. */
  caCertFiles?: string[];
}

export interface ManifestAnswer {
  mediaType: string;
  digest: string;
  bytes: Buffer;
  json: ImageManifest | ImageIndex;
}

export interface ResolvedImage {
  manifest: ImageManifest;
  manifestDigest: string;
  manifestBytes: Buffer;
  mediaType: string;
  config: ImageConfig;
  configBytes: Buffer;
  /** The index the manifest was picked from, when the reference named one. */
  index?: ImageIndex;
}

export interface ResolveOptions {
  /** Among manifests of the platform, prefer the nydus one (os.features nydus.remoteimage.v1); default: prefer the others. */
  preferNydus?: boolean;
}

const ACCEPT = [...MANIFEST_MEDIA_TYPES, ...INDEX_MEDIA_TYPES].join(', ');
const MAX_MANIFEST = 4 << 20;
const MAX_CONFIG = 16 << 20;

const sha256 = (data: Buffer) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

function checkDigest(digest: string): void {
  if (!/^sha256:[a-f0-9]{64}$/.test(digest)) throw new NydusError('EINVAL', `"${digest}" is not a sha256 digest (sha256:<64 hex digits>)`, 2);
}

/** A tag or a digest: anything else would change the request path. */
function checkReference(reference: string): void {
  if (!isDigest(reference) && !/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(reference)) {
    throw new NydusError('EINVAL', `"${reference}" is neither a tag nor a digest`, 2);
  }
}

function readCaFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new NydusError('EINVAL', `cannot read the CA certificate file ${file}: ${(err as Error).message}`, 2);
  }
}

export class RegistryClient {
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly tls: { skipVerify?: boolean; ca?: string[] };
  private readonly auth: RegistryAuth;

  constructor(readonly registry: string, readonly repository: string, opts: RegistryClientOptions = {}) {
    const plain = opts.plainHttp ?? isLoopbackRegistry(registry);
    this.base = `${plain ? 'http' : 'https'}://${registryEndpoint(registry)}/v2/${repository}`;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.tls = { skipVerify: opts.skipVerify, ca: (opts.caCertFiles ?? []).map(readCaFile) };
    this.auth = new RegistryAuth(`${registry}/${repository}`, opts.auth, { timeoutMs: this.timeoutMs, tls: this.tls });
  }

  static forRef(ref: ImageRef, opts?: RegistryClientOptions): RegistryClient {
    return new RegistryClient(ref.registry, ref.repository, opts);
  }

  private name(reference: string): string {
    return isDigest(reference) ? formatReference({ registry: this.registry, repository: this.repository, digest: reference }) : formatReference({ registry: this.registry, repository: this.repository, tag: reference });
  }

  /** Fetches a manifest or index by tag or digest, verifies its digest and names its media type. */
  async getManifest(reference: string): Promise<ManifestAnswer> {
    checkReference(reference);
    const what = this.name(reference);
    const res = await this.request('GET', `/manifests/${reference}`, 'pull', { Accept: ACCEPT });
    if (res.statusCode === 404) {
      await drain(res);
      throw new NydusError('ENOENT', `${what}: manifest unknown (the registry has no such ${isDigest(reference) ? 'digest' : 'tag'})`);
    }
    if (res.statusCode !== 200) throw await statusError(res, `GET manifest ${what}`);
    const bytes = await readBody(res, `GET manifest ${what}`, MAX_MANIFEST);
    const digest = sha256(bytes);
    if (isDigest(reference) && reference !== digest) {
      throw new NydusError('EBADMSG', `${what}: manifest content has digest ${digest}, not the requested ${reference}`);
    }
    const header = (res.headers['content-type'] ?? '').split(';')[0].trim();
    return { ...decodeManifest(header, bytes, what), digest, bytes };
  }

  /** The image manifest of a platform (default: this machine's) and its config. */
  async resolveImage(reference: string, platform?: string, options: ResolveOptions = {}): Promise<ResolvedImage> {
    const top = await this.getManifest(reference);
    let answer = top;
    let index: ImageIndex | undefined;
    if (INDEX_MEDIA_TYPES.includes(top.mediaType)) {
      index = top.json as ImageIndex;
      const chosen = pickPlatform(index, platform, options.preferNydus ?? false, this.name(reference));
      answer = await this.getManifest(chosen.digest);
      if (!MANIFEST_MEDIA_TYPES.includes(answer.mediaType)) {
        throw new NydusError('EINVAL', `${this.name(chosen.digest)}: expected an image manifest in the index, got ${answer.mediaType}`);
      }
    }
    const manifest = answer.json as ImageManifest;
    if (!manifest.config?.digest || !Array.isArray(manifest.layers)) {
      throw new NydusError('EINVAL', `${this.name(answer.digest)}: manifest lacks config or layers`);
    }
    const configBytes = await this.readBlob(manifest.config.digest, MAX_CONFIG);
    let config: ImageConfig;
    try {
      config = JSON.parse(configBytes.toString('utf8')) as ImageConfig;
    } catch (err) {
      throw new NydusError('EINVAL', `${this.name(answer.digest)}: config ${manifest.config.digest} is not JSON: ${(err as Error).message}`);
    }
    return { manifest, manifestDigest: answer.digest, manifestBytes: answer.bytes, mediaType: answer.mediaType, config, configBytes, ...(index ? { index } : {}) };
  }

  /** Downloads a blob to `destFile` (temp file beside it, sha256-verified, renamed); returns its size. */
  async fetchBlob(digest: string, destFile: string): Promise<number> {
    checkDigest(digest);
    const res = await this.openBlob(digest);
    const temp = join(dirname(destFile), `.${basename(destFile)}.part-${process.pid}-${randomBytes(4).toString('hex')}`);
    const hash = createHash('sha256');
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(res, counter, createWriteStream(temp, { mode: 0o644 })).catch((err: unknown) => {
        throw ioError(`GET blob ${digest} from ${this.registry}/${this.repository}`, err);
      });
      this.verify(digest, `sha256:${hash.digest('hex')}`, size, res);
      await rename(temp, destFile);
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      throw err;
    }
    return size;
  }

  /** A blob's bytes in memory, verified (at most `maxBytes`, default 64 MiB). */
  async readBlob(digest: string, maxBytes = 64 << 20): Promise<Buffer> {
    checkDigest(digest);
    const res = await this.openBlob(digest);
    const data = await readBody(res, `GET blob ${digest} from ${this.registry}/${this.repository}`, maxBytes);
    this.verify(digest, sha256(data), data.length, res);
    return data;
  }

  async hasBlob(digest: string): Promise<boolean> {
    return this.headBlob(digest, 'pull');
  }

  /** Uploads a blob unless the registry has it: HEAD, POST uploads/, PUT ?digest= (monolithic). */
  async pushBlob(digest: string, source: string | Buffer, size: number): Promise<boolean> {
    checkDigest(digest);
    const actual = Buffer.isBuffer(source) ? source.length : await stat(source).then((st) => st.size, (err: Error) => {
      throw new NydusError('ENOENT', `pushBlob ${digest}: cannot read ${source}: ${err.message}`);
    });
    if (actual !== size) throw new NydusError('EINVAL', `pushBlob ${digest}: ${Buffer.isBuffer(source) ? 'the buffer' : source} has ${actual} bytes, size says ${size}`, 2);
    if (await this.headBlob(digest, 'push')) return false;
    const what = `upload of ${digest} to ${this.registry}/${this.repository}`;
    const start = await this.request('POST', '/blobs/uploads/', 'push');
    if (start.statusCode !== 202 || !start.headers.location) throw await statusError(start, `POST ${what}`);
    await drain(start);
    const target = new URL(start.headers.location, `${this.base}/blobs/uploads/`);
    target.searchParams.set('digest', digest);
    const body: Body = Buffer.isBuffer(source) ? source : { file: source, size };
    const put = await this.request('PUT', target, 'push', { 'Content-Type': 'application/octet-stream' }, body);
    if (put.statusCode !== 201) throw await statusError(put, `PUT ${what}`);
    await drain(put);
    return true;
  }

  /** Cross-repository mount; false when the registry started an upload instead (202). */
  async mountBlob(digest: string, fromRepository: string): Promise<boolean> {
    checkDigest(digest);
    const query = `?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(fromRepository)}`;
    const res = await this.request('POST', `/blobs/uploads/${query}`, 'push', {}, undefined, fromRepository);
    if (res.statusCode === 201) {
      await drain(res);
      return true;
    }
    if (res.statusCode !== 202) throw await statusError(res, `mount of ${digest} from ${fromRepository} into ${this.registry}/${this.repository}`);
    await drain(res);
    // Cancel the upload session the registry opened instead (it would expire on its own).
    if (res.headers.location) {
      await this.request('DELETE', new URL(res.headers.location, `${this.base}/blobs/uploads/`), 'push', {}, undefined, fromRepository).then(drain, () => undefined);
    }
    return false;
  }

  /** Stores a manifest or index under a tag or digest; returns its digest. */
  async putManifest(reference: string, mediaType: string, bytes: Buffer): Promise<string> {
    checkReference(reference);
    const digest = sha256(bytes);
    if (isDigest(reference) && reference !== digest) throw new NydusError('EINVAL', `putManifest: reference ${reference} is not the digest of the bytes (${digest})`, 2);
    const res = await this.request('PUT', `/manifests/${reference}`, 'push', { 'Content-Type': mediaType }, bytes);
    if (res.statusCode !== 201) throw await statusError(res, `PUT manifest ${this.name(reference)}`);
    await drain(res);
    return digest;
  }

  private async headBlob(digest: string, access: 'pull' | 'push'): Promise<boolean> {
    checkDigest(digest);
    const res = await this.request('HEAD', `/blobs/${digest}`, access);
    await drain(res);
    if (res.statusCode === 200) return true;
    if (res.statusCode === 404) return false;
    throw await statusError(res, `HEAD blob ${digest} in ${this.registry}/${this.repository}`);
  }

  /** GET of a blob, following redirects to blob storage (without our Authorization). */
  private async openBlob(digest: string): Promise<IncomingMessage> {
    const what = `GET blob ${digest} from ${this.registry}/${this.repository}`;
    let res = await this.request('GET', `/blobs/${digest}`, 'pull');
    for (let hops = 0; [301, 302, 303, 307, 308].includes(res.statusCode ?? 0) && res.headers.location; hops++) {
      if (hops === 5) throw new NydusError('EIO', `${what}: too many redirects`);
      const url = new URL(res.headers.location, `${this.base}/blobs/${digest}`);
      await drain(res);
      res = await send({ method: 'GET', url, timeoutMs: this.timeoutMs, tls: this.tls });
    }
    if (res.statusCode === 404) {
      await drain(res);
      throw new NydusError('ENOENT', `${what}: blob unknown (404)`);
    }
    if (res.statusCode !== 200) throw await statusError(res, what);
    return res;
  }

  private verify(expected: string, actual: string, size: number, res: IncomingMessage): void {
    const length = res.headers['content-length'];
    if (actual !== expected) {
      throw new NydusError('EBADMSG', `blob ${expected} from ${this.registry}/${this.repository} is corrupt: its ${size} bytes have digest ${actual}`);
    }
    if (length !== undefined && Number(length) !== size) throw new NydusError('EIO', `blob ${expected}: got ${size} of ${length} bytes`);
  }

  /**
   * One request with the auth dance: cached credentials if any, else anonymous; a 401 is
   * answered once (Basic, or a Bearer token for the access scope); a second 401 is EACCES.
   */
  private async request(method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE', path: string | URL, access: 'pull' | 'push', headers: Record<string, string> = {}, body?: Body, mountFrom?: string): Promise<IncomingMessage> {
    const url = typeof path === 'string' ? new URL(`${this.base}${path}`) : path;
    const scopes = [`repository:${this.repository}:${access === 'push' ? 'pull,push' : 'pull'}`, ...(mountFrom ? [`repository:${mountFrom}:pull`] : [])];
    const attempt = (authorization: string | undefined) => send({ method, url, headers: authorization ? { ...headers, Authorization: authorization } : headers, body, timeoutMs: this.timeoutMs, tls: this.tls });
    let res = await attempt(this.auth.header(scopes));
    if (res.statusCode !== 401) return res;
    const challenge = res.headers['www-authenticate'];
    await drain(res);
    const what = `${method} ${url.origin}${url.pathname}`;
    const authorization = await this.auth.answer(challenge, scopes, what);
    res = await attempt(authorization);
    if (res.statusCode === 401) {
      await drain(res);
      throw this.auth.refused(scopes, `${what} answered 401 after authenticating`);
    }
    this.auth.worked(scopes, authorization);
    return res;
  }
}
