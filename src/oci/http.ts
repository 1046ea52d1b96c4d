// OCI layer: one HTTP exchange of the registry client (node:http/https, no keep-alive pool to
// close) with an inactivity timeout that covers connect, headers and body, and the registry's
// error answers ({"errors":[{code,message}]}) turned into NydusErrors with errno-like codes.
import { createReadStream } from 'node:fs';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { NydusError } from '../errors.js';
import { describeUrl, USER_AGENT } from '../storage/http.js';

/** A request body: bytes, or a file streamed from disk (re-opened for each attempt). */
export type Body = Buffer | { file: string; size: number };

export interface Exchange {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: URL;
  headers?: Record<string, string>;
  body?: Body;
  /** No progress (connect, headers, body bytes) for this long fails the exchange with EIO. */
  timeoutMs: number;
  /** https only: accept any certificate, or trust these PEM certificates besides the system's. */
  tls?: { skipVerify?: boolean; ca?: string[] };
}

/** Wraps anything thrown by node's http stack as EIO naming what was being done. */
export function ioError(what: string, err: unknown): NydusError {
  if (err instanceof NydusError) return err;
  return new NydusError('EIO', `${what}: ${(err as Error)?.message ?? String(err)}`, 1, { cause: err });
}

/** Sends one request; resolves with the response (its body still to be read or drained). */
export function send(ex: Exchange): Promise<IncomingMessage> {
  const what = `${ex.method} ${describeUrl(ex.url)}`;
  const headers: Record<string, string> = { 'User-Agent': USER_AGENT, ...ex.headers };
  if (ex.body) headers['Content-Length'] = String(Buffer.isBuffer(ex.body) ? ex.body.length : ex.body.size);
  else if (ex.method === 'POST' || ex.method === 'PUT') headers['Content-Length'] = '0';
  const mod = ex.url.protocol === 'https:' ? https : http;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const tlsOptions = ex.tls && ex.url.protocol === 'https:' ? { rejectUnauthorized: !ex.tls.skipVerify, ...(ex.tls.ca?.length ? { ca: [...tls.rootCertificates, ...ex.tls.ca] } : {}) } : {};
    const req = mod.request(ex.url, { method: ex.method, headers, agent: false, ...tlsOptions });
    req.setTimeout(ex.timeoutMs, () => req.destroy(new NydusError('EIO', `${what}: no progress for ${ex.timeoutMs} ms`)));
    // `on`, not `once`: a request still uploading when its answer came may fail later too.
    req.on('error', (err) => reject(ioError(what, err)));
    req.once('response', resolve);
    const body = ex.body;
    if (!body) req.end();
    else if (Buffer.isBuffer(body)) req.end(body);
    else {
      const file = createReadStream(body.file);
      file.once('error', (err) => req.destroy(ioError(`reading ${body.file}`, err)));
      file.pipe(req);
    }
  });
}

/** Reads a whole body (at most `limit` bytes; more fails with EFBIG). */
export async function readBody(res: IncomingMessage, what: string, limit = 64 << 20): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  try {
    for await (const c of res as AsyncIterable<Buffer>) {
      n += c.length;
      if (n > limit) {
        res.destroy();
        throw new NydusError('EFBIG', `${what}: answer larger than ${limit} bytes`);
      }
      chunks.push(c);
    }
  } catch (err) {
    throw ioError(what, err);
  }
  return Buffer.concat(chunks);
}

/** Discards a body so the socket can close. */
export async function drain(res: IncomingMessage): Promise<void> {
  try {
    for await (const _ of res as AsyncIterable<Buffer>) {
      /* discard */
    }
  } catch {
    /* the answer is already decided */
  }
}

/** The error for an unexpected status: 404 ENOENT, 401/403 EACCES, 400 EINVAL, 5xx and others EIO. */
export async function statusError(res: IncomingMessage, what: string): Promise<NydusError> {
  const status = res.statusCode ?? 0;
  let detail = '';
  try {
    const text = (await readBody(res, what, 16 << 10)).toString('utf8');
    const parsed = JSON.parse(text) as { errors?: { code?: string; message?: string }[] };
    detail = (parsed.errors ?? []).map((e) => [e.code, e.message].filter(Boolean).join(': ')).join('; ');
  } catch {
    /* not a registry error document */
  }
  const code = status === 404 ? 'ENOENT' : status === 401 || status === 403 ? 'EACCES' : status === 400 ? 'EINVAL' : 'EIO';
  return new NydusError(code, `${what}: ${status} ${res.statusMessage ?? ''}`.trim() + (detail ? ` (${detail})` : ''));
}
