// Upgrade: `nydus upgrade` / `nydus failover` usage errors, as a user runs them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeRecord } from '../../src/upgrade/records.js';
import { cli, tempDir } from '../helpers.js';

const nydus = (args: string[], env: Record<string, string | undefined> = {}) => execa(process.execPath, [cli, ...args], { reject: false, env: { NYDUS_STATE_DIR: undefined, ...env } });

test('help lists both commands', async () => {
  const r = await nydus(['--help']);
  assert.is(r.exitCode, 0);
  assert.match(r.stdout, 'upgrade');
  assert.match(r.stdout, 'failover');
  const u = await nydus(['upgrade', '--help']);
  assert.match(u.stdout, '--state-dir');
  assert.match(u.stdout, '--binary');
});

test('missing id → usage error, exit 2', async () => {
  for (const c of ['upgrade', 'failover']) {
    const r = await nydus([c]);
    assert.is(r.exitCode, 2, `${c}: ${r.stderr}`);
  }
});

test('upgrade --apisock: a socket no record names → exit 1; id and --apisock together → exit 2', async () => {
  const dir = tempDir();
  const r = await nydus(['upgrade', '--apisock', join(dir, 'nope.sock'), '--state-dir', dir]);
  assert.is(r.exitCode, 1, r.stderr);
  assert.match(r.stderr, 'no daemon record');
  const both = await nydus(['upgrade', 'x', '--apisock', join(dir, 'nope.sock'), '--state-dir', dir]);
  assert.is(both.exitCode, 2, both.stderr);
});

test('unknown id → exit 1 naming the id and the state directory (flag and env)', async () => {
  const dir = tempDir();
  for (const c of ['upgrade', 'failover']) {
    const r = await nydus([c, 'ghost', '--state-dir', dir]);
    assert.is(r.exitCode, 1, r.stderr);
    assert.match(r.stderr, `nydus: no daemon record for id "ghost" in ${dir}`);
    const e = await nydus([c, 'ghost'], { NYDUS_STATE_DIR: dir });
    assert.is(e.exitCode, 1);
    assert.match(e.stderr, `in ${dir}`);
  }
  const bad = await nydus(['upgrade', '../x', '--state-dir', dir]);
  assert.is(bad.exitCode, 2);
  assert.match(bad.stderr, /invalid daemon id/);
});

test('a record of a dead daemon → exit 1, "not running"', async () => {
  const dir = tempDir();
  await writeRecord(dir, {
    id: 'dead',
    pid: 2 ** 22 - 1,
    apiSock: join(dir, 'api.sock'),
    supervisor: join(dir, 'sup.sock'),
    argv: [process.execPath, cli, 'fuse'],
    mountpoint: dir,
    mounts: [],
    state: 'RUNNING',
    startedAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  });
  for (const c of ['upgrade', 'failover']) {
    const r = await nydus([c, 'dead', '--state-dir', dir]);
    assert.is(r.exitCode, 1, r.stderr);
    assert.match(r.stderr, /daemon dead \(pid 4194303\) is not running/);
  }
  writeFileSync(join(dir, 'broken.json'), '{}');
  const b = await nydus(['upgrade', 'broken', '--state-dir', dir]);
  assert.is(b.exitCode, 1);
  assert.match(b.stderr, /broken\.json: not a valid daemon record/);
});

test.run();
