// Unit: the blob cache manager's records (daemon.md §6.1) with the shared v6 and v5 fixtures on
// a localfs backend (no network: nothing to warm), and the entry store's validation and atomic
// writes. The daemon, the API and warming from a registry are covered in test/e2e/09 and 10.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { BlobCacheEntry } from '../../generated/types.js';
import { prepareBlobEntry } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors.js';
import { BlobCacheError, BlobCacheManager, entryKey, readyChunks } from '../../src/service/blob-cache-manager.js';
import { BlobEntryStore, parseEntryStore, renderEntryStore } from '../../src/service/blob-entry-store.js';
import { fixture, perTest, tempDir } from '../helpers.js';

const track = perTest();
const released: string[] = [];

function manager(): BlobCacheManager {
  return track(new BlobCacheManager({ log: () => undefined, blobReleased: (id) => released.push(id) }));
}

function entry(id: string, domain: string, opts: { boot?: string; workDir?: string; type?: string; cacheType?: string } = {}): BlobCacheEntry {
  return {
    type: (opts.type ?? 'bootstrap') as 'bootstrap',
    id,
    domain_id: domain,
    config_v2: {
      version: 2,
      id,
      backend: { type: 'localfs', localfs: { dir: fixture.v6.blobs } },
      cache: { type: (opts.cacheType ?? 'blobcache') as 'blobcache', filecache: { work_dir: opts.workDir ?? tempDir('nydus-bcm-') } },
      metadata_path: opts.boot ?? fixture.v6.bootstrap,
    },
  } as unknown as BlobCacheEntry;
}

/** `e` is refused by the manager (or, with `byPrepare`, already by the API's prepare step). */
function refused(m: BlobCacheManager, e: BlobCacheEntry, text: RegExp, byPrepare = false): void {
  const before = m.snapshot();
  try {
    m.add(prepareBlobEntry(e));
  } catch (err) {
    assert.instance(err, byPrepare ? ConfigError : BlobCacheError, `${e.id}: ${(err as Error).message}`);
    assert.match((err as Error).message, text);
    assert.equal(m.snapshot(), before, 'nothing half-added');
    return;
  }
  assert.unreachable(`${e.id} was added`);
}

test('a bootstrap entry expands to its data blobs; keys, list, snapshot', () => {
  const m = manager();
  m.add(prepareBlobEntry(entry('img', 'dom')));
  assert.ok(m.has('dom', 'img'));
  const figs = m.figures();
  assert.is(figs.length, 1);
  assert.is(figs[0].key, `dom/${figs[0].blob_id}`);
  assert.is(figs[0].refs, 1);
  assert.is(figs[0].warm, 'off');
  assert.is(figs[0].ready_chunks, figs[0].chunk_count, 'localfs blobs are read in place');
  assert.equal(m.list('dom').map((e) => e.id), ['img']);
  assert.equal(m.list('other'), []);
  assert.equal(Object.keys(m.snapshot()), ['dom/img']);
  assert.is(JSON.parse(m.snapshot()['dom/img']).config_v2.metadata_path, fixture.v6.bootstrap);
  assert.is(entryKey('', 'x'), 'x');
  assert.is(entryKey('d', 'x'), 'd/x');
});

test('refused entries leave nothing behind, each with a clear reason', () => {
  const m = manager();
  m.add(prepareBlobEntry(entry('img', 'dom')));
  refused(m, entry('img', 'dom'), /bootstrap blob already exists: dom\/img/);
  refused(m, entry('v5', 'dom', { boot: fixture.v5.bootstrap }), /^RAFSv5 image is not supported$/);
  refused(m, entry('d1', 'dom', { type: 'datablob' }), /only bootstrap entries/);
  refused(m, entry('nometa', 'dom', { boot: '/nonexistent/image.boot' }), /metadata_path.*ENOENT/);
  refused(m, entry('dirmeta', 'dom', { boot: fixture.v6.blobs }), /metadata_path.*not a regular file/);
  refused(m, entry('nodir', 'dom', { workDir: '/nonexistent/cache' }), /work_dir.*ENOENT/);
  refused(m, entry('dummy', 'dom', { cacheType: 'dummycache' }), /unknown cache type "dummycache"/);
  refused(m, { ...entry('x', 'dom'), id: 'a/b' }, /\/id: expected a string matching/, true);
  refused(m, { ...entry('x', 'dom'), domain_id: 'a/b' }, /\/domain_id: expected a string matching/, true);
  // The manager checks too (library users may skip prepare).
  const ok = prepareBlobEntry(entry('x', 'dom'));
  assert.throws(() => m.add({ ...ok, id: 'a/b' }), /invalid blob id "a\/b": it must not contain "\/"/);
  assert.throws(() => m.add({ ...ok, domain_id: 'a/b' }), /invalid domain id "a\/b"/);
  // A bootstrap that is not RAFS.
  const junk = join(tempDir('nydus-bcm-'), 'junk.boot');
  writeFileSync(junk, Buffer.alloc(8192, 0x41));
  refused(m, entry('junk', 'dom', { boot: junk }), /cannot load the bootstrap/);
  assert.equal(Object.keys(m.snapshot()), ['dom/img']);
});

test('data blobs are counted by reference inside a domain; removal by id and by domain', () => {
  const m = manager();
  released.length = 0;
  const workDir = tempDir('nydus-bcm-');
  m.add(prepareBlobEntry(entry('a', 'shared', { workDir })));
  m.add(prepareBlobEntry(entry('b', 'shared', { workDir })));
  m.add(prepareBlobEntry(entry('c', 'other', { workDir })));
  const blobId = m.figures()[0].blob_id;
  assert.equal(m.figures().map((f) => [f.key, f.refs]), [[`shared/${blobId}`, 2], [`other/${blobId}`, 1]]);
  assert.equal(m.remove('shared', 'a'), ['shared/a']);
  assert.equal(m.figures(`shared/${blobId}`).map((f) => f.refs), [1]);
  assert.is(m.figures(`shared/${blobId}`)[0].owner, 'shared/b', 'the remaining bootstrap serves the blob');
  assert.throws(() => m.remove('shared', 'a'), /not found/);
  assert.equal(m.remove('shared'), ['shared/b']);
  assert.equal(released, [], 'the other domain still refers to the blob');
  assert.equal(m.list('shared'), []);
  assert.equal(m.remove('other', 'c'), ['other/c']);
  assert.equal(released, [blobId]);
  assert.is(m.size, 0);
  assert.throws(() => m.remove(''), /empty domain_id needs a blob_id/);
});

test('readyChunks counts the bits of a PersistMap chunk map, and trusts nothing malformed', () => {
  const dir = tempDir('nydus-bcm-');
  const map = Buffer.alloc(4096 + 2);
  map.writeUInt32LE(0x424d4150, 0);
  map.writeUInt32LE(1, 4);
  map.writeUInt32LE(0x434d4150, 8);
  map[4096] = 0b1010_0000;
  map[4097] = 0b1000_0000;
  writeFileSync(join(dir, 'm'), map);
  assert.is(readyChunks(join(dir, 'm'), 9), 3);
  map.writeUInt32LE(0x4d4d4150, 12);
  writeFileSync(join(dir, 'all'), map);
  assert.is(readyChunks(join(dir, 'all'), 9), 9);
  writeFileSync(join(dir, 'short'), map.subarray(0, 4097));
  assert.is(readyChunks(join(dir, 'short'), 9), 0);
  writeFileSync(join(dir, 'magic'), Buffer.alloc(4098));
  assert.is(readyChunks(join(dir, 'magic'), 9), 0);
  assert.is(readyChunks(join(dir, 'absent'), 9), 0);
});

test('entry store: round trip, atomic write, and validation of every member', async () => {
  const dir = tempDir('nydus-bes-');
  const store = new BlobEntryStore(join(dir, 'd.blobs.json'));
  assert.equal(await store.load(), { entries: [], problems: [] });
  const e = entry('img', 'dom');
  await store.save({ 'dom/img': JSON.stringify(e) });
  const loaded = await store.load();
  assert.equal(loaded.problems, []);
  assert.equal(loaded.entries, [{ key: 'dom/img', entry: e }]);
  assert.equal(readdirSync(dir), ['d.blobs.json'], 'no temp file left');
  const good = renderEntryStore({ 'dom/img': JSON.stringify(e) });
  assert.throws(() => parseEntryStore('[]'), /not a JSON object/);
  assert.throws(() => parseEntryStore('{"format":"x","version":1,"entries":{}}'), /format is "x"/);
  assert.throws(() => parseEntryStore(good.replace('"version": 1', '"version": 9')), /version 9 is not supported/);
  assert.throws(() => parseEntryStore('{"format":"nydus-service-blob-entries","version":1,"entries":[]}'), /"entries" is not an object/);
  const bad = parseEntryStore(
    renderEntryStore({ 'dom/img': JSON.stringify(e), 'x/y': JSON.stringify(e), 'n/n': '{', 'k/k': JSON.stringify({ type: 'weird', id: 'k', domain_id: 'k' }) }),
  );
  assert.equal(bad.entries.map((x) => x.key), ['dom/img']);
  assert.is(bad.problems.length, 3);
  assert.match(bad.problems.join('\n'), /key does not match the entry \(expected dom\/img\)/);
  // Not an object at all: set aside, nothing trusted.
  writeFileSync(store.file, 'garbage');
  const aside = await store.load();
  assert.equal(aside.entries, []);
  assert.match(aside.problems[0], /set aside as .*d\.blobs\.json\.corrupt-\d+/);
  assert.ok(!existsSync(store.file));
  assert.ok(readdirSync(dir).some((f) => f.startsWith('d.blobs.json.corrupt-')));
  // Concurrent saves: the last one wins and the file is always whole.
  await Promise.all([store.save({}), store.save({ 'dom/img': JSON.stringify(e) })]);
  assert.equal(parseEntryStore(readFileSync(store.file, 'utf8')).entries.map((x) => x.key), ['dom/img']);
});

test.run();
