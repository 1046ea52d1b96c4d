// The workloads. Each is run on every peer warm (one untimed pass first, then timed runs that
// repeat whole passes) and cold (one pass right after the caller has dropped the page cache).
// The loops are in benchtool (C) or fio, so the harness costs the same on every peer.
// targets.{warm,cold}: ours / peer; `erofs` means the faster of the two EROFS mounts in that cell.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './util.mjs';

const json = (s) => JSON.parse(s.slice(s.indexOf('{')));
const AHEAD = { squashfuse: 1.0, squashfuse_ll: 1.0 };

export function makeWorkloads({ tree, benchtool, fio, profile, benchDir }) {
  const t = profile.timing;
  const c = tree.counts;
  const tool = (...args) => json(run(benchtool, args.map(String)));
  const mib = (b) => (b / 2 ** 20).toFixed(0);

  const workloads = [];

  const seqread = (root, list, seconds) => {
    const r = tool('seqread', root, list, 1 << 20, seconds);
    return { value: r.bytes / r.seconds / 1e6, errors: r.errors, detail: r };
  };
  workloads.push({
    name: 'seqread',
    title: `sequential 1 MiB reads of the ${c.large_files} large files (${mib(c.large_bytes)} MiB per pass)`,
    unit: 'MB/s',
    targets: { warm: { erofs: 0.5, ...AHEAD }, cold: { erofs: 0.8, ...AHEAD } },
    warm: (root) => {
      const r = tool('seqread', root, tree.lists.large, 1 << 20, 0, 'sum');
      return { checksum: r.checksum, bytes: r.bytes, errors: r.errors };
    },
    measure: (root) => seqread(root, tree.lists.large, t.minSeconds),
    cold: (root) => seqread(root, tree.lists.large, 0),
  });

  // fio caps an option value at 4096 bytes: the medium files are named through short symlinks
  const mediumFiles = readFileSync(tree.lists.medium, 'utf8').split('\n').filter(Boolean);
  const fioRand = (root, jobs, cold) => {
    const links = join(benchDir, 'randset', createHash('sha256').update(root).digest('hex').slice(0, 8));
    rmSync(links, { recursive: true, force: true });
    mkdirSync(links, { recursive: true });
    mediumFiles.forEach((f, i) => symlinkSync(join(root, f), join(links, String(i))));
    const job = join(benchDir, 'randread.fio');
    // cold: a fixed amount, a quarter of the set over all jobs, so most reads miss the page cache
    // all along (a time-based cold run would end up measuring the pages it had filled itself)
    const perJob = Math.max(4096, Math.floor(c.medium_bytes / 4 / jobs / 4096) * 4096);
    writeFileSync(job, [
      '[randread]',
      `directory=${links}`,
      `filename=${mediumFiles.map((_, i) => i).join(':')}`,
      'rw=randread', 'bs=4k', 'ioengine=psync', `numjobs=${jobs}`,
      ...(cold ? ['invalidate=1', `io_size=${perJob}`] : ['invalidate=0', 'time_based', `runtime=${t.randSeconds}`, 'ramp_time=1']),
      'norandommap', 'randrepeat=0',
      'file_service_type=random', 'group_reporting', '',
    ].join('\n'));
    const r = json(run(fio, ['--output-format=json', job]));
    const rd = r.jobs[0].read;
    return {
      value: rd.iops,
      errors: r.jobs[0].error,
      detail: { iops: rd.iops, bw_MBps: rd.bw_bytes / 1e6, ios: rd.total_ios, lat_mean_us: rd.clat_ns.mean / 1000, lat_p99_us: (rd.clat_ns.percentile?.['99.000000'] ?? 0) / 1000 },
    };
  };
  const benchRand = (root, jobs, cold) => {
    const r = tool('randread', root, tree.lists.medium, 4096, cold ? Math.min(1, t.randSeconds) : t.randSeconds, jobs);
    return { value: r.ios / r.seconds, errors: r.errors, detail: r };
  };
  for (const jobs of [t.randJobs, 8]) {
    workloads.push({
      name: jobs === t.randJobs ? 'randread' : `randread${jobs}`,
      title: `4 KiB random reads over the ${c.medium_files} medium files (${mib(c.medium_bytes)} MiB), ` +
        `${fio ? 'fio psync' : 'benchtool pread (fio missing)'}, ${jobs} jobs; warm ${t.randSeconds} s, ` +
        `cold ${fio ? `invalidate=1, ${mib(c.medium_bytes / 4)} MiB of reads` : '1 s'}`,
      unit: 'IOPS',
      targets: { warm: { ...(jobs === t.randJobs ? { erofs: 0.95 } : {}), ...AHEAD }, cold: { erofs: 0.9, ...AHEAD } },
      warm: (root) => {
        const r = tool('seqread', root, tree.lists.medium, 1 << 20, 0, 'sum');
        return { checksum: r.checksum, bytes: r.bytes, errors: r.errors };
      },
      measure: (root) => (fio ? fioRand(root, jobs, false) : benchRand(root, jobs, false)),
      cold: (root) => (fio ? fioRand(root, jobs, true) : benchRand(root, jobs, true)),
    });
  }

  const stat = (root, seconds) => {
    const r = tool('stat', root, tree.lists.all, seconds);
    return { value: r.ops / r.seconds, errors: r.errors, detail: r };
  };
  workloads.push({
    name: 'stat',
    title: `lstat of every path (${c.entries} paths per pass, like find | xargs stat)`,
    unit: 'stat/s',
    targets: { warm: { erofs: 0.9, ...AHEAD }, cold: { erofs: 0.8, ...AHEAD } },
    warm: (root) => {
      const r = tool('stat', root, tree.lists.all, 0);
      return { size_sum: r.size_sum, errors: r.errors };
    },
    measure: (root) => stat(root, t.minSeconds),
    cold: (root) => stat(root, 0),
  });

  const readdir = (root, seconds) => {
    const r = tool('readdir', root, seconds);
    return { value: (r.entries * r.passes) / r.seconds, errors: r.errors, detail: r };
  };
  workloads.push({
    name: 'readdir',
    title: `readdir walk, no stat (${c.dirs + 1} directories, ${c.entries} entries per pass)`,
    unit: 'entries/s',
    targets: { warm: { erofs: 0.5, ...AHEAD }, cold: { erofs: 0.8, ...AHEAD } },
    warm: (root) => {
      const r = tool('readdir', root, 0);
      return { entries: r.entries, dirs: r.dirs, errors: r.errors, unknown_type: r.unknown_type };
    },
    measure: (root) => readdir(root, t.minSeconds),
    cold: (root) => readdir(root, 0),
  });

  const xattr = (root, seconds) => {
    const r = tool('xattr', root, tree.lists.xattr, seconds);
    return { value: r.ops / r.seconds, errors: r.errors, detail: r };
  };
  workloads.push({
    name: 'xattr',
    title: `llistxattr + lgetxattr over the ${c.xattr_paths} paths with xattrs (${c.xattrs} values)`,
    unit: 'ops/s',
    targets: { warm: { ...AHEAD }, cold: { ...AHEAD } },
    warm: (root) => {
      const r = tool('xattr', root, tree.lists.xattr, 0);
      return { gets: r.gets, value_bytes: r.value_bytes, errors: r.errors };
    },
    measure: (root) => xattr(root, t.minSeconds),
    cold: (root) => xattr(root, 0),
  });

  const small = (root, seconds) => {
    const r = tool('seqread', root, tree.lists.small, 1 << 16, seconds);
    return { value: (r.files * r.passes) / r.seconds, errors: r.errors, detail: r };
  };
  workloads.push({
    name: 'smallread',
    title: `open + read to EOF + close of ${c.small_reads} small files (0-16 KiB, in path order)`,
    unit: 'files/s',
    targets: { warm: { ...AHEAD }, cold: { erofs: 0.7, ...AHEAD } },
    warm: (root) => {
      const r = tool('seqread', root, tree.lists.small, 1 << 16, 0, 'sum');
      return { checksum: r.checksum, bytes: r.bytes, errors: r.errors };
    },
    measure: (root) => small(root, t.minSeconds),
    cold: (root) => small(root, 0),
  });

  return workloads;
}
