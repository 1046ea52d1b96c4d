// Guest side of `npm run bench:virtiofs` (bench/virtiofs.mjs): runs inside the QEMU guest as
// `node bench/lib/virtiofs-guest.mjs SPEC.json`. Mounts each virtio-fs tag of the spec and, with
// the guest's page cache dropped before every pass, measures sequential 1 MiB reads of the big
// files, 4 KiB random reads over them (a fixed sequence), and a stat walk of the whole tree.
//
// Under TCG on a shared 2-core host a single pass swings by +-20% from one second to the next,
// far more than the daemons differ. So within a pass the peers take turns in small slices (a file
// each for sequential reads, 250 reads each for random ones, a directory each for the walk), each
// slice timed on its own and summed per peer: whatever slows the machine for a moment slows both.
// Prints one `@@bench {json}` line per peer and workload of every recorded pass, after one
// unrecorded warm-up round.
import { spawnSync } from 'node:child_process';
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const report = (v) => process.stdout.write(`@@bench ${JSON.stringify(v)}\n`);
const RANDOM_SLICE = 250;

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stdout}${r.stderr}`);
}

const drop = () => sh('sh', ['-c', 'sync; echo 3 > /proc/sys/vm/drop_caches']);
const now = () => process.hrtime.bigint();
const since = (t) => Number(now() - t) / 1e9;

// Runs `slice(tag, i)` for i = 0..count-1, the peers taking turns (in `order`) at each i; returns
// per tag { units, seconds } summed over its slices.
function interleaved(order, count, slice) {
  const sum = Object.fromEntries(order.map((tag) => [tag, { units: 0, seconds: 0 }]));
  for (let i = 0; i < count; i++) {
    for (const tag of i % 2 === 0 ? order : [...order].reverse()) {
      const t = now();
      sum[tag].units += slice(tag, i);
      sum[tag].seconds += since(t);
    }
  }
  return sum;
}

function seqFile(tag, i) {
  const buf = Buffer.allocUnsafe(1 << 20);
  let bytes = 0;
  const fd = openSync(join(`/run/m/${tag}`, spec.bigFiles[i]), 'r');
  for (;;) {
    const n = readSync(fd, buf, 0, buf.length, null);
    if (n <= 0) break;
    bytes += n;
  }
  closeSync(fd);
  return bytes;
}

// The same pseudo-random block sequence for every peer: block k of the sequence is a pure
// function of k.
function randomBlock(k) {
  let x = (0x2545f491 ^ Math.imul(k + 1, 0x9e3779b1)) >>> 0;
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  const u = x >>> 0;
  return { file: u % spec.bigFiles.length, block: Math.floor(u / spec.bigFiles.length) % (spec.bigFileBytes / 4096) };
}

function randomSlice(fds) {
  const buf = Buffer.allocUnsafe(4096);
  return (tag, i) => {
    let bytes = 0;
    for (let k = i * RANDOM_SLICE; k < Math.min((i + 1) * RANDOM_SLICE, spec.randomReads); k++) {
      const { file, block } = randomBlock(k);
      bytes += readSync(fds[tag][file], buf, 0, 4096, block * 4096);
    }
    return bytes;
  };
}

function walk(dir) {
  let entries = 0;
  for (const name of readdirSync(dir)) {
    const st = lstatSync(join(dir, name));
    entries++;
    if (st.isDirectory()) entries += walk(join(dir, name));
  }
  return entries;
}

function pass(order, record) {
  const out = (workload, sums) => {
    if (!record) return;
    for (const [tag, s] of Object.entries(sums)) {
      report({ peer: tag, workload, ...(workload === 'stat' ? { entries: s.units } : { bytes: s.units }), seconds: s.seconds });
    }
  };
  drop();
  out('seq', interleaved(order, spec.bigFiles.length, seqFile));
  drop();
  const fds = Object.fromEntries(order.map((tag) => [tag, spec.bigFiles.map((f) => openSync(join(`/run/m/${tag}`, f), 'r'))]));
  out('rand4k', interleaved(order, Math.ceil(spec.randomReads / RANDOM_SLICE), randomSlice(fds)));
  for (const list of Object.values(fds)) for (const fd of list) closeSync(fd);
  // The walk: the second-level entries are the slices (the top-level ones count in the first).
  const tops = readdirSync(`/run/m/${order[0]}`).sort();
  const seconds = tops.flatMap((t) => (lstatSync(`/run/m/${order[0]}/${t}`).isDirectory() ? readdirSync(`/run/m/${order[0]}/${t}`).sort().map((n) => join(t, n)) : []));
  drop();
  const stat = interleaved(order, seconds.length, (tag, i) => {
    let entries = 0;
    if (i === 0) for (const t of tops) entries += lstatSync(join(`/run/m/${tag}`, t)) ? 1 : 0;
    const p = join(`/run/m/${tag}`, seconds[i]);
    return entries + 1 + (lstatSync(p).isDirectory() ? walk(p) : 0);
  });
  out('stat', stat);
}

// Every page of guest RAM touched once, in a child that then exits: under TCG the guest's first
// use of a page costs far more than later reuse, and the passes would otherwise pay it by turns.
function touchGuestRam() {
  const avail = Number(/MemAvailable:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))[1]) * 1024;
  const bytes = Math.max(0, avail - (160 << 20));
  sh(process.execPath, ['-e', `const k=[];for(let n=${bytes};n>0;n-=1<<24)k.push(Buffer.alloc(Math.min(n,1<<24),1));`]);
}

for (const tag of spec.tags) {
  mkdirSync(`/run/m/${tag}`, { recursive: true });
  sh('mount', ['-t', 'virtiofs', tag, `/run/m/${tag}`]);
}
drop();
touchGuestRam();
pass(spec.tags, false);
for (let run = 0; run < spec.runs; run++) pass(run % 2 === 0 ? spec.tags : [...spec.tags].reverse(), true);
process.stdout.write('@@bench-done\n');
