// Daemon memory per mounted image: starts a shared `nydus fuse` (nothing mounted), mounts
// one image N times through the API, walks every tree, and prints RSS idle and per mount.
// Usage (root): node bench/rss-per-mount.mjs BOOTSTRAP BLOB_DIR [N]
import { execa } from 'execa';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { request } from 'node:http';
const cli = new URL('../bin/run.js', import.meta.url).pathname;
const mnt = '/tmp/rss-mnt'; mkdirSync(mnt, { recursive: true });
const sock = '/tmp/rss.sock';
const api = (m, p, b) => new Promise((res, rej) => { const d = b && JSON.stringify(b); const r = request({ socketPath: sock, method: m, path: p, headers: d ? { 'content-length': Buffer.byteLength(d) } : {} }, (x) => { let s=''; x.on('data', c => s+=c); x.on('end', () => res([x.statusCode, s])); }); r.on('error', rej); if (d) r.write(d); r.end(); });
const t0 = Date.now();
const p = execa(process.execPath, [cli, 'fuse', '--mountpoint', mnt, '--apisock', sock, '--log-level', 'error'], { reject: false });
while (!existsSync(sock)) await new Promise(r => setTimeout(r, 10));
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p.pid}/status`, 'utf8'))[1]) / 1024;
console.log(`start->API ${Date.now() - t0} ms, idle RSS ${rss().toFixed(1)} MiB`);
const [boot, blobs] = process.argv.slice(2);
if (!boot || !blobs) throw new Error('usage: node bench/rss-per-mount.mjs BOOTSTRAP BLOB_DIR [N]');
const cfg = JSON.stringify({ device: { backend: { type: 'localfs', config: { dir: blobs } }, cache: { type: '' } }, mode: 'direct' });
const before = rss();
const N = Number(process.argv[4] ?? 100);
for (let i = 0; i < N; i++) { const [s, b] = await api('POST', `/api/v1/mount?mountpoint=/m${i}`, { fs_type: 'rafs', source: boot, config: cfg }); if (s !== 204) throw new Error(b); }
await execa('sh', ['-c', `ls -R ${mnt} > /dev/null`]);
const after = rss();
console.log(`${N} mounts: RSS ${after.toFixed(1)} MiB, ${((after - before) * 1024 / N).toFixed(0)} KiB per mounted image (bootstrap ${readFileSync(boot).length} bytes, mapped)`);
p.kill('SIGTERM'); await p;
