// Daemon API, HTTP layer (spec api.md §1): the real server on a temporary Unix socket with a
// recording handler, spoken to in raw bytes: response framing, keep-alive and ordering,
// idle connections, limits, hostile input, socket file lifecycle, serialisation, exit.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ApiFailure, failures } from '../../src/daemon/api/errors.js';
import { perTest, tempDir } from '../helpers.js';
import { RawConn, errorBody, exchange, req, serve, type Served } from './api-fixture.js';

let s: Served;
const track = perTest();
test.before(async () => {
  s = await serve();
});
test.after(async () => {
  await s.server.close();
});
test.before.each(() => {
  s.calls.length = 0;
});

test('a 200 carries Server, keep-alive, JSON type and length; the reason phrase is empty', async () => {
  const r = await exchange(s.path, 'GET', '/api/v1/daemon');
  assert.is(r.status, 200);
  assert.is(r.reason, '');
  assert.equal(r.rawHeaders.slice(0, 2), ['Server: Nydus API', 'Connection: keep-alive']);
  assert.is(r.headers['content-type'], 'application/json');
  assert.is(Number(r.headers['content-length']), Buffer.byteLength(r.body));
  assert.is((r.json as { state: string }).state, 'RUNNING');
});

test('a 204 has no body and no Content-Length', async () => {
  const c = track(await RawConn.open(s.path));
  c.write(req('PUT', '/api/v1/daemon/start'));
  const r = await c.next();
  assert.is(r.status, 204);
  assert.is(r.headers['content-length'], undefined);
  assert.is(r.headers.server, 'Nydus API');
  await new Promise((res) => setTimeout(res, 50));
  assert.is(c.pending(), '', 'nothing follows the 204 head');
  c.close();
});

test('pipelined requests on one connection are answered in order, and the connection stays open', async () => {
  let release!: () => void;
  const slow = new Promise<void>((res) => (release = res));
  const t = track(await serve({ mount: () => slow }));
  const c = track(await RawConn.open(t.path));
  const body = JSON.stringify({ source: '/b', config: '{}', fs_type: 'rafs' });
  c.write(Buffer.concat([req('POST', '/api/v1/mount?mountpoint=/a', body), req('GET', '/api/v1/daemon'), req('GET', '/nope')]));
  setTimeout(release, 100);
  const statuses = [(await c.next()).status, (await c.next()).status, (await c.next()).status];
  assert.equal(statuses, [204, 200, 404]);
  c.write(req('GET', '/api/v1/daemon/events'));
  assert.is((await c.next()).status, 200);
  c.close();
  await t.server.close();
});

test('state-changing requests are serialised daemon-wide, across connections', async () => {
  const order: string[] = [];
  let release!: () => void;
  const slow = new Promise<void>((res) => (release = res));
  const t = track(await serve({
    takeover: async () => {
      order.push('takeover:begin');
      await slow;
      order.push('takeover:end');
    },
    start: async () => {
      order.push('start');
    },
  }));
  const a = track(await RawConn.open(t.path));
  const b = track(await RawConn.open(t.path));
  a.write(req('PUT', '/api/v1/daemon/fuse/takeover'));
  await new Promise((res) => setTimeout(res, 30));
  b.write(req('PUT', '/api/v1/daemon/start'));
  // A read-only request is not held up by the pending takeover.
  b.write(req('GET', '/api/v1/daemon'));
  await new Promise((res) => setTimeout(res, 100));
  assert.equal(order, ['takeover:begin']);
  release();
  assert.is((await a.next()).status, 204);
  assert.is((await b.next()).status, 204);
  assert.is((await b.next()).status, 200);
  assert.equal(order, ['takeover:begin', 'takeover:end', 'start']);
  a.close();
  b.close();
  await t.server.close();
});

test('an idle connection is never closed by the server (3 s without a request)', async () => {
  const c = track(await RawConn.open(s.path));
  const silent = await c.waitClosed(3000);
  assert.is(silent, false);
  c.write(req('GET', '/api/v1/daemon'));
  assert.is((await c.next()).status, 200);
  c.close();
});

test('256 simultaneous connections are all served', async () => {
  const conns = await Promise.all(Array.from({ length: 256 }, () => RawConn.open(s.path).then(track)));
  for (const c of conns) c.write(req('GET', '/api/v1/metrics/inflight'));
  const rs = await Promise.all(conns.map((c) => c.next()));
  assert.ok(rs.every((r) => r.status === 204));
  for (const c of conns) c.close();
});

test('a 51200-byte body is accepted', async () => {
  const pad = 'x'.repeat(51200 - JSON.stringify({ source: '/b', config: '', fs_type: 'rafs' }).length);
  const body = JSON.stringify({ source: '/b', config: pad, fs_type: 'rafs' });
  assert.is(Buffer.byteLength(body), 51200);
  const r = await exchange(s.path, 'POST', '/api/v1/mount?mountpoint=/m', body);
  assert.is(r.status, 204);
  assert.is((s.calls[0][2] as { config: string }).config.length, pad.length);
});

test('a 10 MB body gets 400 { "error": ... } and the server keeps serving', async () => {
  const c = track(await RawConn.open(s.path));
  const big = Buffer.alloc(10 << 20, 0x61);
  c.write(req('PUT', '/api/v1/config', big));
  const r = await c.next();
  assert.is(r.status, 400);
  assert.type((r.json as { error: string }).error, 'string');
  assert.ok(await c.waitClosed(), 'the connection is closed after an HTTP-level error');
  assert.is((await exchange(s.path, 'GET', '/api/v1/daemon')).status, 200);
});

test('garbage request lines, bad Content-Length and huge heads get 400 and the server keeps serving', async () => {
  const bad: Buffer[] = [
    Buffer.from('GARBAGE\r\n\r\n'),
    Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x0d, 0x0a, 0x0d, 0x0a]),
    Buffer.from('GET /api/v1/daemon HTTP/2.0\r\n\r\n'),
    Buffer.from('GET /api/v1/daemon HTTP/1.1\r\nContent-Length: -1\r\n\r\n'),
    Buffer.from('GET /api/v1/daemon HTTP/1.1\r\nContent-Length: 12abc\r\n\r\n'),
    Buffer.from('PUT /api/v1/config HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}'),
    Buffer.from('PUT /api/v1/config HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n'),
    Buffer.from(`GET /api/v1/daemon HTTP/1.1\r\nX-Big: ${'a'.repeat(70 * 1024)}\r\n\r\n`),
    Buffer.from(`GET /${'a'.repeat(70 * 1024)}`),
  ];
  for (const bytes of bad) {
    const c = track(await RawConn.open(s.path));
    c.write(bytes);
    const r = await c.next();
    assert.is(r.status, 400, JSON.stringify(bytes.subarray(0, 40).toString('latin1')));
    assert.ok('error' in (r.json as object));
    assert.ok(await c.waitClosed());
  }
  assert.equal(s.calls, []);
  assert.is((await exchange(s.path, 'GET', '/api/v1/daemon')).status, 200);
});

test('non-UTF-8 and 1000-deep JSON bodies are ParseBody errors, not crashes', async () => {
  let r = await exchange(s.path, 'PUT', '/api/v1/config', Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x22, 0x22, 0x7d]));
  assert.is(r.status, 400);
  assert.match((r.json as { message: string }).message, /^ParseBody\(Error\("invalid unicode code point", line: 1, column: \d+\)\)$/);
  r = await exchange(s.path, 'PUT', '/api/v1/config', '['.repeat(1000) + ']'.repeat(1000));
  assert.is(r.status, 400);
  assert.match((r.json as { message: string }).message, /recursion limit exceeded/);
  assert.equal(s.calls, []);
});

test('absolute-form targets are routed by their path; HTTP/1.0 is served', async () => {
  let r = await exchange(s.path, 'GET', 'http://localhost/api/v1/metrics?id=%2Fa');
  assert.is(r.status, 200);
  assert.equal(s.calls, [['metrics', '/a']]);
  r = await exchange(s.path, 'GET', 'http://localhost');
  assert.is(r.status, 404);
  const c = track(await RawConn.open(s.path));
  c.write('GET /api/v1/daemon HTTP/1.0\r\n\r\n');
  assert.is((await c.next()).status, 200);
  c.close();
});

test('a zero Content-Length is no body; a body after Expect: 100-continue is read after the interim answer', async () => {
  let r = await exchange(s.path, 'PUT', '/api/v1/daemon/exit', '');
  assert.is(r.status, 204);
  const c = track(await RawConn.open(s.path));
  const body = '{"log_level":"debug"}';
  c.write(`PUT /api/v1/daemon HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: ${body.length}\r\n\r\n`);
  r = await c.next();
  assert.is(r.status, 100);
  c.write(body);
  assert.is((await c.next()).status, 204);
  assert.equal(s.calls.slice(-1), [['setLogLevel', 'debug']]);
  c.close();
});

test('exit answers 204 first and only then calls afterExit', async () => {
  const seen: string[] = [];
  const t = track(await serve({
    exit: async () => {
      seen.push('exit');
    },
    afterExit: () => seen.push('afterExit'),
  }));
  const c = track(await RawConn.open(t.path));
  c.write(req('PUT', '/api/v1/daemon/exit'));
  const r = await c.next();
  assert.is(r.status, 204);
  await new Promise((res) => setTimeout(res, 20));
  assert.equal(seen, ['exit', 'afterExit']);
  // A failed exit is not followed by afterExit.
  seen.length = 0;
  const u = track(await serve({ exit: () => Promise.reject(failures.channelClosed()), afterExit: () => seen.push('afterExit') }));
  const e = await exchange(u.path, 'PUT', '/api/v1/daemon/exit');
  assert.is(e.status, 500);
  assert.equal(e.json, errorBody('Configure(DaemonAbnormal(Other("state machine stopped")))'));
  assert.equal(seen, []);
  c.close();
  await t.server.close();
  await u.server.close();
});

test('a handler exception is a 500 with the family and the message, and the server lives on', async () => {
  const t = track(await serve({
    events: () => {
      throw new Error('boom "x"');
    },
    sendfd: () => Promise.reject(new ApiFailure(503, 'DaemonAbnormal(NotReady)')),
  }));
  let r = await exchange(t.path, 'GET', '/api/v1/daemon/events');
  assert.is(r.status, 500);
  assert.equal(r.json, errorBody('Events(DaemonAbnormal(Other("boom \\"x\\"")))'));
  r = await exchange(t.path, 'PUT', '/api/v1/daemon/fuse/sendfd');
  assert.is(r.status, 503);
  assert.equal(r.json, errorBody('Upgrade(DaemonAbnormal(NotReady))'));
  assert.is((await exchange(t.path, 'GET', '/api/v1/daemon')).status, 200);
  await t.server.close();
});

test('the socket file is replaced at start and removed at close', async () => {
  const path = join(tempDir('nydus-api-'), 'api.sock');
  writeFileSync(path, 'stale');
  const t = track(await serve({}, path));
  assert.ok(statSync(path).isSocket());
  assert.is((await exchange(path, 'GET', '/api/v1/daemon')).status, 200);
  const idle = track(await RawConn.open(path));
  await t.server.close();
  assert.is(existsSync(path), false);
  assert.ok(await idle.waitClosed(), 'close drops open connections');
  await t.server.close();
});

test.run();
