// Test server: a FAULT INJECTOR (node http, test code) — not a real registry or object store.
// It serves blobs with HEAD and Range like a storage server, and for each request takes the
// next queued fault, producing what real servers cannot on demand: slow answers, connections
// dropped mid-body, 5xx, short bodies, 200 answers that ignore Range, redirects, 401/403.
// The blob id is the last path segment ("sha256:" stripped); unix-socket mode (URI "/")
// serves `defaultBlob`. A `check` hook lets a test reject requests (e.g. bad signatures).
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { rmSync } from 'node:fs';

export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  | { kind: 'slow'; ms: number }
  | { kind: 'drop-mid-body' }
  | { kind: 'short-body'; bytes: number }
  | { kind: 'ignore-range' }
  | { kind: 'redirect'; location: string; status?: number };

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

export interface FaultServer {
  url: string;
  port: number;
  /** Faults consumed one per request, in order. */
  faults: Fault[];
  /** Every request seen, in order. */
  requests: SeenRequest[];
  blobs: Map<string, Buffer>;
  stop(): Promise<void>;
}

export interface FaultServerOptions {
  blobs?: Map<string, Buffer>;
  /** Listen on this unix socket instead of a TCP port. */
  socketPath?: string;
  /** Blob served for URI "/" (unix-socket mode of the http-proxy backend). */
  defaultBlob?: string;
  /** Return an HTTP status to refuse the request (after recording it). */
  check?: (req: http.IncomingMessage) => number | null;
  /** Serve HTTPS with this PEM key and certificate. */
  tls?: { key: string; cert: string };
}

export async function startFaultServer(opts: FaultServerOptions = {}): Promise<FaultServer> {
  const blobs = opts.blobs ?? new Map<string, Buffer>();
  const faults: Fault[] = [];
  const requests: SeenRequest[] = [];
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const refuse = opts.check?.(req);
    if (refuse) {
      res.writeHead(refuse).end(`refused by check (${refuse})`);
      return;
    }
    const fault = faults.shift();
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const id = path === '/' && opts.defaultBlob ? opts.defaultBlob : decodeURIComponent(path.split('/').pop() ?? '').replace(/^sha256:/, '');
    const serve = () => {
      if (fault?.kind === 'status') return void res.writeHead(fault.status, fault.headers).end(`injected ${fault.status}`);
      if (fault?.kind === 'redirect') return void res.writeHead(fault.status ?? 307, { Location: fault.location }).end();
      const blob = blobs.get(id);
      if (!blob) return void res.writeHead(404).end('no such blob');
      const m = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
      if (req.method === 'HEAD') return void res.writeHead(200, { 'Content-Length': blob.length }).end();
      if (!m || fault?.kind === 'ignore-range') return void res.writeHead(200, { 'Content-Length': blob.length }).end(blob);
      const start = Number(m[1]);
      const end = Math.min(Number(m[2]), blob.length - 1);
      if (start >= blob.length) return void res.writeHead(416, { 'Content-Range': `bytes */${blob.length}` }).end();
      const body = blob.subarray(start, end + 1);
      const headers = { 'Content-Length': body.length, 'Content-Range': `bytes ${start}-${end}/${blob.length}` };
      if (fault?.kind === 'drop-mid-body') {
        res.writeHead(206, headers);
        res.write(body.subarray(0, Math.floor(body.length / 2)), () => setTimeout(() => res.destroy(), 20));
        return;
      }
      if (fault?.kind === 'short-body') {
        // Honest about its length: a server whose object is shorter than asked.
        const short = body.subarray(0, fault.bytes);
        return void res.writeHead(206, { 'Content-Length': short.length, 'Content-Range': `bytes ${start}-${start + short.length - 1}/${blob.length}` }).end(short);
      }
      res.writeHead(206, headers).end(body);
    };
    if (fault?.kind === 'slow') {
      // The answer's timer ends with its connection (client gone, or stop()): no slow answer
      // outlives the test that asked for it.
      const timer = setTimeout(serve, fault.ms);
      res.on('close', () => clearTimeout(timer));
    } else serve();
  };
  const server = opts.tls ? https.createServer(opts.tls, handler) : http.createServer(handler);
  // Also a CONNECT proxy (for https targets behind a forward proxy); tunnels are recorded.
  // Every socket (keep-alive, TLS, CONNECT tunnels) is destroyed by stop(), so it never waits.
  const tunnels = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    tunnels.add(socket);
    socket.on('close', () => tunnels.delete(socket));
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    tunnels.add(client);
    client.on('close', () => tunnels.delete(client));
    requests.push({ method: 'CONNECT', url: req.url ?? '', headers: req.headers });
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  if (opts.socketPath) {
    rmSync(opts.socketPath, { force: true });
    await new Promise<void>((resolve) => server.listen(opts.socketPath, resolve));
  } else {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  }
  const port = opts.socketPath ? 0 : (server.address() as net.AddressInfo).port;
  return {
    url: opts.socketPath ?? `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`, port, faults, requests, blobs,
    stop: async () => {
      for (const t of tunnels) t.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (opts.socketPath) rmSync(opts.socketPath, { force: true });
    },
  };
}
