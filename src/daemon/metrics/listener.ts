// Daemon metrics layer: the optional `--metrics-addr HOST:PORT` listener, plain HTTP
// (node:http) serving the Prometheus exposition at GET /metrics and GET
// /api/v1/metrics/prometheus, and nothing else. Unauthenticated by design, like any scrape
// target: bind it to loopback unless the network is trusted. It never keeps the process alive.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { NydusError } from '../../errors.js';
import { PROMETHEUS_CONTENT_TYPE } from './prometheus.js';

/** Paths that answer the exposition (the API's path too, so one URL works on both). */
export const METRICS_PATHS = new Set(['/metrics', '/api/v1/metrics/prometheus']);
/** Largest request head accepted; a larger one is answered 431 by node:http. */
const MAX_HEADER_BYTES = 16 * 1024;
/** Scrapers keep a connection or two; more than this at once is not a scraper. */
const MAX_CONNECTIONS = 64;
/** Retry interval while a predecessor (hot upgrade) still holds the address. */
const RETRY_MS = 250;

export interface MetricsAddr {
  host: string;
  port: number;
}

/**
 * Parses `HOST:PORT` (`[v6]:PORT` for an IPv6 address; port 0 lets the OS pick one, logged).
 * A malformed address is a usage error (exit 2).
 */
export function parseMetricsAddr(text: string): MetricsAddr {
  const m = /^(?:\[([0-9A-Fa-f:.]+)\]|([^\s:[\]/]+)):([0-9]{1,5})$/.exec(text);
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535) {
    throw new NydusError('EUSAGE', `invalid --metrics-addr ${JSON.stringify(text)}: expected HOST:PORT with a port 0-65535, e.g. 127.0.0.1:9110 or [::1]:9110`, 2);
  }
  return { host: m[1] ?? m[2], port };
}

/** `host:port` as one would type it (IPv6 in brackets). */
export function formatAddr(a: MetricsAddr): string {
  return a.host.includes(':') ? `[${a.host}]:${a.port}` : `${a.host}:${a.port}`;
}

export interface MetricsListenerLog {
  warn(msg: string): void;
  info(msg: string): void;
  debug(msg: string): void;
}

export interface MetricsListener {
  /** The bound address (the OS's port for port 0); null while still waiting for the address. */
  address(): string | null;
  /** Stops listening and drops every connection. Idempotent. */
  close(): Promise<void>;
}

function answer(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

/**
 * Serves `render()` (called on each scrape, on the event loop) at `addr`. Resolves once
 * listening. An address in use is a start-up error, unless `waitForAddress`: a successor of a
 * hot upgrade starts while its predecessor still holds the address, so it then retries until
 * the address is free (or close() is called).
 */
export async function startMetricsListener(
  addr: MetricsAddr,
  render: () => string,
  log: MetricsListenerLog,
  opts: { waitForAddress?: boolean } = {},
): Promise<MetricsListener> {
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '').split('?')[0];
    if (!METRICS_PATHS.has(path)) return answer(res, 404, 'not found: the metrics are at /metrics\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    let text: string;
    try {
      text = render();
    } catch (err) {
      log.warn(`metrics scrape failed: ${(err as Error).message}`);
      return answer(res, 500, 'metrics unavailable\n');
    }
    answer(res, 200, text, { 'Content-Type': PROMETHEUS_CONTENT_TYPE });
  });
  server.maxConnections = MAX_CONNECTIONS;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    log.debug(`metrics listener: bad request: ${err.code ?? err.message}`);
    if (!socket.writable) return socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  server.unref();

  const where = formatAddr(addr);
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      server.once('error', onError);
      server.listen(addr.port, addr.host, () => {
        server.off('error', onError);
        resolve();
      });
    });
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const bound = () => {
    const a = server.address() as AddressInfo | null;
    return a ? formatAddr({ host: addr.host, port: a.port }) : null;
  };
  const onListening = () => {
    // Errors after the bind (accept failures) are logged; without a listener they would throw.
    server.on('error', (e) => log.warn(`metrics listener: ${e.message}`));
    log.info(`metrics listening on http://${bound()}/metrics (unauthenticated)`);
  };

  try {
    await listen();
    onListening();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!(opts.waitForAddress && code === 'EADDRINUSE')) {
      const why = code === 'EADDRINUSE' ? 'address already in use' : (err as Error).message;
      throw new NydusError(code ?? 'EIO', `cannot serve metrics on ${where}: ${why}`, 1, { cause: err });
    }
    log.warn(`metrics address ${where} is in use (a predecessor?); retrying until it is free`);
    const again = () => {
      retry = undefined;
      listen().then(
        () => (closed ? server.close() : onListening()),
        (e: NodeJS.ErrnoException) => {
          if (closed) return;
          if (e.code !== 'EADDRINUSE') log.warn(`cannot serve metrics on ${where}: ${e.message}`);
          retry = setTimeout(again, RETRY_MS).unref();
        },
      );
    };
    retry = setTimeout(again, RETRY_MS).unref();
  }

  let closing: Promise<void> | undefined;
  return {
    address: bound,
    close() {
      closed = true;
      if (retry) clearTimeout(retry);
      closing ??= new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
