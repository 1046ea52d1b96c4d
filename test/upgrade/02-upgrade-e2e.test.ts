// Upgrade e2e (root, real FUSE): what test/e2e/06-upgrade-failover.test.ts does not cover —
// a failed upgrade rolls back (old daemon keeps serving, record unchanged, no stray socket),
// `nydus failover` follows a hot upgrade and still recovers the successor from kill -9, and
// supervision ends with exit 0 when the daemon shuts down normally (unmounts); a recovery
// starts the supervisor's standby, which leaves when supervision ends; --no-standby starts afresh.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readRecord } from '../../src/upgrade/records.js';
import { isFuseMounted, isRoot, startDaemon, stopPid, waitFor, waitForRecord, type Daemon } from '../daemon-helpers.js';
import { cli, fixture, tempDir } from '../helpers.js';

const skip = !isRoot || !existsSync('/dev/fuse');
if (skip) console.log('02-upgrade-e2e: skipped, needs root and /dev/fuse');
const e2e = skip ? test.skip : test;
const work = tempDir('nydus-upgrade-');
let n = 0;

function fresh(name: string): string {
  const d = join(work, `${name}${n++}`);
  mkdirSync(d, { recursive: true });
  return d;
}

async function supervised(): Promise<{ d: Daemon; id: string; stateDir: string }> {
  const id = `u${n++}`;
  const stateDir = fresh('state');
  const d = await startDaemon(
    ['--bootstrap', fixture.v5.bootstrap, '--localfs-dir', fixture.v5.blobs, '--id', id, '--supervisor', join(fresh('sup'), 's.sock'), '--state-dir', stateDir],
    fresh('mnt'),
    join(fresh('sock'), 'api.sock'),
  );
  await waitForRecord(stateDir, id).catch(async (err) => {
    await d.stop();
    throw err;
  });
  return { d, id, stateDir };
}

function mountId(mnt: string): number {
  const line = readFileSync('/proc/self/mountinfo', 'utf8').split('\n').find((l) => l.split(' ')[4] === mnt);
  return line ? Number(line.split(' ')[0]) : -1;
}

async function cleanup(stateDir: string, id: string, d: Daemon): Promise<void> {
  const rec = await readRecord(stateDir, id).catch(() => undefined);
  if (rec && rec.pid !== d.proc.pid) await stopPid(rec.pid, d.mnt);
  await waitFor(() => !isFuseMounted(d.mnt), 'unmount', 10000).catch(() => undefined);
  await d.stop();
}

e2e('a failing successor is rolled back: the old daemon keeps serving, the record is unchanged', async () => {
  const { d, id, stateDir } = await supervised();
  try {
    const before = await readRecord(stateDir, id);
    const bad = join(fresh('bin'), 'broken.js');
    writeFileSync(bad, 'console.error("broken successor"); process.exit(3);\n');
    const r = await execa(process.execPath, [cli, 'upgrade', id, '--state-dir', stateDir, '--binary', bad], { reject: false });
    assert.is(r.exitCode, 1, r.stdout);
    assert.match(r.stderr, /upgrade of daemon .* failed: the successor \(pid \d+\) exited while waiting for INIT/);
    assert.match(r.stderr, /broken successor/);
    assert.match(r.stderr, /rolling back/);
    const after = await readRecord(stateDir, id);
    assert.is(after.pid, before.pid);
    assert.is(after.apiSock, before.apiSock);
    assert.not.ok(existsSync(join(stateDir, `${id}.upgrade.lock`)));
    assert.ok((await readdir(d.mnt)).length > 0, 'still served');
    // And a good upgrade right after works.
    const ok = await execa(process.execPath, [cli, 'upgrade', id, '--state-dir', stateDir, '--json'], { reject: false });
    assert.is(ok.exitCode, 0, ok.stderr);
    const rep = JSON.parse(ok.stdout) as { newPid: number; newApiSock: string; gapMs: number; steps: unknown[] };
    assert.is(rep.steps.length, 8);
    assert.match(rep.newApiSock, /api1\.sock$/, 'api1.sock was not left behind by the failed attempt');
    assert.is((await readRecord(stateDir, id)).pid, rep.newPid);
  } finally {
    await cleanup(stateDir, id, d);
  }
});

e2e('failover follows a hot upgrade, recovers the successor from kill -9, and ends with exit 0 on a normal shutdown', async () => {
  const { d, id, stateDir } = await supervised();
  const mid = mountId(d.mnt);
  const fo = execa(process.execPath, [cli, 'failover', id, '--state-dir', stateDir], { reject: false, all: true });
  let out = '';
  fo.all?.on('data', (c: Buffer) => (out += c.toString()));
  try {
    await waitFor(async () => (await readRecord(stateDir, id)).failover !== undefined, 'failover to hold the state', 10000);
    const up = await execa(process.execPath, [cli, 'upgrade', id, '--state-dir', stateDir], { reject: false });
    assert.is(up.exitCode, 0, up.stderr);
    const upgraded = (await readRecord(stateDir, id)).pid;
    await waitFor(() => out.includes(`(pid ${upgraded}, `), 'failover to follow and save the successor', 10000);
    process.kill(upgraded, 'SIGKILL');
    await waitFor(async () => {
      const rec = await readRecord(stateDir, id);
      return rec.pid !== upgraded && rec.state === 'RUNNING';
    }, 'recovery of the upgraded daemon', 20000);
    assert.ok((await readdir(d.mnt)).length > 0);
    assert.is(mountId(d.mnt), mid, 'the same mount throughout');
    // Normal shutdown: SIGTERM unmounts; the supervisor ends with 0.
    process.kill((await readRecord(stateDir, id)).pid, 'SIGTERM');
    const r = await fo;
    assert.is(r.exitCode, 0, r.all);
    assert.match(r.all ?? '', /following it/);
    assert.match(r.all ?? '', /recovered daemon .*\(recovery 1\)/);
    assert.match(r.all ?? '', /shut down and unmounted/);
    assert.is((await readRecord(stateDir, id)).failover, undefined);
  } finally {
    fo.kill('SIGTERM');
    await fo;
    await cleanup(stateDir, id, d);
  }
});

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const st = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/\) [ZX] /.test(st);
  } catch {
    return false;
  }
}

e2e('failover recovers through its standby, starts another, and the standby leaves when supervision ends; --no-standby starts afresh', async () => {
  const { d, id, stateDir } = await supervised();
  const mid = mountId(d.mnt);
  const fo = execa(process.execPath, [cli, 'failover', id, '--state-dir', stateDir], { reject: false, all: true });
  let out = '';
  fo.all?.on('data', (c: Buffer) => (out += c.toString()));
  let standby2 = 0;
  try {
    const standbyPid = () => Number(/started a standby of daemon \S+ \(pid (\d+)\)/.exec(out)?.[1] ?? 0);
    await waitFor(() => standbyPid() > 0, 'a standby', 10000);
    const standby = standbyPid();
    // A standby touches nothing: the record still names the daemon, the API socket answers for it.
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(pidAlive(standby), 'the standby waits');
    const before = await readRecord(stateDir, id);
    assert.is(before.pid, d.proc.pid);
    assert.is(mountId(d.mnt), mid);
    process.kill(d.proc.pid!, 'SIGKILL');
    await waitFor(async () => {
      const rec = await readRecord(stateDir, id);
      return rec.pid !== before.pid && rec.state === 'RUNNING';
    }, 'recovery', 20000);
    assert.is((await readRecord(stateDir, id)).pid, standby, 'the standby took over');
    assert.match(out, new RegExp(`its standby \\(pid ${standby}\\) takes over`));
    assert.ok((await readdir(d.mnt)).length > 0);
    assert.is(mountId(d.mnt), mid, 'the same mount throughout');
    await waitFor(() => [...out.matchAll(/started a standby of daemon \S+ \(pid (\d+)\)/g)].length >= 2, 'a second standby', 10000);
    standby2 = Number([...out.matchAll(/started a standby of daemon \S+ \(pid (\d+)\)/g)][1][1]);
    assert.is.not(standby2, standby);
    // Supervision ends: the standby leaves (its pipe closes), the daemon keeps serving.
    fo.kill('SIGTERM');
    const r = await fo;
    assert.is(r.exitCode, 0, r.all);
    await waitFor(() => !pidAlive(standby2), 'the standby to leave', 10000);
    assert.ok(pidAlive(standby), 'the recovered daemon keeps running');
    assert.ok((await readdir(d.mnt)).length > 0);
    // Without a standby, a recovery starts the command line afresh.
    const fo2 = execa(process.execPath, [cli, 'failover', id, '--state-dir', stateDir, '--no-standby'], { reject: false, all: true });
    let out2 = '';
    fo2.all?.on('data', (c: Buffer) => (out2 += c.toString()));
    try {
      await waitFor(async () => (await readRecord(stateDir, id)).failover !== undefined, 'failover to hold the state', 10000);
      process.kill(standby, 'SIGKILL');
      await waitFor(async () => {
        const rec = await readRecord(stateDir, id);
        return rec.pid !== standby && rec.state === 'RUNNING';
      }, 'recovery without a standby', 20000);
      assert.ok((await readdir(d.mnt)).length > 0);
      assert.is(mountId(d.mnt), mid);
      assert.not.match(out2, /standby/);
    } finally {
      fo2.kill('SIGTERM');
      await fo2;
    }
  } finally {
    fo.kill('SIGTERM');
    await fo;
    if (standby2 && pidAlive(standby2)) process.kill(standby2, 'SIGKILL');
    await cleanup(stateDir, id, d);
  }
});

test.after(async () => {
  const mounts = readFileSync('/proc/self/mounts', 'utf8').split('\n').map((l) => l.split(' ')[1]).filter((m) => m?.startsWith(work));
  for (const m of mounts) await execa('umount', ['-l', m], { reject: false });
  rmSync(work, { recursive: true, force: true });
});

test.run();
