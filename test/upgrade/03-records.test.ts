// Upgrade: daemon records in the state directory — atomic writes, listing, patching,
// removal, state directory resolution (flag, NYDUS_STATE_DIR, /run/nydus).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { NydusError } from '../../src/errors.js';
import {
  DEFAULT_STATE_DIR,
  listRecords,
  readRecord,
  readRecordSync,
  recordPath,
  removeRecord,
  resolveStateDir,
  scanRecords,
  updateRecord,
  writeRecord,
  writeRecordSync,
  type DaemonRecord,
} from '../../src/upgrade/records.js';
import { tempDir } from '../helpers.js';

function rec(id: string, patch: Partial<DaemonRecord> = {}): DaemonRecord {
  return {
    id,
    pid: 4242,
    apiSock: `/run/x/${id}/api.sock`,
    supervisor: `/run/x/${id}.sock`,
    argv: [process.execPath, '/opt/nydus/bin/run.js', 'fuse', '--id', id, '--mountpoint', '/mnt/x'],
    mountpoint: '/mnt/x',
    mounts: [{ mountpoint: '/', source: '/img/image.boot' }],
    state: 'RUNNING',
    startedAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...patch,
  };
}

test('resolveStateDir: flag, then NYDUS_STATE_DIR, then /run/nydus', () => {
  assert.is(resolveStateDir('/a', { NYDUS_STATE_DIR: '/b' }), '/a');
  assert.is(resolveStateDir(undefined, { NYDUS_STATE_DIR: '/b' }), '/b');
  assert.is(resolveStateDir(null, { NYDUS_STATE_DIR: '' }), DEFAULT_STATE_DIR);
  assert.is(resolveStateDir(undefined, {}), '/run/nydus');
});

test('write then read; the directory is created; updatedAt is refreshed; no temp file is left', async () => {
  const dir = join(tempDir(), 'nested', 'state');
  const out = await writeRecord(dir, rec('d1'));
  assert.ok(out.updatedAt > '2024-01-01T00:00:00.000Z');
  assert.equal(await readRecord(dir, 'd1'), out);
  assert.equal(readRecordSync(dir, 'd1'), out);
  assert.equal(readdirSync(dir), ['d1.json']);
  assert.match(readFileSync(join(dir, 'd1.json'), 'utf8'), /^\{\n  "id": "d1"/);
});

test('unknown id: a clear ENOENT error naming the id and the directory', async () => {
  const dir = tempDir();
  try {
    await readRecord(dir, 'nope');
    assert.unreachable();
  } catch (err) {
    assert.instance(err, NydusError);
    assert.is((err as NydusError).exitCode, 1);
    assert.match((err as Error).message, `no daemon record for id "nope" in ${dir}`);
  }
});

test('ids that could escape the directory are refused', () => {
  assert.throws(() => recordPath('/tmp', '../etc/passwd'), /invalid daemon id/);
  assert.throws(() => recordPath('/tmp', '.hidden'), /invalid daemon id/);
  assert.is(recordPath('/tmp', 'a-1_b.c'), '/tmp/a-1_b.c.json');
});

test('an invalid record is refused on write and on read', async () => {
  const dir = tempDir();
  try {
    await writeRecord(dir, { ...rec('d1'), pid: 0 });
    assert.unreachable();
  } catch (err) {
    assert.match((err as Error).message, /not a valid daemon record: \/pid/);
  }
  assert.not.ok(existsSync(join(dir, 'd1.json')));
  writeFileSync(join(dir, 'd2.json'), '{"id":');
  try {
    await readRecord(dir, 'd2');
    assert.unreachable();
  } catch (err) {
    assert.match((err as Error).message, /d2\.json: not a valid daemon record/);
  }
});

test('concurrent writes and updates to one file are serialised, never torn', async () => {
  const dir = tempDir();
  await writeRecord(dir, rec('d1'));
  const jobs: Promise<unknown>[] = [];
  for (let i = 0; i < 50; i++) {
    jobs.push(updateRecord(dir, 'd1', (r) => ({ pid: r.pid + 1 })));
    jobs.push(readRecord(dir, 'd1')); // every read sees a complete record
  }
  await Promise.all(jobs);
  assert.is((await readRecord(dir, 'd1')).pid, 4242 + 50);
  assert.equal(readdirSync(dir), ['d1.json']);
});

test('updateRecord patches, removes undefined keys, keeps the id; missing record → ENOENT', async () => {
  const dir = tempDir();
  await writeRecord(dir, rec('d1', { failover: { supervisorPid: 9 } }));
  const u = await updateRecord(dir, 'd1', { state: 'STOPPED', failover: undefined });
  assert.is(u.state, 'STOPPED');
  assert.is(u.failover, undefined);
  assert.not.ok('failover' in (await readRecord(dir, 'd1')));
  try {
    await updateRecord(dir, 'zz', { state: 'x' });
    assert.unreachable();
  } catch (err) {
    assert.is((err as NydusError).code, 'ENOENT');
  }
});

test('list and scan: sorted valid records; temp files ignored; broken files reported', async () => {
  const dir = tempDir();
  assert.equal(await listRecords(join(dir, 'missing')), []);
  await writeRecord(dir, rec('b'));
  writeRecordSync(dir, rec('a', { apiSock: null }));
  writeFileSync(join(dir, '.c.json.1.1.tmp'), 'partial');
  writeFileSync(join(dir, 'broken.json'), '[]');
  writeFileSync(join(dir, 'mismatch.json'), JSON.stringify(rec('other')));
  writeFileSync(join(dir, 'notes.txt'), 'x');
  assert.equal((await listRecords(dir)).map((r) => r.id), ['a', 'b']);
  const scan = await scanRecords(dir);
  assert.equal(scan.problems.map((p) => p.file.split('/').pop()), ['broken.json', 'mismatch.json']);
  assert.match(scan.problems[1].message, /does not match the file name/);
});

test('a whole-record write keeps the supervisor fields it does not mention', async () => {
  const dir = tempDir();
  await writeRecord(dir, rec('d1'));
  await updateRecord(dir, 'd1', { failover: { supervisorPid: 7 }, upgrades: 3 });
  const w = await writeRecord(dir, rec('d1', { state: 'INIT' })); // as the daemon writes it
  assert.equal(w.failover, { supervisorPid: 7 });
  assert.is(w.upgrades, 3);
  const sync = writeRecordSync(dir, rec('d1', { upgrades: 4 }));
  assert.is(sync.upgrades, 4);
  assert.equal(sync.failover, { supervisorPid: 7 });
  const cleared = await updateRecord(dir, 'd1', { failover: undefined });
  assert.is(cleared.failover, undefined);
  assert.is((await writeRecord(dir, rec('d1'))).failover, undefined);
});

test('removeRecord removes, and is quiet about a missing record', async () => {
  const dir = tempDir();
  await writeRecord(dir, rec('d1'));
  await removeRecord(dir, 'd1');
  await removeRecord(dir, 'd1');
  assert.equal(readdirSync(dir), []);
});

test.run();
