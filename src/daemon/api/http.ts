// Daemon API layer: the HTTP/1.1 dialect of nydusd's API socket (spec api.md §1.2), over
// one net.Socket. Requests of a connection are parsed and answered strictly one at a time;
// bodies are delimited by Content-Length only; the server never closes an idle connection.
// Anything unparsable gets a 400 `{ "error": ... }` and the connection is closed.
import type { Socket } from 'node:net';
import type { ApiRequest, ApiResponse, Router } from './router.js';

/** Largest request head (request line + headers) accepted. */
export const MAX_HEAD_BYTES = 64 * 1024;
/** Largest request body accepted (the reference's limit is 51200 bytes). */
export const MAX_BODY_BYTES = 1024 * 1024;

// The target may carry raw non-ASCII bytes (nydusctl does not percent-encode); the head is
// decoded as latin1, so each character of the target is one byte.
const REQUEST_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) ([\x21-\x7e\x80-\xff]+) HTTP\/1\.([01])$/;
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Response head and body as the reference sends them: empty reason phrase, no Content-Length on 204. */
export function renderResponse(res: ApiResponse): Buffer {
  let head = `HTTP/1.1 ${res.status} \r\nServer: Nydus API\r\nConnection: keep-alive\r\n`;
  const text = res.json ?? res.text?.body;
  if (text === undefined) return Buffer.from(`${head}\r\n`, 'latin1');
  const body = Buffer.from(text, 'utf8');
  head += `Content-Type: ${res.json === undefined ? res.text?.contentType : 'application/json'}\r\nContent-Length: ${body.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

class ProtocolError extends Error {}

interface Head {
  method: string;
  target: string;
  length: number;
  expectContinue: boolean;
}

/** Parses a request head (without the blank line). Throws ProtocolError. */
function parseHead(text: string): Head {
  const lines = text.split(/\r?\n/);
  const m = REQUEST_LINE.exec(lines[0]);
  if (!m) throw new ProtocolError('Invalid request line.');
  if (!METHODS.has(m[1])) throw new ProtocolError('Invalid HTTP method.');
  let length: number | undefined;
  let expectContinue = false;
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new ProtocolError('Invalid header.');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length') {
      if (!/^[0-9]{1,15}$/.test(value)) throw new ProtocolError('Invalid value. Key:Content-Length; Value: ' + value.slice(0, 64));
      const n = Number(value);
      if (length !== undefined && length !== n) throw new ProtocolError('Conflicting Content-Length headers.');
      length = n;
    } else if (name === 'transfer-encoding' && value.toLowerCase() !== 'identity') {
      throw new ProtocolError('Unsupported transfer encoding.');
    } else if (name === 'expect' && value.toLowerCase() === '100-continue') expectContinue = true;
  }
  return { method: m[1], target: m[2], length: length ?? 0, expectContinue };
}

function findHeadEnd(buf: Buffer): { end: number; next: number } | null {
  const crlf = buf.indexOf('\r\n\r\n');
  const lf = buf.indexOf('\n\n');
  if (crlf < 0 && lf < 0) return null;
  if (lf >= 0 && (crlf < 0 || lf < crlf)) return { end: lf, next: lf + 2 };
  return { end: crlf, next: crlf + 4 };
}

/** Serves API requests on one accepted connection until the peer goes away. */
export function serveConnection(socket: Socket, router: Router, onError: (msg: string) => void): void {
  let buf: Buffer = Buffer.alloc(0);
  let head: Head | null = null;
  let busy = false;
  let broken = false;
  let peerEnded = false;

  const write = (data: Buffer, cb?: () => void): void => {
    if (socket.destroyed || !socket.writable) {
      cb?.();
      return;
    }
    socket.write(data, () => cb?.());
  };

  /** Answers a request the HTTP layer could not parse, then stops reading this connection. */
  const reject = (why: string): void => {
    broken = true;
    buf = Buffer.alloc(0);
    write(renderResponse({ status: 400, json: JSON.stringify({ error: why }) }));
    socket.end();
    // Whatever the peer still sends is discarded; a peer that never stops is cut off.
    setTimeout(() => socket.destroy(), 5000).unref();
  };

  const pump = (): void => {
    while (!busy && !broken) {
      if (!head) {
        // Tolerate blank lines between requests (RFC 9112 §2.2).
        let skip = 0;
        while (skip < buf.length && (buf[skip] === 13 || buf[skip] === 10)) skip += 1;
        if (skip > 0) buf = buf.subarray(skip);
        const at = findHeadEnd(buf);
        if (!at) {
          const eol = buf.indexOf('\n');
          if (eol >= 0 && !REQUEST_LINE.test(buf.subarray(0, eol).toString('latin1').replace(/\r$/, ''))) reject('Invalid request line.');
          else if (buf.length > MAX_HEAD_BYTES) reject('Request head too large.');
          else if (peerEnded) socket.end();
          return;
        }
        if (at.end > MAX_HEAD_BYTES) {
          reject('Request head too large.');
          return;
        }
        const text = buf.subarray(0, at.end).toString('latin1');
        buf = buf.subarray(at.next);
        try {
          head = parseHead(text);
        } catch (err) {
          reject(err instanceof ProtocolError ? err.message : 'Invalid request.');
          return;
        }
        if (head.length > MAX_BODY_BYTES) {
          reject(`Request payload with size ${head.length} is larger than the limit of ${MAX_BODY_BYTES} allowed by server.`);
          return;
        }
        if (head.expectContinue && head.length > 0 && buf.length < head.length) write(Buffer.from('HTTP/1.1 100 Continue\r\n\r\n'));
      }
      if (buf.length < head.length) {
        if (peerEnded) socket.end();
        return;
      }
      const req: ApiRequest = { method: head.method, target: head.target, body: head.length > 0 ? Buffer.from(buf.subarray(0, head.length)) : null };
      buf = buf.subarray(head.length);
      head = null;
      busy = true;
      router(req)
        .catch((err: unknown) => {
          onError(`API request ${req.method} ${req.target} failed: ${String(err)}`);
          return { status: 500, json: JSON.stringify({ code: 'UNDEFINED', message: `DaemonAbnormal(Other(${JSON.stringify(String(err))}))` }) } as ApiResponse;
        })
        .then((res) => {
          write(renderResponse(res), res.after);
          busy = false;
          if (socket.isPaused()) socket.resume();
          pump();
        });
    }
  };

  socket.on('data', (chunk: Buffer) => {
    if (broken) return;
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    if (busy && buf.length > MAX_HEAD_BYTES + MAX_BODY_BYTES) socket.pause();
    pump();
  });
  // The server is half-open capable: a peer that shuts down its side still gets its answers.
  socket.on('end', () => {
    peerEnded = true;
    if (!busy) pump();
  });
  socket.on('error', (err) => onError(`API connection error: ${err.message}`));
}
