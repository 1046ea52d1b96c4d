// Guest side of the fscache VM tests (test/e2e/11-fscache-guest.test.ts): runs inside the QEMU
// guest, chrooted into the host's root, as `node dist/test/vm/fscache-driver.js SPEC.json`. It
// mounts the cache disk, starts `nydus singleton --fscache` (the snapshotter's command line),
// registers each image through the API in the snapshotter's legacy entry form, mounts it with
// the kernel's EROFS (`-o fsid=,domain_id=`), md5sums every file, and prints one `@@result`
// JSON line per step on the console for the host to compare. Mode `failover` also runs
// `nydus failover` and SIGKILLs the daemon while a large file is being read.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApiClient } from '../../src/daemon/api/client.js';
import { closeFd } from '../../src/native/supervisor.js';
import { collectState } from '../../src/upgrade/daemon-process.js';
import { treeDigest } from './tree-digest.js';

export interface DriverImage {
  name: string;
  fsid: string;
  /** Shared domain; default the fsid (no domain_id mount option then). */
  domain?: string;
  bootstrap: string;
  backendType: string;
  backendConfig: Record<string, unknown>;
  prefetch?: boolean;
  /** Failover mode: the file read while the daemon is killed. */
  bigFile?: string;
  /** A file whose read must fail (a dead backend): its errno code is reported instead of the tree. */
  expectEio?: string;
}

export interface DriverSpec {
  repo: string;
  mode: 'lifecycle' | 'failover';
  cacheDevice: string;
  images: DriverImage[];
  /** failover mode: after the recovery, `nydus upgrade`, then this image added and read (served by the successor). */
  afterUpgrade?: DriverImage;
}

const out = (step: string, value: unknown) => process.stdout.write(`@@result ${JSON.stringify({ step, value })}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function sh(cmd: string, args: string[]): { code: number; text: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { code: r.status ?? -1, text: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

async function waitState(client: ApiClient, want: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  let last = '';
  while (Date.now() < end) {
    try {
      last = (await client.info()).state;
      if (last === want) return;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(100);
  }
  throw new Error(`daemon not ${want} after ${ms} ms (last: ${last})`);
}

function entryOf(img: DriverImage, workDir: string): unknown {
  const domain = img.domain ?? img.fsid;
  return {
    type: 'bootstrap',
    id: img.fsid,
    domain_id: domain,
    config: {
      id: img.fsid,
      backend_type: img.backendType,
      backend_config: img.backendConfig,
      cache_type: 'fscache',
      cache_config: { work_dir: workDir },
      prefetch_config: { enable: img.prefetch === true, threads_count: 4, merging_size: 1048576, bandwidth_rate: 0, prefetch_all: false },
      metadata_path: img.bootstrap,
    },
  };
}

function mountImage(img: DriverImage, mnt: string): { code: number; text: string } {
  mkdirSync(mnt, { recursive: true });
  const opts = img.domain && img.domain !== img.fsid ? `domain_id=${img.domain},fsid=${img.fsid}` : `fsid=${img.fsid}`;
  return sh('mount', ['-t', 'erofs', '-o', opts, 'erofs', mnt]);
}

async function status(p: Promise<unknown>): Promise<number | string> {
  try {
    await p;
    return 204;
  } catch (err) {
    const e = err as { status?: number; message: string };
    return e.status ?? e.message;
  }
}

function startDaemon(spec: DriverSpec, args: string[], logTo: string): ChildProcess {
  const child = spawn(process.execPath, [join(spec.repo, 'bin', 'run.js'), ...args], {
    stdio: ['ignore', openSync(logTo, 'a'), openSync(logTo, 'a')],
    env: { ...process.env, NYDUS_STATE_DIR: '/run/nydus' },
  });
  return child;
}

async function main(): Promise<void> {
  const spec = JSON.parse(readFileSync(process.argv[2], 'utf8')) as DriverSpec;
  for (const d of ['/run/nydus', '/run/fscache', '/run/work', '/run/mnt']) mkdirSync(d, { recursive: true });
  const m = sh('mount', ['-t', 'ext4', spec.cacheDevice, '/run/fscache']);
  if (m.code !== 0) throw new Error(`mounting the cache disk: ${m.text}`);
  const sock = '/run/nydus/api.sock';
  const sup = '/run/nydus/f1.sup';
  const daemonLog = '/run/nydus/daemon.out';
  const failover = spec.mode === 'failover';
  // nydus-snapshotter's fscache command line (daemon.md §1.13).
  const argv = ['singleton', '--fscache', '/run/fscache', '--fscache-threads', '4', '--id', 'f1', '--apisock', sock, '--log-level', 'info', '--supervisor', sup, '--log-file', '/run/nydus/f1.log'];
  const t0 = Date.now();
  let daemon = startDaemon(spec, argv, daemonLog);
  let client = new ApiClient(sock);
  try {
    await waitState(client, 'RUNNING', 60_000);
  } catch (err) {
    out('daemon-log', sh('tail', ['-n', '30', daemonLog]).text + '\n' + sh('tail', ['-n', '30', '/run/nydus/f1.log']).text);
    throw err;
  }
  out('started', { ms: Date.now() - t0 });

  let supervisor: ChildProcess | null = null;
  let supervisorOut = '';
  if (failover) {
    supervisor = spawn(process.execPath, [join(spec.repo, 'bin', 'run.js'), 'failover', 'f1', '--state-dir', '/run/nydus', '--start-timeout', '60000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    supervisor.stdout?.on('data', (c: Buffer) => (supervisorOut += c.toString()));
    supervisor.stderr?.on('data', (c: Buffer) => (supervisorOut += c.toString()));
    // Its first save (at attach) comes before any entry, so the one after PUT is a second one.
    const end = Date.now() + 60_000;
    while (!supervisorOut.includes('saved the state') && Date.now() < end) await sleep(100);
    out('supervisor-attached', supervisorOut.includes('saved the state'));
  }
  const saves = () => (supervisorOut.match(/saved the state/g) ?? []).length;

  for (const img of spec.images) {
    const work = join('/run/work', img.fsid);
    mkdirSync(work, { recursive: true });
    const entry = entryOf(img, work);
    out(`${img.name}:put`, await status(client.putBlob(entry as never)));
    if (spec.mode === 'lifecycle') {
      out(`${img.name}:put-again`, await status(client.putBlob(entry as never)));
      out(`${img.name}:sendfd`, await status(sendfdWithSupervisor(sock, sup)));
    }
    const mnt = join('/run/mnt', img.name);
    const mounted = mountImage(img, mnt);
    out(`${img.name}:mount`, mounted);
    if (mounted.code !== 0) continue;

    if (failover && img.bigFile) {
      // The supervisor re-saves after the entry was added (it polls the daemon record).
      const end = Date.now() + 30_000;
      while (saves() < 2 && Date.now() < end) await sleep(100);
      out(`${img.name}:saves`, saves());
      const reader = new Worker(
        `const { parentPort, workerData } = require('node:worker_threads');
         const fs = require('node:fs'); const h = require('node:crypto').createHash('md5');
         const fd = fs.openSync(workerData, 'r'); const buf = Buffer.alloc(128 << 10); let total = 0;
         for (;;) { const n = fs.readSync(fd, buf, 0, buf.length, null); if (n <= 0) break; h.update(buf.subarray(0, n)); total += n; parentPort.postMessage({ total }); }
         fs.closeSync(fd); parentPort.postMessage({ done: h.digest('hex'), total });`,
        { eval: true, workerData: join(mnt, img.bigFile) },
      );
      let readBefore = -1;
      let result: { done?: string; total: number } | null = null;
      const finished = new Promise<void>((resolve, reject) => {
        reader.on('message', (msg: { done?: string; total: number }) => {
          if (readBefore < 0 && msg.total >= 1 << 20 && !msg.done) {
            readBefore = msg.total;
            daemon.kill('SIGKILL');
          }
          if (msg.done) {
            result = msg;
            resolve();
          }
        });
        reader.on('error', reject);
      });
      await finished;
      await reader.terminate();
      const r = result as unknown as { done: string; total: number };
      out(`${img.name}:killed-after`, readBefore);
      out(`${img.name}:big`, { path: img.bigFile, md5: r.done, bytes: r.total });
      // The supervisor restarted the daemon: RUNNING again on the same socket.
      await waitState(client, 'RUNNING', 60_000);
      const rec = JSON.parse(readFileSync('/run/nydus/f1.json', 'utf8')) as { pid: number; failover?: { recoveries?: number } };
      out(`${img.name}:recoveries`, rec.failover?.recoveries ?? 0);
      daemon = { pid: rec.pid, kill: (sig: NodeJS.Signals) => process.kill(rec.pid, sig) } as unknown as ChildProcess;
    }
    if (img.expectEio) {
      try {
        readFileSync(join(mnt, img.expectEio));
        out(`${img.name}:read`, 'ok');
      } catch (err) {
        out(`${img.name}:read`, (err as NodeJS.ErrnoException).code ?? (err as Error).message);
      }
      continue;
    }
    const t = Date.now();
    out(`${img.name}:tree`, treeDigest(mnt));
    out(`${img.name}:walk-ms`, Date.now() - t);
  }

  if (failover && spec.afterUpgrade) {
    // A hot upgrade of the recovered daemon (the failover supervisor follows it); the
    // successor then serves an image added after it took over.
    const up = spawnSync(process.execPath, [join(spec.repo, 'bin', 'run.js'), 'upgrade', 'f1', '--state-dir', '/run/nydus', '--start-timeout', '60000'], { encoding: 'utf8', env: { ...process.env, NYDUS_STATE_DIR: '/run/nydus' } });
    out('upgrade', { code: up.status, tail: `${up.stdout}${up.stderr}`.split('\n').slice(-8).join('\n') });
    // The successor answers on a new API socket (api1.sock), as the snapshotter's upgrades do.
    client = new ApiClient((JSON.parse(readFileSync('/run/nydus/f1.json', 'utf8')) as { apiSock: string }).apiSock);
    await waitState(client, 'RUNNING', 60_000);
    const img = spec.afterUpgrade;
    const work = join('/run/work', img.fsid);
    mkdirSync(work, { recursive: true });
    out(`${img.name}:put`, await status(client.putBlob(entryOf(img, work) as never)));
    const mnt = join('/run/mnt', img.name);
    out(`${img.name}:mount`, mountImage(img, mnt));
    out(`${img.name}:tree`, treeDigest(mnt));
    out(`${img.name}:umount`, sh('umount', [mnt]).code);
  }

  // Unbind as the snapshotter does: DELETE by domain, umount, cull the bootstrap's cache file.
  for (const img of spec.images) {
    const mnt = join('/run/mnt', img.name);
    const domain = img.domain ?? img.fsid;
    const unbind = () => (domain === img.fsid ? client.deleteBlob({ domainId: domain }) : client.deleteBlob({ domainId: domain, blobId: img.fsid }));
    if (spec.mode === 'lifecycle') {
      out(`${img.name}:delete`, await status(unbind()));
      out(`${img.name}:delete-again`, await status(client.deleteBlob({ domainId: domain, blobId: img.fsid })));
    }
    out(`${img.name}:umount`, sh('umount', [mnt]).code);
    if (spec.mode !== 'lifecycle') continue;
    // cachefiles links an object's file into its volume (D<key>) when the object is withdrawn,
    // i.e. at umount, not while the mount uses it.
    const count = () => sh('sh', ['-c', `find /run/fscache/cache -name 'D${img.fsid}' | wc -l`]).text;
    const end = Date.now() + 15_000;
    while (count() === '0' && Date.now() < end) await sleep(200);
    out(`${img.name}:cached`, count());
    // Mounted again, the kernel opens that file: culling it is refused while it is in use.
    const work = join('/run/work', img.fsid);
    out(`${img.name}:put-remount`, await status(client.putBlob(entryOf(img, work) as never)));
    out(`${img.name}:remount`, mountImage(img, mnt).code);
    out(`${img.name}:cull-busy`, await status(client.deleteBlob({ blobId: img.fsid })));
    out(`${img.name}:umount-again`, sh('umount', [mnt]).code);
    out(`${img.name}:delete-remount`, await status(unbind()));
    out(`${img.name}:cull`, await status(client.deleteBlob({ blobId: img.fsid })));
    out(`${img.name}:culled`, count());
  }

  if (supervisor) {
    supervisor.kill('SIGTERM');
    await new Promise((r) => supervisor?.once('exit', r));
  }
  // SIGTERM: an orderly stop (exit 0), the cache unbound.
  const pid = JSON.parse(readFileSync('/run/nydus/f1.json', 'utf8')).pid as number;
  process.kill(pid, 'SIGTERM');
  // Gone, or a zombie of ours (the first daemon is our child).
  const gone = () => {
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z');
    } catch {
      return true;
    }
  };
  const end = Date.now() + 30_000;
  while (Date.now() < end && !gone()) await sleep(100);
  out('stopped', gone());
  out('daemon-errors', sh('sh', ['-c', "grep -E ' ERROR ' /run/nydus/f1.log | head -n 40 || true"]).text);
  if (failover) out('supervisor', supervisorOut.split('\n').slice(-12).join('\n'));
}

/** sendfd as the snapshotter does it: the supervisor listens, the daemon sends state + fd. */
async function sendfdWithSupervisor(sock: string, path: string): Promise<void> {
  const got = await collectState(path, sock);
  closeFd(got.fd);
}

main().then(
  () => {
    process.stdout.write('@@driver-done\n');
    process.exit(0);
  },
  (err: Error) => {
    process.stdout.write(`@@driver-error ${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);
