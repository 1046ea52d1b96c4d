// Guest side of `npm run bench:virtiofs` (bench/virtiofs.mjs): runs inside the QEMU guest as
// `node bench/lib/virtiofs-guest.mjs SPEC.json`. Mounts each virtio-fs tag of the spec and, with
// the guest's page cache dropped before every pass, measures sequential 1 MiB reads of the big
// files, 4 KiB random reads over them (a fixed sequence), and a stat walk of the whole tree.
// Prints one `@@bench {json}` line per pass.
import { spawnSync } from 'node:child_process';
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const report = (v) => process.stdout.write(`@@bench ${JSON.stringify(v)}\n`);

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stdout}${r.stderr}`);
}

const drop = () => sh('sh', ['-c', 'sync; echo 3 > /proc/sys/vm/drop_caches']);
const seconds = (t) => Number(process.hrtime.bigint() - t) / 1e9;

function seq(root) {
  const buf = Buffer.allocUnsafe(1 << 20);
  let bytes = 0;
  const t = process.hrtime.bigint();
  for (const f of spec.bigFiles) {
    const fd = openSync(join(root, f), 'r');
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n <= 0) break;
      bytes += n;
    }
    closeSync(fd);
  }
  return { bytes, seconds: seconds(t) };
}

function rand4k(root) {
  const buf = Buffer.allocUnsafe(4096);
  const fds = spec.bigFiles.map((f) => openSync(join(root, f), 'r'));
  let x = 0x2545f491;
  let bytes = 0;
  const t = process.hrtime.bigint();
  for (let i = 0; i < spec.randomReads; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const u = x >>> 0;
    const fd = fds[u % fds.length];
    const block = Math.floor(u / fds.length) % (spec.bigFileBytes / 4096);
    bytes += readSync(fd, buf, 0, 4096, block * 4096);
  }
  const s = seconds(t);
  for (const fd of fds) closeSync(fd);
  return { bytes, seconds: s };
}

function statWalk(root) {
  let entries = 0;
  const t = process.hrtime.bigint();
  const visit = (dir) => {
    for (const name of readdirSync(dir)) {
      const st = lstatSync(join(dir, name));
      entries++;
      if (st.isDirectory()) visit(join(dir, name));
    }
  };
  visit(root);
  return { entries, seconds: seconds(t) };
}

for (const tag of spec.tags) {
  mkdirSync(`/run/m/${tag}`, { recursive: true });
  sh('mount', ['-t', 'virtiofs', tag, `/run/m/${tag}`]);
}
for (let run = 0; run < spec.runs; run++) {
  // Interleaved, so drift in the guest or on the host affects both peers alike.
  for (const tag of spec.tags) {
    const root = `/run/m/${tag}`;
    drop();
    report({ peer: tag, workload: 'seq', ...seq(root) });
    drop();
    report({ peer: tag, workload: 'rand4k', ...rand4k(root) });
    drop();
    report({ peer: tag, workload: 'stat', ...statWalk(root) });
  }
}
process.stdout.write('@@bench-done\n');
