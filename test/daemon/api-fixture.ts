// Test fixture for the daemon API tests: a recording DaemonApiHandler (the server's
// collaborator), a server on a temporary socket, and a raw HTTP/1.1 connection that
// writes bytes and reads back responses one by one.
import { createConnection, type Socket } from 'node:net';
import { join } from 'node:path';
import type { DaemonApiHandler } from '../../src/daemon/api/handler.js';
import { startApiServer, type ApiLog, type ApiServer } from '../../src/daemon/api/server.js';
import { tempDir } from '../helpers.js';

export type Call = [string, ...unknown[]];

const silent: ApiLog = { error() {}, warn() {}, info() {}, debug() {} };

export const sampleInfo = {
  version: { package_ver: 'v0.1.0', git_commit: 'abc', build_time: 't', profile: 'release', rustc: 'node' },
  id: 'd1',
  supervisor: null,
  state: 'RUNNING' as const,
  backend_collection: {},
};

/** A handler whose methods record their calls; `over` replaces any of them. */
export function fakeHandler(calls: Call[], over: Partial<DaemonApiHandler> = {}): DaemonApiHandler {
  const rec =
    <T>(name: string, result: T) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
      return result;
    };
  const done = Promise.resolve();
  const base: DaemonApiHandler = {
    daemonInfo: (v) => {
      calls.push(['daemonInfo', v]);
      return { ...sampleInfo, backend_collection: v === 1 ? {} : null };
    },
    setLogLevel: rec('setLogLevel', undefined),
    events: rec('events', { max_errors: 500, total_errors: 0, max_size: 51200, total_size: 0, errors: [] }),
    backendInfo: rec('backendInfo', { magic: 1380009555 }),
    mount: rec('mount', done),
    remount: rec('remount', done),
    umount: rec('umount', done),
    metrics: rec('metrics', { id: '/', nr_opens: 0 } as never),
    fileMetrics: rec('fileMetrics', {}),
    accessPatterns: rec('accessPatterns', []),
    backendMetrics: rec('backendMetrics', { backend_type: 'localfs' } as never),
    blobcacheMetrics: rec('blobcacheMetrics', { store_path: '/c' } as never),
    inflight: rec('inflight', null),
    getConfig: rec('getConfig', {}),
    putConfig: rec('putConfig', undefined),
    start: rec('start', done),
    exit: rec('exit', done),
    afterExit: rec('afterExit', undefined),
    sendfd: rec('sendfd', done),
    takeover: rec('takeover', done),
    putBlob: rec('putBlob', done),
    deleteBlob: rec('deleteBlob', done),
  };
  return { ...base, ...over };
}

export interface Served {
  path: string;
  server: ApiServer;
  calls: Call[];
  /** server.close() (for perTest's track()). */
  close(): Promise<void>;
}

export async function serve(over: Partial<DaemonApiHandler> = {}, path = join(tempDir('nydus-api-'), 'api.sock')): Promise<Served> {
  const calls: Call[] = [];
  const server = await startApiServer(path, fakeHandler(calls, over), silent);
  return { path, server, calls, close: () => server.close() };
}

export interface RawResponse {
  status: number;
  reason: string;
  headers: Record<string, string>;
  /** Header lines in order, for checks on exact spelling. */
  rawHeaders: string[];
  body: string;
  json?: unknown;
}

/** A raw client connection: write bytes, read responses in order. */
export class RawConn {
  readonly sock: Socket;
  private buf = Buffer.alloc(0);
  private waiters: Array<() => void> = [];
  closed = false;

  constructor(path: string) {
    this.sock = createConnection(path);
    this.sock.on('data', (c: Buffer) => {
      this.buf = Buffer.concat([this.buf, c]);
      this.wake();
    });
    this.sock.on('close', () => {
      this.closed = true;
      this.wake();
    });
    this.sock.on('error', () => {});
  }

  static async open(path: string): Promise<RawConn> {
    const c = new RawConn(path);
    await new Promise<void>((resolve, reject) => {
      c.sock.once('connect', resolve);
      c.sock.once('error', reject);
    });
    return c;
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  private async until(pred: () => boolean, ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!pred()) {
      if (this.closed) throw new Error(`connection closed; pending: ${JSON.stringify(this.buf.toString('latin1'))}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; pending: ${JSON.stringify(this.buf.toString('latin1').slice(0, 200))}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  write(data: string | Buffer): void {
    this.sock.write(data);
  }

  /** Reads the next complete response (Content-Length delimited; none means no body). */
  async next(ms?: number): Promise<RawResponse> {
    await this.until(() => this.buf.includes('\r\n\r\n'), ms);
    const end = this.buf.indexOf('\r\n\r\n');
    const lines = this.buf.subarray(0, end).toString('latin1').split('\r\n');
    const m = /^HTTP\/1\.1 (\d{3}) (.*)$/.exec(lines[0]);
    if (!m) throw new Error(`bad status line ${JSON.stringify(lines[0])}`);
    const headers: Record<string, string> = {};
    for (const l of lines.slice(1)) {
      const i = l.indexOf(':');
      headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
    }
    const len = Number(headers['content-length'] ?? 0);
    await this.until(() => this.buf.length >= end + 4 + len, ms);
    const body = this.buf.subarray(end + 4, end + 4 + len).toString('utf8');
    this.buf = this.buf.subarray(end + 4 + len);
    return { status: Number(m[1]), reason: m[2], headers, rawHeaders: lines.slice(1), body, json: body ? JSON.parse(body) : undefined };
  }

  /** Resolves true when the server closes the connection within `ms`. */
  async waitClosed(ms = 2000): Promise<boolean> {
    try {
      await this.until(() => this.closed, ms);
      return true;
    } catch {
      return this.closed;
    }
  }

  /** Bytes received but not yet consumed as a response. */
  pending(): string {
    return this.buf.toString('latin1');
  }

  close(): void {
    this.sock.destroy();
  }
}

/** Builds one request: Content-Length is added when there is a body (or `length` forces one). */
export function req(method: string, target: string, body?: string | Buffer, extra: string[] = []): Buffer {
  const payload = body === undefined ? Buffer.alloc(0) : Buffer.from(body);
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: localhost', ...extra];
  if (body !== undefined) lines.push(`Content-Length: ${payload.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), payload]);
}

/** One request on a fresh connection. */
export async function exchange(path: string, method: string, target: string, body?: string | Buffer, extra?: string[]): Promise<RawResponse> {
  const c = await RawConn.open(path);
  try {
    c.write(req(method, target, body, extra));
    return await c.next();
  } finally {
    c.close();
  }
}

export const errorBody = (message: string) => ({ code: 'UNDEFINED', message });
