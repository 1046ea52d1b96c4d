// VM test layer: runs a shell script as root in a QEMU guest (TCG) whose kernel has what the host's
// lacks (cachefiles on-demand, virtio-fs). The guest boots a busybox initramfs, chroots into the
// host's root shared read-only over 9p, runs the script between console markers and powers off.
// Facts behind the choices: /work/shared/VM-TESTING.md. Used by test/vm/*.test.ts.
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, readSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execa } from 'execa';
import { repoRoot, tempDir } from '../helpers.js';
import { killPid, spawnLogged } from '../servers/common.js';

export interface GuestOptions {
  /**
   * POSIX sh script body, run as root by the host's /bin/sh, chrooted into the host's root
   * (read-only 9p: the host's /tmp, the repository and node are visible at their host paths).
   * Writable space: /run (tmpfs; TMPDIR=/run/tmp, HOME=/run) and the drives. stdin is /dev/null;
   * stdout and stderr go to the serial console, which carries about 170 KB/s under TCG: print
   * digests or summaries, not file contents. Not run with `set -e`: add it if wanted.
   */
  script: string;
  /** Raw images attached as virtio-blk, in order: /dev/vda, /dev/vdb... (see makeExt4Image). */
  drives?: string[];
  /** virtio-net, QEMU user networking: guest 10.0.2.15/24 via 10.0.2.2; the host's 127.0.0.1:PORT is 10.0.2.2:PORT. */
  net?: boolean;
  /** Guest memory (default 1024). A memory-backend object in extraQemuArgs must have this size. */
  memoryMiB?: number;
  /** Guest CPUs (default 2). */
  cpus?: number;
  /** Whole run, boot included (default 10 min). On expiry QEMU is killed and runGuest rejects. */
  timeoutMs?: number;
  /**
   * Appended to QEMU's command line, e.g. for virtio-fs: `-object memory-backend-memfd,id=mem,
   * size=<memoryMiB>M,share=on -numa node,memdev=mem -chardev socket,id=c0,path=SOCK -device
   * vhost-user-fs-pci,queue-size=1024,chardev=c0,tag=TAG` (the backend must already listen).
   */
  extraQemuArgs?: string[];
  /** Exported in the script's environment (names must be shell identifiers). */
  env?: Record<string, string>;
  /** Called with each console line (kernel messages included, no line ending) as it arrives. */
  log?: (line: string) => void;
}

export interface GuestResult {
  /** The script's exit status. */
  exitCode: number;
  /** The whole serial console text (\r\n turned into \n): kernel messages, markers, output. */
  console: string;
  /** What the script printed (stdout and stderr interleaved), between the markers. Kernel
   * messages of level err and worse printed meanwhile land here too. */
  output: string;
}

/** runGuest's rejection: the guest never reported the script's end (panic, hang, QEMU failure). */
export class GuestError extends Error {
  constructor(message: string, readonly console: string) {
    super(message);
    this.name = 'GuestError';
  }
}

/** The host's node, runnable in the guest at the same path (the guest's PATH has its directory). */
export function guestNode(): string {
  return process.execPath;
}

/** The repository root as the guest sees it: the same absolute path (the guest chroots into /). */
export const guestRepoRoot = repoRoot;

let kernelPath: Promise<string> | undefined;

/**
 * The guest kernel's bzImage: scripts/guest-kernel.sh builds it once per machine (~6 min, its
 * progress on our stderr) and caches it; the path is then remembered for this process.
 */
export function guestKernel(): Promise<string> {
  kernelPath ??= execa('sh', [join(repoRoot, 'scripts/guest-kernel.sh')], { stdin: 'ignore', stderr: 'inherit', timeout: 45 * 60_000 })
    .then((r) => r.stdout.trim().split('\n').at(-1)!)
    .catch((err: unknown) => {
      kernelPath = undefined;
      throw err;
    });
  return kernelPath;
}

/** A raw ext4 image of `sizeMiB`, for a virtio-blk drive (cachefiles refuses tmpfs as its cache dir). */
export function makeExt4Image(path: string, sizeMiB: number): void {
  writeFileSync(path, '');
  truncateSync(path, sizeMiB << 20);
  execFileSync('mkfs.ext4', ['-q', '-F', path], { stdio: ['ignore', 'ignore', 'pipe'] });
}

const BEGIN = '@@NYDUS-GUEST-BEGIN@@';
const END = /@@NYDUS-GUEST-END rc=(\d+)@@/g;
const TAIL_LINES = 60;
const BUSYBOX = '/bin/busybox';

// The initramfs's /init. The script's environment (/guest-env.sh) and body (/guest.sh) come in a
// second cpio segment per run; NYDUS_GUEST_NET there says whether to configure eth0.
const INIT = `#!/bin/busybox sh
/bin/busybox mkdir -p /proc /sys /hostroot
/bin/busybox mount -t proc proc /proc
/bin/busybox mount -t sysfs sysfs /sys
/bin/busybox mount -t devtmpfs devtmpfs /dev
/bin/busybox --install -s /bin
export PATH=/bin
fail() { echo "@@NYDUS-GUEST-INIT-FAILED: $*@@"; poweroff -f; }
mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000,ro hostroot /hostroot || fail mounting the host root over 9p
mount -t proc proc /hostroot/proc || fail proc
mount -t sysfs sysfs /hostroot/sys || fail sysfs
mount -t devtmpfs devtmpfs /hostroot/dev || fail devtmpfs
mount -t tmpfs -o mode=0755 tmpfs /hostroot/run || fail tmpfs on /run
mkdir -m 1777 /hostroot/run/tmp
cp /guest.sh /hostroot/run/guest.sh
. /guest-env.sh
if [ "$NYDUS_GUEST_NET" = 1 ]; then
  ip link set lo up && ip link set eth0 up && ip addr add 10.0.2.15/24 dev eth0 && ip route add default via 10.0.2.2 || fail network
fi
unset NYDUS_GUEST_NET
echo '${BEGIN}'
chroot /hostroot /bin/sh /run/guest.sh </dev/null 2>&1
echo "@@NYDUS-GUEST-END rc=$?@@"
sync
poweroff -f
`;

type CpioEntry = { name: string; mode: number; data?: Buffer; rdev?: [number, number] };

/** A newc cpio archive (what the kernel unpacks into its rootfs); no cpio binary or mknod needed. */
function cpio(entries: CpioEntry[]): Buffer {
  const parts: Buffer[] = [];
  const pad = (n: number) => Buffer.alloc((4 - (n % 4)) % 4);
  [...entries, { name: 'TRAILER!!!', mode: 0 }].forEach((e, i) => {
    const data = e.data ?? Buffer.alloc(0);
    const fields = [i + 1, e.mode, 0, 0, 1, 0, data.length, 0, 0, e.rdev?.[0] ?? 0, e.rdev?.[1] ?? 0, e.name.length + 1, 0];
    const header = Buffer.from(`070701${fields.map((f) => f.toString(16).padStart(8, '0')).join('')}${e.name}\0`);
    parts.push(header, pad(header.length), data, pad(data.length));
  });
  return Buffer.concat(parts);
}

/** True when the ELF file has no program interpreter (runs without the host's libraries). */
function isStatic(elf: Buffer): boolean {
  const phoff = Number(elf.readBigUInt64LE(0x20));
  const phentsize = elf.readUInt16LE(0x36);
  for (let i = 0; i < elf.readUInt16LE(0x38); i++) if (elf.readUInt32LE(phoff + i * phentsize) === 3 /* PT_INTERP */) return false;
  return true;
}

let baseInitramfs: Buffer | undefined;

/** The per-process part of the initramfs (busybox, /init, /dev/console), gzip'd. */
function base(): Buffer {
  if (baseInitramfs) return baseInitramfs;
  const busybox = readFileSync(BUSYBOX);
  if (!isStatic(busybox)) throw new Error(`${BUSYBOX} is not statically linked: apt-get install busybox-static (or sh scripts/setup-debian.sh vm)`);
  const dir = (name: string) => ({ name, mode: 0o40755 });
  baseInitramfs = gzipSync(cpio([
    dir('bin'), dir('dev'),
    { name: 'dev/console', mode: 0o20600, rdev: [5, 1] }, // the kernel opens it for init's stdio before devtmpfs is mounted
    { name: 'bin/busybox', mode: 0o100755, data: busybox },
    { name: 'init', mode: 0o100755, data: Buffer.from(INIT) },
  ]));
  return baseInitramfs;
}

const shellQuote = (v: string) => `'${v.replace(/'/g, `'\\''`)}'`;

/** The script's environment as a file of exports (PATH first has the directory of the host's node). */
function envFile(opts: GuestOptions): string {
  const env: Record<string, string> = {
    PATH: `${dirname(guestNode())}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
    HOME: '/run',
    TMPDIR: '/run/tmp',
    ...opts.env,
    NYDUS_GUEST_NET: opts.net ? '1' : '0',
  };
  return Object.entries(env).map(([k, v]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) throw new Error(`Expected a shell variable name for an env key of runGuest but received ${JSON.stringify(k)}`);
    return `export ${k}=${shellQuote(v)}\n`;
  }).join('');
}

/** The last `n` lines of the console for error messages, without terminal control sequences (SeaBIOS's). */
function tail(text: string, n = TAIL_LINES): string {
  return text.replace(/\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-~])/g, '').trimEnd().split('\n').slice(-n).join('\n');
}

/** Why the guest ended without an end marker, as far as QEMU's exit status and the console tell. */
function diagnose(text: string, qemuStatus: number | null): string {
  const panic = /Kernel panic - not syncing:.*$/m.exec(text)?.[0];
  if (panic) return `the guest kernel panicked (${panic.trim()})`;
  const init = /@@NYDUS-GUEST-INIT-FAILED: (.*)@@/.exec(text)?.[1];
  if (init) return `the guest's init failed: ${init}`;
  if (qemuStatus !== 0) return `QEMU failed (exit status ${qemuStatus})`;
  if (text.includes(BEGIN)) return 'the guest stopped while the script ran (no end marker)';
  return 'the guest stopped before the script started';
}

/** Reads what the serial log file gained since the last call and hands out whole lines. */
function consoleFollower(file: string, log?: (line: string) => void) {
  let offset = 0;
  let partial = '';
  const poll = () => {
    if (!log) return;
    const fd = openSync(file, 'r');
    try {
      const buf = Buffer.alloc(1 << 16);
      let n: number;
      while ((n = readSync(fd, buf, 0, buf.length, offset)) > 0) {
        offset += n;
        partial += buf.subarray(0, n).toString('latin1');
      }
    } finally {
      closeSync(fd);
    }
    const lines = partial.split('\n');
    partial = lines.pop()!;
    for (const l of lines) log(Buffer.from(l.replace(/\r$/, ''), 'latin1').toString('utf8'));
  };
  return {
    poll,
    /** The final read: the whole text, and the unfinished last line handed out too. */
    finish(): string {
      poll();
      if (log && partial) log(Buffer.from(partial.replace(/\r$/, ''), 'latin1').toString('utf8'));
      return readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
    },
  };
}

/**
 * Boots a guest, runs `opts.script` in it and resolves with its exit status and output once the
 * guest has powered off. Rejects (GuestError, with the console tail in the message) when the
 * script's end marker never appears: a kernel panic, init failing, QEMU failing, or the timeout.
 * QEMU is killed and the temporary files are removed in every case.
 */
export async function runGuest(opts: GuestOptions): Promise<GuestResult> {
  const kernel = await guestKernel();
  const work = tempDir('nydus-vm-');
  const serial = join(work, 'console.log');
  const qemuLog = join(work, 'qemu.log');
  writeFileSync(serial, '');
  try {
    const initrd = join(work, 'initramfs.cpio.gz');
    // The kernel unpacks concatenated gzip'd cpio segments in turn: the cached base, then this run's files.
    writeFileSync(initrd, Buffer.concat([base(), gzipSync(cpio([
      { name: 'guest.sh', mode: 0o100644, data: Buffer.from(opts.script) },
      { name: 'guest-env.sh', mode: 0o100644, data: Buffer.from(envFile(opts)) },
    ]))]));
    const memory = opts.memoryMiB ?? 1024;
    const args = [
      '-accel', 'tcg', '-cpu', 'max', '-smp', String(opts.cpus ?? 2), '-m', String(memory),
      '-kernel', kernel, '-initrd', initrd, '-append', 'console=ttyS0 panic=-1 quiet',
      '-nographic', '-serial', `file:${serial}`, '-monitor', 'none', '-no-reboot', '-nodefaults',
      '-virtfs', 'local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap',
      ...(opts.drives ?? []).flatMap((f) => ['-drive', `file=${f},format=raw,if=virtio`]),
      ...(opts.net ? ['-netdev', 'user,id=n0', '-device', 'virtio-net-pci,netdev=n0'] : []),
      ...(opts.extraQemuArgs ?? []),
    ];
    const qemu = spawnLogged('qemu-system-x86_64', args, qemuLog);
    const exited = new Promise<number | null>((resolve, reject) => {
      qemu.once('exit', (code) => resolve(code));
      qemu.once('error', reject);
    });
    const follower = consoleFollower(serial, opts.log);
    const timeoutMs = opts.timeoutMs ?? 10 * 60_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    let logError: unknown; // a throwing log() must not become an uncaught exception in a timer
    const ticker = setInterval(() => {
      try {
        follower.poll();
      } catch (err) {
        logError ??= err;
      }
    }, 200);
    let outcome: number | null | 'timeout';
    try {
      outcome = await Promise.race([exited, timedOut]);
    } finally {
      clearInterval(ticker);
      clearTimeout(timer);
      await killPid(qemu);
    }
    const text = follower.finish();
    if (logError) throw logError;
    const qemuErr = readFileSync(qemuLog, 'utf8').trim();
    const context = `${qemuErr ? `\nQEMU said: ${tail(qemuErr, 20)}` : ''}\nlast ${TAIL_LINES} console lines:\n${tail(text)}`;
    if (outcome === 'timeout') throw new GuestError(`guest timed out after ${timeoutMs} ms (QEMU killed)${context}`, text);
    const ends = [...text.matchAll(END)];
    const start = text.indexOf(BEGIN);
    if (!ends.length || start < 0) throw new GuestError(`${diagnose(text, outcome)}${context}`, text);
    const end = ends.at(-1)!;
    return { exitCode: Number(end[1]), console: text, output: text.slice(text.indexOf('\n', start) + 1, end.index) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
