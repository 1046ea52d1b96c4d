// e2e: a stop signal always ends a daemon with exit 0 and its mount removed, in a loop under
// load: a shared daemon (--id --supervisor, images mounted through the API, an idle API
// connection open, readers in other processes) gets SIGTERM alone, SIGTERM twice, SIGINT, or
// SIGTERM right after an external `umount -l` (whose POLLERR starts a shutdown of its own).
import { mkdirSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { api, isFuseMounted, isRoot, startDaemon, unmountAndRemove } from '../daemon-helpers.js';
import { fixture, tempDir } from '../helpers.js';

const work = tempDir('nydus-sigterm-e2e-');
test.after(async () => {
  await unmountAndRemove(work);
});

const localfs = (dir: string) => JSON.stringify({ device: { backend: { type: 'localfs', config: { dir } } }, mode: 'direct' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Variant = 'sigterm' | 'sigterm-twice' | 'sigint' | 'umount-then-sigterm';
const variants: Variant[] = ['sigterm', 'umount-then-sigterm', 'sigterm-twice', 'sigint'];
// Fixed delays (ms) between the first and second action: the loop walks the race window.
const delays = [0, 2, 5, 10, 20, 40];

async function oneRound(round: number, variant: Variant, delay: number): Promise<void> {
  const dir = join(work, `r${round}`);
  const mnt = join(dir, 'mnt');
  mkdirSync(mnt, { recursive: true });
  const sock = join(dir, 'api.sock');
  const d = await startDaemon(['--id', `sig${round}`, '--supervisor', join(dir, 'sup.sock'), '--state-dir', join(dir, 'state')], mnt, sock);
  let idle: Socket | undefined;
  const readers: ResultPromise[] = [];
  try {
    for (const m of ['a', 'b']) {
      const r = await api(sock, 'POST', `/api/v1/mount?mountpoint=/${m}`, { source: fixture.v6.bootstrap, fs_type: 'rafs', config: localfs(fixture.v6.blobs) });
      assert.is(r.status, 204, r.body);
    }
    idle = connect(sock);
    await new Promise<void>((resolve, reject) => idle!.once('connect', resolve).once('error', reject));
    for (const m of ['a', 'b']) {
      readers.push(execa('sh', ['-c', `while :; do cat ${join(mnt, m)}/* >/dev/null 2>&1 || true; done`], { reject: false }));
    }
    await sleep(50 + delay);
    const pid = d.proc.pid!;
    const signal = (s: NodeJS.Signals) => {
      try {
        process.kill(pid, s);
      } catch {
        // already gone: the first action ended it
      }
    };
    if (variant === 'umount-then-sigterm') {
      await execa('umount', ['-l', mnt]);
      if (delay) await sleep(delay);
      signal('SIGTERM');
    } else if (variant === 'sigterm-twice') {
      signal('SIGTERM');
      if (delay) await sleep(delay);
      signal('SIGTERM');
    } else {
      signal(variant === 'sigint' ? 'SIGINT' : 'SIGTERM');
    }
    const r = await d.proc;
    assert.is(r.signal, undefined, `${variant} after ${delay} ms: killed by ${r.signal}\n${d.stderr()}`);
    assert.is(r.exitCode, 0, `${variant} after ${delay} ms: exit ${r.exitCode}\n${d.stderr()}`);
    assert.not.ok(isFuseMounted(mnt), `${variant}: the mount is removed`);
  } finally {
    idle?.destroy();
    for (const p of readers) p.kill('SIGKILL');
    await Promise.all(readers);
    await d.stop();
  }
}

test('a stop signal always ends a shared daemon under load with exit 0 and no mount (24 rounds)', async () => {
  if (!isRoot) throw new Error('this test mounts FUSE and needs root (CI runs as root)');
  let round = 0;
  for (const delay of delays) {
    for (const variant of variants) await oneRound(round++, variant, delay);
  }
});

test.run();
