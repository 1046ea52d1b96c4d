// e2e: hot upgrade and failover with the real kernel. A reader loop md5-checks every file of
// a mounted image (and lists directories) while `nydus upgrade` replaces the daemon 20 times
// and while `nydus failover` recovers from 10 × kill -9: zero read errors, the same mount
// (mount id in /proc/self/mountinfo). A corrupt snapshot is refused and the daemon stays INIT.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SupervisorListener } from '../../src/native/supervisor.js';
import { readRecord } from '../../src/upgrade/records.js';
import { api, isFuseMounted, isRoot, mountId, startDaemon, stopPid, unmountAndRemove, waitFor, waitForRecord, waitForState, type Daemon } from '../daemon-helpers.js';
import { cli, perTest, tempDir } from '../helpers.js';

const skip = !isRoot;
if (skip) console.log('06-upgrade-failover: skipped, needs root (FUSE mounts)');
const e2e = skip ? test.skip : test;
const track = perTest();

const work = tempDir('nydus-upgrade-e2e-');
const files = new Map<string, string>(); // relative path -> md5
let boot = '';
let blobs = '';
let n = 0;

function fresh(name: string): string {
  const d = join(work, `${name}${n++}`);
  mkdirSync(d, { recursive: true });
  return d;
}

function md5(b: Buffer): string {
  return createHash('md5').update(b).digest('hex');
}

/** Reads every file (md5-checked) and lists every directory, over and over, until stopped. */
function readerLoop(mnt: string) {
  const errors: string[] = [];
  let rounds = 0;
  let stop = false;
  const dirs = [...new Set([...files.keys()].map((p) => p.split('/').slice(0, -1).join('/')))];
  const done = (async () => {
    while (!stop) {
      for (const [p, sum] of files) {
        try {
          const got = md5(await readFile(join(mnt, p)));
          if (got !== sum) errors.push(`${p}: md5 ${got}, expected ${sum}`);
        } catch (err) {
          errors.push(`${p}: ${(err as Error).message}`);
        }
      }
      for (const d of dirs) {
        try {
          await readdir(join(mnt, d));
        } catch (err) {
          errors.push(`readdir ${d}: ${(err as Error).message}`);
        }
      }
      // Make the next round reach the daemon again.
      writeFileSync('/proc/sys/vm/drop_caches', '3');
      rounds++;
    }
  })();
  return {
    errors,
    rounds: () => rounds,
    async stop() {
      stop = true;
      await done;
    },
  };
}

async function supervised(): Promise<{ d: Daemon; id: string; stateDir: string; sock: string }> {
  const id = `d${n++}`;
  const stateDir = fresh('state');
  const sock = join(fresh('sock'), 'api.sock');
  const supervisor = join(fresh('sup'), 'supervisor.sock');
  const mnt = fresh('mnt');
  const d = await startDaemon(['--bootstrap', boot, '--localfs-dir', blobs, '--id', id, '--supervisor', supervisor, '--state-dir', stateDir], mnt, sock);
  await waitForRecord(stateDir, id).catch(async (err) => {
    await d.stop();
    throw err;
  });
  return { d, id, stateDir, sock };
}

/** Stops whatever daemon the record names now and waits until it is gone and unmounted. */
async function stopRecorded(stateDir: string, id: string, mnt: string): Promise<void> {
  const rec = await readRecord(stateDir, id).catch(() => null);
  if (rec?.pid) await stopPid(rec.pid, mnt);
  if (isFuseMounted(mnt)) await execa('umount', ['-l', mnt], { reject: false });
}

test.before(async () => {
  if (skip) return;
  const src = fresh('src');
  for (let i = 0; i < 8; i++) mkdirSync(join(src, `dir${i}`));
  for (let i = 0; i < 120; i++) {
    const rel = `dir${i % 8}/f${i}.bin`;
    const data = randomBytes(i % 10 === 0 ? 1_500_000 : 2000 + i * 50);
    writeFileSync(join(src, rel), data);
    files.set(rel, md5(data));
  }
  boot = join(work, 'image.boot');
  blobs = fresh('blobs');
  await execa(process.execPath, [cli, 'create', src, '--bootstrap', boot, '--blob-dir', blobs]);
});

test.after(async () => {
  await unmountAndRemove(work);
});

e2e('20 consecutive nydus upgrades under a reader loop: zero errors, the same mount', async () => {
  const { d, id, stateDir } = await supervised();
  const id0 = mountId(d.mnt);
  const reader = readerLoop(d.mnt);
  try {
    const pids = new Set<number>();
    for (let i = 0; i < 20; i++) {
      // By id, and every third time by the current API socket.
      const target = i % 3 === 2 ? ['--apisock', (await readRecord(stateDir, id)).apiSock as string] : [id];
      const r = await execa(process.execPath, [cli, 'upgrade', ...target, '--state-dir', stateDir], { reject: false });
      assert.is(r.exitCode, 0, `upgrade ${i}: ${r.stdout}\n${r.stderr}`);
      const rec = await readRecord(stateDir, id);
      assert.is(rec?.state, 'RUNNING');
      pids.add(rec!.pid);
      assert.is(mountId(d.mnt), id0, 'the same mount');
    }
    assert.is(pids.size, 20, 'every upgrade started a new process');
    await waitFor(() => reader.rounds() >= 2, 'the reader to finish two more rounds', 30000);
  } finally {
    await reader.stop();
    await stopRecorded(stateDir, id, d.mnt);
    await d.stop();
  }
  assert.equal(reader.errors.slice(0, 10), [], `${reader.errors.length} read errors`);
  assert.ok(reader.rounds() > 0);
});

e2e('nydus failover: 10 × kill -9 under continuous reads, zero errors with resend, readdir works after each', async () => {
  const { d, id, stateDir } = await supervised();
  const id0 = mountId(d.mnt);
  const failover = execa(process.execPath, [cli, 'failover', id, '--state-dir', stateDir], { reject: false, all: true });
  const reader = readerLoop(d.mnt);
  try {
    // The supervisor holds the state once it has sent sendfd.
    // The supervisor notes itself in the record once it holds the state and fd.
    await waitFor(async () => (await readRecord(stateDir, id))?.failover !== undefined, 'failover to hold the state', 10000);
    for (let i = 0; i < 10; i++) {
      const before = (await readRecord(stateDir, id))!.pid;
      process.kill(before, 'SIGKILL');
      await waitFor(async () => {
        const rec = await readRecord(stateDir, id);
        return rec !== null && rec.pid !== before && rec.state === 'RUNNING';
      }, `recovery ${i}`, 20000);
      assert.ok((await readdir(d.mnt)).length > 0, `readdir after failover ${i}`);
      assert.is(mountId(d.mnt), id0);
      await new Promise((r) => setTimeout(r, 300));
    }
  } finally {
    await reader.stop();
    failover.kill('SIGTERM');
    await failover;
    await stopRecorded(stateDir, id, d.mnt);
    await d.stop();
  }
  assert.equal(reader.errors.slice(0, 10), [], `${reader.errors.length} read errors; failover log: ${(await failover).all?.slice(-2000)}`);
});

e2e('failover of a daemon without --bootstrap restores mounts made through the API', async () => {
  const id = `api${n++}`;
  const stateDir = fresh('state');
  const sock = join(fresh('sock'), 'api.sock');
  const supervisor = join(fresh('sup'), 'supervisor.sock');
  const mnt = fresh('mnt');
  const d = await startDaemon(['--id', id, '--supervisor', supervisor, '--state-dir', stateDir], mnt, sock);
  await waitForRecord(stateDir, id).catch(async (err) => {
    await d.stop();
    throw err;
  });
  const failover = execa(process.execPath, [cli, 'failover', id, '--state-dir', stateDir], { reject: false, all: true });
  let log = '';
  failover.all?.on('data', (c: Buffer) => (log += c.toString()));
  try {
    await waitFor(async () => (await readRecord(stateDir, id))?.failover !== undefined, 'failover to hold the state', 10000);
    const config = JSON.stringify({ device: { backend: { type: 'localfs', config: { dir: blobs } } }, mode: 'direct' });
    const r = await api(sock, 'POST', '/api/v1/mount?mountpoint=/img', { source: boot, fs_type: 'rafs', config });
    assert.is(r.status, 204, r.body);
    const [first] = [...files.keys()];
    assert.is(md5(await readFile(join(mnt, 'img', first))), files.get(first));
    // The supervisor refreshes its state after the mount change (it polls the record).
    await waitFor(() => /saved the state of daemon .* 1 mount\(s\)\)/.test(log), `the supervisor to save the state with the mount: ${log}`, 15000);
    const before = (await readRecord(stateDir, id)).pid;
    process.kill(before, 'SIGKILL');
    await waitFor(async () => {
      const rec = await readRecord(stateDir, id);
      return rec.pid !== before && rec.state === 'RUNNING';
    }, 'recovery', 20000);
    writeFileSync('/proc/sys/vm/drop_caches', '3');
    for (const [p, sum] of files) assert.is(md5(await readFile(join(mnt, 'img', p))), sum, p);
    const info = await api(sock, 'GET', '/api/v1/daemon');
    assert.ok(JSON.stringify(info.json).includes('/img'), 'the restored daemon reports the mount');
  } finally {
    failover.kill('SIGTERM');
    await failover;
    await stopRecorded(stateDir, id, mnt);
    await d.stop();
  }
});

e2e('driven through the API like nydus-snapshotter (smoke variant: exit before takeover, sendfd while READY)', async () => {
  const supervisor = join(fresh('sup'), 'supervisor.sock');
  const stateDir = fresh('state');
  const mnt = fresh('mnt');
  const sockA = join(fresh('sock'), 'api.sock');
  const sockB = join(fresh('sock'), 'api1.sock');
  const args = ['--bootstrap', boot, '--localfs-dir', blobs, '--id', 'snap', '--supervisor', supervisor, '--state-dir', stateDir];
  const a = await startDaemon(args, mnt, sockA);
  const id0 = mountId(mnt);
  let b: ReturnType<typeof execa> | undefined;
  const fds: number[] = [];
  try {
    let l = track(SupervisorListener.listen(supervisor));
    const [saved, r1] = await Promise.all([l.receive(5000), api(sockA, 'PUT', '/api/v1/daemon/fuse/sendfd')]);
    l.close();
    fds.push(saved.fd);
    assert.is(r1.status, 204, r1.body);
    assert.is((await api(sockA, 'PUT', '/api/v1/daemon/exit')).status, 204);
    assert.is(await a.proc.then((r) => r.exitCode), 0);
    assert.ok(isFuseMounted(mnt), 'exit leaves the mount');
    b = execa(process.execPath, [cli, 'fuse', ...args, '--mountpoint', mnt, '--apisock', sockB, '--upgrade'], { reject: false });
    await waitForState(sockB, 'INIT', 10000);
    l = track(SupervisorListener.listen(supervisor));
    const [, r2] = await Promise.all([l.send(saved.state, saved.fd, 5000), api(sockB, 'PUT', '/api/v1/daemon/fuse/takeover')]);
    l.close();
    assert.is(r2.status, 204, r2.body);
    assert.is(((await api(sockB, 'GET', '/api/v1/daemon')).json as { state: string }).state, 'READY');
    l = track(SupervisorListener.listen(supervisor));
    const [again, r3] = await Promise.all([l.receive(5000), api(sockB, 'PUT', '/api/v1/daemon/fuse/sendfd')]);
    l.close();
    fds.push(again.fd);
    assert.is(r3.status, 204, r3.body);
    assert.is((await api(sockB, 'PUT', '/api/v1/daemon/start')).status, 204);
    writeFileSync('/proc/sys/vm/drop_caches', '3');
    for (const [p, sum] of files) assert.is(md5(await readFile(join(mnt, p))), sum, p);
    assert.is(mountId(mnt), id0);
  } finally {
    for (const fd of fds) closeSync(fd);
    b?.kill('SIGTERM');
    await b;
    await a.stop();
  }
});

e2e('a daemon started with relative paths is upgraded from another directory', async () => {
  const base = fresh('rel');
  mkdirSync(join(base, 'mnt'));
  const rel = (p: string) => relative(base, p);
  const args = ['fuse', '--bootstrap', rel(boot), '--localfs-dir', rel(blobs), '--mountpoint', 'mnt', '--apisock', 'api.sock',
    '--id', 'rel', '--supervisor', 'sup.sock', '--state-dir', 'state'];
  const proc = execa(process.execPath, [cli, ...args], { cwd: base, reject: false });
  const mnt = join(base, 'mnt');
  try {
    await waitForState(join(base, 'api.sock'), 'RUNNING', 15000);
    await waitForRecord(join(base, 'state'), 'rel');
    const r = await execa(process.execPath, [cli, 'upgrade', 'rel', '--state-dir', join(base, 'state')], { cwd: '/', reject: false });
    assert.is(r.exitCode, 0, `${r.stdout}\n${r.stderr}`);
    writeFileSync('/proc/sys/vm/drop_caches', '3');
    for (const [p, sum] of files) assert.is(md5(await readFile(join(mnt, p))), sum, p);
  } finally {
    await stopRecorded(join(base, 'state'), 'rel', mnt);
    proc.kill('SIGTERM');
    await proc;
  }
  // The last daemon marks its own record when it shuts down.
  await waitFor(async () => (await readRecord(join(base, 'state'), 'rel')).state === 'STOPPED', 'the record to say STOPPED', 15000);
});

e2e('a corrupt snapshot is refused cleanly: takeover answers 500 and the daemon stays in INIT', async () => {
  const supervisor = join(fresh('sup'), 'supervisor.sock');
  const sock = join(fresh('sock'), 'api.sock');
  const mnt = fresh('mnt');
  const proc = execa(process.execPath, [cli, 'fuse', '--bootstrap', boot, '--localfs-dir', blobs, '--mountpoint', mnt, '--apisock', sock, '--id', 'bad', '--supervisor', supervisor, '--state-dir', fresh('state'), '--upgrade'], { reject: false, all: true });
  try {
    await waitForState(sock, 'INIT', 10000);
    assert.not.ok(isFuseMounted(mnt), 'upgrade mode mounts nothing');
    for (const junk of [randomBytes(300), Buffer.concat([Buffer.from('NYDSVCST'), randomBytes(64)])]) {
      const listener = track(SupervisorListener.listen(supervisor));
      const fd = openSync('/dev/null', 'r');
      try {
        const [sent, reply] = await Promise.all([listener.send(junk, fd, 5000), api(sock, 'PUT', '/api/v1/daemon/fuse/takeover')]);
        void sent;
        assert.is(reply.status, 500, reply.body);
        assert.match(reply.body, /UpgradeManager/);
      } finally {
        closeSync(fd);
        listener.close();
      }
      const info = await api(sock, 'GET', '/api/v1/daemon');
      assert.is((info.json as { state: string }).state, 'INIT');
    }
    assert.is(proc.exitCode, null, 'the daemon is still running');
  } finally {
    proc.kill('SIGTERM');
    await proc;
  }
});

test.run();
