// Commands: the daemons' oclif-free start-up path (src/cli/daemon-entry.ts, tried first by
// bin/run.js). It must take only command lines oclif accepts, and give the daemon the flags
// oclif's parser gives it; whatever it declines goes to oclif. Checked against oclif's own
// parser on hand-picked and on random command lines; and a daemon started by bin/run.js reports
// a start-up failure as it does through oclif (same stdout, stderr, exit code) without loading oclif.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Parser } from '@oclif/core';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { daemonFlags } from '../../src/cli/daemon-entry.js';
import Blobcache from '../../src/commands/blobcache/index.js';
import Fscache from '../../src/commands/fscache.js';
import Fuse from '../../src/commands/fuse.js';
import Singleton from '../../src/commands/singleton.js';
import Virtiofs from '../../src/commands/virtiofs.js';
import { cli, fixture, repoRoot, tempDir } from '../helpers.js';

type Flags = Record<string, unknown>;
const COMMANDS = { fuse: Fuse, virtiofs: Virtiofs, blobcache: Blobcache, singleton: Singleton, fscache: Fscache } as const;

/** oclif's flags for the command line, or null when oclif's parser refuses it. */
async function oclifFlags(id: keyof typeof COMMANDS, argv: string[]): Promise<Flags | null> {
  try {
    const cmd = COMMANDS[id] as unknown as { flags: Parameters<typeof Parser.parse>[1]['flags'] };
    return (await Parser.parse(argv, { flags: cmd.flags, args: {}, strict: true })).flags as Flags;
  } catch {
    return null;
  }
}

/** The entry's answer must be oclif's, or a refusal (then oclif decides). */
async function agree(id: keyof typeof COMMANDS, argv: string[]): Promise<Flags | null> {
  const lean = daemonFlags([id, ...argv]);
  if (lean === null) return null;
  const ours = await oclifFlags(id, argv);
  assert.ok(ours !== null, `${id} ${JSON.stringify(argv)}: taken by the entry, refused by oclif`);
  assert.equal(lean, ours, `${id} ${JSON.stringify(argv)}`);
  return lean;
}

test('the command lines nydusd, nydus-snapshotter and nydus upgrade|failover use are taken, with oclif\'s flags', async () => {
  const taken: [keyof typeof COMMANDS, string[]][] = [
    ['fuse', ['--bootstrap', '/b.boot', '--localfs-dir', '/d', '--mountpoint', '/mnt']],
    ['fuse', ['-B', '/b.boot', '-D', '/d', '-M', '/mnt', '-l', 'debug', '-A', '/a.sock']],
    ['fuse', ['--config', '/c.json', '--bootstrap=/b.boot', '--mountpoint=/mnt', '--thread-num', '8', '--log-rotation-size', '0']],
    ['fuse', ['--mountpoint', '/mnt', '--apisock', '/a.sock', '--id', 'd1', '--supervisor', '/s.sock', '--upgrade', '--failover-policy', 'flush', '--fuse-threads', '1024', '--writable']],
    ['fuse', ['--mountpoint', '/mnt', '--prefetch-files', '/p', '--bootstrap', '/b', '--config', '/c', '--rlimit-nofile', '0', '--log-file', '/l', '--state-dir', '/s', '--metrics-addr', '127.0.0.1:0']],
    ['fuse', ['--mountpoint', '/mnt', '--image', '127.0.0.1:5000/app:1-nydus', '--prefetch-files', '/p']],
    ['virtiofs', ['--sock', '/v.sock', '--bootstrap', '/b', '--localfs-dir', '/d', '--hybrid-mode']],
    ['blobcache', ['--apisock', '/a.sock', '--config', '/c.json', '--id', 'b', '--supervisor', '/s']],
    ['singleton', ['--upgrade', '--id', 'b', '--config', '/c.json', '--apisock', '/a', '--log-level', 'warn', '--supervisor', '/s']],
    ['fscache', ['--fscache', '/var/cache', '--fscache-threads', '8', '--apisock', '/a']],
  ];
  for (const [id, argv] of taken) {
    const flags = await agree(id, argv);
    assert.ok(flags !== null, `${id} ${JSON.stringify(argv)} should be taken`);
  }
});

test('what oclif answers itself is declined: help, version, errors, unknown or repeated flags, odd forms', async () => {
  const declined: [string, string[]][] = [
    ['fuse', ['--help']],
    ['fuse', ['-h']],
    ['fuse', ['--mountpoint', '/m', '--version']],
    ['fuse', ['--bootstrap', '/b']], // no mountpoint
    ['fuse', ['--mountpoint', '/m', '--config', '/c', '--localfs-dir', '/d']],
    ['fuse', ['--mountpoint', '/m', '--prefetch-files', '/p']],
    ['fuse', ['--mountpoint', '/m', '--id', 'x']],
    ['fuse', ['--mountpoint', '/m', '--log-level', 'loud']],
    ['fuse', ['--mountpoint', '/m', '--fuse-threads', '0']],
    ['fuse', ['--mountpoint', '/m', '--fuse-threads', '1025']],
    ['fuse', ['--mountpoint', '/m', '--fuse-threads', '4', '--thread-num', '4']],
    ['fuse', ['--mountpoint', '/m', '--fuse-threads', 'x']],
    ['fuse', ['--mountpoint', '/m', '--mountpoint', '/n']],
    ['fuse', ['--mountpoint', '/m', '--no-such-flag']],
    ['fuse', ['--mountpoint', '/m', 'extra']],
    ['fuse', ['--mountpoint', '/m', '--']],
    ['fuse', ['--mountpoint']],
    ['fuse', ['--mountpoint', '--apisock', '/a']],
    ['fuse', ['-M/m']],
    ['fuse', ['--mountpoint', '/m', '--upgrade=true']],
    ['fuse', ['--mountpoint', '']],
    ['virtiofs', ['--bootstrap', '/b', '--localfs-dir', '/d']], // --sock is checked by the command
    ['fscache', ['--apisock', '/a']], // --fscache is checked by the command
    ['blobcache', ['add', '--apisock', '/a']], // a client subcommand
    ['blobcache', ['--help']],
    ['config', ['validate', '/c.json']],
  ];
  for (const [id, argv] of declined) assert.is(daemonFlags([id, ...argv]), null, `${id} ${JSON.stringify(argv)} should go to oclif`);
});

test('random command lines: never taken when oclif refuses, oclif\'s flags when taken', async () => {
  // Words from every flag's long name, alias, char and plausible and implausible values.
  let seed = 0x9e3779b9;
  const rnd = (n: number) => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  for (const id of Object.keys(COMMANDS) as (keyof typeof COMMANDS)[]) {
    const flags = COMMANDS[id].flags as Record<string, { char?: string; aliases?: string[]; options?: readonly string[] }>;
    const names = Object.keys(flags);
    const values = ['/p', 'x', '', '-', '-1', '0', '1', '4', '1024', '99999', '--', 'debug', 'resend', 'none', ...names.flatMap((n) => flags[n].options ?? [])];
    let taken = 0;
    for (let i = 0; i < 1500; i++) {
      const argv: string[] = [];
      const len = 1 + rnd(7);
      for (let k = 0; k < len; k++) {
        const name = names[rnd(names.length)];
        const f = flags[name];
        const form = rnd(10);
        const value = values[rnd(values.length)];
        if (form < 5) argv.push(`--${name}`, value);
        else if (form < 6) argv.push(`--${name}=${value}`);
        else if (form < 7 && f.char) argv.push(`-${f.char}`, value);
        else if (form < 8 && f.aliases?.length) argv.push(`--${f.aliases[0]}`, value);
        else if (form < 9) argv.push(`--${name}`);
        else argv.push(value);
      }
      // Usually with what makes a command line valid, so that many are taken.
      if (rnd(3) > 0) {
        if (id === 'fuse') argv.push('--mountpoint', '/m');
        if (id === 'virtiofs') argv.push('--sock', '/s');
        if (id === 'fscache') argv.push('--fscache', '/f');
      }
      if ((await agree(id, argv)) !== null) taken++;
    }
    assert.ok(taken > 20, `${id}: ${taken} of 1500 random command lines taken (the comparison needs some)`);
  }
});

/** The command line through oclif, as bin/run.js ran every command before (no entry). */
const throughOclif = (args: string[]) =>
  execa(process.execPath, ['--input-type=module', '-e', `const { execute } = await import('@oclif/core'); await execute({ dir: ${JSON.stringify(pathToFileURL(cli).href)}, args: ${JSON.stringify(args)} });`], { reject: false, cwd: repoRoot });

test('start-up failures through the entry: the output and exit code of the oclif command, and oclif not loaded', async () => {
  const dir = tempDir('nydus-entry-');
  const cases = [
    ['fuse', '--bootstrap', fixture.v6.bootstrap, '--localfs-dir', fixture.v6.blobs, '--mountpoint', `${dir}/missing`],
    ['fuse', '--bootstrap', fixture.v6.bootstrap, '--mountpoint', dir],
    ['fuse', '--bootstrap', `${dir}/nope.boot`, '--config', `${dir}/nope.json`, '--mountpoint', dir],
    ['fuse', '--mountpoint', dir, '--metrics-addr', 'no-port'],
    ['virtiofs', '--sock', `${dir}/v.sock`, '--bootstrap', fixture.v6.bootstrap],
  ];
  for (const args of cases) {
    assert.ok(daemonFlags(args) !== null, `${args.join(' ')} is the entry's`);
    const lean = await execa(process.execPath, [cli, ...args], { reject: false, cwd: repoRoot });
    const ref = await throughOclif(args);
    assert.is(lean.exitCode, ref.exitCode, `${args.join(' ')}: ${lean.stderr}`);
    assert.ok(lean.exitCode !== 0, args.join(' '));
    assert.is(lean.stdout, ref.stdout);
    // The log's time stamps differ.
    const plain = (text: string) => text.replace(/^\[[^\]\n]+\] /gm, '[time] ');
    assert.is(plain(lean.stderr), plain(ref.stderr), args.join(' '));
    const modules = await execa(process.execPath, [cli, ...args], { reject: false, cwd: repoRoot, env: { NODE_DEBUG: 'module' } });
    assert.is(modules.exitCode, lean.exitCode);
    assert.match(modules.stderr, /MODULE/, 'NODE_DEBUG=module lists what require() loads');
    assert.not.match(modules.stderr, /@oclif[/\\]core/, `${args.join(' ')}: oclif loaded`);
  }
});

test('a daemon starts from the one-file bundle when it is newer than the last tsc run (else from the modules), and leaves a V8 code cache beside it', async () => {
  const mtime = (p: string) => {
    try {
      return statSync(join(repoRoot, p)).mtimeMs;
    } catch {
      return -1;
    }
  };
  const bundleDir = join(repoRoot, 'dist/src/cli-bundle');
  const bundle = mtime('dist/src/cli-bundle/daemon.cjs');
  const current = bundle >= 0 && bundle >= mtime('dist/.tsbuildinfo');
  const dir = tempDir('nydus-entry-');
  const args = ['fuse', '--bootstrap', fixture.v6.bootstrap, '--localfs-dir', fixture.v6.blobs, '--mountpoint', `${dir}/missing`];
  const r = await execa(process.execPath, [cli, ...args], { reject: false, cwd: repoRoot, env: { NODE_DEBUG: 'esm' } });
  assert.is(r.exitCode, 1, r.stderr);
  assert.match(r.stderr, /missing/, 'the start-up failure is reported');
  const loaded = [...r.stderr.matchAll(/file:\/\/\S+?\.js/g)].map((m) => m[0]);
  assert.ok(loaded.some((u) => u.endsWith('/bin/run.js')), 'NODE_DEBUG=esm lists the modules loaded');
  const own = loaded.filter((u) => /\/dist\/src\/(daemon|cli)\//.test(u));
  if (!current) {
    assert.ok(own.some((u) => u.endsWith('/dist/src/cli/daemon-entry.js')), 'a stale or missing bundle is not used');
    return;
  }
  assert.equal(own, [], 'the bundle took the daemon: none of its modules is loaded');
  // A daemon that runs for a second leaves a code cache named after the bundle and node (none
  // before it: a cache is optional, removing one only costs a start its compile time).
  if (process.getuid?.() !== 0 || !existsSync('/dev/fuse')) return;
  for (const f of readdirSync(bundleDir)) if (f.endsWith('.v8cache')) rmSync(join(bundleDir, f), { force: true });
  const mnt = tempDir('nydus-entry-mnt-');
  const d = execa(process.execPath, [cli, 'fuse', '--bootstrap', fixture.v6.bootstrap, '--localfs-dir', fixture.v6.blobs, '--mountpoint', mnt], { reject: false, cwd: repoRoot });
  try {
    const cached = () => readdirSync(bundleDir).some((f) => f.startsWith('daemon.cjs.') && f.endsWith(`-${process.version}-${process.arch}.v8cache`));
    const end = Date.now() + 20_000;
    while (!cached() && Date.now() < end && d.exitCode === null) await new Promise((res) => setTimeout(res, 100));
    assert.ok(cached(), `a code cache in ${bundleDir}: ${readdirSync(bundleDir).join(' ')}`);
  } finally {
    d.kill('SIGTERM');
    await d;
  }
});

test('a bundle older than the last tsc run is not used: the daemon starts from the modules', async () => {
  if (!existsSync(join(repoRoot, 'dist/src/cli-bundle/daemon.cjs'))) return; // nothing to go stale
  // A package tree of its own whose dist/.tsbuildinfo is newer than the bundle it shares.
  const pkg = tempDir('nydus-entry-stale-');
  mkdirSync(join(pkg, 'bin'));
  mkdirSync(join(pkg, 'dist'));
  copyFileSync(cli, join(pkg, 'bin/run.js'));
  symlinkSync(join(repoRoot, 'dist/src'), join(pkg, 'dist/src'));
  writeFileSync(join(pkg, 'dist/.tsbuildinfo'), '{}');
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(pkg, 'dist/.tsbuildinfo'), later, later);
  const dir = tempDir('nydus-entry-');
  const args = ['fuse', '--bootstrap', fixture.v6.bootstrap, '--localfs-dir', fixture.v6.blobs, '--mountpoint', `${dir}/missing`];
  const r = await execa(process.execPath, [join(pkg, 'bin/run.js'), ...args], { reject: false, cwd: repoRoot, env: { NODE_DEBUG: 'esm' } });
  assert.is(r.exitCode, 1, r.stderr);
  assert.match(r.stderr, /missing/, 'the start-up failure is reported');
  const loaded = [...r.stderr.matchAll(/file:\/\/\S+?\.js/g)].map((m) => m[0]);
  assert.ok(loaded.some((u) => u.endsWith('/dist/src/cli/daemon-entry.js')), `the modules are loaded: ${loaded.join(' ')}`);
});

test.run();
