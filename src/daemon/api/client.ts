// Daemon API layer: a typed client of a daemon's API socket (spec api.md §3), used by the
// `nydus daemon ...` commands and the tests. Failures become ApiClientError with the text
// nydus-snapshotter builds: `http response: <status>, error code: <code>, error message: <message>`.
import { request } from 'node:http';
import type {
  AccessPattern,
  BackendMetrics,
  BlobCacheEntryInput,
  BlobCacheList,
  BlobcacheMetrics,
  ConfigMap,
  DaemonInfo,
  EventsBody,
  FileMetrics,
  FsMetrics,
  InflightOp,
  LatestFiles,
  MountCmdInput,
  RafsSuperInfo,
} from '../../../generated/types.js';
import { NydusError } from '../../errors.js';

/** A non-2xx answer of the daemon. */
export class ApiClientError extends NydusError {
  constructor(
    readonly status: number,
    readonly apiCode: string,
    readonly apiMessage: string,
  ) {
    super('EAPI', `http response: ${status}, error code: ${apiCode}, error message: ${apiMessage}`, 1);
  }
}

export type MetricsKind = 'fs' | 'files' | 'latest' | 'pattern' | 'backend' | 'blobcache' | 'inflight';
export interface MetricsResult {
  fs: FsMetrics;
  files: FileMetrics;
  latest: LatestFiles;
  pattern: AccessPattern[];
  backend: BackendMetrics;
  blobcache: BlobcacheMetrics;
  inflight: InflightOp[];
}

const METRICS_PATH: Record<MetricsKind, string> = {
  fs: '/api/v1/metrics',
  files: '/api/v1/metrics/files',
  latest: '/api/v1/metrics/files',
  pattern: '/api/v1/metrics/pattern',
  backend: '/api/v1/metrics/backend',
  blobcache: '/api/v1/metrics/blobcache',
  inflight: '/api/v1/metrics/inflight',
};

/** Builds `path?k=v&...` with form encoding, skipping undefined values. */
function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.append(k, v);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export class ApiClient {
  constructor(readonly socketPath: string) {}

  /** One request on a fresh connection; resolves with the status and the decoded JSON body (undefined for none). */
  async send(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const payload = body === undefined ? Buffer.alloc(0) : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          socketPath: this.socketPath,
          method,
          path,
          agent: false,
          // Always a Content-Length: the server does not accept chunked bodies.
          headers: { Host: 'localhost', 'Content-Type': 'application/json', 'Content-Length': payload.length },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', (err) => reject(new NydusError('EAPISOCK', `cannot reach the daemon API at ${this.socketPath}: ${err.message}`, 1, { cause: err })));
      req.end(payload);
    });
    let parsed: unknown;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    if (status >= 400) {
      const err = parsed as { code?: unknown; message?: unknown; error?: unknown } | undefined;
      const message = typeof err?.message === 'string' ? err.message : typeof err?.error === 'string' ? err.error : text;
      throw new ApiClientError(status, typeof err?.code === 'string' ? err.code : 'UNDEFINED', message);
    }
    return { status, body: parsed };
  }

  private async get<T>(path: string): Promise<T> {
    return (await this.send('GET', path)).body as T;
  }

  private async put(path: string, body?: unknown): Promise<void> {
    await this.send('PUT', path, body);
  }

  info(version: 1 | 2 = 1): Promise<DaemonInfo> {
    return this.get(`/api/v${version}/daemon`);
  }
  events(): Promise<EventsBody> {
    return this.get('/api/v1/daemon/events');
  }
  backendInfo(mountpoint: string): Promise<RafsSuperInfo> {
    return this.get(withQuery('/api/v1/daemon/backend', { mountpoint }));
  }
  setLogLevel(level: string): Promise<void> {
    return this.put('/api/v1/daemon', { log_level: level });
  }
  async mount(mountpoint: string, cmd: MountCmdInput): Promise<void> {
    await this.send('POST', withQuery('/api/v1/mount', { mountpoint }), cmd);
  }
  remount(mountpoint: string, cmd: MountCmdInput): Promise<void> {
    return this.put(withQuery('/api/v1/mount', { mountpoint }), cmd);
  }
  async umount(mountpoint: string): Promise<void> {
    await this.send('DELETE', withQuery('/api/v1/mount', { mountpoint }));
  }
  /** A metrics family (api.md §4.5); `inflight` answers [] when idle (204). */
  async metrics<K extends MetricsKind>(kind: K, id?: string): Promise<MetricsResult[K]> {
    const query = kind === 'inflight' ? {} : { id, latest: kind === 'latest' ? 'true' : undefined };
    const body = await this.get<MetricsResult[K] | undefined>(withQuery(METRICS_PATH[kind], query));
    return body ?? ([] as unknown as MetricsResult[K]);
  }
  inflight(): Promise<InflightOp[]> {
    return this.metrics('inflight');
  }
  /** Every mount's metrics in the Prometheus text format (GET /api/v1/metrics/prometheus). */
  async prometheus(): Promise<string> {
    const { body } = await this.send('GET', '/api/v1/metrics/prometheus');
    return typeof body === 'string' ? body : '';
  }
  /** A blob cache's counters (GET /api/v1/metrics/blobcache); `id` is the entry's config id. */
  blobcacheMetrics(id?: string): Promise<BlobcacheMetrics> {
    return this.metrics('blobcache', id);
  }
  /** Registers a blob cache entry (PUT /api/v2/blobs, api.md §4.8); the daemon validates it. */
  putBlob(entry: BlobCacheEntryInput): Promise<void> {
    return this.put('/api/v2/blobs', entry);
  }
  /**
   * DELETE /api/v2/blobs: `domainId` alone removes the domain's entries, with `blobId` the one
   * entry; `blobId` alone culls that blob's cache file. An empty string is sent as given.
   */
  async deleteBlob(target: { domainId?: string; blobId?: string }): Promise<void> {
    if (target.domainId === undefined && target.blobId === undefined) {
      throw new NydusError('EINVAL', 'deleteBlob needs a domainId, a blobId or both', 2);
    }
    await this.send('DELETE', withQuery('/api/v2/blobs', { domain_id: target.domainId, blob_id: target.blobId }));
  }
  /** The entries of a domain (GET /api/v2/blobs?domain_id=D[&blob_id=B]). */
  listBlobs(domainId: string, blobId?: string): Promise<BlobCacheList> {
    return this.get(withQuery('/api/v2/blobs', { domain_id: domainId, blob_id: blobId }));
  }
  getConfig(id?: string): Promise<ConfigMap> {
    return this.get(withQuery('/api/v1/config', { id }));
  }
  putConfig(id: string, values: Record<string, string>): Promise<void> {
    return this.put(withQuery('/api/v1/config', { id }), values);
  }
  start(): Promise<void> {
    return this.put('/api/v1/daemon/start');
  }
  exit(): Promise<void> {
    return this.put('/api/v1/daemon/exit');
  }
  sendfd(): Promise<void> {
    return this.put('/api/v1/daemon/fuse/sendfd');
  }
  takeover(): Promise<void> {
    return this.put('/api/v1/daemon/fuse/takeover');
  }
}
