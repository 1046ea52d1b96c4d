// BlobReadServer: the HTTP/1.1 side of SharedBlobReads (service layer): answers the http-proxy
// backend's protocol (storage.md §3.5) on a Unix socket. `GET /<prefix…>/<blob id>` with
// `Range: bytes=…` → 206, without Range → 200 with the whole blob, `HEAD` → the size; `GET /`
// (nydusd's unix-socket client sends no id) means the host's only blob. Bodies are streamed
// in segments with backpressure, so a slow client costs at most two segments of memory.
import { promises as fsp } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net from 'node:net';
import { NydusError } from '../errors.js';
import type { LogFn } from '../storage/errors.js';
import { blobIdProblem } from './blob-range-store.js';

/** What the server reads blobs through (SharedBlobReads). */
export interface BlobReader {
  known(blobId: string): boolean;
  soleBlob(): string | null;
  size(blobId: string): Promise<number>;
  read(blobId: string, offset: number, length: number): Promise<Buffer>;
}

export interface BlobReadServerOptions {
  /** Mode of the socket file (default 0o600: a root-only host service); null leaves it as created. */
  mode?: number | null;
}

/** Body segment size: one read of the cache at a time per response (plus one read ahead). */
export const SEGMENT_BYTES = 4 << 20;
const MAX_TARGET_LENGTH = 4096;

export type RangeRequest =
  | { kind: 'whole' }
  | { kind: 'range'; start: number; end: number } // end exclusive
  | { kind: 'unsatisfiable' }
  | { kind: 'bad'; message: string };

/** A `Range` header against a blob of `size` bytes: one `bytes=a-b`, `a-` or `-n` range. */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return { kind: 'whole' };
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m || (m[1] === '' && m[2] === '')) {
    const why = header.includes(',') ? 'multiple ranges are not supported' : 'expected bytes=first-last, bytes=first- or bytes=-suffix';
    return { kind: 'bad', message: `Range "${header.slice(0, 100)}": ${why}` };
  }
  if (m[1] === '') {
    const n = Number(m[2]);
    return n === 0 || size === 0 ? { kind: 'unsatisfiable' } : { kind: 'range', start: Math.max(0, size - n), end: size };
  }
  const start = Number(m[1]);
  if (m[2] !== '' && Number(m[2]) < start) return { kind: 'bad', message: `Range "${header}": last byte before first byte` };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'range', start, end: m[2] === '' ? size : Math.min(Number(m[2]) + 1, size) };
}

/** The blob id a request target names: its last path segment, URL-decoded, "sha256:" dropped; "/" names no blob. */
export function blobIdOfTarget(target: string): { id: string } | { root: true } | { error: string } {
  if (target.length > MAX_TARGET_LENGTH) return { error: `request target longer than ${MAX_TARGET_LENGTH} bytes` };
  let path = target.split('?')[0].split('#')[0];
  const absolute = /^https?:\/\/[^/]*/i.exec(path);
  if (absolute) path = path.slice(absolute[0].length) || '/';
  if (!path.startsWith('/')) return { error: `request target "${target.slice(0, 100)}" is not a path` };
  if (path === '/') return { root: true };
  let id: string;
  try {
    id = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  } catch {
    return { error: `request target "${target.slice(0, 100)}" is not valid percent-encoding` };
  }
  if (id.startsWith('sha256:')) id = id.slice('sha256:'.length);
  const problem = blobIdProblem(id);
  return problem ? { error: `bad blob id in "${target.slice(0, 100)}": ${problem}` } : { id };
}

/** Removes a socket file nothing answers on; a live one is EADDRINUSE, a non-socket is EEXIST. */
async function removeStaleSocket(path: string): Promise<void> {
  let st;
  try {
    st = await fsp.lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (!st.isSocket()) throw new NydusError('EEXIST', `${path} exists and is not a socket; not replacing it`);
  const answer = await new Promise<string | null>((resolve) => {
    const s = net.connect(path);
    s.once('connect', () => {
      s.destroy();
      resolve(null);
    });
    s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
  });
  if (answer === null) throw new NydusError('EADDRINUSE', `${path}: another server answers on this socket`);
  if (answer !== 'ECONNREFUSED') throw new NydusError(answer, `${path}: cannot tell whether the socket is in use (${answer})`);
  await fsp.rm(path, { force: true });
}

export class BlobReadServer {
  private readonly server: http.Server;

  constructor(private readonly reader: BlobReader, private readonly log: LogFn) {
    this.server = http.createServer((req, res) => {
      res.on('error', () => undefined); // a client gone mid-body; the handler notices through 'close'
      this.handle(req, res).catch((err: Error) => {
        this.log('error', `blob read server: ${err.message}`);
        res.destroy();
      });
    });
    this.server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
      if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
      const body = `bad request: ${err.message}\n`;
      socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    });
  }

  async listen(socketPath: string, options: BlobReadServerOptions = {}): Promise<void> {
    await removeStaleSocket(socketPath);
    await new Promise<void>((resolve, reject) => {
      const failed = (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? new NydusError('EADDRINUSE', `${socketPath}: address in use`, 1, { cause: err }) : err);
      this.server.once('error', failed);
      this.server.listen(socketPath, () => {
        this.server.off('error', failed);
        resolve();
      });
    });
    // Before chmod the socket has the umask's mode (connecting needs write permission).
    const mode = options.mode === undefined ? 0o600 : options.mode;
    if (mode !== null) {
      try {
        await fsp.chmod(socketPath, mode);
      } catch (err) {
        await this.close();
        throw err;
      }
    }
    this.log('info', `serving blobs on ${socketPath}`);
  }

  listenFd(fd: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen({ fd }, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  /** Stops listening (Node removes the socket file) and ends every connection. */
  close(): Promise<void> {
    if (!this.server.listening) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    req.resume();
    const method = req.method ?? '';
    if (method !== 'GET' && method !== 'HEAD') return text(res, 405, `method ${method} is not supported (GET or HEAD)`, { Allow: 'GET, HEAD' });
    const target = blobIdOfTarget(req.url ?? '');
    if ('error' in target) return text(res, 400, target.error);
    const id = 'root' in target ? this.reader.soleBlob() : target.id;
    if (id === null) return text(res, 400, 'no blob id in the request and this server has no single blob to default to: ask for /<blob id>');
    if (!this.reader.known(id)) return text(res, 404, `blob ${id} is not served here`);
    let size: number;
    try {
      size = await this.reader.size(id);
    } catch (err) {
      return this.failed(res, id, err);
    }
    const common = { 'Accept-Ranges': 'bytes', 'Content-Type': 'application/octet-stream' };
    if (method === 'HEAD') return void res.writeHead(200, { ...common, 'Content-Length': size }).end();
    const range = parseRange(req.headers.range, size);
    if (range.kind === 'bad') return text(res, 400, range.message);
    if (range.kind === 'unsatisfiable') return text(res, 416, `blob ${id} has ${size} bytes; Range "${req.headers.range}" is not satisfiable`, { 'Content-Range': `bytes */${size}` });
    if (range.kind === 'whole') return this.stream(res, id, 0, size, 200, { ...common, 'Content-Length': size });
    const { start, end } = range;
    return this.stream(res, id, start, end, 206, { ...common, 'Content-Length': end - start, 'Content-Range': `bytes ${start}-${end - 1}/${size}` });
  }

  /** Sends [start, end) segment by segment, reading one segment ahead, waiting for 'drain'. */
  private async stream(res: ServerResponse, id: string, start: number, end: number, status: number, headers: http.OutgoingHttpHeaders): Promise<void> {
    let gone = false;
    res.once('close', () => (gone = true));
    const segmentEnd = (pos: number) => Math.min(end, (Math.floor(pos / SEGMENT_BYTES) + 1) * SEGMENT_BYTES);
    const readSegment = (pos: number) => {
      const p = this.reader.read(id, pos, segmentEnd(pos) - pos);
      p.catch(() => undefined); // a read ahead nobody waits for (client gone) still fills the cache
      return p;
    };
    let pos = start;
    let current = pos < end ? readSegment(pos) : null;
    while (current) {
      let buf: Buffer;
      try {
        buf = await current;
      } catch (err) {
        return this.failed(res, id, err);
      }
      const next = segmentEnd(pos);
      current = next < end && !gone ? readSegment(next) : null;
      if (gone) return;
      if (!res.headersSent) res.writeHead(status, headers);
      if (!res.write(buf)) await drained(res);
      pos = next;
    }
    if (gone) return;
    if (!res.headersSent) res.writeHead(status, headers);
    res.end();
  }

  /** A backend failure: 502 naming blob and error, or, once the body has begun, a cut connection. */
  private failed(res: ServerResponse, id: string, err: unknown): void {
    const msg = err instanceof Error ? err.message : String(err);
    this.log('warn', `blob ${id}: ${msg}`);
    if (res.headersSent) return void res.destroy();
    text(res, 502, `blob ${id}: ${msg}`);
  }
}

function text(res: ServerResponse, status: number, body: string, headers: http.OutgoingHttpHeaders = {}): void {
  const b = `${body}\n`;
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(b), ...headers }).end(b);
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
