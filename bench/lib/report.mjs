import { median } from './util.mjs';

// Tables, ratios and the issue's targets (issue 4: warm; issue 16: cold and squashfuse_ll).

const fmt = (v) => {
  if (v === null || v === undefined || !Number.isFinite(v)) return '-';
  if (v >= 1000) return Math.round(v).toLocaleString('en-US');
  if (v >= 100) return v.toFixed(0);
  return v.toFixed(1);
};
const pad = (s, n) => String(s).padStart(n);
const padr = (s, n) => String(s).padEnd(n);
const kib = (k) => (k == null ? '-' : `${(k / 1024).toFixed(1)} MiB`);
const x = (r) => (r === null || r === undefined ? 'n/a' : `${r.toFixed(2)}x`);
const pct = (f) => `${(f * 100).toFixed(0)}%`;
const loadText = (l) => (l ? `machine: CPUs ${pct(l.cpu_busy)} busy (all users), load ${l.loadavg1_start} -> ${l.loadavg1_end}` : '');

const OURS = ['ours', 'ours_zstd'];
const FUSE = ['squashfuse', 'squashfuse_ll', ...OURS];
const EROFS = ['erofs', 'erofs_file'];

/** The faster EROFS mount of a cell: { name, value } or null. */
function bestOf(peers, names) {
  let best = null;
  for (const n of names) {
    const v = peers[n]?.median;
    if (v && (!best || v > best.value)) best = { name: n, value: v };
  }
  return best;
}

/**
 * One table per cache state, one line per workload and daemon of ours: the medians of the
 * reference peers and ours, ours / erofs_file, ours / erofs (loop), ours / squashfuse_ll, the
 * EROFS target's status and, where it is missed, the fastest FUSE peer / the faster EROFS.
 */
function summary(results, targets, p) {
  const status = (mode, wname, ours, against) => targets.find((t) => t.mode === mode && t.workload === wname && t.ours === ours && t.against === against);
  p('summary (medians; ratios = ours / peer in the same run):');
  for (const mode of results.modes) {
    const cols = [['workload', 10], ['daemon', 10], ['erofs_file', 11], ['erofs', 11], ['sqfuse_ll', 11], ['daemon', 11], ['/file', 7], ['/loop', 7], ['/sq_ll', 7], ['erofs target', 18], ['fastest FUSE / erofs', 24]];
    p();
    p(`  ${mode.toUpperCase()} page cache`);
    p(`  ${cols.map(([h, n], i) => (i < 2 ? padr(h, n) : pad(h, n))).join('')}`);
    for (const [wname, w] of Object.entries(results.workloads)) {
      const cell = w[mode];
      if (!cell) continue;
      const m = (n) => cell.peers[n]?.median ?? null;
      for (const ours of OURS) {
        if (!(ours in cell.peers)) continue;
        const mine = m(ours);
        const r = (n) => (mine && m(n) ? x(mine / m(n)) : '-');
        const tg = status(mode, wname, ours, 'erofs');
        const tgText = tg ? `${x(tg.ratio)}>=${tg.target} ${tg.status}` : '-';
        const fast = tg?.status === 'MISS' && tg.fastest_fuse ? `${tg.fastest_fuse.peer} ${x(tg.fastest_fuse.ratio)}` : '';
        p(`  ${padr(wname, 10)}${padr(ours, 10)}${pad(fmt(m('erofs_file')), 11)}${pad(fmt(m('erofs')), 11)}${pad(fmt(m('squashfuse_ll')), 11)}${pad(fmt(mine), 11)}` +
          `${pad(r('erofs_file'), 7)}${pad(r('erofs'), 7)}${pad(r('squashfuse_ll'), 7)}${pad(tgText, 18)}${pad(fast, 24)}`);
      }
    }
    const loads = Object.values(results.workloads).map((w) => w[mode]?.load).filter(Boolean);
    if (loads.length) {
      const busy = loads.map((l) => l.cpu_busy);
      const la = loads.flatMap((l) => [l.loadavg1_start, l.loadavg1_end]);
      p(`  load in the ${mode} cells: CPUs ${pct(Math.min(...busy))}-${pct(Math.max(...busy))} busy (all users), 1-min load average ${Math.min(...la)}-${Math.max(...la)}`);
    }
  }
}

/** Print the report to stdout; return { targets: [...] }. */
export function printReport(results) {
  const out = [];
  const p = (s = '') => out.push(s);
  const t = results.tree;
  p();
  p(`nydus bench — profile ${results.profile}: ${t.files.toLocaleString('en-US')} files, ${t.dirs} dirs, ${t.symlinks} symlinks, ` +
    `${(t.bytes / 2 ** 20).toFixed(0)} MiB; ${results.timing.runs} runs per cell, median; ${results.modes.join(' and ')} page cache`);
  p(`spread = (max - min) / median over the runs; a large spread means a noisy machine`);
  p(`host: ${results.host.kernel}, ${results.host.cpus} CPUs (${results.host.cpu}), ${results.host.mem_gib} GiB, node ${results.host.node}`);
  if (results.load) p(`load over the whole run: ${loadText(results.load)}${results.seconds ? `; the run took ${(results.seconds / 60).toFixed(1)} min` : ''}`);
  p(`"x erofs" = ours / the faster of erofs (loop) and erofs_file in the same cell; cold = sync + drop_caches before every run of every peer`);
  p();
  p('peers:');
  for (const [name, info] of Object.entries(results.peers)) {
    if (info.status === 'skipped') p(`  skipped: ${info.reason}`);
    else p(`  ${padr(name, 14)} ${info.note}`);
  }
  const targets = [];
  const runs = results.timing.runs;
  for (const mode of results.modes) {
    p();
    p(`######## ${mode.toUpperCase()} page cache ${mode === 'cold' ? '(dropped before each run; one pass per run)' : '(one untimed pass first; runs repeat whole passes)'}`);
    for (const [wname, w] of Object.entries(results.workloads)) {
      const cell = w[mode];
      if (!cell) continue;
      p();
      p(`== ${wname} (${mode}): ${w.title}  [${w.unit}, higher is better]`);
      p(`  ${loadText(cell.load)}`);
      p(`  ${padr('peer', 14)}` + Array.from({ length: runs }, (_, i) => pad(`run ${i + 1}`, 11)).join('') + pad('median', 11) + pad('spread', 8) + pad('x erofs', 9) + pad('x loop', 8) + pad('x file', 8));
      const best = bestOf(cell.peers, EROFS);
      for (const [name, r] of Object.entries(cell.peers)) {
        if (r.failed && !r.runs.length) {
          p(`  ${padr(name, 14)} failed: ${r.failed}`);
          continue;
        }
        const cells = Array.from({ length: runs }, (_, i) => pad(fmt(r.runs[i]), 11)).join('');
        const rel = (base) => (base && r.median ? x(r.median / base) : '-');
        const spread = r.runs.length > 1 && r.median ? pct((Math.max(...r.runs) - Math.min(...r.runs)) / r.median) : '-';
        p(`  ${padr(name, 14)}${cells}${pad(fmt(r.median), 11)}${pad(spread, 8)}${pad(rel(best?.value), 9)}${pad(rel(cell.peers.erofs?.median), 8)}${pad(rel(cell.peers.erofs_file?.median), 8)}` +
          `${r.errors ? `  (${r.errors} errors)` : ''}${r.failed ? `  failed: ${r.failed}` : ''}`);
      }
      const cpu = Object.entries(cell.peers).filter(([, r]) => r.daemon_cpu_s?.length);
      if (cpu.length) p(`  daemon CPU per run (s): ${cpu.map(([n, r]) => `${n} ${median(r.daemon_cpu_s).toFixed(2)}`).join(', ')}`);
      const fastestFuse = bestOf(cell.peers, FUSE);
      cell.ratios = {};
      for (const ours of OURS) {
        const mine = cell.peers[ours]?.median ?? null;
        if (!(ours in cell.peers)) continue;
        for (const [peer, target] of Object.entries(w.targets[mode] ?? {})) {
          const base = peer === 'erofs' ? best?.value ?? null : cell.peers[peer]?.median ?? null;
          const ratio = mine && base ? mine / base : null;
          cell.ratios[`${ours}/${peer}`] = ratio;
          const ahead = peer.startsWith('squashfuse');
          let status;
          if (!base) status = `SKIP (${peer} not measured)`;
          else if (!mine) status = `SKIP (${ours} not measured)`;
          else status = (ahead ? ratio > target : ratio >= target) ? 'PASS' : 'MISS';
          let note = '';
          if (peer === 'erofs' && status === 'MISS' && fastestFuse && best) {
            note = `   fastest FUSE peer: ${fastestFuse.name} ${x(fastestFuse.value / best.value)}`;
          }
          p(`  ${padr(`${ours}/${peer === 'erofs' ? `erofs (${best?.name ?? '-'})` : peer}`, 30)}${pad(x(ratio), 8)}   ${padr(ahead ? `target > ${target.toFixed(2)}x` : `target >= ${target.toFixed(2)}x`, 17)} ${status}${note}`);
          targets.push({ mode, workload: wname, ours, against: peer, erofs_peer: peer === 'erofs' ? best?.name ?? null : undefined, target, ratio, status: status.split(' ')[0],
            fastest_fuse: peer === 'erofs' && fastestFuse && best ? { peer: fastestFuse.name, ratio: +(fastestFuse.value / best.value).toFixed(3) } : undefined });
        }
      }
      if (mode === results.modes[0]) for (const warn of w.warnings) p(`  warning: ${warn}`);
    }
  }
  p();
  if (Object.values(results.peers).some((i) => i.pid)) p('daemons:');
  for (const [name, info] of Object.entries(results.peers)) {
    if (!info.pid) continue;
    p(`  ${padr(name, 14)} start -> served mount ${pad(`${info.mount_ms.toFixed(0)} ms`, 8)}   RSS idle ${pad(kib(info.rss_idle_kib), 10)}   RSS after workloads ${pad(kib(info.rss_after_kib), 10)}${info.failed ? `   FAILED: ${info.failed}` : ''}`);
  }
  p();
  p('targets (ours / peer, same run):');
  p(`  ${padr('', 18)} ${padr('', 20)}${OURS.map((o) => pad(o, 15)).join('')}`);
  const rows = new Map();
  for (const tg of targets) {
    const key = `${tg.mode} ${tg.workload} ${tg.against}`;
    if (!rows.has(key)) rows.set(key, { tg, cells: {} });
    rows.get(key).cells[tg.ours] = tg;
  }
  for (const { tg, cells } of rows.values()) {
    const label = tg.against.startsWith('squashfuse') ? `> ${tg.against}` : `>= ${tg.target}x erofs`;
    const cellText = (c) => (c ? `${x(c.ratio)} ${c.status}` : '-');
    p(`  ${padr(`${tg.mode} ${tg.workload}`, 18)} ${padr(label, 20)}${OURS.map((o) => pad(cellText(cells[o]), 15)).join('')}`);
  }
  const count = (s) => targets.filter((y) => y.status === s).length;
  p(`  ${count('PASS')} pass, ${count('MISS')} miss, ${count('SKIP')} skipped`);
  p();
  summary(results, targets, p);
  p();
  process.stdout.write(out.join('\n') + '\n');
  return { targets };
}
