// Manual smoke check of the vhost-user-fs back-end against the real QEMU 7.2
// vhost-user-fs-pci (not part of `npm test`): serves the v6-zstd fixture at '/' on a socket,
// boots the test guest with a virtio-fs device on it, mounts it there (`mount -t virtiofs`),
// lists the tree and compares every file's md5 with RafsImage's reading on the host; prints
// what QEMU sent (messages by request) and the transport counters.
// Run: npx tsc -p tsconfig.json && node dist/test/vm/virtiofs-smoke.js
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RafsImage } from '../../src/native/image.js';
import { VirtiofsSession } from '../../src/native/virtiofs.js';
import { fixture } from '../helpers.js';
import { guestKernel, runGuest } from './harness.js';

const FILES: Array<[string, number]> = [['lib.rs', 133], ['sync_io.rs', 136]];

async function main(): Promise<number> {
  await guestKernel();
  const dir = mkdtempSync(join(tmpdir(), 'nydus-virtiofs-smoke-'));
  const sock = join(dir, 'vfs.sock');
  const image = RafsImage.open(fixture.v6.bootstrap, { dir: fixture.v6.blobs });
  const session = VirtiofsSession.listen({ socketPath: sock });
  session.onConnect(() => console.log('[host] front-end connected'));
  session.onDisconnect((r) => console.log(`[host] front-end gone: ${r}`));
  session.attach('/', image);
  session.start(1);
  const expected = new Map<string, string>();
  for (const [name, ino] of FILES) {
    const data = await image.read(ino, 0, image.getattr(ino).size);
    expected.set(name, createHash('md5').update(data).digest('hex'));
    if (name === 'lib.rs') expected.set('lib.rs@8192', createHash('md5').update(data.subarray(8192, 12288)).digest('hex'));
  }
  let failed = 0;
  try {
    const r = await runGuest({
      memoryMiB: 512,
      timeoutMs: 5 * 60_000,
      extraQemuArgs: [
        '-object', 'memory-backend-memfd,id=mem,size=512M,share=on', '-numa', 'node,memdev=mem',
        '-chardev', `socket,id=c0,path=${sock}`, '-device', 'vhost-user-fs-pci,queue-size=1024,chardev=c0,tag=nydus',
      ],
      script: [
        'mkdir -p /run/mnt',
        'mount -t virtiofs nydus /run/mnt || exit 3',
        'ls -lR /run/mnt',
        '(cd /run/mnt && md5sum lib.rs sync_io.rs)',
        'dd if=/run/mnt/lib.rs bs=4096 skip=2 count=1 2>/dev/null | md5sum | sed "s/-$/lib.rs@8192/"',
        'umount /run/mnt',
      ].join('\n'),
    });
    console.log(r.output);
    if (r.exitCode !== 0) {
      console.log(`[host] guest script exit ${r.exitCode}`);
      failed++;
    }
    for (const [name, sum] of expected) {
      const ok = new RegExp(`^${sum}\\s+${name.replace(/[.@]/g, '\\$&')}$`, 'm').test(r.output);
      console.log(`[host] ${name}: ${ok ? 'md5 matches' : `md5 MISMATCH (expected ${sum})`}`);
      if (!ok) failed++;
    }
  } finally {
    const m = session.transportMetrics();
    console.log('[host] transport metrics:', JSON.stringify(m, null, 1));
    console.log('[host] fs metrics: data_read', session.metrics('/').data_read, 'fop_hits', session.metrics('/').fop_hits.join(','));
    await session.release();
    image.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return failed;
}

main().then(
  (failed) => {
    console.log(failed === 0 ? 'virtiofs smoke: PASS' : `virtiofs smoke: FAIL (${failed})`);
    process.exit(failed === 0 ? 0 : 1);
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
