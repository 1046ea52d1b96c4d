// vm: the QEMU guest harness itself (test/vm/harness.ts): a guest boots our kernel, runs a script
// chrooted into the host root with the host's node, returns its exit status and output; it has
// what the fscache and virtio-fs tests need (cachefiles on-demand, erofs, virtiofs, an ext4 drive),
// reaches the host's loopback with net; a panic or a hang rejects with the console's tail.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tempDir } from '../helpers.js';
import { GuestError, guestNode, guestRepoRoot, makeExt4Image, runGuest } from './harness.js';

const work = tempDir('nydus-vm-guest-');
test.after(() => rmSync(work, { recursive: true, force: true }));

/** `key=value` lines of the output as a map (other lines ignored). */
const fields = (output: string) => new Map(output.split('\n').filter((l) => /^[\w-]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

/** runGuest's rejection (a resolved guest fails the test). */
async function rejection(run: Promise<unknown>): Promise<GuestError> {
  try {
    await run;
  } catch (err) {
    if (err instanceof GuestError) return err;
    throw err;
  }
  throw new Error('expected runGuest to reject');
}

test('a guest runs the script with the host root, node and env, and returns its exit status and output', async () => {
  const hostFile = join(work, 'from-host.txt');
  writeFileSync(hostFile, 'seen from the guest\n');
  const lines: string[] = [];
  const r = await runGuest({
    env: { GREETING: "it's $HOME" },
    log: (l) => lines.push(l),
    script: `
echo "kernel=$(uname -r)"
echo "node=$(${guestNode()} -e 'console.log(6 * 7, process.version)')"
echo "node-on-path=$(node -p 1+1)"
echo "greeting=$GREETING"
echo "env=$HOME $TMPDIR"
echo "host-file=$(cat ${hostFile})"
grep -q '"name": "nydus-service"' ${guestRepoRoot}/package.json && echo repo=seen
echo scratch > "$TMPDIR/x" && echo "tmp=$(cat "$TMPDIR/x")"
touch ${work}/written-by-guest 2>/dev/null && echo host-root=writable || echo host-root=read-only
echo "to stderr" >&2
printf 'no newline at the end'
exit 3
`,
  });
  assert.is(r.exitCode, 3, r.console);
  const f = fields(r.output);
  assert.match(f.get('kernel') ?? '', /^6\.12\.\d+/, r.output);
  assert.is(f.get('node'), `42 ${process.version}`);
  assert.is(f.get('node-on-path'), '2');
  assert.is(f.get('greeting'), "it's $HOME");
  assert.is(f.get('env'), '/run /run/tmp');
  assert.is(f.get('host-file'), 'seen from the guest');
  assert.is(f.get('repo'), 'seen');
  assert.is(f.get('tmp'), 'scratch');
  assert.is(f.get('host-root'), 'read-only');
  assert.ok(r.output.includes('to stderr\n'), r.output);
  assert.ok(r.output.endsWith('no newline at the end'), r.output);
  assert.not.match(r.output, /NYDUS-GUEST/);
  assert.ok(r.console.includes(r.output));
  assert.ok(lines.includes('greeting=it\'s $HOME'), 'log() gets each console line');
});

test('the guest has cachefiles on-demand, erofs, 9p, virtiofs and ext4, and an ext4 drive is writable', async () => {
  const disk = join(work, 'disk.img');
  makeExt4Image(disk, 64);
  const r = await runGuest({
    drives: [disk],
    script: `
set -e
echo "cachefiles=$(test -c /dev/cachefiles && echo yes || echo no)"
for fs in erofs 9p virtiofs ext4; do grep -qw "$fs" /proc/filesystems && echo "fs-$fs=yes" || echo "fs-$fs=no"; done
mkdir -p /run/disk
mount -t ext4 /dev/vda /run/disk
mkdir /run/disk/cache
echo persisted > /run/disk/hello
echo "disk=$(cat /run/disk/hello)"
# cachefiles refuses "bind ondemand" (EINVAL) unless the kernel has CACHEFILES_ONDEMAND.
exec 3<>/dev/cachefiles
echo "dir /run/disk/cache" >&3
echo "tag vmtest" >&3
echo "bind ondemand" >&3 && echo bind=ok
exec 3>&-
umount /run/disk
`,
  });
  assert.is(r.exitCode, 0, r.output);
  const f = fields(r.output);
  assert.is(f.get('cachefiles'), 'yes');
  for (const fs of ['erofs', '9p', 'virtiofs', 'ext4']) assert.is(f.get(`fs-${fs}`), 'yes', `${fs} in /proc/filesystems`);
  assert.is(f.get('disk'), 'persisted');
  assert.is(f.get('bind'), 'ok', r.output);
  // The guest synced before powering off: the file is in the image on the host.
  assert.is(execFileSync('debugfs', ['-R', 'cat /hello', disk], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }), 'persisted\n');
});

test('with net the guest reaches a server on the host loopback at 10.0.2.2', async () => {
  const server = createServer((req, res) => res.end(`hello ${req.url}`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.address() as AddressInfo).port;
    const r = await runGuest({
      net: true,
      script: `
echo "addr=$(ip -4 -o addr show eth0 | awk '{print $4}')"
node -e "require('http').get('http://10.0.2.2:${port}/from-guest', (res) => { let b = ''; res.on('data', (c) => (b += c)); res.on('end', () => console.log('reply=' + res.statusCode + ' ' + b)); }).on('error', (e) => { console.log('error=' + e.message); process.exit(1); })"
`,
    });
    assert.is(r.exitCode, 0, r.output);
    const f = fields(r.output);
    assert.is(f.get('addr'), '10.0.2.15/24');
    assert.is(f.get('reply'), '200 hello /from-guest');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('a guest kernel panic ends the guest and rejects naming the panic', async () => {
  // A later -append replaces the harness's: no such init in the initramfs, no root device.
  const err = await rejection(runGuest({ script: 'exit 0', extraQemuArgs: ['-append', 'console=ttyS0 panic=-1 quiet rdinit=/no-such-init'] }));
  assert.match(err.message, /the guest kernel panicked \(Kernel panic - not syncing: /);
  assert.match(err.message, /last 60 console lines:/);
});

test('a script that never ends is killed at the timeout and rejects with the console tail', async () => {
  const err = await rejection(runGuest({ script: 'echo waiting-forever; sleep 3600', timeoutMs: 15_000 }));
  assert.match(err.message, /guest timed out after 15000 ms \(QEMU killed\)/);
  assert.match(err.message, /waiting-forever/);
  assert.match(err.console, /@@NYDUS-GUEST-BEGIN@@/);
});

test.run();
