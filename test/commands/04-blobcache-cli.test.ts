// Commands: `nydus blobcache` / `nydus singleton` flags (generated from schema/daemon/blobcache.schema.json)
// and their builder, and the client commands `nydus blobcache add|remove|list|metrics` run through
// bin/run.js against a fake API server on a Unix socket that records each request.
import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { Parser } from '@oclif/core';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { blobcacheDaemon } from '../../generated/daemon-builders.js';
import { blobcacheDaemonFlags, blobcacheFlagsToOptions, blobcacheOptionsToArgs } from '../../generated/daemon-flags.js';
import { ApiClient } from '../../src/daemon/api/client.js';
import { ConfigError, NydusError } from '../../src/errors.js';
import { cli, perTest, tempDir } from '../helpers.js';

const nydus = (...args: string[]) => execa(process.execPath, [cli, ...args], { reject: false });
const dir = tempDir('nydus-blobcache-cli-');
const track = perTest();

// ---- flags, options and builder ------------------------------------------------------------

const parseFlags = async (argv: string[]) => (await Parser.parse(argv, { flags: blobcacheDaemonFlags, strict: true })).flags;

test('blobcacheFlagsToOptions maps nydusd flag names to the schema keys and leaves absent flags out', () => {
  const o = blobcacheFlagsToOptions({ apisock: '/a.sock', config: '/c.json', 'shared-sock': '/s.sock', 'state-dir': '/st', 'log-level': 'debug', 'rlimit-nofile': 0, other: 1 });
  assert.equal(o, { apiSock: '/a.sock', config: '/c.json', stateDir: '/st', logLevel: 'debug', rlimitNofile: 0, sharedSock: '/s.sock' });
});

test('build() fills nydusd defaults, and leaves the state dir to the daemon (env NYDUS_STATE_DIR, else /run/nydus)', () => {
  assert.equal(blobcacheDaemon().apiSock('/a.sock').build(), { apiSock: '/a.sock', upgrade: false, logLevel: 'info', logRotationSize: 0, rlimitNofile: 1000000, fscacheThreads: 4 });
  const o = blobcacheDaemon().sharedSock('/s.sock').id('d1').supervisor('/sup.sock').upgrade(true).logLevel('warn').build();
  assert.is(o.sharedSock, '/s.sock');
  assert.is(o.upgrade, true);
  assert.is(o.stateDir, undefined);
});

test('build() refuses id without supervisor and the reverse, both config and configDocument, an unknown log level', () => {
  const refuses = (f: () => unknown, pattern: RegExp) =>
    assert.throws(f, (e: unknown) => e instanceof ConfigError && e.exitCode === 2 && pattern.test(e.message), String(pattern));
  refuses(() => blobcacheDaemon().id('d1').build(), /supervisor/);
  refuses(() => blobcacheDaemon().supervisor('/sup.sock').build(), /\bid\b/);
  refuses(() => blobcacheDaemon().config('/c.json').configDocument({ blobs: [] }).build(), /invalid configuration/);
  refuses(() => blobcacheDaemon().logLevel('loud' as never).build(), /\/logLevel/);
  assert.ok(blobcacheDaemon().configDocument({ blobs: [] }).build().configDocument);
});

test('options -> args -> parsed flags -> options is the identity, and defaults are not written', async () => {
  const full = blobcacheDaemon()
    .apiSock('/run/a.sock').config('/etc/blobs.json').id('d1').supervisor('/run/sup.sock').stateDir('/var/st')
    .upgrade(true).logLevel('trace').logFile('/var/log/n').logRotationSize(5).rlimitNofile(4096).sharedSock('/run/s.sock')
    .build();
  const args = blobcacheOptionsToArgs(full);
  assert.equal(blobcacheDaemon(blobcacheFlagsToOptions(await parseFlags(args))).build(), full);
  assert.equal(blobcacheOptionsToArgs(blobcacheDaemon().build()), []);
  assert.equal(blobcacheOptionsToArgs(blobcacheDaemon().apiSock('/a').build()), ['--apisock', '/a']);
});

test('the snapshotter-style singleton command line (daemon.md §1.13, without --fscache) parses', async () => {
  const argv = ['--upgrade', '--id', 'd1', '--apisock', '/run/d1/api1.sock', '--log-level', 'info', '--log-rotation-size', '100', '--supervisor', '/run/sup/d1.sock', '--log-file', '/var/log/d1/nydusd.log'];
  const o = blobcacheDaemon(blobcacheFlagsToOptions(await parseFlags(argv))).build();
  assert.equal(o, { apiSock: '/run/d1/api1.sock', id: 'd1', supervisor: '/run/sup/d1.sock', upgrade: true, logLevel: 'info', logFile: '/var/log/d1/nydusd.log', logRotationSize: 100, rlimitNofile: 1000000, fscacheThreads: 4 });
  const short = blobcacheFlagsToOptions(await parseFlags(['-A', '/a', '-C', '/c', '-l', 'debug', '-L', '/l']));
  assert.equal(short, { apiSock: '/a', config: '/c', logLevel: 'debug', logFile: '/l', logRotationSize: 0, rlimitNofile: 1000000, fscacheThreads: 4 });
});

test('usage errors exit 2 before any daemon starts: --id alone, --fscache-tag without --fscache, bad threads, a bad log level', async () => {
  for (const cmd of ['blobcache', 'singleton', 'fscache']) {
    const alone = await nydus(cmd, '--id', 'd1', '--apisock', join(dir, 'never.sock'), ...(cmd === 'fscache' ? ['--fscache', dir] : []));
    assert.is(alone.exitCode, 2, alone.stderr);
    assert.match(alone.stderr, /supervisor/);
    assert.is((await nydus(cmd, '--fscache-tag', 't1')).exitCode, 2);
    assert.is((await nydus(cmd, '--fscache', dir, '--fscache-threads', '0')).exitCode, 2);
    assert.is((await nydus(cmd, '--fscache', dir, '--fscache-threads', '1025')).exitCode, 2);
    assert.is((await nydus(cmd, '--log-level', 'loud')).exitCode, 2);
  }
  const missing = await nydus('fscache', '--apisock', join(dir, 'never.sock'));
  assert.is(missing.exitCode, 2, 'nydus fscache needs --fscache');
  assert.match(missing.stderr, /fscache/);
});

test('the snapshotter-style fscache command line (daemon.md §1.13) parses; -F is --fscache', async () => {
  const argv = ['--fscache', '/var/lib/containerd-nydus/cache', '--fscache-threads', '4', '--id', 'd1', '--apisock', '/run/d1/api.sock', '--log-level', 'info', '--supervisor', '/run/sup/d1.sock', '--log-file', '/var/log/d1/nydusd.log'];
  const o = blobcacheDaemon(blobcacheFlagsToOptions(await parseFlags(argv))).build();
  assert.equal(o, { apiSock: '/run/d1/api.sock', id: 'd1', supervisor: '/run/sup/d1.sock', upgrade: false, logLevel: 'info', logFile: '/var/log/d1/nydusd.log', logRotationSize: 0, rlimitNofile: 1000000, fscache: '/var/lib/containerd-nydus/cache', fscacheThreads: 4 });
  assert.equal(blobcacheFlagsToOptions(await parseFlags(['-F', '/c', '--fscache-tag', 't1'])).fscacheTag, 't1');
  assert.equal(blobcacheOptionsToArgs(o).slice(-4), ['--log-file', '/var/log/d1/nydusd.log', '--fscache', '/var/lib/containerd-nydus/cache']);
});

test('start-up failures of the fscache service exit 1 with the reason: a --fscache that is not a directory; a kernel without cachefiles', async () => {
  for (const cmd of ['fscache', 'singleton']) {
    const bad = await nydus(cmd, '--fscache', join(dir, 'no-such-dir'));
    assert.is(bad.exitCode, 1, bad.stderr);
    assert.match(bad.stderr, /invalid --fscache directory .*no-such-dir: ENOENT/);
  }
  if (existsSync('/dev/cachefiles')) return; // a kernel with CACHEFILES: the guest tests cover it
  const r = await nydus('fscache', '--fscache', dir);
  assert.is(r.exitCode, 1, r.stderr);
  assert.match(r.stderr, /cannot start the fscache service on .*: the kernel has no cachefiles device \(CONFIG_CACHEFILES\)/);
});

test('--version prints nydusd\'s version text for every daemon command', async () => {
  for (const cmd of ['blobcache', 'singleton', 'fscache']) {
    const r = await nydus(cmd, '--version');
    assert.is(r.exitCode, 0, r.stderr);
    assert.match(r.stdout, /^nydusd \rVersion: \t.*\nGit Commit: \t/);
  }
});

// ---- help ----------------------------------------------------------------------------------

test('--help of the daemon commands shows the generated flags and the snapshotter-style example', async () => {
  for (const cmd of ['blobcache', 'singleton']) {
    const r = await nydus(cmd, '--help');
    assert.is(r.exitCode, 0, r.stderr);
    for (const flag of ['--apisock', '--config', '--id', '--supervisor', '--state-dir', '--upgrade', '--log-level', '--log-file', '--log-rotation-size', '--rlimit-nofile', '--shared-sock', '--fscache', '--fscache-tag', '--fscache-threads']) {
      assert.match(r.stdout, flag, `${cmd} --help lacks ${flag}`);
    }
    assert.not.match(r.stdout, '--mountpoint');
    assert.match(r.stdout, /EXAMPLES/);
    assert.match(r.stdout, `${cmd} --id d1 --apisock /run/containerd-nydus/socket/d1/api.sock --log-level info --supervisor`);
  }
  const root = await nydus('--help');
  for (const c of ['blobcache add', 'blobcache remove', 'blobcache list', 'blobcache metrics', 'singleton', 'fscache']) assert.match(root.stdout, c);
});

test('--help of each client command shows its summary, flags and examples', async () => {
  const expect: Record<string, string[]> = {
    add: ['--file', '--type', '--id', '--domain-id', '--metadata-path', '--config'],
    remove: ['--domain-id', '--blob-id'],
    list: ['--domain-id', '--blob-id', '--json'],
    metrics: ['--id', '--json'],
  };
  for (const [cmd, flags] of Object.entries(expect)) {
    const r = await nydus('blobcache', cmd, '--help');
    assert.is(r.exitCode, 0, r.stderr);
    assert.match(r.stdout, `$ nydus blobcache ${cmd} -S`);
    for (const flag of ['--apisock', ...flags]) assert.match(r.stdout, flag, `blobcache ${cmd} --help lacks ${flag}`);
  }
});

// ---- client commands against a fake API server ---------------------------------------------

interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  rawQuery: string;
  body: string;
}
interface Answer {
  status: number;
  body?: unknown;
}

/** An HTTP server on a Unix socket that records each request and answers with `answer(req)`. */
async function fakeApi(answer: (seen: Seen) => Answer = () => ({ status: 204 })): Promise<{ sock: string; seen: Seen[] }> {
  const sock = join(tempDir('nydus-blobcache-api-'), 'api.sock');
  const seen: Seen[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '';
      const q = url.indexOf('?');
      const s: Seen = { method: req.method ?? '', path: q < 0 ? url : url.slice(0, q), rawQuery: q < 0 ? '' : url.slice(q + 1), query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)), body: Buffer.concat(chunks).toString('utf8') };
      seen.push(s);
      const a = answer(s);
      const text = a.body === undefined ? '' : JSON.stringify(a.body);
      res.writeHead(a.status, a.body === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(sock, resolve);
  });
  track({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
  return { sock, seen };
}

const apiError = (status: number, message: string): Answer => ({ status, body: { code: 'UNDEFINED', message } });

// The snapshotter's fscache entry (daemon.md §2.6), as its driver sends it.
const snapshotterEntry = {
  type: 'bootstrap',
  id: 'fsid1',
  domain_id: 'fsid1',
  config: {
    id: 'fsid1',
    backend_type: 'registry',
    backend_config: { readahead: false, host: 'index.docker.io', repo: 'library/ubuntu', auth: 'dXNlcjpwYXNz', scheme: 'https', proxy: { fallback: false }, timeout: 5, connect_timeout: 5, retry_limit: 2 },
    cache_type: 'fscache',
    cache_config: { work_dir: '/snap/fs' },
    prefetch_config: { enable: true, threads_count: 8, merging_size: 1048576, bandwidth_rate: 0, prefetch_all: false },
    metadata_path: '/snap/fs/image/image.boot',
  },
};

test('add --file sends the snapshotter\'s legacy entry verbatim with PUT /api/v2/blobs', async () => {
  const api = await fakeApi();
  const file = join(dir, 'entry.json');
  writeFileSync(file, JSON.stringify(snapshotterEntry));
  const r = await nydus('blobcache', 'add', '--apisock', api.sock, '--file', file);
  assert.is(r.exitCode, 0, r.stderr);
  assert.is(r.stdout, 'added bootstrap fsid1/fsid1');
  assert.is(api.seen.length, 1);
  assert.equal([api.seen[0].method, api.seen[0].path, api.seen[0].rawQuery], ['PUT', '/api/v2/blobs', '']);
  assert.equal(JSON.parse(api.seen[0].body), snapshotterEntry);
});

test('add from flags with a v2 TOML config sends config_v2: its backend and cache plus the bootstrap path', async () => {
  const api = await fakeApi();
  const cfg = join(dir, 'cfg.toml');
  writeFileSync(cfg, 'version = 2\nid = "/img1"\n[backend]\ntype = "localfs"\n[backend.localfs]\ndir = "/blobs"\n[cache]\ntype = "blobcache"\n[cache.filecache]\nwork_dir = "/cache"\n[rafs]\nmode = "direct"\n');
  const r = await nydus('blobcache', 'add', '-S', api.sock, '--id', 'img1', '--domain-id', 'shared', '--metadata-path', '/images/img1.boot', '--config', cfg);
  assert.is(r.exitCode, 0, r.stderr);
  assert.is(r.stdout, 'added bootstrap shared/img1');
  const sent = JSON.parse(api.seen[0].body);
  assert.equal(Object.keys(sent), ['type', 'id', 'domain_id', 'config_v2']);
  assert.equal([sent.type, sent.id, sent.domain_id], ['bootstrap', 'img1', 'shared']);
  assert.is(sent.config_v2.version, 2);
  assert.is(sent.config_v2.id, '/img1');
  assert.is(sent.config_v2.metadata_path, '/images/img1.boot');
  assert.equal([sent.config_v2.backend.type, sent.config_v2.backend.localfs.dir], ['localfs', '/blobs']);
  assert.equal([sent.config_v2.cache.type, sent.config_v2.cache.filecache.work_dir], ['blobcache', '/cache']);
  assert.is(sent.config_v2.rafs, undefined, 'a daemon config\'s rafs section is not part of an entry');
});

test('add from flags with a legacy entry config sends it as config with the bootstrap path', async () => {
  const api = await fakeApi();
  const cfg = join(dir, 'legacy.json');
  const { metadata_path: _unused, ...legacy } = snapshotterEntry.config;
  writeFileSync(cfg, JSON.stringify(legacy));
  const r = await nydus('blobcache', 'add', '-S', api.sock, '--type', 'bootstrap', '--id', 'fsid2', '--metadata-path', '/b.boot', '-C', cfg);
  assert.is(r.exitCode, 0, r.stderr);
  assert.is(r.stdout, 'added bootstrap fsid2');
  assert.equal(JSON.parse(api.seen[0].body), { type: 'bootstrap', id: 'fsid2', config: { ...legacy, metadata_path: '/b.boot' } });
});

test('add: the daemon\'s refusal is shown with its message, exit 1', async () => {
  const api = await fakeApi(() => apiError(500, 'CreateBlobObject(DaemonAbnormal(Other("bootstrap blob already exists")))'));
  const file = join(dir, 'entry-dup.json');
  writeFileSync(file, JSON.stringify(snapshotterEntry));
  const r = await nydus('blobcache', 'add', '-S', api.sock, '--file', file);
  assert.is(r.exitCode, 1);
  assert.match(r.stderr, 'http response: 500, error code: UNDEFINED, error message: CreateBlobObject(DaemonAbnormal(Other("bootstrap blob already exists")))');
  assert.is(r.stdout, '');
});

test('add: usage errors exit 2 without a request (no entry, --file with --id, --id without --config, a file that is not JSON)', async () => {
  const api = await fakeApi();
  const notJson = join(dir, 'not.json');
  writeFileSync(notJson, 'type = "bootstrap"\n');
  const cases = [
    ['blobcache', 'add', '-S', api.sock],
    ['blobcache', 'add', '-S', api.sock, '--file', notJson, '--id', 'x'],
    ['blobcache', 'add', '-S', api.sock, '--id', 'x', '--metadata-path', '/b.boot'],
    ['blobcache', 'add', '-S', api.sock, '--file', notJson],
  ];
  for (const args of cases) {
    const r = await nydus(...args);
    assert.is(r.exitCode, 2, `${args.join(' ')}: ${r.stderr}`);
  }
  assert.is(api.seen.length, 0);
});

test('remove --domain-id with --blob-id sends both, form-encoded', async () => {
  const api = await fakeApi();
  const r = await nydus('blobcache', 'remove', '-S', api.sock, '--domain-id', 'a b&c', '--blob-id', 'x%y=z');
  assert.is(r.exitCode, 0, r.stderr);
  assert.is(r.stdout, 'removed a b&c/x%y=z');
  assert.equal([api.seen[0].method, api.seen[0].path], ['DELETE', '/api/v2/blobs']);
  assert.is(api.seen[0].rawQuery, 'domain_id=a+b%26c&blob_id=x%25y%3Dz');
  assert.equal([api.seen[0].query.get('domain_id'), api.seen[0].query.get('blob_id')], ['a b&c', 'x%y=z']);
  assert.is(api.seen[0].body, '');
});

test('remove --domain-id alone removes the domain; --blob-id alone culls (no domain_id sent)', async () => {
  const api = await fakeApi();
  const d = await nydus('blobcache', 'remove', '-S', api.sock, '--domain-id', 'shared');
  assert.is(d.exitCode, 0, d.stderr);
  assert.is(d.stdout, 'removed every entry of domain "shared"');
  const b = await nydus('blobcache', 'remove', '-S', api.sock, '--blob-id', 'blob1');
  assert.is(b.exitCode, 0, b.stderr);
  assert.match(b.stdout, /^culled blob blob1/);
  assert.equal(api.seen.map((s) => `${s.method} ${s.path}?${s.rawQuery}`), ['DELETE /api/v2/blobs?domain_id=shared', 'DELETE /api/v2/blobs?blob_id=blob1']);
});

test('remove without --domain-id or --blob-id is a usage error; a missing entry is the daemon\'s error, exit 1', async () => {
  const api = await fakeApi(() => apiError(500, 'DeleteBlobObject(DaemonAbnormal(Other("blob_cache: cache entry not found")))'));
  const none = await nydus('blobcache', 'remove', '-S', api.sock);
  assert.is(none.exitCode, 2);
  assert.is(api.seen.length, 0);
  const r = await nydus('blobcache', 'remove', '-S', api.sock, '--domain-id', 'd', '--blob-id', 'gone');
  assert.is(r.exitCode, 1);
  assert.match(r.stderr, 'error message: DeleteBlobObject(DaemonAbnormal(Other("blob_cache: cache entry not found")))');
});

const listed = {
  blobs: [
    { type: 'bootstrap', id: 'img1', domain_id: 'shared', config_v2: { version: 2, id: '/img1', backend: { type: 'registry' }, cache: { type: 'blobcache' }, metadata_path: '/images/img1.boot' } },
    { type: 'bootstrap', id: 'fsid1', domain_id: '', config: { backend_type: 'localfs', cache_type: 'fscache', metadata_path: '/snap/image.boot' } },
  ],
};

test('list sends GET /api/v2/blobs?domain_id=D and prints one line per entry', async () => {
  const api = await fakeApi(() => ({ status: 200, body: listed }));
  const r = await nydus('blobcache', 'list', '-S', api.sock, '--domain-id', 'shared');
  assert.is(r.exitCode, 0, r.stderr);
  assert.equal(api.seen.map((s) => `${s.method} ${s.path}?${s.rawQuery}`), ['GET /api/v2/blobs?domain_id=shared']);
  const lines = r.stdout.trimEnd().split('\n');
  assert.is(lines.length, 3);
  assert.match(lines[0], /^KEY\s+TYPE\s+BACKEND\s+CACHE\s+BOOTSTRAP$/);
  assert.match(lines[1], /^shared\/img1\s+bootstrap\s+registry\s+blobcache\s+\/images\/img1\.boot$/);
  assert.match(lines[2], /^fsid1\s+bootstrap\s+localfs\s+fscache\s+\/snap\/image\.boot$/);
});

test('list --json prints the daemon\'s BlobCacheList; --blob-id narrows the query; an empty list says none', async () => {
  let answer: unknown = listed;
  const api = await fakeApi(() => ({ status: 200, body: answer }));
  const r = await nydus('blobcache', 'list', '-S', api.sock, '--domain-id', 'shared', '--blob-id', 'img1', '--json');
  assert.is(r.exitCode, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout), listed);
  assert.is(api.seen[0].rawQuery, 'domain_id=shared&blob_id=img1');
  answer = { blobs: [] };
  const empty = await nydus('blobcache', 'list', '-S', api.sock, '--domain-id', 'none');
  assert.is(empty.stdout, 'blobs: none');
});

test('list: a daemon without the listing answers 501 and the command exits 1 with its message', async () => {
  const api = await fakeApi(() => apiError(501, 'GetBlobObjects(DaemonAbnormal(Unsupported))'));
  const r = await nydus('blobcache', 'list', '-S', api.sock, '--domain-id', 'd');
  assert.is(r.exitCode, 1);
  assert.match(r.stderr, 'http response: 501, error code: UNDEFINED, error message: GetBlobObjects(DaemonAbnormal(Unsupported))');
});

const cacheMetrics = { underlying_files: ['/c/b1.blob.data'], store_path: '/c', partial_hits: 0, whole_hits: 40, total: 40, entries_count: 5, prefetch_data_amount: 5242880, data_all_ready: false };

test('metrics sends GET /api/v1/metrics/blobcache with the id and prints the counters (--json: as answered)', async () => {
  const api = await fakeApi(() => ({ status: 200, body: cacheMetrics }));
  const r = await nydus('blobcache', 'metrics', '-S', api.sock, '--id', '/img1');
  assert.is(r.exitCode, 0, r.stderr);
  assert.match(r.stdout, /^whole_hits:\s+40$/m);
  assert.match(r.stdout, /^underlying_files:\s+\/c\/b1\.blob\.data$/m);
  const j = await nydus('blobcache', 'metrics', '-S', api.sock, '--json');
  assert.equal(JSON.parse(j.stdout), cacheMetrics);
  assert.equal(api.seen.map((s) => `${s.method} ${s.path}?${s.rawQuery}`), ['GET /api/v1/metrics/blobcache?id=%2Fimg1', 'GET /api/v1/metrics/blobcache?']);
});

test('metrics: an unknown id is the daemon\'s 404 NoCounter, exit 1', async () => {
  const api = await fakeApi(() => apiError(404, 'BlobcacheMetrics(Metrics(Stats(NoCounter)))'));
  const r = await nydus('blobcache', 'metrics', '-S', api.sock, '--id', 'nope');
  assert.is(r.exitCode, 1);
  assert.match(r.stderr, 'http response: 404, error code: UNDEFINED, error message: BlobcacheMetrics(Metrics(Stats(NoCounter)))');
});

test('ApiClient: deleteBlob needs a domain or a blob id; putBlob and listBlobs use /api/v2/blobs', async () => {
  const api = await fakeApi((s) => (s.method === 'GET' ? { status: 200, body: { blobs: [] } } : { status: 204 }));
  const client = new ApiClient(api.sock);
  const refused = await client.deleteBlob({}).then(() => undefined, (e: unknown) => e);
  assert.ok(refused instanceof NydusError && refused.exitCode === 2, String(refused));
  await client.putBlob({ type: 'bootstrap', id: 'i' });
  assert.equal(await client.listBlobs('', undefined), { blobs: [] });
  await client.deleteBlob({ domainId: '', blobId: 'b' });
  assert.equal(api.seen.map((s) => `${s.method} ${s.path}?${s.rawQuery} ${s.body}`), [
    'PUT /api/v2/blobs? {"type":"bootstrap","id":"i"}',
    'GET /api/v2/blobs?domain_id= ',
    'DELETE /api/v2/blobs?domain_id=&blob_id=b ',
  ]);
});

test.run();
