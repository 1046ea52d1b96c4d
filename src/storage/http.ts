// Storage layer: the HTTP client every network backend uses (spec storage.md §3.1, §3.8).
// node:http/https with keep-alive agents, a connect timeout and a whole-exchange timeout
// (headers and body), TLS options, nydusd's default headers, forward proxying (absolute-URI
// requests for http targets, CONNECT tunnels for https ones). Redirects are never followed.
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { BackendError } from './errors.js';

export const USER_AGENT = 'nydusd/1.0.0';

export interface HttpClientOptions {
  skipVerify: boolean;
  caCertFiles: string[];
  /** TCP (and TLS / CONNECT) establishment limit; 0 = none. */
  connectTimeoutMs: number;
  /** Unix-socket mode (http-proxy backend): every request goes to this socket, for the URL's path. */
  socketPath?: string;
}

export interface ProxyRoute {
  url: URL;
  /** Rewrite https targets to http when going through the proxy (spec §3.8 use_http). */
  useHttp: boolean;
}

export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST';
  url: URL;
  headers?: Record<string, string>;
  body?: string;
  /** Send through this forward proxy; null/undefined = direct. */
  proxy?: ProxyRoute | null;
  /** Whole exchange (connect, headers, body) limit; 0 = none. Expiry rejects with ETIMEDOUT. */
  timeoutMs: number;
}

/** `NYDUS_HEADER_<Name>=<value>` environment variables become extra request headers (spec §3.1). */
export function defaultHeaders(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const headers: Record<string, string> = { 'User-Agent': USER_AGENT };
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('NYDUS_HEADER_') && key.length > 'NYDUS_HEADER_'.length && value !== undefined) headers[key.slice('NYDUS_HEADER_'.length)] = value;
  }
  return headers;
}

/** Text of a URL for messages: never shows credentials or query strings (they may hold signatures). */
export function describeUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

export class HttpClient {
  private readonly defaults = defaultHeaders();
  private readonly tlsOptions: tls.ConnectionOptions;
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  private readonly tunnels = new Map<string, https.Agent>();
  private readonly active = new Set<http.ClientRequest & { nydusFail?: (err: Error) => void }>();
  private closed = false;

  constructor(private readonly opts: HttpClientOptions) {
    const ca = opts.caCertFiles.length ? [...tls.rootCertificates, ...opts.caCertFiles.map((f) => readFileSync(f, 'utf8'))] : undefined;
    this.tlsOptions = { rejectUnauthorized: !opts.skipVerify, ca };
    this.httpAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    this.httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 64, ...this.tlsOptions });
  }

  /**
   * Sends one request and hands the response to `consume`; the timeout covers `consume` too,
   * so a body that stalls midway fails the exchange. Transport failures reject with a
   * retryable BackendError (EIO, `transport` set; ETIMEDOUT for the whole-exchange limit).
   */
  exchange<T>(req: HttpRequest, consume: (res: IncomingMessage) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new BackendError('EIO', 'backend closed'));
    let target = req.url;
    if (req.proxy?.useHttp && target.protocol === 'https:') {
      target = new URL(target.href);
      target.protocol = 'http:';
    }
    const what = `${req.method} ${describeUrl(target)}${req.proxy ? ` via proxy ${req.proxy.url.host}` : ''}`;
    const headers: Record<string, string> = { ...this.defaults, ...req.headers };
    if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));
    const options = this.requestOptions(target, req.proxy ?? null, headers);
    options.method = req.method;

    return new Promise<T>((resolve, reject) => {
      let failure: Error | null = null;
      let settled = false;
      const timers: NodeJS.Timeout[] = [];
      const finish = (err: Error | null, value?: T) => {
        if (settled) return;
        settled = true;
        for (const t of timers) clearTimeout(t);
        this.active.delete(r);
        if (err) reject(failure ?? err);
        else resolve(value as T);
      };
      const fail = (err: Error) => {
        if (settled) return;
        failure ??= err;
        r.destroy(err);
        finish(err);
      };
      const mod = target.protocol === 'https:' && !this.opts.socketPath ? https : http;
      const r = mod.request(options) as http.ClientRequest & { nydusFail?: (err: Error) => void };
      r.nydusFail = fail;
      this.active.add(r);
      if (req.timeoutMs > 0) {
        timers.push(setTimeout(() => fail(new BackendError('ETIMEDOUT', `${what}: no complete answer within ${req.timeoutMs} ms`, { retryable: true, transport: true })), req.timeoutMs));
      }
      r.on('socket', (socket) => {
        const connecting = (socket as { connecting?: boolean }).connecting;
        if (connecting && this.opts.connectTimeoutMs > 0) {
          const t = setTimeout(() => fail(new BackendError('EIO', `${what}: connect timeout after ${this.opts.connectTimeoutMs} ms`, { retryable: true, transport: true })), this.opts.connectTimeoutMs);
          timers.push(t);
          socket.once('connect', () => clearTimeout(t));
        }
      });
      r.on('error', (err: NodeJS.ErrnoException) => {
        // A certificate the client refuses will be refused again: not worth another attempt.
        const certificate = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/.test(err.code ?? '');
        finish(new BackendError('EIO', `${what}: ${err.message}`, { retryable: !certificate, transport: true, cause: err }));
      });
      r.on('response', (res) => {
        res.on('error', (err) => fail(new BackendError('EIO', `${what}: ${err.message}`, { retryable: true, transport: true, cause: err })));
        consume(res).then(
          (v) => finish(null, v),
          (err: Error) => {
            res.destroy();
            finish(err instanceof BackendError || err instanceof ExchangeSignal ? err : new BackendError('EIO', `${what}: ${err.message}`, { retryable: true, transport: true, cause: err }));
          },
        );
      });
      r.end(req.body);
    });
  }

  /** Aborts every request in flight and closes pooled sockets; later requests reject. */
  close(): void {
    this.closed = true;
    for (const r of [...this.active]) r.nydusFail?.(new BackendError('EIO', 'backend closed'));
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
    for (const a of this.tunnels.values()) a.destroy();
  }

  private requestOptions(target: URL, proxy: ProxyRoute | null, headers: Record<string, string>): http.RequestOptions {
    if (this.opts.socketPath) {
      return { socketPath: this.opts.socketPath, path: target.pathname + target.search, headers: { Host: 'localhost', ...headers }, agent: this.httpAgent };
    }
    if (!proxy) {
      return {
        protocol: target.protocol, hostname: target.hostname, port: target.port || undefined, path: target.pathname + target.search, headers,
        agent: target.protocol === 'https:' ? this.httpsAgent : this.httpAgent,
      };
    }
    if (target.protocol === 'http:') {
      // Plain HTTP through a forward proxy: absolute-URI request line, Host = the origin.
      return { protocol: 'http:', hostname: proxy.url.hostname, port: proxy.url.port || 80, path: target.href, headers: { Host: target.host, ...headers }, agent: this.httpAgent };
    }
    return {
      protocol: 'https:', hostname: target.hostname, port: target.port || 443, path: target.pathname + target.search, headers,
      agent: this.tunnelAgent(proxy.url), servername: net.isIP(target.hostname) ? undefined : target.hostname,
    } as https.RequestOptions;
  }

  /** One keep-alive agent per proxy whose sockets are TLS sessions inside CONNECT tunnels. */
  private tunnelAgent(proxy: URL): https.Agent {
    const existing = this.tunnels.get(proxy.href);
    if (existing) return existing;
    const tlsOptions = this.tlsOptions;
    const connectTimeoutMs = this.opts.connectTimeoutMs;
    const created = new https.Agent({ keepAlive: true, maxSockets: 64, ...tlsOptions });
    // Node's Agent accepts a socket handed to the callback later (documented for createConnection).
    (created as unknown as { createConnection: unknown }).createConnection = (options: tls.ConnectionOptions, callback?: (err: Error | null, socket?: Duplex) => void): Duplex | undefined => {
      const host = options.host ?? 'localhost';
      const port = options.port ?? 443;
      let done = false;
      const cb = (err: Error | null, socket?: Duplex) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        callback?.(err, socket);
      };
      const creq = http.request({ hostname: proxy.hostname, port: proxy.port || 80, method: 'CONNECT', path: `${host}:${port}`, headers: { Host: `${host}:${port}`, 'User-Agent': USER_AGENT } });
      const timer = setTimeout(() => {
        creq.destroy();
        cb(new Error(`CONNECT ${host}:${port} via proxy ${proxy.host}: timeout after ${connectTimeoutMs} ms`));
      }, connectTimeoutMs > 0 ? connectTimeoutMs : 2 ** 31 - 1);
      creq.on('error', (err) => cb(new Error(`CONNECT ${host}:${port} via proxy ${proxy.host}: ${err.message}`)));
      creq.on('connect', (res, socket) => {
        if (res.statusCode !== 200) {
          socket.destroy();
          cb(new Error(`CONNECT ${host}:${port} via proxy ${proxy.host}: ${res.statusCode} ${res.statusMessage ?? ''}`.trim()));
          return;
        }
        // SNI carries host names only (RFC 6066), never an IP address.
        const servername = options.servername || (net.isIP(host) ? undefined : host);
        const secure = tls.connect({ ...tlsOptions, socket, host, servername });
        secure.once('secureConnect', () => cb(null, secure));
        secure.once('error', (err) => cb(err));
      });
      creq.end();
      return undefined;
    };
    this.tunnels.set(proxy.href, created);
    return created;
  }
}

/** Reads a small body (error answers, token JSON), at most `limit` bytes kept. */
export function readText(res: IncomingMessage, limit = 64 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    res.on('data', (c: Buffer) => {
      if (kept < limit) {
        chunks.push(c.subarray(0, limit - kept));
        kept += Math.min(c.length, limit - kept);
      }
    });
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('aborted', () => reject(new Error('connection closed before the end of the answer')));
    res.on('error', reject);
  });
}

/** Discards a body so the keep-alive socket can be reused. */
export function drain(res: IncomingMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    res.on('end', () => resolve());
    res.on('aborted', () => reject(new Error('connection closed before the end of the answer')));
    res.on('error', reject);
    res.resume();
  });
}

/**
 * Streams a body into `buf` (preallocated by the caller), skipping its first `skip` bytes
 * (a 200 answer to a ranged GET carries the whole blob). Resolves with the bytes stored;
 * stops reading as soon as `buf` is full when more would follow.
 */
export function readInto(res: IncomingMessage, buf: Buffer, skip: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let toSkip = skip;
    let pos = 0;
    let done = false;
    const declared = Number(res.headers['content-length']);
    res.on('data', (chunk: Buffer) => {
      if (done) return;
      let c = chunk;
      if (toSkip > 0) {
        const n = Math.min(toSkip, c.length);
        toSkip -= n;
        c = c.subarray(n);
      }
      pos += c.copy(buf, pos);
      // The whole blob is being sent (server ignored Range): stop once our window is full.
      if (pos === buf.length && (skip > 0 || (Number.isFinite(declared) && declared > buf.length))) {
        done = true;
        res.destroy();
        resolve(pos);
      }
    });
    res.on('end', () => {
      if (!done) {
        done = true;
        resolve(pos);
      }
    });
    res.on('aborted', () => {
      if (!done) {
        done = true;
        reject(new ShortBody(buf.length, pos, 'connection closed mid-body'));
      }
    });
    res.on('error', (err) => {
      if (!done) {
        done = true;
        reject(err);
      }
    });
  });
}

/** Thrown by a `consume` callback to end an exchange with a decision, passed through unchanged. */
export class ExchangeSignal extends Error {}

/** A body that ended before the requested length; retryable. */
export class ShortBody extends BackendError {
  constructor(expected: number, got: number, why = 'short body') {
    super('EIO', `expected ${expected} bytes, got ${got} (${why})`, { retryable: true });
  }
}
