// Daemon layer: the --metrics-addr listener on its own (no daemon): what it serves, what it
// refuses (unknown paths, other methods, oversized or garbled requests), an address in use
// (an error, or waited for by a hot upgrade's successor), close(), and that it never keeps
// the process alive.
import { execFile } from 'node:child_process';
import { createServer, connect, type Server } from 'node:net';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startMetricsListener, type MetricsListener } from '../../src/daemon/metrics/listener.js';
import { PROMETHEUS_CONTENT_TYPE } from '../../src/daemon/metrics/prometheus.js';
import { repoRoot } from '../helpers.js';
import { httpGet, parseExposition, value } from '../prometheus.js';

const quiet = { warn() {}, info() {}, debug() {} };
const TEXT = '# HELP up_total t\n# TYPE up_total counter\nup_total{daemon_id="d"} 7\n';

function portOf(l: MetricsListener): number {
  const a = l.address();
  if (!a) throw new Error('not listening');
  return Number(a.slice(a.lastIndexOf(':') + 1));
}

/** Writes raw bytes to the port and returns everything read until the peer closes (or 5 s). */
function raw(port: number, data: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    let out = '';
    s.on('data', (c: Buffer) => (out += c.toString('latin1')));
    s.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' || err.code === 'EPIPE' ? resolve(out) : reject(err)));
    s.on('close', () => resolve(out));
    s.setTimeout(5000, () => s.destroy());
    s.write(data);
  });
}

function occupy(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

test('GET /metrics and /api/v1/metrics/prometheus answer the exposition; HEAD the head only', async () => {
  const l = await startMetricsListener({ host: '127.0.0.1', port: 0 }, () => TEXT, quiet);
  try {
    const port = portOf(l);
    for (const path of ['/metrics', '/api/v1/metrics/prometheus', '/metrics?name[]=x']) {
      const r = await httpGet(port, path);
      assert.is(r.status, 200, path);
      assert.is(r.headers['content-type'], PROMETHEUS_CONTENT_TYPE);
      assert.is(value(parseExposition(r.body), 'up_total', { daemon_id: 'd' }), 7);
    }
    const head = await httpGet(port, '/metrics', { method: 'HEAD' });
    assert.is(head.status, 200);
    assert.is(head.body, '');
  } finally {
    await l.close();
  }
});

test('unknown paths 404, other methods 405, huge heads 431, garbage 400, a failing render 500; it keeps serving', async () => {
  let fail = false;
  const l = await startMetricsListener(
    { host: '127.0.0.1', port: 0 },
    () => {
      if (fail) throw new Error('boom');
      return TEXT;
    },
    quiet,
  );
  try {
    const port = portOf(l);
    assert.is((await httpGet(port, '/')).status, 404);
    assert.is((await httpGet(port, '/api/v1/daemon')).status, 404);
    assert.is((await httpGet(port, '/metrics/../metrics')).status, 404);
    const post = await httpGet(port, '/metrics', { method: 'POST' });
    assert.is(post.status, 405);
    assert.is(post.headers.allow, 'GET, HEAD');
    assert.is((await httpGet(port, '/metrics', { method: 'DELETE' })).status, 405);
    assert.match(await raw(port, `GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`), /^HTTP\/1\.1 431 /);
    assert.match(await raw(port, 'NOT HTTP AT ALL\r\n\r\n'), /^HTTP\/1\.1 400 /);
    fail = true;
    assert.is((await httpGet(port, '/metrics')).status, 500);
    fail = false;
    assert.is((await httpGet(port, '/metrics')).status, 200);
  } finally {
    await l.close();
  }
});

test('close() stops listening (connections refused) and is idempotent', async () => {
  const l = await startMetricsListener({ host: '127.0.0.1', port: 0 }, () => TEXT, quiet);
  const port = portOf(l);
  await Promise.all([l.close(), l.close()]);
  await l.close();
  const err = await httpGet(port, '/metrics').then(
    () => null,
    (e: NodeJS.ErrnoException) => e,
  );
  assert.is(err?.code, 'ECONNREFUSED');
});

test('an address in use is a clear error; a successor that waits for it binds once it is free', async () => {
  const { server, port } = await occupy();
  let waiting: MetricsListener | undefined;
  try {
    try {
      await startMetricsListener({ host: '127.0.0.1', port }, () => TEXT, quiet);
      assert.unreachable('bound an address in use');
    } catch (err) {
      assert.is((err as Error).message, `cannot serve metrics on 127.0.0.1:${port}: address already in use`);
      assert.is((err as { exitCode?: number }).exitCode, 1);
    }
    waiting = await startMetricsListener({ host: '127.0.0.1', port }, () => TEXT, quiet, { waitForAddress: true });
    assert.is(waiting.address(), null);
    await new Promise<void>((r) => server.close(() => r()));
    const end = Date.now() + 5000;
    while (waiting.address() === null && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    assert.is(waiting.address(), `127.0.0.1:${port}`);
    assert.is((await httpGet(port, '/metrics')).status, 200);
  } finally {
    await waiting?.close();
    if (server.listening) await new Promise<void>((r) => server.close(() => r()));
  }
});

test('the listener does not keep the process alive', async () => {
  const module = join(repoRoot, 'dist/src/daemon/metrics/listener.js');
  const script = `import(${JSON.stringify(module)}).then(async (m) => {
    const l = await m.startMetricsListener({ host: '127.0.0.1', port: 0 }, () => '', { warn() {}, info() {}, debug() {} });
    console.log(l.address());
  });`;
  const started = Date.now();
  // Killed after 20 s (a failure: code 1) if the listener kept it alive.
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(process.execPath, ['-e', script], { timeout: 20_000 }, (err, out) => resolve({ code: err ? 1 : 0, stdout: out }));
  });
  assert.is(code, 0);
  assert.match(stdout, /^127\.0\.0\.1:\d+\n$/);
  assert.ok(Date.now() - started < 15_000, 'exited by itself');
});

test.run();
