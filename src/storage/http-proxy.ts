// Storage layer: the http-proxy backend (spec storage.md §3.5): blobs served by a plain HTTP(S)
// server as <addr><path>/<blob id>, or by an HTTP server on a unix socket, asked for the same
// URI <path>/<blob id> (nydusd asks for "/"; see blobUrl).
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, posix } from 'node:path';
import type { BackendConfig, HttpProxyConfig } from '../../generated/types.js';
import { ConfigError } from '../errors.js';
import type { UnixHttpOptions } from '../native/image.js';
import type { BackendOptions } from './errors.js';
import { HttpBlobBackend } from './http-backend.js';
import { defaultHeaders } from './http.js';

/** Blob URL of remote mode: `addr` + (`path` joined with the id). */
export function httpProxyBlobUrl(addr: string, path: string, blobId: string): URL {
  const joined = path ? posix.join(path, blobId) : blobId;
  // A bare "http://host:port" followed by "id" is not a URL: keep exactly one slash between.
  const sep = addr.endsWith('/') || joined.startsWith('/') ? '' : '/';
  return new URL(addr.endsWith('/') && joined.startsWith('/') ? addr + joined.slice(1) : addr + sep + joined);
}

export class HttpProxyBackend extends HttpBlobBackend {
  readonly type = 'http-proxy' as const;
  private readonly socketPath: string | undefined;

  constructor(private readonly cfg: HttpProxyConfig, options: BackendOptions) {
    const socketPath = HttpProxyBackend.socketOf(cfg.addr);
    super(cfg, options, `http-proxy ${cfg.addr}`, socketPath);
    this.socketPath = socketPath;
  }

  private static socketOf(addr: string): string | undefined {
    if (addr.startsWith('http://') || addr.startsWith('https://')) return undefined;
    if (isAbsolute(addr) && existsSync(addr) && statSync(addr).isSocket()) return addr;
    throw new ConfigError([{ pointer: '/backend/http-proxy/addr', message: `expected http://…, https://… or the absolute path of an existing unix socket, got "${addr}"` }]);
  }

  protected blobUrl(blobId: string): URL {
    // Deviation from nydusd, whose unix-socket mode always asks for URI "/": we send the path
    // and blob id as remote mode does, so one socket (the blob cache daemon's shared blob
    // reads) can serve many blobs. A single-blob server that ignores the URI is unaffected.
    return httpProxyBlobUrl(this.socketPath ? 'http://localhost' : this.cfg.addr, this.cfg.path, blobId);
  }
}

/**
 * The native client's options when `backend` is http-proxy on an existing Unix socket with no
 * forward proxy configured: its misses are then served without entering JavaScript. null keeps
 * the TS backend (remote addresses, a proxy, or NYDUS_NATIVE_HTTP_PROXY=0 for comparison).
 */
export function nativeHttpProxyOf(backend: BackendConfig, env: NodeJS.ProcessEnv = process.env): UnixHttpOptions | null {
  const cfg = backend.type === 'http-proxy' ? backend['http-proxy'] : null;
  if (!cfg || env.NYDUS_NATIVE_HTTP_PROXY === '0' || cfg.proxy?.url) return null;
  if (!isAbsolute(cfg.addr) || !existsSync(cfg.addr) || !statSync(cfg.addr).isSocket()) return null;
  return {
    socket: cfg.addr,
    path: cfg.path ?? '',
    timeoutMs: Math.max(0, cfg.timeout) * 1000,
    connectTimeoutMs: Math.max(0, cfg.connect_timeout) * 1000,
    retryLimit: Math.max(0, cfg.retry_limit),
    headers: Object.entries(defaultHeaders(env)).map(([name, value]) => `${name}: ${value}`),
  };
}
