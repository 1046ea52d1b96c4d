// Storage layer: what every HTTP blob backend shares (spec storage.md §3.1): HEAD for the
// size, ranged GET into one preallocated buffer, status → BackendError mapping, the retry
// policy, the request scheduler, proxy routing and runtime keys. Subclasses supply the blob
// URL and request signing (s3, oss) or replace the exchange (registry auth and redirects).
import type { IncomingMessage } from 'node:http';
import type { ProxyConfig } from '../../generated/types.js';
import type { BlobBackend, ReadOptions } from './backend.js';
import { BackendError, unknownRuntimeKey, type BackendOptions, type LogFn } from './errors.js';
import { drain, HttpClient, readInto, readText, ShortBody } from './http.js';
import { ProxyRouter, type ProxyUse } from './proxy.js';
import { RequestScheduler, withRetry, type AttemptContext } from './retry.js';

/** Fields every HTTP backend config has. */
export interface HttpCommonConfig {
  skip_verify: boolean;
  ca_cert_files: string[];
  timeout: number;
  connect_timeout: number;
  proxy: ProxyConfig;
}

export const DEFAULT_MAX_CONCURRENT = 16;

export type Consume<T> = (res: IncomingMessage) => Promise<T>;

/** Turns a non-success answer into the error the data path reports. */
export async function statusError(res: IncomingMessage, what: string): Promise<BackendError> {
  const status = res.statusCode ?? 0;
  const body = (await readText(res, 512).catch(() => '')).replace(/\s+/g, ' ').trim();
  const detail = `${status} ${res.statusMessage ?? ''}`.trim() + (body ? `: ${body.slice(0, 200)}` : '');
  if (status === 404) return new BackendError('ENOENT', `${what} not found (404)`, { status });
  if (status === 401 || status === 403) return new BackendError('EACCES', `${what}: access denied: ${detail}`, { status });
  if (status === 416) return new BackendError('EIO', `${what}: range not satisfiable (416): the blob is smaller than the requested range`, { status });
  const retryable = status >= 500 || status === 429;
  return new BackendError('EIO', `${what}: unexpected answer ${detail}`, { status, retryable });
}

/** Reads a HEAD answer's Content-Length. */
export async function consumeSize(res: IncomingMessage, what: string): Promise<number> {
  const status = res.statusCode ?? 0;
  if (status < 200 || status >= 300) throw await statusError(res, what);
  await drain(res).catch(() => undefined);
  const len = Number(res.headers['content-length']);
  if (!Number.isSafeInteger(len) || len < 0) throw new BackendError('EIO', `${what}: HEAD answer has no valid Content-Length`, { status });
  return len;
}

/**
 * Copies the requested window of a ranged GET answer into `buf`. A 206 must start at
 * `offset`; a 200 (server ignored Range) carries the whole blob, so the window is cut out of it.
 */
export async function consumeRange(res: IncomingMessage, offset: number, buf: Buffer, what: string): Promise<void> {
  const status = res.statusCode ?? 0;
  let skip = 0;
  if (status === 206) {
    const m = /^bytes (\d+)-(\d+)\//.exec(String(res.headers['content-range'] ?? ''));
    if (m && Number(m[1]) !== offset) {
      await drain(res).catch(() => undefined);
      throw new BackendError('EIO', `${what}: server answered range ${m[1]}-${m[2]} for a request at offset ${offset}`, { status, retryable: true });
    }
  } else if (status === 200) {
    skip = offset;
  } else {
    throw await statusError(res, what);
  }
  const got = await readInto(res, buf, skip);
  if (got < buf.length) throw new ShortBody(buf.length, got);
}

export abstract class HttpBlobBackend implements BlobBackend {
  abstract readonly type: BlobBackend['type'];
  protected readonly client: HttpClient;
  protected readonly router: ProxyRouter;
  protected readonly scheduler: RequestScheduler;
  protected readonly log: LogFn;
  protected readonly timeoutMs: number;
  protected closed = false;
  private schedulerEndpoint: string;

  constructor(
    common: HttpCommonConfig,
    options: BackendOptions,
    /** Prefix of every message, e.g. `registry 127.0.0.1:5000/foo/bar`. */
    protected readonly label: string,
    socketPath?: string,
  ) {
    const userLog = options.log;
    this.log = (level, msg) => userLog?.(level, `backend ${options.id}: ${msg}`);
    const connectTimeoutMs = Math.max(0, common.connect_timeout) * 1000;
    this.timeoutMs = Math.max(0, common.timeout) * 1000;
    this.client = new HttpClient({ skipVerify: common.skip_verify, caCertFiles: common.ca_cert_files, connectTimeoutMs, socketPath });
    this.router = new ProxyRouter(common.proxy, this.client, connectTimeoutMs, this.log);
    this.scheduler = new RequestScheduler(options.tuning?.maxConcurrent ?? DEFAULT_MAX_CONCURRENT);
    this.schedulerEndpoint = common.proxy.dragonfly_scheduler_endpoint;
  }

  /** URL of a blob (what HEAD and GET are sent to). */
  protected abstract blobUrl(blobId: string): URL;

  /** Adds authentication headers to a request about to be sent (s3/oss signing). */
  protected signHeaders(_method: 'GET' | 'HEAD', _url: URL, headers: Record<string, string>): Record<string, string> {
    return headers;
  }

  /** One HTTP exchange for a blob: URL, signing, proxy routing. The registry overrides it. */
  protected exchange<T>(method: 'GET' | 'HEAD', blobId: string, headers: Record<string, string>, ctx: AttemptContext, consume: Consume<T>): Promise<T> {
    const url = this.blobUrl(blobId);
    return this.router.send({ method, url, headers: this.signHeaders(method, url, headers), timeoutMs: ctx.timeoutMs }, consume, this.proxyUse(ctx), ctx.prefetch);
  }

  protected proxyUse(ctx: AttemptContext): ProxyUse {
    return ctx.bypassProxy ? 'last-retry' : 'auto';
  }

  protected describeBlob(blobId: string): string {
    return `blob ${blobId}`;
  }

  async blobSize(blobId: string): Promise<number> {
    const what = this.describeBlob(blobId);
    return withRetry(this.retryOptions(false), (ctx) => this.exchange('HEAD', blobId, {}, ctx, (res) => consumeSize(res, what)));
  }

  async read(blobId: string, offset: number, length: number, options: ReadOptions = {}): Promise<Buffer> {
    if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(length) || length < 0) {
      throw new BackendError('EIO', `${this.label}: invalid range offset ${offset} length ${length}`);
    }
    if (length === 0) return Buffer.alloc(0);
    const buf = Buffer.allocUnsafe(length);
    const what = this.describeBlob(blobId);
    const headers = { Range: `bytes=${offset}-${offset + length - 1}` };
    await withRetry(this.retryOptions(options.prefetch ?? false), (ctx) => this.exchange('GET', blobId, headers, ctx, (res) => consumeRange(res, offset, buf, what)));
    return buf;
  }

  setRuntime(key: string, value: string): void {
    if (key === 'proxy_url') this.router.setUrl(value);
    else if (key === 'dragonfly_scheduler_endpoint') this.schedulerEndpoint = value; // SDK mode is out of scope (spec §3.8)
    else throw unknownRuntimeKey(this.type, key);
  }

  /** Runtime values this backend registers under its id (api.md §4.7). */
  runtimeValues(): Record<string, string> {
    const out: Record<string, string> = {};
    if (this.router.proxyUrl) out.proxy_url = this.router.proxyUrl;
    if (this.schedulerEndpoint) out.dragonfly_scheduler_endpoint = this.schedulerEndpoint;
    return out;
  }

  close(): void {
    this.closed = true;
    this.router.close();
    this.client.close();
  }

  protected retryOptions(prefetch: boolean) {
    return {
      timeoutMs: this.timeoutMs,
      prefetch,
      what: this.label,
      scheduler: this.scheduler,
      isClosed: () => this.closed,
      log: (msg: string) => this.log('debug', msg),
    };
  }
}
