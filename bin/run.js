#!/usr/bin/env node
// The `nydus` command: oclif dispatches to the compiled commands in dist/src/commands.
// nydusd compatibility: `nydus --version|-V` prints nydusd's version text, and a command
// line that starts with an option (nydusd's no-subcommand form) runs the FUSE daemon;
// `--version`/`-V` there (or after `fuse`) wins over every other flag, as in nydusd.
// A daemon command (fuse, virtiofs, blobcache, singleton, fscache) whose command line is
// plainly valid starts without oclif (dist/src/cli/daemon-entry.js); oclif takes the rest.
// With NYDUS_STANDBY_FD set the process is a failover standby: it loads the daemon's code and
// waits for the supervisor's go before it starts (dist/src/cli/standby.js).
// Both come from their one-file bundle (dist/src/cli-bundle/daemon.cjs, scripts/bundle.mjs)
// when it is newer than the last tsc run, compiled with the V8 code cache an earlier daemon
// start left beside it; else from the modules.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const DAEMON_COMMANDS = new Set(['fuse', 'virtiofs', 'blobcache', 'singleton', 'fscache']);
const bundleFile = fileURLToPath(new URL('../dist/src/cli-bundle/daemon.cjs', import.meta.url));

/** The bundle's stat when it is current (newer than the last tsc run), else undefined. */
function currentBundle() {
  let st;
  try {
    st = statSync(bundleFile);
  } catch {
    return undefined;
  }
  try {
    return st.mtimeMs >= statSync(new URL('../dist/.tsbuildinfo', import.meta.url)).mtimeMs ? st : undefined;
  } catch {
    return st; // an installed package: no tsc runs here
  }
}

/**
 * Runs the bundle with a V8 code cache: its file name holds the bundle's identity (inode,
 * mtime, size) and node's version, so a cache never meets another bundle. `saveCodeCache()`
 * writes one a second later when none was accepted (by then the start-up code is compiled);
 * a package directory that is not writable just goes without.
 */
function loadBundle(st) {
  const cacheFile = `${bundleFile}.${st.ino}-${Math.trunc(st.mtimeMs * 1000)}-${st.size}-${process.version}-${process.arch}.v8cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // none yet
  }
  const script = new vm.Script(Module.wrap(readFileSync(bundleFile, 'utf8')), { filename: bundleFile, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundleFile), module, bundleFile, dirname(bundleFile));
  const save = () => {
    try {
      const tmp = `${cacheFile}.${process.pid}`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch {
      // read-only package: no cache
    }
  };
  const saveCodeCache = () => {
    if (cachedData === undefined || script.cachedDataRejected) setTimeout(save, 1000).unref();
  };
  return { ...module.exports, saveCodeCache };
}

/** runDaemonEntry and standBy, from the bundle or the modules. */
async function daemonEntry() {
  const st = currentBundle();
  if (st) return loadBundle(st);
  const [{ runDaemonEntry }, { standBy }] = await Promise.all([import('../dist/src/cli/daemon-entry.js'), import('../dist/src/cli/standby.js')]);
  return { runDaemonEntry, standBy, saveCodeCache: () => undefined };
}

const args = process.argv.slice(2);
const daemonForm = args.length > 0 && (args[0] === 'fuse' || args[0].startsWith('-'));
if (daemonForm && (args.includes('--version') || args.includes('-V'))) {
  const { versionText } = await import('../dist/src/daemon/version.js');
  process.stdout.write(versionText());
} else {
  const nydusdForm = args.length > 0 && args[0].startsWith('-') && !['--help', '-h'].includes(args[0]);
  const argv = nydusdForm ? ['fuse', ...args] : args;
  let taken = false;
  if (DAEMON_COMMANDS.has(argv[0])) {
    const entry = await daemonEntry();
    if (process.env.NYDUS_STANDBY_FD !== undefined && !(await entry.standBy(argv))) process.exit(0);
    entry.saveCodeCache();
    taken = await entry.runDaemonEntry(argv);
  }
  if (!taken) {
    const { execute } = await import('@oclif/core');
    await execute({ dir: import.meta.url, args: argv });
  }
}
