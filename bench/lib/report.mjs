import { median } from './util.mjs';

// Tables, ratios and the issue's targets.

const fmt = (v) => {
  if (v === null || v === undefined || !Number.isFinite(v)) return '-';
  if (v >= 1000) return Math.round(v).toLocaleString('en-US');
  if (v >= 100) return v.toFixed(0);
  return v.toFixed(1);
};
const pad = (s, n) => String(s).padStart(n);
const padr = (s, n) => String(s).padEnd(n);
const kib = (k) => (k == null ? '-' : `${(k / 1024).toFixed(1)} MiB`);

/** Print the report to stdout; return { targets: [...] }. */
export function printReport(results) {
  const out = [];
  const p = (s = '') => out.push(s);
  const t = results.tree;
  p();
  p(`nydus bench — profile ${results.profile}: ${t.files.toLocaleString('en-US')} files, ${t.dirs} dirs, ${t.symlinks} symlinks, ` +
    `${(t.bytes / 2 ** 20).toFixed(0)} MiB; ${results.timing.runs} runs per cell, median; warm page cache`);
  p(`spread = (max - min) / median over the runs; a large spread means a noisy machine (load ${results.host.loadavg?.join(' ') ?? '?'} at the start)`);
  p(`host: ${results.host.kernel}, ${results.host.cpus} CPUs (${results.host.cpu}), ${results.host.mem_gib} GiB, node ${results.host.node}`);
  p();
  p('peers:');
  for (const [name, info] of Object.entries(results.peers)) {
    if (info.status === 'skipped') p(`  skipped: ${info.reason}`);
    else p(`  ${padr(name, 14)} ${info.note}`);
  }
  const targets = [];
  const runs = results.timing.runs;
  for (const [wname, w] of Object.entries(results.workloads)) {
    p();
    p(`== ${wname}: ${w.title}  [${w.unit}, higher is better]`);
    const head = `  ${padr('peer', 14)}` + Array.from({ length: runs }, (_, i) => pad(`run ${i + 1}`, 12)).join('') + pad('median', 12) + pad('spread', 8) + pad('x erofs', 9);
    p(head);
    const erofs = w.peers.erofs?.median;
    for (const [name, r] of Object.entries(w.peers)) {
      if (r.failed && !r.runs.length) {
        p(`  ${padr(name, 14)} failed: ${r.failed}`);
        continue;
      }
      const cells = Array.from({ length: runs }, (_, i) => pad(fmt(r.runs[i]), 12)).join('');
      const rel = erofs && r.median ? `${(r.median / erofs).toFixed(2)}x` : '-';
      const spread = r.runs.length > 1 && r.median ? `${(((Math.max(...r.runs) - Math.min(...r.runs)) / r.median) * 100).toFixed(0)}%` : '-';
      p(`  ${padr(name, 14)}${cells}${pad(fmt(r.median), 12)}${pad(spread, 8)}${pad(rel, 9)}${r.errors ? `  (${r.errors} errors)` : ''}${r.failed ? `  failed: ${r.failed}` : ''}`);
    }
    const cpu = Object.entries(w.peers).filter(([, r]) => r.daemon_cpu_s?.length);
    if (cpu.length) p(`  daemon CPU per run (s): ${cpu.map(([n, r]) => `${n} ${median(r.daemon_cpu_s).toFixed(2)}`).join(', ')}`);
    const ours = w.peers.ours?.median ?? null;
    w.ratios = {};
    for (const peer of ['erofs', 'squashfuse', 'squashfuse_ll']) {
      const base = w.peers[peer]?.median ?? null;
      const ratio = ours && base ? ours / base : null;
      w.ratios[`ours/${peer}`] = ratio;
      const target = w.targets[peer];
      let status;
      if (target === undefined) status = '';
      else if (!base) status = `SKIP (${peer} not measured)`;
      else if (!ours) status = 'SKIP (ours not measured)';
      else status = (peer === 'squashfuse' ? ratio > target : ratio >= target) ? 'PASS' : 'MISS';
      const tdesc = target === undefined ? '' : peer === 'squashfuse' ? `target > ${target.toFixed(2)}x` : `target >= ${target.toFixed(2)}x`;
      if (target === undefined && ratio === null) continue;
      p(`  ${padr(`ours/${peer}`, 18)}${pad(ratio === null ? 'n/a' : `${ratio.toFixed(2)}x`, 8)}   ${padr(tdesc, 17)} ${status}`);
      if (target !== undefined) targets.push({ workload: wname, against: peer, target, ratio, status: status.split(' ')[0] });
    }
    for (const warn of w.warnings) p(`  warning: ${warn}`);
  }
  p();
  if (Object.values(results.peers).some((i) => i.pid)) p('daemons:');
  for (const [name, info] of Object.entries(results.peers)) {
    if (!info.pid) continue;
    p(`  ${padr(name, 14)} start -> served mount ${pad(`${info.mount_ms.toFixed(0)} ms`, 8)}   RSS idle ${pad(kib(info.rss_idle_kib), 10)}   RSS after workloads ${pad(kib(info.rss_after_kib), 10)}${info.failed ? `   FAILED: ${info.failed}` : ''}`);
  }
  p();
  p('targets (ours):');
  for (const x of targets) {
    const label = x.against === 'squashfuse' ? `ahead of squashfuse` : `>= ${x.target}x ${x.against}`;
    p(`  ${padr(x.workload, 9)} ${padr(label, 20)} ${pad(x.ratio === null ? 'n/a' : `${x.ratio.toFixed(2)}x`, 7)}  ${x.status}`);
  }
  const count = (s) => targets.filter((x) => x.status === s).length;
  p(`  ${count('PASS')} pass, ${count('MISS')} miss, ${count('SKIP')} skipped`);
  p();
  process.stdout.write(out.join('\n') + '\n');
  return { targets };
}
