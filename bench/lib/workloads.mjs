// The workloads. Each is run warm on every peer: one untimed pass first, then timed runs.
// The loops are in benchtool (C) or fio, so the harness costs the same on every peer.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './util.mjs';

const json = (s) => JSON.parse(s.slice(s.indexOf('{')));

export function makeWorkloads({ tree, benchtool, fio, profile, benchDir }) {
  const t = profile.timing;
  const c = tree.counts;
  const tool = (...args) => json(run(benchtool, args.map(String)));

  const workloads = [];

  workloads.push({
    name: 'seqread',
    title: `warm sequential 1 MiB reads of the ${c.large_files} large files (${(c.large_bytes / 2 ** 20).toFixed(0)} MiB per pass)`,
    unit: 'MB/s',
    targets: { erofs: 0.5, squashfuse: 1.0 },
    warm: (root) => {
      const r = tool('seqread', root, tree.lists.large, 1 << 20, 0, 'sum');
      return { checksum: r.checksum, bytes: r.bytes, errors: r.errors };
    },
    measure: (root) => {
      const r = tool('seqread', root, tree.lists.large, 1 << 20, t.minSeconds);
      return { value: r.bytes / r.seconds / 1e6, errors: r.errors, detail: r };
    },
  });

  workloads.push({
    name: 'randread',
    title: `warm 4 KiB random reads over the ${c.medium_files} medium files (${(c.medium_bytes / 2 ** 20).toFixed(0)} MiB), ` +
      `${fio ? 'fio psync' : 'benchtool pread (fio missing)'}, ${t.randJobs} jobs, ${t.randSeconds} s`,
    unit: 'IOPS',
    targets: { erofs: 0.95, squashfuse: 1.0 },
    warm: (root) => {
      const r = tool('seqread', root, tree.lists.medium, 1 << 20, 0, 'sum');
      return { checksum: r.checksum, bytes: r.bytes, errors: r.errors };
    },
    measure: (root) => {
      if (!fio) {
        const r = tool('randread', root, tree.lists.medium, 4096, t.randSeconds, t.randJobs);
        return { value: r.ios / r.seconds, errors: r.errors, detail: r };
      }
      // fio caps an option value at 4096 bytes: name the files through short symlinks
      const files = readFileSync(tree.lists.medium, 'utf8').split('\n').filter(Boolean);
      const links = join(benchDir, 'randset', createHash('sha256').update(root).digest('hex').slice(0, 8));
      rmSync(links, { recursive: true, force: true });
      mkdirSync(links, { recursive: true });
      files.forEach((f, i) => symlinkSync(join(root, f), join(links, String(i))));
      const job = join(benchDir, 'randread.fio');
      writeFileSync(job, [
        '[randread]',
        `directory=${links}`,
        `filename=${files.map((_, i) => i).join(':')}`,
        'rw=randread', 'bs=4k', 'ioengine=psync', `numjobs=${t.randJobs}`,
        'time_based', `runtime=${t.randSeconds}`, 'ramp_time=1',
        'invalidate=0', 'norandommap', 'randrepeat=0',
        'file_service_type=random', 'group_reporting', '',
      ].join('\n'));
      const r = json(run(fio, ['--output-format=json', job]));
      const rd = r.jobs[0].read;
      return {
        value: rd.iops,
        errors: r.jobs[0].error,
        detail: { iops: rd.iops, bw_MBps: rd.bw_bytes / 1e6, ios: rd.total_ios, lat_mean_us: rd.clat_ns.mean / 1000, lat_p99_us: (rd.clat_ns.percentile?.['99.000000'] ?? 0) / 1000 },
      };
    },
  });

  workloads.push({
    name: 'stat',
    title: `warm lstat of every path (${c.entries} paths per pass, like find | xargs stat)`,
    unit: 'stat/s',
    targets: { erofs: 0.9, squashfuse: 1.0 },
    warm: (root) => {
      const r = tool('stat', root, tree.lists.all, 0);
      return { size_sum: r.size_sum, errors: r.errors };
    },
    measure: (root) => {
      const r = tool('stat', root, tree.lists.all, t.minSeconds);
      return { value: r.ops / r.seconds, errors: r.errors, detail: r };
    },
  });

  workloads.push({
    name: 'readdir',
    title: `warm readdir walk, no stat (${c.dirs + 1} directories, ${c.entries} entries per pass)`,
    unit: 'entries/s',
    targets: { erofs: 0.5, squashfuse: 1.0 },
    warm: (root) => {
      const r = tool('readdir', root, 0);
      return { entries: r.entries, dirs: r.dirs, errors: r.errors, unknown_type: r.unknown_type };
    },
    measure: (root) => {
      const r = tool('readdir', root, t.minSeconds);
      return { value: (r.entries * r.passes) / r.seconds, errors: r.errors, detail: r };
    },
  });

  workloads.push({
    name: 'xattr',
    title: `warm llistxattr + lgetxattr over the ${c.xattr_paths} paths with xattrs (${c.xattrs} values)`,
    unit: 'ops/s',
    targets: { squashfuse: 1.0 },
    warm: (root) => {
      const r = tool('xattr', root, tree.lists.xattr, 0);
      return { gets: r.gets, value_bytes: r.value_bytes, errors: r.errors };
    },
    measure: (root) => {
      const r = tool('xattr', root, tree.lists.xattr, t.minSeconds);
      return { value: r.ops / r.seconds, errors: r.errors, detail: r };
    },
  });

  return workloads;
}
