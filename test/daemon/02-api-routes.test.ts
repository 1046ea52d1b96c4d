// Daemon API, routing (spec api.md §1.3, §1.4, §2, §3): every path/method/body combination
// of the endpoint table, query decoding, error bodies and statuses (with the ★ texts), and
// the typed client (src/daemon/api/client.ts) against the same server.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ApiClient, ApiClientError } from '../../src/daemon/api/client.js';
import { failures } from '../../src/daemon/api/errors.js';
import DaemonInfo from '../../src/commands/daemon/info.js';
import DaemonMetrics from '../../src/commands/daemon/metrics.js';
import DaemonMount from '../../src/commands/daemon/mount.js';
import DaemonSetLogLevel from '../../src/commands/daemon/set-log-level.js';
import DaemonUmount from '../../src/commands/daemon/umount.js';
import { perTest, repoRoot, tempDir } from '../helpers.js';
import { RawConn, errorBody, exchange, serve, type Served } from './api-fixture.js';

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

const mountBody = JSON.stringify({ source: '/img/bootstrap', config: '{"version":2}', fs_type: 'rafs' });
const BAD = errorBody('BadRequest');
const NO_MP = errorBody(`QueryString("'mountpoint' should be specified in query string")`);

/** [method, target, body, status, expected call or error body] */
type Row = [string, string, string | undefined, number, unknown];
const rows: Row[] = [
  ['GET', '/api/v1/daemon', undefined, 200, ['daemonInfo', 1]],
  ['GET', '/api/v2/daemon', undefined, 200, ['daemonInfo', 2]],
  ['PUT', '/api/v1/daemon', '{"log_level":"info","x":1}', 204, ['setLogLevel', 'info']],
  ['PUT', '/api/v2/daemon', '{"log_level":"warn"}', 204, ['setLogLevel', 'warn']],
  ['GET', '/api/v1/daemon/events', undefined, 200, ['events']],
  ['GET', '/api/v1/daemon/backend?mountpoint=/m', undefined, 200, ['backendInfo', '/m']],
  ['PUT', '/api/v1/daemon/start', undefined, 204, ['start']],
  ['PUT', '/api/v1/daemon/exit', undefined, 204, ['exit']],
  ['PUT', '/api/v1/daemon/fuse/sendfd', undefined, 204, ['sendfd']],
  ['PUT', '/api/v1/daemon/fuse/takeover', undefined, 204, ['takeover']],
  ['POST', '/api/v1/mount?mountpoint=/m', mountBody, 204, ['mount', '/m']],
  ['PUT', '/api/v1/mount?mountpoint=/m', mountBody, 204, ['remount', '/m']],
  ['DELETE', '/api/v1/mount?mountpoint=/m', undefined, 204, ['umount', '/m']],
  ['GET', '/api/v1/metrics', undefined, 200, ['metrics', undefined]],
  ['GET', '/api/v1/metrics?id=/a', undefined, 200, ['metrics', '/a']],
  ['GET', '/api/v1/metrics/files?id=/a', undefined, 200, ['fileMetrics', '/a', false]],
  ['GET', '/api/v1/metrics/files?latest=true', undefined, 200, ['fileMetrics', undefined, true]],
  ['GET', '/api/v1/metrics/files?latest=True', undefined, 200, ['fileMetrics', undefined, false]],
  ['GET', '/api/v1/metrics/pattern?id=/a', undefined, 200, ['accessPatterns', '/a']],
  ['GET', '/api/v1/metrics/backend?id=/a', undefined, 200, ['backendMetrics', '/a']],
  ['GET', '/api/v1/metrics/blobcache?id=', undefined, 200, ['blobcacheMetrics', '']],
  ['GET', '/api/v1/metrics/inflight', undefined, 204, ['inflight']],
  ['GET', '/api/v1/config?id=/a', undefined, 200, ['getConfig', '/a']],
  ['GET', '/api/v1/config', undefined, 200, ['getConfig', undefined]],
  ['PUT', '/api/v1/config?id=/a', '{"registry_auth":"dGVzdDp0ZXN0"}', 204, ['putConfig', '/a', { registry_auth: 'dGVzdDp0ZXN0' }]],
  ['PUT', '/api/v1/config', '{}', 204, ['putConfig', '', {}]],
  ['DELETE', '/api/v2/blobs?domain_id=d', undefined, 204, ['deleteBlob', 'd', undefined]],
  ['DELETE', '/api/v2/blobs?domain_id=d&blob_id=b', undefined, 204, ['deleteBlob', 'd', 'b']],
  ['DELETE', '/api/v2/blobs?blob_id=b', undefined, 204, ['deleteBlob', undefined, 'b']],
  // Method/body combinations not in the table.
  ['POST', '/api/v1/daemon', undefined, 400, BAD],
  ['PUT', '/api/v1/daemon', undefined, 400, BAD],
  ['GET', '/api/v1/daemon', '{}', 400, BAD],
  ['DELETE', '/api/v1/daemon', undefined, 400, BAD],
  ['PUT', '/api/v1/daemon/start', '{}', 400, BAD],
  ['GET', '/api/v1/daemon/start', undefined, 400, BAD],
  ['POST', '/api/v1/daemon/exit', undefined, 400, BAD],
  ['GET', '/api/v1/daemon/fuse/sendfd', undefined, 400, BAD],
  ['PUT', '/api/v1/daemon/events', undefined, 400, BAD],
  ['GET', '/api/v1/metrics', '{"a":1}', 400, BAD],
  ['PUT', '/api/v1/metrics/inflight', undefined, 400, BAD],
  ['POST', '/api/v1/mount?mountpoint=/m', undefined, 400, BAD],
  ['PUT', '/api/v1/mount?mountpoint=/m', undefined, 400, BAD],
  ['DELETE', '/api/v1/mount?mountpoint=/m', mountBody, 400, BAD],
  ['GET', '/api/v1/mount?mountpoint=/m', undefined, 400, BAD],
  ['PUT', '/api/v1/config', undefined, 400, BAD],
  ['POST', '/api/v1/config', '{}', 400, BAD],
  ['DELETE', '/api/v2/blobs', undefined, 400, BAD],
  ['GET', '/api/v2/blobs', undefined, 400, BAD],
  ['PUT', '/api/v2/blobs', undefined, 400, BAD],
  ['POST', '/api/v2/blobs', '{}', 400, BAD],
  ['GET', '/api/v1/daemon/backend', '{}', 400, BAD],
  // The mount route checks the query before the method; backend checks the method first.
  ['GET', '/api/v1/mount', undefined, 400, NO_MP],
  ['POST', '/api/v1/mount', mountBody, 400, NO_MP],
  ['PATCH', '/api/v1/mount?id=/m', undefined, 400, NO_MP],
  ['GET', '/api/v1/daemon/backend', undefined, 400, NO_MP],
  // Unknown paths: exact, case-sensitive, no trailing slash, no percent-decoding.
  ['GET', '/api/v1/daemon/', undefined, 404, errorBody('NoRoute')],
  ['GET', '/API/v1/daemon', undefined, 404, errorBody('NoRoute')],
  ['GET', '/api/v1/%64aemon', undefined, 404, errorBody('NoRoute')],
  ['PUT', '/api/v3/blobs', '{}', 404, errorBody('NoRoute')],
  ['GET', '*', undefined, 400, BAD],
  // Not implemented in the reference: 501, not a crash.
  ['GET', '/api/v2/blobs?domain_id=d', undefined, 501, errorBody('GetBlobObjects(DaemonAbnormal(Unsupported))')],
];

test('every row of the endpoint table and every unlisted combination', async () => {
  for (const [method, target, body, status, expect] of rows) {
    s.calls.length = 0;
    const r = await exchange(s.path, method, target, body);
    const what = `${method} ${target} ${body ?? ''}`;
    assert.is(r.status, status, what);
    if (status < 300) {
      const [name, ...args] = expect as [string, ...unknown[]];
      // (exit is followed by afterExit; 01-api-http checks that order.)
      assert.is(s.calls.filter((x) => x[0] !== 'afterExit').length, 1, what);
      assert.is(s.calls[0][0], name, what);
      // Mount calls are checked for the mountpoint only here (the command in its own test).
      assert.equal(s.calls[0].slice(1, 1 + args.length), args, what);
    } else {
      assert.equal(r.json, expect, what);
      assert.equal(s.calls, [], what);
    }
  }
});

test('200 bodies are the handler result serialised; v2 daemon info has a null backend_collection', async () => {
  let r = await exchange(s.path, 'GET', '/api/v1/daemon');
  assert.equal((r.json as { backend_collection: unknown }).backend_collection, {});
  r = await exchange(s.path, 'GET', '/api/v2/daemon');
  assert.is((r.json as { backend_collection: unknown }).backend_collection, null);
  const t = track(await serve({
    inflight: () => [{ inode: 72057594037929010n as unknown as number, opcode: 15, unique: 22656, timestamp_secs: 1612245570 }],
  }));
  r = await exchange(t.path, 'GET', '/api/v1/metrics/inflight');
  assert.is(r.status, 200);
  assert.is(r.body, '[{"inode":72057594037929010,"opcode":15,"unique":22656,"timestamp_secs":1612245570}]');
  await t.server.close();
});

test('the mount body reaches the handler with schema defaults applied', async () => {
  await exchange(s.path, 'POST', '/api/v1/mount?mountpoint=%2Fsid', JSON.stringify({ source: '/b', config: 'c' }));
  assert.equal(s.calls, [['mount', '/sid', { source: '/b', config: 'c', fs_type: '', mountpoint: '/', prefetch_files: null }]]);
});

test('query strings: %XX and + decoded, first occurrence wins, bare key is empty, unknown keys ignored', async () => {
  const cases: Array<[string, unknown]> = [
    ['?mountpoint=%2Fsid', '/sid'],
    ['?mountpoint=/a+b%20c', '/a b c'],
    ['?mountpoint=/first&mountpoint=/second', '/first'],
    ['?x=1&&mountpoint=/m&y', '/m'],
    ['?mountpoint', ''],
    ['?mountpoint=%E4%BD%A0', '\u4f60'],
    ['?mountpoint=%zz', '%zz'],
    ['?mount%70oint=/enc', '/enc'],
  ];
  for (const [query, mp] of cases) {
    s.calls.length = 0;
    const r = await exchange(s.path, 'DELETE', `/api/v1/mount${query}`);
    assert.is(r.status, 204, query);
    assert.equal(s.calls, [['umount', mp]], query);
  }
  // Raw UTF-8 in the target (nydusctl does not encode) arrives as the same text.
  s.calls.length = 0;
  const raw = Buffer.from('DELETE /api/v1/mount?mountpoint=/caf\u00e9 HTTP/1.1\r\n\r\n', 'utf8');
  const c = track(await RawConn.open(s.path));
  c.write(raw);
  assert.is((await c.next()).status, 204);
  assert.equal(s.calls, [['umount', '/caf\u00e9']]);
  c.close();
});

test('malformed bodies are 400 ParseBody(Error("<serde message>", line: L, column: C))', async () => {
  const cases: Array<[string, string, string]> = [
    ['/api/v1/mount?mountpoint=/m', '{"source":"/b",', 'ParseBody(Error("EOF while parsing an object", line: 1, column: 15))'],
    ['/api/v1/mount?mountpoint=/m', '{"source":"/b"}', 'ParseBody(Error("missing field `config`", line: 1, column: 15))'],
    ['/api/v1/mount?mountpoint=/m', '{"source":"/b",\n"config":42}', 'ParseBody(Error("invalid type: integer `42`, expected a string", line: 2, column: 11))'],
    ['/api/v1/daemon', '{"log_level":}', 'ParseBody(Error("expected value", line: 1, column: 14))'],
    ['/api/v1/daemon', '{"level":"info"}', 'ParseBody(Error("missing field `log_level`", line: 1, column: 16))'],
    ['/api/v1/config', '{"registry_auth":1}', 'ParseBody(Error("invalid type: integer `1`, expected a string", line: 1, column: 18))'],
    ['/api/v1/config', '{} x', 'ParseBody(Error("trailing characters", line: 1, column: 4))'],
  ];
  for (const [target, body, message] of cases) {
    const r = await exchange(s.path, target.includes('mount') ? 'POST' : 'PUT', target, body);
    assert.is(r.status, 400, body);
    assert.equal(r.json, errorBody(message), body);
  }
  assert.equal(s.calls, []);
});

test('handler failures get the endpoint family and the §2.2 status (★ Pattern NoCounter)', async () => {
  const t = track(await serve({
    accessPatterns: () => {
      throw failures.noCounter();
    },
    metrics: () => {
      throw failures.noCounter();
    },
    mount: () => Promise.reject(failures.mountOther('object or filesystem already exists')),
    remount: () => Promise.reject(failures.mountUnsupported()),
    umount: () => Promise.reject(failures.unsupported()),
    start: () => Promise.reject(failures.unexpectedEvent('Start')),
    takeover: () => Promise.reject(failures.unexpectedEvent('Takeover')),
    sendfd: () => Promise.reject(failures.upgradeManager('no fd "held"')),
    setLogLevel: () => {
      throw failures.payloadType();
    },
    backendInfo: () => {
      throw failures.metricsDaemon("object or filesystem doesn't exist");
    },
    putBlob: () => Promise.reject(failures.badRequest()),
    deleteBlob: () => Promise.reject(failures.daemonOther('blob_cache: cache entry not found')),
  }));
  const cases: Array<[string, string, string | undefined, number, string]> = [
    ['GET', '/api/v1/metrics/pattern?id=unknown', undefined, 404, 'Pattern(Metrics(Stats(NoCounter)))'],
    ['GET', '/api/v1/metrics', undefined, 404, 'GlobalMetrics(Metrics(Stats(NoCounter)))'],
    ['POST', '/api/v1/mount?mountpoint=/m', mountBody, 500, 'Mount(MountFilesystem(Other("object or filesystem already exists")))'],
    ['PUT', '/api/v1/mount?mountpoint=/m', mountBody, 501, 'Mount(MountFilesystem(Unsupported))'],
    ['DELETE', '/api/v1/mount?mountpoint=/m', undefined, 501, 'Mount(DaemonAbnormal(Unsupported))'],
    ['PUT', '/api/v1/daemon/start', undefined, 400, 'Configure(DaemonAbnormal(UnexpectedEvent("Start")))'],
    ['PUT', '/api/v1/daemon/fuse/takeover', undefined, 400, 'Upgrade(DaemonAbnormal(UnexpectedEvent("Takeover")))'],
    ['PUT', '/api/v1/daemon/fuse/sendfd', undefined, 500, 'Upgrade(DaemonAbnormal(UpgradeManager("no fd \\"held\\"")))'],
    ['PUT', '/api/v1/daemon', '{"log_level":"loud"}', 500, 'Configure(ResponsePayloadType)'],
    ['GET', '/api/v1/daemon/backend?mountpoint=/x', undefined, 500, `FsBackendInfo(Metrics(Daemon(Other("object or filesystem doesn't exist"))))`],
    ['DELETE', '/api/v2/blobs?domain_id=d&blob_id=b', undefined, 500, 'DeleteBlobObject(DaemonAbnormal(Other("blob_cache: cache entry not found")))'],
    ['DELETE', '/api/v2/blobs?blob_id=b', undefined, 500, 'DeleteBlobFile(DaemonAbnormal(Other("blob_cache: cache entry not found")))'],
  ];
  for (const [method, target, body, status, message] of cases) {
    const r = await exchange(t.path, method, target, body);
    assert.is(r.status, status, message);
    assert.equal(r.json, errorBody(message));
  }
  // The wire form of a quoted detail: the inner quotes appear as \" inside the JSON string.
  const raw = await exchange(t.path, 'PUT', '/api/v1/daemon/fuse/sendfd');
  assert.ok(raw.body.includes('UpgradeManager(\\"no fd \\\\\\"held\\\\\\"\\")'), raw.body);
  await t.server.close();
});

test('PUT /api/v2/blobs validates the entry (ParseBody) before the handler; a "prepare" failure is bare BadRequest', async () => {
  const t = track(await serve({
    putBlob: (entry) => {
      t.calls.push(['putBlob', entry]);
      return Promise.reject(failures.badRequest());
    },
  }));
  let r = await exchange(t.path, 'PUT', '/api/v2/blobs', '[1]');
  assert.is(r.status, 400);
  assert.match((r.json as { message: string }).message, /^ParseBody\(Error\("invalid type: sequence/);
  r = await exchange(t.path, 'PUT', '/api/v2/blobs', JSON.stringify({ type: 'image', id: 'b' }));
  assert.match((r.json as { message: string }).message, /^ParseBody\(Error\("unknown variant `image`, expected one of `bootstrap`, `datablob`", line: 1, column: 15\)\)$/);
  // Schema-valid JSON with a semantic fault (an id with "/") is the "prepare" failure.
  r = await exchange(t.path, 'PUT', '/api/v2/blobs', JSON.stringify({ type: 'bootstrap', id: 'a/b' }));
  assert.equal([r.status, r.json], [400, BAD]);
  assert.equal(t.calls, []);
  // A valid entry reaches the handler, whose own "prepare" failure is the bare BadRequest.
  r = await exchange(t.path, 'PUT', '/api/v2/blobs', JSON.stringify({ type: 'bootstrap', id: 'b', domain_id: 'd' }));
  assert.equal([r.status, r.json], [400, BAD]);
  assert.equal(t.calls, [['putBlob', { type: 'bootstrap', id: 'b', domain_id: 'd' }]]);
  await t.server.close();
});

test('client: typed calls map to the routes, 204 inflight is [], errors carry status and the snapshotter text', async () => {
  const c = new ApiClient(s.path);
  assert.is((await c.info()).state, 'RUNNING');
  assert.is((await c.info(2)).backend_collection, null);
  await c.setLogLevel('debug');
  await c.mount('/sid', { source: '/b', config: '{}', fs_type: 'rafs' });
  await c.remount('/sid', { source: '/b2', config: '{}' });
  await c.umount('/sid');
  assert.equal(await c.inflight(), []);
  await c.metrics('fs', '/sid');
  await c.metrics('latest');
  await c.putConfig('/sid', { registry_auth: 'x' });
  await c.getConfig();
  await c.start();
  await c.sendfd();
  await c.takeover();
  await c.exit();
  assert.equal(
    s.calls.map((x) => x[0]),
    ['daemonInfo', 'daemonInfo', 'setLogLevel', 'mount', 'remount', 'umount', 'inflight', 'metrics', 'fileMetrics', 'putConfig', 'getConfig', 'start', 'sendfd', 'takeover', 'exit', 'afterExit'],
  );
  assert.equal(s.calls[3].slice(0, 2), ['mount', '/sid']);
  assert.equal(s.calls[8], ['fileMetrics', undefined, true]);
  const t = track(await serve({
    accessPatterns: () => {
      throw failures.noCounter();
    },
  }));
  const err = await new ApiClient(t.path).metrics('pattern', 'unknown').catch((e: unknown) => e);
  assert.instance(err, ApiClientError);
  assert.is((err as ApiClientError).status, 404);
  assert.is((err as ApiClientError).message, 'http response: 404, error code: UNDEFINED, error message: Pattern(Metrics(Stats(NoCounter)))');
  await t.server.close();
  const gone = await new ApiClient(t.path).info().catch((e: unknown) => e);
  assert.is((gone as { code: string }).code, 'EAPISOCK');
});

/** Runs a `nydus daemon ...` command class in-process; returns its stdout, stderr and exit code. */
async function command(cls: { run(argv: string[], opts: string): Promise<unknown> }, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const [o, e] = [process.stdout.write, process.stderr.write];
  process.stdout.write = ((c: string) => out.push(String(c)) > 0) as typeof o;
  process.stderr.write = ((c: string) => err.push(String(c)) > 0) as typeof e;
  let code = 0;
  try {
    await cls.run(argv, repoRoot);
  } catch (x) {
    code = (x as { oclif?: { exit?: number } }).oclif?.exit ?? 1;
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
  return { stdout: out.join(''), stderr: err.join(''), code };
}

test('nydus daemon info|mount|umount|metrics|set-log-level talk to the socket; API errors exit 1 with the message', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'config.json'), '{"version":2,"backend":{"type":"localfs","localfs":{"dir":"/b"}}}');
  writeFileSync(join(dir, 'prefetch'), '/a\n\n  /b/c  \n');
  const t = track(await serve({
    backendMetrics: () => {
      throw failures.noCounter();
    },
  }));
  let r = await command(DaemonInfo, ['--apisock', t.path]);
  assert.match(r.stdout, /^Status:\s+RUNNING$/m);
  assert.match(r.stdout, /^Commit:\s+abc$/m);
  r = await command(DaemonInfo, ['--apisock', t.path, '--json']);
  assert.is(JSON.parse(r.stdout).state, 'RUNNING');
  r = await command(DaemonMount, ['--apisock', t.path, '-m', '/sub', '-s', '/img.boot', '-c', join(dir, 'config.json'), '--prefetch-files', join(dir, 'prefetch')]);
  assert.is(r.code, 0, r.stderr);
  r = await command(DaemonUmount, ['--apisock', t.path, '-m', '/sub']);
  r = await command(DaemonSetLogLevel, ['--apisock', t.path, 'trace']);
  r = await command(DaemonMetrics, ['--apisock', t.path, 'inflight']);
  assert.is(r.stdout, 'inflight: none\n');
  r = await command(DaemonMetrics, ['--apisock', t.path, '--id', '/sub']);
  assert.match(r.stdout, /^nr_opens:\s+0$/m);
  assert.equal(t.calls, [
    ['daemonInfo', 1],
    ['daemonInfo', 1],
    ['mount', '/sub', { source: '/img.boot', fs_type: 'rafs', config: '{"version":2,"backend":{"type":"localfs","localfs":{"dir":"/b"}}}', prefetch_files: ['/a', '/b/c'], mountpoint: '/' }],
    ['umount', '/sub'],
    ['setLogLevel', 'trace'],
    ['inflight'],
    ['metrics', '/sub'],
  ]);
  r = await command(DaemonMetrics, ['--apisock', t.path, 'backend']);
  assert.is(r.code, 1);
  assert.is(r.stderr, 'nydus: http response: 404, error code: UNDEFINED, error message: BackendMetrics(Metrics(Stats(NoCounter)))\n');
  await t.server.close();
  r = await command(DaemonInfo, ['--apisock', t.path]);
  assert.is(r.code, 1);
  assert.match(r.stderr, /cannot reach the daemon API/);
});

test.run();
