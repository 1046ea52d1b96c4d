// Upgrade: command lines of successors (hot upgrade) and restarts (failover).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { apisockOf, binaryPrefix, nextApiSock, restartArgv, splitCommandLine, stripUpgradeArgs, successorArgv } from '../../src/upgrade/command-line.js';

const node = process.execPath;
const recorded = [node, '/opt/a/bin/run.js', 'fuse', '--id', 'd1', '--mountpoint', '/mnt', '--apisock', '/s/api.sock', '--supervisor', '/s/sup.sock'];

test('split: prefix up to the subcommand', () => {
  assert.equal(splitCommandLine(recorded).prefix, [node, '/opt/a/bin/run.js', 'fuse']);
  assert.equal(splitCommandLine(['/usr/bin/nydusd', 'fuse', '-M', '/m']), { prefix: ['/usr/bin/nydusd', 'fuse'], args: ['-M', '/m'] });
  assert.equal(splitCommandLine(['/usr/bin/nydusd', '--mountpoint', '/m']).prefix, ['/usr/bin/nydusd']);
  assert.equal(splitCommandLine([node, '/x/run.js', '--mountpoint', '/m']).prefix, [node, '/x/run.js']);
});

test('strip --upgrade and every --apisock form; apisockOf reads them', () => {
  const args = ['--upgrade', '-A', '/a', '--apisock=/b', '-A/c', '--apisock', '/d', '--id', 'x'];
  assert.equal(stripUpgradeArgs(args), ['--id', 'x']);
  assert.is(apisockOf(args), '/d');
  assert.is(apisockOf(['-A/c']), '/c');
  assert.is(apisockOf(['--id', 'x']), undefined);
});

test('successor: same options, --upgrade and the new socket; --binary swaps the entry point', () => {
  assert.equal(successorArgv(recorded, '/s/api1.sock'), [node, '/opt/a/bin/run.js', 'fuse', '--id', 'd1', '--mountpoint', '/mnt', '--supervisor', '/s/sup.sock', '--upgrade', '--apisock', '/s/api1.sock']);
  assert.equal(successorArgv([...recorded, '--upgrade'], '/s/api2.sock', '/opt/b/bin/run.js').slice(0, 3), [node, '/opt/b/bin/run.js', 'fuse']);
  assert.equal(successorArgv(recorded, '/s/api1.sock', '/usr/bin/nydusd').slice(0, 2), ['/usr/bin/nydusd', 'fuse']);
  assert.equal(binaryPrefix('/x/run.mjs'), [node, '/x/run.mjs', 'fuse']);
});

test('restart: the same command line without --upgrade', () => {
  assert.equal(restartArgv([...recorded, '--upgrade']), recorded);
});

test('next API socket: api.sock → api1.sock → api2.sock, skipping existing names', () => {
  assert.is(nextApiSock('/s/api.sock', () => false), '/s/api1.sock');
  assert.is(nextApiSock('/s/api1.sock', () => false), '/s/api2.sock');
  assert.is(nextApiSock('/s/api9.sock', () => false), '/s/api10.sock');
  assert.is(nextApiSock('/s/api.sock', (p) => p === '/s/api1.sock'), '/s/api2.sock');
  assert.is(nextApiSock('/s/sock', () => false), '/s/sock1');
});

test.run();
