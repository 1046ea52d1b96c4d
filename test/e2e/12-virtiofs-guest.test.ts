// e2e in a real guest: `nydus virtiofs` as the vhost-user-fs backend of QEMU 7.2's
// vhost-user-fs-pci (issue 15; spec daemon.md §7). The daemon runs on the host with an image from
// `nydus create` at /image; a QEMU TCG guest (test/vm/harness.ts) mounts the tag, md5sums every file and
// prints the digest on the console, compared with the source tree. While the guest runs, a second
// image (the shared v6-zstd fixture) is mounted through the API and the guest sees it; a second
// guest boot (a VM reboot: a new front-end connection) reads the tree again.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bytes, makeTree } from '../builder/tree-fixture.js';
import { api, isRoot, startService, type ApiReply, type ServiceDaemon } from '../daemon-helpers.js';
import { fixtureTreeDigest } from '../erofs-helpers.js';
import { cli, fixture, repoRoot, tempDir } from '../helpers.js';
import { guestKernel, runGuest } from '../vm/harness.js';
import { treeDigest } from '../vm/tree-digest.js';

const skip = !isRoot ? 'needs root' : null;
let work = '';
let daemon: ServiceDaemon | undefined;
let expected: Record<string, string> = {};
let fixtureTree: Record<string, string> = {};
let sock = '';
let apiSock = '';

/** The guest script: mount the tag, print the digest of `dir` (relative to the mount) as one line. */
function digestScript(dirs: string[], waitFor?: string): string {
  const node = process.execPath;
  const digest = (d: string) =>
    `${node} -e "import('${repoRoot}/dist/test/vm/tree-digest.js').then((m) => console.log('@@tree ${d} ' + JSON.stringify(m.treeDigest('/run/mnt/${d}'))))"`;
  return [
    'mkdir -p /run/mnt',
    'mount -t virtiofs nydus /run/mnt || exit 10',
    'echo @@mounted',
    ...(waitFor ? [`i=0; while [ ! -e /run/mnt/${waitFor} ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done`, `ls /run/mnt/${waitFor} >/dev/null || exit 11`] : []),
    ...dirs.map(digest),
    'umount /run/mnt || exit 12',
  ].join('\n');
}

function trees(output: string): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const line of output.split('\n')) {
    const m = /^@@tree (\S*) (.*)$/.exec(line.trim());
    if (m) out.set(m[1], JSON.parse(m[2]) as Record<string, string>);
  }
  return out;
}

function assertTree(got: Record<string, string> | undefined, want: Record<string, string>, what: string): void {
  assert.ok(got, `${what}: no tree printed`);
  assert.equal(Object.keys(got as object), Object.keys(want), `${what}: the paths`);
  for (const [p, v] of Object.entries(want)) assert.is((got as Record<string, string>)[p], v, `${what}: ${p}`);
}

const QEMU_FS = (path: string) => [
  '-object', 'memory-backend-memfd,id=mem,size=512M,share=on',
  '-numa', 'node,memdev=mem',
  '-chardev', `socket,id=c0,path=${path}`,
  '-device', 'vhost-user-fs-pci,queue-size=1024,chardev=c0,tag=nydus',
];

test.before(async () => {
  if (skip) return;
  work = tempDir('nydus-virtiofs-guest-');
  await guestKernel();
  const src = join(work, 'src');
  await makeTree(src, { smallFiles: 40, bigFileBytes: 1 << 20 });
  writeFileSync(join(src, 'big.bin'), bytes(6 << 20, 3));
  const boot = join(work, 'image.boot');
  const blobs = join(work, 'blobs');
  await execa(process.execPath, [cli, 'create', src, '--bootstrap', boot, '--blob-dir', blobs]);
  expected = treeDigest(src);
  fixtureTree = await fixtureTreeDigest(work);
  sock = join(work, 'vhost.sock');
  apiSock = join(work, 'api.sock');
  daemon = await startService('virtiofs', ['--sock', sock, '--bootstrap', boot, '--localfs-dir', blobs, '--virtual-mountpoint', '/image'], apiSock);
});

test.after(async () => {
  if (daemon) assert.is(await daemon.stop(), 0, 'SIGTERM: exit 0');
});

test('a guest mounts the tag and reads every file right; an image mounted through the API while it runs appears in it', async () => {
  if (skip) return console.log(`  skipped: ${skip}`);
  const localfs = JSON.stringify({ device: { backend: { type: 'localfs', config: { dir: fixture.v6.blobs } } }, mode: 'direct' });
  let mounted: Promise<unknown> | null = null;
  const r = await runGuest({
    script: digestScript(['image', 'second'], 'second/lib.rs'),
    extraQemuArgs: QEMU_FS(sock),
    memoryMiB: 512,
    timeoutMs: 8 * 60_000,
    log: (line) => {
      if (line.includes('@@mounted') && !mounted) {
        mounted = api(apiSock, 'POST', '/api/v1/mount?mountpoint=/second', { fs_type: 'rafs', source: fixture.v6.bootstrap, config: localfs });
      }
    },
  });
  assert.ok(mounted, `the guest mounted the tag:\n${r.output}`);
  const reply = (await mounted) as unknown as ApiReply;
  assert.is(reply.status, 204, `POST mount: ${reply.body}`);
  assert.is(r.exitCode, 0, r.output.slice(-2000));
  const got = trees(r.output);
  assertTree(got.get('image'), expected, 'the image of --bootstrap at /image');
  assertTree(got.get('second'), fixtureTree, 'the image mounted through the API');
});

test('a second boot (a VM reboot: a new front-end) reads the tree again; metrics count the requests', async () => {
  if (skip) return console.log(`  skipped: ${skip}`);
  const r = await runGuest({ script: digestScript(['second']), extraQemuArgs: QEMU_FS(sock), memoryMiB: 512, timeoutMs: 8 * 60_000 });
  assert.is(r.exitCode, 0, r.output.slice(-2000));
  assertTree(trees(r.output).get('second'), fixtureTree, 'after the reconnect');
  const m = await api(apiSock, 'GET', '/api/v1/metrics?id=/second');
  assert.is(m.status, 200);
  assert.ok(((m.json as { data_read?: number }).data_read ?? 0) > 0, `reads counted: ${m.body}`);
  const info = await api(apiSock, 'GET', '/api/v1/daemon');
  assert.is((info.json as { state: string }).state, 'RUNNING');
  const sendfd = await api(apiSock, 'PUT', '/api/v1/daemon/fuse/sendfd');
  assert.is(sendfd.status, 501, 'no upgrade in virtio-fs mode');
});

test.run();
